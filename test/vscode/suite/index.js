// Integration tests that run inside VS Code's real extension host (the @vscode/test-electron
// contract: this module's run() is called by the workbench). Plain JavaScript: the extension host
// loads it as is. Waits by polling VS Code's own state, never by sleeping blindly.

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'un-citations.un-citations';

async function until(what, check, timeoutMs = 30000) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval, not a sleep standing in for an event
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

let doc;
const pos = (needle, delta = 1) => {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the draft`);
  return doc.positionAt(offset + delta);
};
const hoverText = (hovers) => hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

test('the extension activates on a Markdown draft', async () => {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'draft.md'));
  await vscode.window.showTextDocument(doc);
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed');
  await until('activation', () => ext.isActive);
});

test('diagnostics: the broken citation, and only it', async () => {
  const diagnostics = await until('diagnostics', () => {
    const d = vscode.languages.getDiagnostics(doc.uri);
    return d.length ? d : undefined;
  });
  assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.message]), [
    ['citation.unknown-paragraph', vscode.DiagnosticSeverity.Error, 6, 'No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.'],
  ]);
});

test('hover shows the exact paragraph text', async () => {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos('I.18'));
  assert.match(hoverText(hovers), /States parties should respect the fundamental human rights of smuggled migrants, irrespective of their migration status/);
});

test('definition opens the source paragraph in data/', async () => {
  const links = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, pos('VII.14'));
  assert.ok(links.length >= 1);
  const target = links[0].targetUri || links[0].uri;
  const range = links[0].targetRange || links[0].range;
  assert.strictEqual(path.basename(target.fsPath), 'compendium-smuggling-of-migrants-2024.txt');
  const source = await vscode.workspace.openTextDocument(target);
  assert.match(source.lineAt(range.start.line).text, /^14\. In accordance with the Smuggling of Migrants Protocol/);
});

test('completion offers the subparagraphs after "(j)("', async () => {
  const end = doc.lineAt(doc.lineCount - 2).range.end;
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, end, '(');
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.deepStrictEqual(labels.filter((l) => l.startsWith('(')), ['(i)', '(ii)']);
});

test('the search command inserts the best match', async () => {
  const editor = vscode.window.activeTextEditor;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  const inserted = await vscode.commands.executeCommand('unCitations.searchCorpus', { query: 'non-liability smuggled' });
  assert.strictEqual(inserted, 'X.11');
  assert.ok(doc.getText().endsWith('X.11'), 'the citation is in the draft');
  await vscode.commands.executeCommand('undo');
});

test('Insert Annex of Cited Paragraphs appends the annex, and refreshes it in place', async () => {
  const editor = vscode.window.activeTextEditor;
  const before = doc.getText();
  const result = await vscode.commands.executeCommand('unCitations.insertAnnex');
  assert.ok(result && result.paragraphs > 0, 'the annex lists the cited paragraphs');
  const once = doc.getText();
  assert.ok(once.startsWith(before.trimEnd()), 'the draft itself is unchanged');
  assert.match(once, /<!-- un-cite-annex:start -->\n\n## Annex: paragraphs cited\n\n### Citations that could not be verified\n\n- line 7: “Resolution 5\/3, para 25”/);
  assert.match(once, /### I\.18\n\n\*Working Group recommendations, first meeting/);
  await vscode.commands.executeCommand('unCitations.insertAnnex');
  assert.strictEqual(doc.getText(), once, 'a second run replaces the annex between its markers');
  assert.strictEqual(doc.getText().split('<!-- un-cite-annex:start -->').length, 2);
  for (let i = 0; i < 3 && doc.getText() !== before; i++) await vscode.commands.executeCommand('undo');
  assert.strictEqual(doc.getText(), before);
  assert.ok(editor);
});

test('a settings change applies without reload', async () => {
  const config = vscode.workspace.getConfiguration('unCitations');
  await config.update('diagnostics.severity', { 'citation.unknown-paragraph': 'off' }, vscode.ConfigurationTarget.Global);
  await until('diagnostics to disappear', () => vscode.languages.getDiagnostics(doc.uri).length === 0);
  await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
  await until('diagnostics to come back', () => vscode.languages.getDiagnostics(doc.uri).length === 1);
});

test('the commands are registered under one category', async () => {
  const all = await vscode.commands.getCommands(true);
  for (const c of ['unCitations.searchCorpus', 'unCitations.showParagraph', 'unCitations.openTopic', 'unCitations.insertAnnex', 'unCitations.findAgreedLanguage', 'unCitations.showProvenance', 'unCitations.statusMenu', 'unCitations.tryExample', 'unCitations.restartServer']) assert.ok(all.includes(c), c);
});

test('Find Agreed Language for Selection: the closest paragraphs, Enter inserts the citation', async () => {
  const editor = await vscode.window.showTextDocument(doc);
  const before = doc.getText();
  const sentence = 'States parties should respect the fundamental human rights of smuggled';
  const start = doc.positionAt(before.indexOf(sentence));
  editor.selection = new vscode.Selection(start, doc.positionAt(before.indexOf(sentence) + sentence.length));
  const running = vscode.commands.executeCommand('unCitations.findAgreedLanguage');
  await new Promise((r) => setTimeout(r, 1500));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  const inserted = await running;
  assert.strictEqual(inserted, 'I.18');
  assert.ok(doc.getText().includes(`${sentence} (I.18)`), 'the citation follows the selection');
  for (let i = 0; i < 3 && doc.getText() !== before; i++) await vscode.commands.executeCommand('undo');
  assert.strictEqual(doc.getText(), before);
});

test('Show Provenance of This Draft opens the declaration', async () => {
  await vscode.window.showTextDocument(doc);
  const markdown = await vscode.commands.executeCommand('unCitations.showProvenance');
  assert.match(markdown, /^# Provenance of reused text: draft\.md/);
  assert.match(markdown, /\| paragraph \| opening words \| precedent \| share of words \|/);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await vscode.window.showTextDocument(doc);
});

test('the walkthrough steps run what they describe, on an example draft', async () => {
  await vscode.commands.executeCommand('unCitations.tryExample', 'complete');
  const example = vscode.window.activeTextEditor.document;
  assert.strictEqual(example.isUntitled, true, 'an untitled copy, never the extension\'s file');
  assert.match(example.getText(), /As agreed in Res$/m);
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', example.uri, vscode.window.activeTextEditor.selection.active);
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.ok(labels.includes('Resolution 5/3') && labels.includes('Resolution 10/3'), labels.join(', '));
  await vscode.commands.executeCommand('unCitations.tryExample', 'check');
  const diagnostics = await until('diagnostics in the example', () => {
    const d = vscode.languages.getDiagnostics(vscode.window.activeTextEditor.document.uri);
    return d.length ? d : undefined;
  });
  assert.ok(diagnostics.some((d) => /No paragraph 25/.test(d.message)));
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.window.showTextDocument(doc);
});

test('the status bar item opens a menu of every command', async () => {
  const pending = vscode.commands.executeCommand('unCitations.statusMenu');
  await new Promise((r) => setTimeout(r, 500));
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  assert.strictEqual(await pending, undefined, 'closed without a choice: nothing ran');
});

test('restart brings the server back', async () => {
  await vscode.commands.executeCommand('unCitations.restartServer');
  const hovers = await until('hover after restart', async () => {
    const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos('I.24'));
    return h.length ? h : undefined;
  });
  assert.match(hoverText(hovers), /prioritize the preservation of life and safety/);
});

exports.run = async function run() {
  const failures = [];
  for (const t of tests) {
    try {
      await t.fn();
      console.log(`ok - ${t.name}`);
    } catch (e) {
      failures.push(t.name);
      console.log(`not ok - ${t.name}\n  ${String(e && e.stack || e).split('\n').join('\n  ')}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} test(s) failed: ${failures.join('; ')}`);
};
