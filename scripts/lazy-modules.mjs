// An esbuild plugin for the server bundle's start-up: work that dependencies do when they are loaded,
// and that the first diagnostics do not need, is put off until it is used. Each rewrite is exact and
// checked: when a dependency's text is not what it expects (another version), the file is bundled as
// it is — slower to start, never different.
//
// - vscode-jsonrpc and vscode-languageserver load `crypto` (random pipe names, UUIDs) and
//   `child_process` (finding npm's and yarn's global folders) at start; Node then compiles those
//   built-in modules (several ms). Each use is a call `(0, module.fn)(…)`, so a module object that
//   requires the built-in on first property read behaves the same.
// - entities (markdown-it's) unpacks its HTML entity table (a 2,000-entity trie) at start; it is
//   read only when a text holds an `&…;` entity.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** `require("x")` → a module object that loads x on first use (the built-ins named here only). */
const LAZY_BUILTINS = ['crypto', 'child_process'];
const LAZY_REQUIRE = `(function lazyBuiltin(id) { let m; return new Proxy({}, { get: (_, key) => (m ??= require(id))[key], has: (_, key) => key in (m ??= require(id)) }); })`;

function builtinRewrite(text) {
  let count = 0;
  const out = text.replace(/(const \w+ = )require\("(crypto|child_process)"\);/g, (all, head, id) => (LAZY_BUILTINS.includes(id) ? (count++, `${head}${LAZY_REQUIRE}("${id}");`) : all));
  return count ? out : undefined;
}

/** The entity trie of entities/dist, built on first read: [generated table, decoder]. */
function entitiesRewrite(root) {
  const require = createRequire(join(root, 'package.json'));
  let dist;
  try {
    dist = dirname(require.resolve('entities', { paths: [dirname(require.resolve('markdown-it'))] }));
  } catch {
    return undefined;
  }
  const table = join(dist, 'generated', 'decode-data-html.js');
  const decoder = join(dist, 'decode.js');
  if (!existsSync(table) || !existsSync(decoder)) return undefined;
  const tableText = readFileSync(table, 'utf8');
  const decoderText = readFileSync(decoder, 'utf8');
  const call = /export const htmlDecodeTree = \/\* #__PURE__ \*\/ decodeTrieDict\(("(?:[^"\\\n]|\\.)*"(?:, [\d_]+)*)\);/;
  const use = 'const decodeTree = htmlDecodeTree;';
  // Only when the table is read in that one place: anything else would see the wrapper.
  if (!call.test(tableText) || decoderText.split('htmlDecodeTree').length !== 5 || !decoderText.includes(use) || !decoderText.includes('export { htmlDecodeTree }')) return undefined;
  return new Map([
    [table, tableText.replace(call, (_, args) => `let tree;\nexport const htmlDecodeTree = { get tree() { return (tree ??= decodeTrieDict(${args})); } };\n`)],
    [decoder, decoderText.replace(use, 'const decodeTree = htmlDecodeTree.tree;').replace('export { htmlDecodeTree }', 'export {}')],
  ]);
}

export function lazyModules(root) {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]lib[\\/]node[\\/](ril|main|files)\.js$/ }, (args) => {
        const contents = builtinRewrite(readFileSync(args.path, 'utf8'));
        return contents === undefined ? undefined : { contents, loader: 'js' };
      });
      const entities = entitiesRewrite(root);
      if (!entities) return;
      build.onLoad({ filter: /[\\/]entities[\\/]dist[\\/](generated[\\/]decode-data-html|decode)\.js$/ }, (args) => {
        const contents = entities.get(args.path);
        return contents === undefined ? undefined : { contents, loader: 'js' };
      });
    },
  };
}
