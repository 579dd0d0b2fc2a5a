// Bundles the entry points into dist/ with esbuild. --production: minified, no source maps.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
// --outdir DIR: build elsewhere than dist/ (tests build into a temporary folder).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  // ESM dependencies (tinyglobby) read import.meta.url, which a CommonJS bundle must provide.
  define: { 'import.meta.url': '__importMetaUrl' },
};
const shim = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";
const entries = [
  { entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server.js'), banner: { js: shim } },
  { entryPoints: ['server/src/cli.ts'], outfile: join(outdir, 'cli.js'), banner: { js: `#!/usr/bin/env node\n${shim}` } },
  { entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'extension.js'), external: ['vscode'], banner: { js: shim } },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all(entries.map((e) => build({ ...common, ...e })));
// A minified bundle has no map: one left from a development build would map it to the wrong lines.
if (production) for (const e of entries) rmSync(`${e.outfile}.map`, { force: true });
console.log(`built ${entries.map((e) => e.outfile).join(', ')}${production ? ' (production)' : ''}`);
