// dist/server.js: starts the language server bundle (dist/server-main.js) with the V8 code cache the
// build made for it (dist/server-main.cache), so start-up need not compile the functions it runs.
// The cache is taken only when its header names the bundle beside it (the build tags the bundle
// with a hash of its text: V8 itself checks little more than the length); a cache another V8
// rejects (VS Code's Electron, another Node) is ignored too. Either way V8 compiles as usual.
'use strict';
const { readFileSync } = require('fs');
const { join } = require('path');
const { wrap } = require('module');
const { setFlagsFromString } = require('v8');
const { Script } = require('vm');

// The scanner's patterns are few and hot: compile them to native code at once instead of
// interpreting their first run and compiling on the next (half the cost of a first scan). Set
// before the bundle is compiled, the same way when the build makes the code cache.
setFlagsFromString('--no-regexp-tier-up');

const MAIN = join(__dirname, 'server-main.js');
const CACHE = join(__dirname, 'server-main.cache');
/** The bundle's last line: `//# un-citations-bundle=<hash of the text before it>`; the cache starts with `<hash>\n`. */
const TAG = /\/\/# un-citations-bundle=([0-9a-f]{16})\s*$/;

/** The tag of a bundle's text, or undefined. */
function tagOf(source) {
  return TAG.exec(source.slice(-80))?.[1];
}

/** Compiles and runs the bundle as the module `owner` (the entry module, so the bundle starts the server). */
function load(owner) {
  const source = readFileSync(MAIN, 'utf8');
  const tag = tagOf(source);
  let cachedData;
  try {
    const cache = readFileSync(CACHE);
    if (tag && cache.toString('latin1', 0, tag.length + 1) === `${tag}\n`) cachedData = cache.subarray(tag.length + 1);
  } catch {
    // no cache: compile as usual
  }
  const script = new Script(wrap(source), { filename: MAIN, cachedData });
  script.runInThisContext().call(owner.exports, owner.exports, require, owner, MAIN, __dirname);
  return { script, tag };
}

if (require.main === module) load(module);
else module.exports = { load };
