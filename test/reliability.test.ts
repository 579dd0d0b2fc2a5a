// Attacks on the server: random incremental edits checked against a fresh server, protocol abuse,
// broken corpus files, long sessions, and what the server may touch. Seeded and bounded for CI;
// RELIABILITY_ROUNDS=2000 (and FUZZ_SEED) run the long version on demand.

import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { generateDraft } from '../bench/drafts';
import { loadCorpus } from '../server/src/node/corpusFiles';
import { createLanguageService } from '../server/src/service';
import { DATA_DIR } from './helpers';
import { LspClient } from './lspClient';
import { FRAGMENTS, pick, randomText, rng } from './random';

const PULL = { textDocument: { diagnostic: {} } };
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS ?? 120);

async function pulled(client: LspClient, uri: string): Promise<Diagnostic[]> {
  return (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
}

/** Everything a client sees of a diagnostic: range, severity, code, message and the quick fixes in `data`. */
const shape = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message} ${JSON.stringify(d.data ?? null)}`);

describe('incremental sync equals a fresh server (differential)', () => {
  let edited: LspClient;
  let fresh: LspClient;
  before(async () => {
    edited = await LspClient.start({ capabilities: PULL });
    fresh = await LspClient.start({ capabilities: PULL });
  });
  after(async () => {
    await edited.stop();
    await fresh.stop();
  });

  test(`${ROUNDS} random edit sequences (inserts, deletes, multi-range changes, CRLF, emoji, surrogates; seed ${SEED})`, async () => {
    const random = rng(SEED);
    const extra = ['\r\n', '\r\n\r\n', 'é', '🇫🇷', '\u{1F600}', '\uD83D', 'Ω', '\t', '```\n', '<!--', '-->'];
    for (let round = 0; round < ROUNDS; round++) {
      const uri = `file:///fuzz/${round}.md`;
      // Our own copy of the document, updated exactly as the server must update its copy.
      let model = TextDocument.create(uri, 'markdown', 1, randomText(random, 30));
      edited.open(uri, model.getText());
      for (let step = 0; step < 10; step++) {
        const changes = [];
        const count = random() < 0.25 ? 2 + Math.floor(random() * 2) : 1;
        for (let k = 0; k < count; k++) {
          const length = model.getText().length;
          if (random() < 0.05) {
            changes.push({ text: randomText(random, 20) });
          } else {
            const a = Math.floor(random() * (length + 1));
            const b = Math.min(length, a + (random() < 0.5 ? Math.floor(random() * 15) : 0));
            const text = random() < 0.3 ? pick(random, extra) : random() < 0.8 ? pick(random, FRAGMENTS) : '';
            changes.push({ range: { start: model.positionAt(a), end: model.positionAt(b) }, text });
          }
          // Later changes in one notification apply to the text after the earlier ones.
          model = TextDocument.update(model, [changes[changes.length - 1]], model.version + 1);
        }
        edited.change(uri, changes);
      }
      const text = model.getText();
      const freshUri = `file:///fresh/${round}.md`;
      fresh.open(freshUri, text);
      const [a, b] = await Promise.all([pulled(edited, uri), pulled(fresh, freshUri)]);
      const label = `seed ${SEED} round ${round}: ${JSON.stringify(text)}`;
      assert.deepEqual(shape(a), shape(b), label);
      // Hover at a few places, citations or not.
      for (let h = 0; h < 3; h++) {
        const position = model.positionAt(Math.floor(random() * (text.length + 1)));
        const [ha, hb] = await Promise.all([
          edited.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }),
          fresh.request<Hover | null>('textDocument/hover', { textDocument: { uri: freshUri }, position }),
        ]);
        assert.deepEqual(ha, hb, `${label} hover at ${JSON.stringify(position)}`);
      }
      edited.close(uri);
      fresh.close(freshUri);
    }
  });
});

describe('protocol abuse: proper answers, and the server stays up', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: PULL });
  });
  after(async () => client.stop());

  test('requests for unknown, closed documents and positions past the end', async () => {
    const uri = 'file:///abuse/a.md';
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    client.open(uri, 'VII.14');
    // Past the end is clamped to the end, which touches the citation "VII.14".
    const far = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 999, character: 999 } });
    assert.deepEqual(far?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
    client.close(uri);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 2 } }), []);
    assert.deepEqual((await pulled(client, uri)), []);
  });

  test('invalid params get an answer, not a crash', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: {} }), null);
    assert.equal(await client.request('textDocument/hover', {}), null);
    assert.deepEqual(await client.request('unCitations/search', { query: 42 }), []);
    assert.deepEqual(await client.request('unCitations/search', null), []);
    const summary = await client.request<{ documents: number }>('unCitations/summary', null);
    assert.equal(summary.documents, 20);
  });

  // That a cancelled request stops is tested where a request can wait (workspace-index.test.ts:
  // references while the index is built). Here: cancelling the very request in flight, and a
  // cancellation of an id that is not pending, leave every other request answered.
  test('a cancellation, of a real or an unknown request, does not block the others', async () => {
    const uri = 'file:///abuse/cancel.md';
    client.open(uri, generateDraft(2_000));
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await client.connection.sendNotification('$/cancelRequest', { id: 987_654 });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 30 } });
    assert.ok(hover, 'hover answered');
    const settled = await pending.then((r) => Array.isArray((r as { items: unknown[] }).items), (e: { code?: number }) => e.code === -32800);
    assert.ok(settled, 'the cancelled request was answered or reported cancelled');
  });

  test('a didChange whose version skips still applies the change', async () => {
    const uri = 'file:///abuse/skip.md';
    client.open(uri, 'VII.14');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: 'VII.99' }] });
    assert.deepEqual((await pulled(client, uri)).map((d) => d.code), ['citation.unknown-paragraph']);
  });

  test('a client that does not read for a while gets every answer afterwards', async () => {
    const uri = 'file:///abuse/slow.md';
    client.open(uri, 'Resolution 5/3, para 9 and VII.14');
    client.process.stdout.pause();
    const answers = Array.from({ length: 200 }, () => client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }));
    await new Promise((r) => setImmediate(r));
    client.process.stdout.resume();
    const hovers = await Promise.all(answers);
    assert.equal(hovers.filter((h) => (h.contents as MarkupContent).value.includes('Welcomes the outcome')).length, 200);
  });

  test('documents closed are forgotten: memory holds only open documents', async () => {
    for (let i = 0; i < 100; i++) {
      const uri = `file:///abuse/many-${i}.md`;
      client.open(uri, `VII.${i % 30}`);
      await pulled(client, uri);
      client.close(uri);
    }
    const summary = await client.request<{ documentsInMemory: number }>('unCitations/summary', null);
    assert.ok(summary.documentsInMemory <= 4, `${summary.documentsInMemory} documents kept`);
  });
});

describe('exit without shutdown', () => {
  test('the process ends (exit code 1, as the protocol says)', async () => {
    const client = await LspClient.start();
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 1);
    client.connection.dispose();
  });
});

describe('corpus faults', () => {
  function corpusDir(mutate: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'un-bad-corpus-'));
    for (const f of ['corpus.json', 'compendium-smuggling-of-migrants-2024.txt', 'decision-4-5.txt', 'resolution-5-3.txt', 'draft-resolution-france-2008.txt']) copyFileSync(join(DATA_DIR, f), join(dir, f));
    mutate(dir);
    return dir;
  }

  const cases: [string, (dir: string) => void, RegExp, string[]][] = [
    ['a missing file', (d) => writeFileSync(join(d, 'corpus.json'), JSON.stringify({ sources: [{ file: 'gone.txt' }, { file: 'decision-4-5.txt' }] })), /cannot read gone\.txt: ENOENT/, ['decision-4-5.standalone']],
    ['a truncated compendium', (d) => writeFileSync(join(d, 'compendium-smuggling-of-migrants-2024.txt'), readFileSync(join(DATA_DIR, 'compendium-smuggling-of-migrants-2024.txt'), 'utf8').slice(0, 20_000)), /Part B is missing/, ['wg-meeting-1', 'decision-4-5.standalone']],
    ['a corrupted (binary) file', (d) => writeFileSync(join(d, 'resolution-5-3.txt'), Buffer.from([0, 159, 146, 150, 0, 1])), /binary data/, ['decision-4-5.standalone']],
    ['a broken manifest', (d) => writeFileSync(join(d, 'corpus.json'), '{ "sources": ['), /cannot read .*corpus\.json/, []],
  ];
  for (const [name, mutate, message, stillThere] of cases) {
    test(`${name}: one clear error message, and the server serves what it can`, async () => {
      const client = await LspClient.start({ args: ['--corpus-dir', corpusDir(mutate)] });
      try {
        await client.until(() => client.notifications.some((n) => n.method === 'window/showMessage'), 'an error message');
        const shown = client.notifications.filter((n) => n.method === 'window/showMessage');
        assert.equal(shown.length, 1);
        assert.match((shown[0].params as { message: string }).message, message);
        const uri = 'file:///faults/draft.md';
        client.open(uri, 'Decision 4/5 (j)(i) and I.38');
        await client.diagnosticsFor(uri, 1);
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
        const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
        if (stillThere.some((id) => id.startsWith('decision-4-5'))) assert.match(text, /Welcomed the steps being taken to develop a model law/);
        else assert.match(text, /Decision 4\/5 is not in the corpus/);
      } finally {
        await client.stop();
      }
    });
  }
});

describe('long sessions', () => {
  test('the live heap stays flat over 3,000 edits (no old document versions kept alive)', () => {
    // Before the fix, citations and quotations kept across edits were slices of old document
    // versions, so every version stayed in memory: +15 MB between these two points.
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const service = createLanguageService({ corpus: loadCorpus(DATA_DIR), corpusUri: (f) => f });
    let model = TextDocument.create('file:///heap.md', 'markdown', 1, generateDraft(5_000));
    const random = rng(SEED);
    const edit = (n: number) => {
      for (let i = 0; i < n; i++) {
        const at = Math.floor(random() * model.getText().length);
        const change = { range: { start: model.positionAt(at), end: model.positionAt(at + (i % 2)) }, text: i % 2 ? '' : pick(random, ['x', ' VII.1', '9', '\n', '"']) };
        model = TextDocument.update(model, [change], model.version + 1);
        if (i % 25 === 24) service.getDiagnostics(model);
      }
      service.getDiagnostics(model);
      gc();
      return process.memoryUsage().heapUsed / 1e6;
    };
    edit(1_000);
    const start = edit(0);
    const end = edit(2_000);
    assert.ok(end - start < 8, `live heap grew from ${start.toFixed(1)} MB to ${end.toFixed(1)} MB`);
  });

  test('memory stays flat over 2,000 edits on a 5,000-line draft', async () => {
    // --expose-gc lets the server report its live heap after a full collection: what it keeps.
    const client = await LspClient.start({ capabilities: PULL, nodeArgs: ['--expose-gc'] });
    try {
      const uri = 'file:///long/draft.md';
      let model = TextDocument.create(uri, 'markdown', 1, generateDraft(5_000));
      client.open(uri, model.getText());
      const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.process.pid}/status`, 'utf8'))![1]) / 1024;
      const random = rng(SEED);
      const edit = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const at = Math.floor(random() * model.getText().length);
          const change = { range: { start: model.positionAt(at), end: model.positionAt(at + (i % 2)) }, text: i % 2 ? '' : pick(random, ['x', ' VII.1', '9', '\n']) };
          model = TextDocument.update(model, [change], model.version + 1);
          client.change(uri, [change]);
          if (i % 50 === 49) await pulled(client, uri);
        }
        await pulled(client, uri);
      };
      const liveHeap = async () => (await client.request<number>('unCitations/liveHeap', null)) / 1e6;
      await edit(300); // warm up: JIT and caches reach their working size
      const start = rss();
      const heapStart = await liveHeap();
      await edit(2_000);
      const end = rss();
      const heapEnd = await liveHeap();
      // What is kept must not grow; the allocator's high-water mark (RSS) only within a wide bound.
      assert.ok(heapEnd - heapStart < 10, `live heap grew from ${heapStart.toFixed(1)} MB to ${heapEnd.toFixed(1)} MB`);
      assert.ok(end - start < 120, `RSS grew from ${start.toFixed(0)} MB to ${end.toFixed(0)} MB`);
    } finally {
      await client.stop();
    }
  });
});

describe('security', () => {
  test('the server runs nothing, opens no connection and writes no file during a session', async () => {
    const client = await LspClient.start({ capabilities: PULL, nodeArgs: ['--require', join(__dirname, 'guard', 'forbid.js')] });
    const uri = 'file:///sec/a.md';
    client.open(uri, 'Resolution 5/3, para 25; VII.14; `code`; [link](file:///etc/passwd); <!-- un-cite-disable-line -->');
    await pulled(client, uri);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
    await client.request('workspace/symbol', { query: 'smuggled' });
    await client.request('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 27 }, context: { includeDeclaration: true } });
    await client.stop();
    assert.deepEqual(client.stderr.join('').split('\n').filter((l) => l.startsWith('FORBIDDEN')), []);
  });

  test('find references never follows a symlink out of the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'un-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'VII.14 outside the workspace');
    const workspace = mkdtempSync(join(tmpdir(), 'un-ws-'));
    mkdirSync(join(workspace, 'notes'));
    writeFileSync(join(workspace, 'notes', 'inside.md'), 'VII.14 inside');
    symlinkSync(outside, join(workspace, 'escape'));
    symlinkSync(join(outside, 'secret.md'), join(workspace, 'notes', 'linked.md'));
    const client = await LspClient.start({ workspaceFolder: workspace });
    try {
      const uri = pathToFileURL(join(workspace, 'draft.md')).href;
      client.open(uri, 'See VII.14.');
      await client.diagnosticsFor(uri, 1);
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 6 }, context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)).sort(), ['draft.md', 'inside.md']);
    } finally {
      await client.stop();
    }
  });
});
