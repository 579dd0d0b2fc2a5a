// Build time only (scripts/build.mjs): runs the server bundle through the loader as a real server on
// stdio, and when the build's warm-up session ends, writes the V8 code cache of every function it
// compiled (dist/server-main.cache), headed by the bundle's tag. Usage: node scripts/code-cache.cjs DIST --stdio
'use strict';
const { writeFileSync } = require('fs');
const { join } = require('path');

const dist = process.argv[2];
const { script, tag } = require(join(dist, 'server.js')).load(module);
process.on('exit', () => {
  if (tag) writeFileSync(join(dist, 'server-main.cache'), Buffer.concat([Buffer.from(`${tag}\n`, 'latin1'), script.createCachedData()]));
});
