// End to end: the bundled server over stdio, driven by a real JSON-RPC client.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CompletionList, Hover, LocationLink, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';

describe('the server over stdio (push diagnostics)', () => {
  let client: LspClient;
  const uri = 'file:///tmp/draft.md';
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => client.stop());

  test('announces the corpus once ready', async () => {
    await client.until(() => client.notifications.some((n) => n.method === 'unCitations/status'), 'status');
    const status = client.notifications.find((n) => n.method === 'unCitations/status')!.params as { state: string; documents: number; paragraphs: number; problems: string[] };
    assert.deepEqual([status.state, status.documents, status.problems], ['ready', 20, []]);
    assert.ok(status.paragraphs > 400);
  });

  test('diagnostics on open, after an incremental edit, and cleared on close', async () => {
    client.open(uri, 'See Resolution 5/3, para 25.\nAnd VII.14.\n');
    const first = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(first.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]), [
      ['citation.unknown-paragraph', 0, 4, 27, 'No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.'],
    ]);
    // Replace "25" with "24": the error goes.
    const v2 = client.change(uri, [{ range: { start: { line: 0, character: 25 }, end: { line: 0, character: 27 } }, text: '24' }]);
    assert.deepEqual(await client.diagnosticsFor(uri, v2), []);
    // A full-text change is accepted too.
    const v3 = client.change(uri, [{ text: 'VII.99' }]);
    assert.deepEqual((await client.diagnosticsFor(uri, v3)).map((d) => d.code), ['citation.unknown-paragraph']);
    client.close(uri);
    await client.until(() => client.diagnostics.get(uri)?.diagnostics.length === 0 && client.diagnostics.get(uri)?.version === undefined, 'cleared diagnostics');
  });

  test('hover answers with the exact paragraph text', async () => {
    const u = 'file:///tmp/hover.md';
    client.open(u, 'as in I.38 above');
    await client.diagnosticsFor(u, 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 8 } });
    assert.deepEqual(hover.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } });
    assert.match((hover.contents as MarkupContent).value, /> States parties may wish to reinforce their prevention efforts/);
  });

  test('definition lands on a line of data/ that holds the paragraph', async () => {
    const u = 'file:///tmp/def.md';
    client.open(u, 'Decision 4/5 (j)(ii)');
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: u }, position: { line: 0, character: 3 } });
    assert.equal(links.length, 2, 'the compendium and the standalone copy');
    for (const link of links) {
      const line = readFileSync(fileURLToPath(link.targetUri), 'utf8').split('\n')[link.targetRange.start.line];
      assert.match(line, /\(ii\) Welcomed also the efforts undertaken to provide guidance/);
      assert.deepEqual(link.originSelectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
    }
  });

  test('completion after "Resolution 6/3, para 9 ("', async () => {
    const u = 'file:///tmp/complete.md';
    client.open(u, 'Resolution 6/3, para 9 (');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 0, character: 24 } });
    assert.deepEqual(list.items.map((i) => i.label), ['(a)', '(b)', '(c)']);
  });

  test('code actions fix a broken citation', async () => {
    const u = 'file:///tmp/fix.md';
    client.open(u, 'Part B I.iii');
    const diagnostics = await client.diagnosticsFor(u, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.filter((a) => a.kind === 'quickfix').map((a) => a.edit?.changes?.[u]?.[0].newText), ['Part B I.b.iii']);
  });

  test('the search request the VS Code client uses', async () => {
    const results = await client.request<{ citation: string }[]>('unCitations/search', { query: 'non-liability smuggled', limit: 3 });
    assert.equal(results[0].citation, 'X.11');
  });

  test('requests for unknown documents get empty answers, and the server stays up', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 9, character: 9 } });
    assert.deepEqual(links, []);
  });
});

describe('the server over stdio (pull diagnostics)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } } });
  });
  after(async () => client.stop());

  test('answers textDocument/diagnostic and pushes nothing', async () => {
    const u = 'file:///tmp/pull.md';
    client.open(u, 'Resolution 5/3, para 99');
    const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: u } });
    assert.deepEqual([report.kind, report.items.map((i) => i.code)], ['full', ['citation.unknown-paragraph']]);
    assert.equal(client.diagnostics.has(u), false);
  });

  test('typing that changes no diagnostic is reported "unchanged" with the result id; a change sends the list (issue 13)', async () => {
    const u = 'file:///tmp/result-ids.md';
    client.open(u, 'Intro words here.\n\nResolution 5/3, para 99 and VII.99.\n');
    type Report = { kind: string; resultId?: string; items?: { code: string; range: { start: { line: number } } }[] };
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId });
    const first = await pull();
    assert.equal(first.items?.length, 2);
    client.change(u, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: 'x' }]);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A new line before them moves both: the whole list again, under a new id.
    client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const moved = await pull(first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(moved.items?.map((i) => i.range.start.line), [3, 3]);
  });

  test('reads settings with workspace/configuration and applies a change without restart', async () => {
    const u = 'file:///tmp/settings.md';
    client.open(u, 'Resolution 5/3, para 99');
    client.settings = { diagnostics: { severity: { 'citation.unknown-paragraph': 'off' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // The server asks for the configuration again; poll the pull report until it reflects it.
    let items: unknown[] = ['x'];
    for (let i = 0; i < 50 && items.length; i++) {
      items = (await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: u } })).items;
    }
    assert.deepEqual(items, []);
  });
});

describe('opening a document does not wait for the typing delay (issue 13, defect 6)', () => {
  test('first diagnostics arrive long before a 4-second typing delay would let them', async () => {
    const client = await LspClient.start({ env: { UN_CITATIONS_DIAGNOSTICS_DELAY_MS: '4000' } });
    try {
      await client.until(() => client.notifications.some((n) => n.method === 'unCitations/status'), 'ready');
      const opened = Date.now();
      client.open('file:///open/draft.md', 'See Resolution 5/3, para 25.\n');
      const diagnostics = await client.diagnosticsFor('file:///open/draft.md', 1);
      assert.equal(diagnostics[0]?.code, 'citation.unknown-paragraph');
      const waited = Date.now() - opened;
      assert.ok(waited < 3000, `waited ${waited} ms: the open was debounced like typing`);
      // Typing is still debounced: an edit's diagnostics come after the delay, not at once.
      const version = client.change('file:///open/draft.md', [{ text: 'See Resolution 5/3, para 26.\n' }]);
      await new Promise((r) => setTimeout(r, 500));
      assert.notEqual(client.diagnostics.get('file:///open/draft.md')?.version, version);
    } finally {
      await client.stop();
    }
  });
});

describe('documents the server must not ignore (issue 15)', () => {
  test('Markdown under any editor\'s language id, or by its file name; plain text only when asked', async () => {
    const client = await LspClient.start();
    try {
      await client.until(() => client.notifications.some((n) => n.method === 'unCitations/status'), 'ready');
      const cases: [string, string, boolean][] = [
        ['file:///k/a.md', 'gfm', true],
        ['file:///k/b.txt', 'markdown-mode', true],
        ['file:///k/c.qmd', 'quarto', true],
        ['file:///k/d.mdx', 'mdx', true],
        ['file:///k/e.rmd', 'rmd', true],
        ['file:///k/f.md', '', true],
        ['file:///k/g.markdown', 'text', true],
        ['file:///k/h.txt', 'text', false],
      ];
      for (const [uri, languageId] of cases) client.open(uri, 'Resolution 5/3, para 25', languageId);
      for (const [uri, languageId, checked] of cases) {
        const diagnostics = await client.diagnosticsFor(uri, 1);
        assert.equal(diagnostics.length, checked ? 1 : 0, `${uri} as "${languageId}"`);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('completion from the first letter, over stdio (issue 15)', () => {
  const labels = (list: { items: { label: string }[] } | null) => (list?.items ?? []).map((i) => i.label);

  test('each context offers what fits it, every row with its opening words', async () => {
    const client = await LspClient.start();
    try {
      await client.until(() => client.notifications.some((n) => n.method === 'unCitations/status'), 'ready');
      const complete = async (text: string) => {
        const uri = `file:///complete/${Math.random().toString(36).slice(2)}.md`;
        client.open(uri, text);
        const lines = text.split('\n');
        return client.request<{ items: { label: string; labelDetails?: { description?: string }; filterText?: string }[] } | null>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
      };
      assert.deepEqual(labels(await complete('As agreed in Res')), ['Resolution 5/3', 'Resolution 6/3', 'Resolution 10/3']);
      assert.deepEqual(labels(await complete('see dec')), ['Decision 1/6', 'Decision 2/4', 'Decision 3/3', 'Decision 4/5']);
      const rec = labels(await complete('as in rec'));
      assert.equal(rec[0], 'recommendation … of the first meeting');
      assert.equal(rec.length, 10);
      assert.deepEqual(labels(await complete('recommendation 14 of the ')), ['first meeting', 'second meeting', 'third meeting', 'fourth meeting', 'sixth meeting', 'seventh meeting', 'tenth meeting']);
      assert.deepEqual(labels(await complete('paragraph 9 of resolution ')), ['5/3', '6/3']);
      assert.deepEqual(labels(await complete('paragraph 2 of resolution ')), ['5/3', '6/3', '10/3']);
      const ops = await complete('res. 6/3, OP ');
      assert.equal(ops!.items.length, 22);
      assert.ok(ops!.items.every((i) => i.labelDetails?.description), 'every row shows its opening words');
      assert.match(ops!.items[8].labelDetails!.description!, /^Also urges States parties:/);
      assert.deepEqual(labels(await complete('Resolution 5/3, para Salvador')), ['8']);
    } finally {
      await client.stop();
    }
  });
});
