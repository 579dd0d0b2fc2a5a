// The workspace index (issue 13, defect 2): find-references reads citation keys of files that are not
// open from an index built asynchronously, documents are not kept in memory, each folder resolves with
// its own corpus, file-watch events update it, and a cancelled request stops.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { Corpora } from '../server/src/node/corpora';
import { WorkspaceIndexer } from '../server/src/node/workspaceIndexer';
import { DATA_DIR } from './helpers';
import { LspClient } from './lspClient';

const FIXTURE = join(__dirname, 'fixtures', 'resolution-12-2.md');
const where = (refs: Location[], root: string) => refs.map((r) => `${r.uri.replace(pathToFileURL(root).href, '')}:${r.range.start.line}:${r.range.start.character}`);

function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'un-index-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('the workspace index', () => {
  test('references in 500 closed files, with no document kept in memory', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++) files[`notes/n${i}.md`] = `# Note ${i}\n\nSee ${i % 2 ? 'VII.14' : 'recommendation 14 of the seventh meeting'} and I.38.\n`;
    const root = folderWith(files);
    try {
      const corpora = new Corpora(DATA_DIR);
      corpora.setFolders([pathToFileURL(root).href]);
      const indexer = new WorkspaceIndexer((uri) => corpora.serviceFor(uri), () => 5_000_000);
      await indexer.setFolders([pathToFileURL(root).href]);
      assert.equal(indexer.index.size, 500);
      const draftUri = pathToFileURL(join(root, 'draft.md')).href;
      const draft = TextDocument.create(draftUri, 'markdown', 1, 'Cite VII.14 here.');
      const service = corpora.serviceFor(draftUri);
      const refs = service.getReferences(draft, { line: 0, character: 7 }, [draft], indexer.index);
      assert.equal(refs.length, 501);
      assert.deepEqual(where(refs, root).slice(0, 3), ['/draft.md:0:5', '/notes/n0.md:2:4', '/notes/n1.md:2:4']);
      assert.equal(service.summary().documentsInMemory, 1, 'only the open draft is cached');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("each folder's files are read with that folder's own corpus", async () => {
    const a = folderWith({ 'a.md': 'Resolution 12/2, para 1 is not known here.\n' });
    const b = folderWith({ 'b.md': 'Resolution 12/2, para 1 is known here.\n' });
    mkdirSync(join(b, '.un-citations', 'corpus'), { recursive: true });
    copyFileSync(FIXTURE, join(b, '.un-citations', 'corpus', 'resolution-12-2.md'));
    try {
      const corpora = new Corpora(DATA_DIR);
      const folders = [pathToFileURL(a).href, pathToFileURL(b).href];
      corpora.setFolders(folders);
      const indexer = new WorkspaceIndexer((uri) => corpora.serviceFor(uri), () => 5_000_000);
      await indexer.setFolders(folders);
      const draftUri = pathToFileURL(join(b, 'draft.md')).href;
      const draft = TextDocument.create(draftUri, 'markdown', 1, 'Resolution 12/2, para 1');
      const refs = corpora.serviceFor(draftUri).getReferences(draft, { line: 0, character: 2 }, [draft], indexer.index);
      assert.deepEqual(where(refs, b), ['/draft.md:0:0', '/b.md:0:0']);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  test('file-watch events update it: a new file is found, a deleted one forgotten', async () => {
    const root = folderWith({ 'one.md': 'VII.14\n' });
    try {
      const corpora = new Corpora(DATA_DIR);
      corpora.setFolders([pathToFileURL(root).href]);
      const indexer = new WorkspaceIndexer((uri) => corpora.serviceFor(uri), () => 5_000_000);
      await indexer.setFolders([pathToFileURL(root).href]);
      const keys = new Set(['wg-meeting-7#14']);
      assert.equal(indexer.index.find(keys, new Set()).length, 1);
      writeFileSync(join(root, 'two.md'), 'and VII.14 again\n');
      await indexer.fileChanged(pathToFileURL(join(root, 'two.md')).href, false);
      assert.equal(indexer.index.find(keys, new Set()).length, 2);
      rmSync(join(root, 'one.md'));
      await indexer.fileChanged(pathToFileURL(join(root, 'one.md')).href, true);
      assert.deepEqual(where(indexer.index.find(keys, new Set()), root), ['/two.md:0:4']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('over stdio: references include closed files, and a cancelled references request stops', async () => {
    const files: Record<string, string> = {};
    // Enough text that indexing takes a while, so the cancellation arrives while the request waits.
    const filler = 'Prose without citations. '.repeat(2_000);
    for (let i = 0; i < 3_000; i++) files[`f${i}.md`] = `${filler}\n\nVII.14\n`;
    const root = folderWith(files);
    const client = await LspClient.start({ workspaceFolder: root });
    try {
      const uri = pathToFileURL(join(root, 'open.md')).href;
      client.open(uri, 'See VII.14.\n');
      const request = client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 6 }, context: { includeDeclaration: true } }, cancelSoon());
      await assert.rejects(request, (e: { code?: number }) => e.code === -32800, 'the request was cancelled');
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 6 }, context: { includeDeclaration: true } });
      assert.equal(refs.length, 3_001);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** A cancellation token that fires right after the request is sent. */
function cancelSoon() {
  // vscode-jsonrpc sends $/cancelRequest for the request when this token fires.
  const source = new CancellationTokenSource();
  setTimeout(() => source.cancel(), 20);
  return source.token;
}
