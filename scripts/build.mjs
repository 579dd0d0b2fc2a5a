// Bundles the entry points into dist/ with esbuild. --production: minified, no source maps.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyModules } from './lazy-modules.mjs';

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
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The compiled corpus snapshot (server/src/node/corpusSnapshot.ts): the code that writes it is
// bundled first; its hash is the build id the server bundle carries, so the server takes only a
// snapshot this very code wrote (and only for the sources it was made from).
const writer = await build({ ...common, entryPoints: [join(root, 'server/src/node/corpusSnapshot.ts')], write: false, minify: false, sourcemap: false, banner: {} });
const writerCode = writer.outputFiles[0].text;
const buildId = createHash('sha256').update(writerCode).digest('hex').slice(0, 16);
common.define = { ...common.define, __UN_CITATIONS_BUILD__: JSON.stringify(buildId) };

const shim = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";
const entries = [
  // The server bundle is server-main.js; dist/server.js is the loader that runs it with its code cache.
  { entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server-main.js'), banner: { js: shim }, plugins: [lazyModules(root)] },
  { entryPoints: ['server/src/cli.ts'], outfile: join(outdir, 'cli.js'), banner: { js: `#!/usr/bin/env node\n${shim}` } },
  { entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'extension.js'), external: ['vscode'], banner: { js: shim } },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all(entries.map((e) => build({ ...common, ...e })));
{
  const tmp = mkdtempSync(join(tmpdir(), 'un-snapshot-'));
  try {
    writeFileSync(join(tmp, 'writer.js'), `const __importMetaUrl = require('url').pathToFileURL(__filename).href;\n${writerCode}`);
    createRequire(import.meta.url)(join(tmp, 'writer.js')).writeCorpusSnapshot(join(root, 'data'), join(outdir, 'corpus.snapshot'), buildId);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
// The loader takes a code cache only for the bundle it was made from: the bundle's last line names it.
const serverMain = join(outdir, 'server-main.js');
if (existsSync(serverMain)) appendFileSync(serverMain, `\n//# un-citations-bundle=${createHash('sha256').update(readFileSync(serverMain)).digest('hex').slice(0, 16)}\n`);
copyFileSync(join(root, 'scripts', 'server-loader.cjs'), join(outdir, 'server.js'));
rmSync(join(outdir, 'server.js.map'), { force: true }); // the loader has none; one left from an older build would mislead
await writeCodeCache();
// A minified bundle has no map: one left from a development build would map it to the wrong lines.
if (production) for (const e of entries) rmSync(`${e.outfile}.map`, { force: true });
console.log(`built ${[join(outdir, 'server.js'), ...entries.map((e) => e.outfile), join(outdir, 'corpus.snapshot'), join(outdir, 'server-main.cache')].join(', ')}${production ? ' (production)' : ''}`);

/**
 * The V8 code cache of the server's start-up (server-main.cache): the built server runs one warm-up
 * session on stdio — initialize, open a draft, its first diagnostics, shutdown — and on exit
 * scripts/code-cache.cjs saves the code of every function it compiled.
 */
async function writeCodeCache() {
  const cacheFile = join(outdir, 'server-main.cache');
  rmSync(cacheFile, { force: true });
  const child = spawn(process.execPath, [join(root, 'scripts', 'code-cache.cjs'), resolve(outdir), '--stdio', '--corpus-dir', join(root, 'data')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  child.stdin.on('error', () => undefined); // a server that died: reported below, no cache
  let output = '';
  const exited = new Promise((done) => child.on('exit', done));
  // Each step waits for the server's answer, or for its end (then the rest is skipped).
  const waitFor = (text) => Promise.race([exited, new Promise((done) => {
    const check = () => output.includes(text) && (child.stdout.off('data', check), done());
    child.stdout.on('data', check);
    check();
  })]);
  child.stdout.on('data', (b) => (output += b));
  const timer = setTimeout(() => child.kill(), 60_000);
  const draft = 'The Conference recalled Resolution 5/3, para 9, VII.14 and decision 4/5, para. (j) (i) (ibid., para. 2).\n\n"Encourages States parties" (res. 5/3, para. 25).\n';
  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} } });
  await waitFor('"id":1');
  send({ method: 'initialized', params: {} });
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///warm-up.md', languageId: 'markdown', version: 1, text: draft } } });
  await waitFor('textDocument/publishDiagnostics');
  send({ id: 2, method: 'shutdown' });
  await waitFor('"id":2');
  send({ method: 'exit' });
  await exited;
  clearTimeout(timer);
  if (!existsSync(cacheFile)) console.warn('warning: no code cache written; the server compiles as usual');
}
