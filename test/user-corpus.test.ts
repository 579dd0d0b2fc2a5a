// Users' own documents: a new "Resolution 12/2" in .un-citations/corpus/ becomes citable with
// every feature, live; its errors are diagnostics in the file; clashes with the built-in corpus
// are reported; nothing outside the workspace is read.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, LocationLink, MarkupContent } from 'vscode-languageserver-types';
import { buildCorpus } from '../server/src/corpus/corpus';
import { parseUserDocument } from '../server/src/corpus/userDocument';
import { readCorpusSources } from '../server/src/node/corpusFiles';
import { readUserSources } from '../server/src/node/userCorpus';
import { DATA_DIR } from './helpers';
import { LspClient } from './lspClient';

const FIXTURE = join(__dirname, 'fixtures', 'resolution-12-2.md');
const CLI = join(__dirname, '..', 'dist', 'cli.js');

function workspaceWithResolution(): { folder: string; corpusFile: string } {
  const folder = mkdtempSync(join(tmpdir(), 'un-user-'));
  mkdirSync(join(folder, '.un-citations', 'corpus'), { recursive: true });
  const corpusFile = join(folder, '.un-citations', 'corpus', 'resolution-12-2.md');
  copyFileSync(FIXTURE, corpusFile);
  return { folder, corpusFile };
}

describe('the document format', () => {
  test('front matter and paragraphs numbered as drafters number them', () => {
    const { document, problems } = parseUserDocument(readFileSync(FIXTURE, 'utf8'), '/x/resolution-12-2.md');
    assert.deepEqual(problems, []);
    assert.deepEqual([document!.id, document!.instrumentId, document!.kind, document!.name, document!.symbol, document!.session], ['resolution-12-2', 'resolution-12-2', 'resolution', 'Resolution 12/2', 'CTOC/COP/2024/15', 12]);
    assert.deepEqual(document!.paragraphs.map((p) => `${p.key}: ${p.text}`), [
      'PP1: Recalling its resolution 5/3 of 22 October 2010,',
      'PP2: Concerned about the loss of life at sea,',
      '1: Urges States parties to strengthen search and rescue at sea;',
      '2: Requests the Secretariat:',
      '2(a): To collect information on deaths at sea;',
      '2(b): To report to the Conference at its thirteenth session.',
    ]);
    assert.ok(document!.aliases.includes('the Vienna resolution'));
  });

  test('errors name the line: missing fields, duplicate numbers, gaps', () => {
    const text = ['---', 'id: resolution-12-3', 'kind: resolution', 'number: 12/3', '---', '', '1. One;', '', '3. Three;', '', '3. Three again.'].join('\n');
    const { problems } = parseUserDocument(text, '/x/r.md');
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.message]), [
      ['missing-field', 4, 'the front matter has no "title:" field'],
    ]);
    const withTitle = text.replace('number: 12/3', 'number: 12/3\ntitle: T');
    assert.deepEqual(parseUserDocument(withTitle, '/x/r.md').problems.map((p) => [p.code, p.line, p.message]), [
      ['numbering-gap', 9, 'paragraph 3 follows paragraph 1'],
      ['numbering-gap', 11, 'paragraph 3 follows paragraph 3'],
      ['duplicate-paragraph', 11, 'paragraph 3 appears twice'],
    ]);
    assert.equal(parseUserDocument('no front matter', '/x/r.md').problems[0].code, 'missing-front-matter');
  });

  test('a clash with the built-in corpus is reported where it is written', () => {
    const builtin = readCorpusSources(DATA_DIR).sources;
    const clashing = ['---', 'id: decision-4-5', 'kind: document', 'title: Note', '---', '1. Text.'].join('\n');
    const aliasClash = ['---', 'id: my-note', 'kind: document', 'title: Note', 'aliases: [res. 5/3, my note]', '---', '1. Text.'].join('\n');
    const instrumentClash = ['---', 'id: mine', 'kind: resolution', 'number: 5/3', 'title: T', '---', '1. Text.'].join('\n');
    const corpus = buildCorpus([...builtin, { file: '/w/a.md', text: clashing, user: true }, { file: '/w/b.md', text: aliasClash, user: true }, { file: '/w/c.md', text: instrumentClash, user: true }]);
    assert.deepEqual(corpus.problems.filter((p) => p.user).map((p) => [p.file, p.code, p.line, p.message]), [
      ['/w/a.md', 'id-clash', 1, 'id "decision-4-5" is already used by the built-in Decision 4/5; this document is not loaded'],
      ['/w/b.md', 'alias-clash', 4, 'alias "res. 5/3" already names the built-in Resolution 5/3; it is ignored here'],
      ['/w/c.md', 'instrument-clash', 3, 'Resolution 5/3 is already in the built-in corpus; this document is not loaded'],
    ]);
    assert.ok(corpus.byId.has('my-note'));
    assert.deepEqual(corpus.byId.get('my-note')!.aliases, ['my note', 'Note']);
  });
});

describe('discovery and security', () => {
  test('files under .un-citations/corpus/ are read; links out of it are refused with a message', () => {
    const { folder } = workspaceWithResolution();
    const outside = mkdtempSync(join(tmpdir(), 'un-outside-'));
    writeFileSync(join(outside, 'secret.md'), '---\nid: secret\nkind: document\ntitle: Secret\n---\n1. Secret.');
    symlinkSync(join(outside, 'secret.md'), join(folder, '.un-citations', 'corpus', 'link.md'));
    symlinkSync(outside, join(folder, '.un-citations', 'corpus', 'dir'));
    const { sources, problems } = readUserSources(folder, []);
    assert.deepEqual(sources.map((s) => s.file.slice(folder.length)), ['/.un-citations/corpus/resolution-12-2.md']);
    assert.deepEqual(problems.map((p) => p.code), ['outside', 'outside']);
    assert.match(problems[0].message, /is a link to .*outside .*; not read/);
  });

  test('configured paths: files and folders, missing ones reported; large files capped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'un-configured-'));
    copyFileSync(FIXTURE, join(dir, 'r.md'));
    writeFileSync(join(dir, 'huge.md'), 'x'.repeat(3 * 1024 * 1024));
    const { sources, problems } = readUserSources(undefined, [dir, join(dir, 'nothing-here.md')]);
    assert.deepEqual(sources.map((s) => s.file), [join(dir, 'r.md')]);
    assert.deepEqual(problems.map((p) => p.code), ['too-large', 'missing']);
  });
});

describe('in the server over stdio', () => {
  test('a new "Resolution 12/2" is citable: hover, definition, completion, diagnostics; edits apply live', async () => {
    const { folder, corpusFile } = workspaceWithResolution();
    const client = await LspClient.start({ workspaceFolder: folder, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    try {
      const uri = pathToFileURL(join(folder, 'draft.md')).href;
      client.open(uri, 'See Resolution 12/2, para 2 (a) and Resolution 12/2, para 3.\nResolution ');
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['citation.unknown-paragraph', 'No paragraph 3: Resolution 12/2 has operative paragraphs 1, 2 and preambular paragraphs PP 1, 2.']]);

      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
      assert.match((hover.contents as MarkupContent).value, /\*\*Resolution 12\/2, paragraph 2 \\\(a\\\)\*\*\n\n> To collect information on deaths at sea;/);

      const [link] = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 6 } });
      assert.equal(link.targetUri, pathToFileURL(corpusFile).href);
      assert.equal(readFileSync(corpusFile, 'utf8').split('\n')[link.targetRange.start.line], '(a) To collect information on deaths at sea;');

      const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 11 } });
      assert.ok(completion.items.some((i) => i.label === '12/2'), 'completion offers 12/2');

      // Add paragraph 3 on disk; the editor's file watcher tells the server.
      writeFileSync(corpusFile, readFileSync(corpusFile, 'utf8') + '\n3. *Decides* to remain seized of the matter.\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(corpusFile).href, type: 2 }] });
      await client.until(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 'the draft rechecked against the edited corpus');
    } finally {
      await client.stop();
    }
  });

  test('editing the corpus file in the editor updates open drafts, and its errors are diagnostics in it', async () => {
    const { folder, corpusFile } = workspaceWithResolution();
    const client = await LspClient.start({ workspaceFolder: folder });
    try {
      const draft = pathToFileURL(join(folder, 'draft.md')).href;
      client.open(draft, 'Resolution 12/2, para 1');
      assert.deepEqual(await client.diagnosticsFor(draft, 1), []);
      const corpusUri = pathToFileURL(corpusFile).href;
      const text = readFileSync(corpusFile, 'utf8');
      client.open(corpusUri, text);
      // Renumber paragraph 1 as 4: the draft's citation breaks, and the file reports its gap.
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('1. '));
      client.change(corpusUri, [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '4' }]);
      await client.until(() => client.diagnostics.get(draft)?.diagnostics.some((d) => d.code === 'citation.unknown-paragraph') ?? false, 'the draft flagged');
      await client.until(() => client.diagnostics.get(corpusUri)?.diagnostics.some((d) => d.code === 'corpus.numbering-gap') ?? false, 'the corpus file flagged');
      const gap = client.diagnostics.get(corpusUri)!.diagnostics.find((d) => d.code === 'corpus.numbering-gap')!;
      assert.equal(gap.range.start.line, line);
      assert.match(String(gap.message), /paragraph 4 follows paragraph none|paragraph 2 follows paragraph 4/);
    } finally {
      await client.stop();
    }
  });

  test('multi-root: each folder sees only its own additions', async () => {
    const a = workspaceWithResolution().folder;
    const b = mkdtempSync(join(tmpdir(), 'un-user-b-'));
    const client = await LspClient.start({ workspaceFolder: a });
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [] } });
    try {
      const inA = pathToFileURL(join(a, 'x.md')).href;
      const inB = pathToFileURL(join(b, 'y.md')).href;
      client.open(inA, 'Resolution 12/2, para 1');
      client.open(inB, 'Resolution 12/2, para 1');
      assert.deepEqual(await client.diagnosticsFor(inA, 1), []);
      assert.deepEqual((await client.diagnosticsFor(inB, 1)).map((d) => d.code), ['citation.unknown-instrument']);
    } finally {
      await client.stop();
    }
  });
});

describe('in the command line', () => {
  test('./.un-citations/corpus/ is read, and --corpus adds more', () => {
    const { folder } = workspaceWithResolution();
    writeFileSync(join(folder, 'draft.md'), 'Resolution 12/2, para 3 and the Vienna resolution, para 1.\nAlso Note 7, para 2.\n');
    const extra = mkdtempSync(join(tmpdir(), 'un-extra-'));
    writeFileSync(join(extra, 'note.md'), '---\nid: note-7\nkind: document\ntitle: Note 7\n---\n1. First.\n\n2. Second.\n');
    const r = spawnSync(process.execPath, [CLI, 'check', 'draft.md', '--corpus', extra], { cwd: folder, encoding: 'utf8' });
    assert.equal(r.stdout, 'draft.md:1:1: error citation.unknown-paragraph No paragraph 3: Resolution 12/2 has operative paragraphs 1, 2 and preambular paragraphs PP 1, 2.\n');
    assert.equal(r.status, 1);
    const show = spawnSync(process.execPath, [CLI, 'show', 'Note 7, para 2', '--corpus', extra], { cwd: folder, encoding: 'utf8' });
    assert.match(show.stdout, /^Note 7, para 2\nSecond\.\n  .*note\.md:8:1\n/);
  });

  test('errors in a corpus document are findings in that file', () => {
    const { folder, corpusFile } = workspaceWithResolution();
    writeFileSync(corpusFile, readFileSync(corpusFile, 'utf8').replace('aliases: [Resolution 12/2 of 2024, the Vienna resolution]', 'aliases: [res. 5/3]'));
    writeFileSync(join(folder, 'draft.md'), 'Nothing.\n');
    const r = spawnSync(process.execPath, [CLI, 'check', 'draft.md'], { cwd: folder, encoding: 'utf8' });
    assert.equal(r.stdout, '.un-citations/corpus/resolution-12-2.md:8:1: error corpus.alias-clash alias "res. 5/3" already names the built-in Resolution 5/3; it is ignored here\n');
    assert.equal(r.status, 1);
  });
});
