// Bundles the entry points into dist/ with esbuild. --production: minified, no source maps.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
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
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: shim } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${shim}` } },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: shim } },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all(entries.map((e) => build({ ...common, ...e })));
console.log(`built ${entries.map((e) => e.outfile).join(', ')}${production ? ' (production)' : ''}`);
