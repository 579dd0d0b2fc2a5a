// The VS Code client: starts the bundled server, adds commands, a status item and the Markdown
// preview plugin. Thin by design: every answer about citations comes from the server over LSP.

import { join } from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { createPreviewPlugin } from '../../server/src/preview';
import { type AgreedLanguageResult, type AnnexResult, type CorpusSearchResult, type CorpusSummary, Methods, type TopicInfo } from '../../server/src/protocol';

const CATEGORY = 'UN Citations';
let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext) {
  output = vscode.window.createOutputChannel(CATEGORY, { log: true });
  status = vscode.window.createStatusBarItem('unCitations.status', vscode.StatusBarAlignment.Right, 100);
  status.name = CATEGORY;
  status.command = 'unCitations.statusMenu';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('unCitations.searchCorpus', (args?: { query?: string }) => (typeof args?.query === 'string' ? insertFirstResult(args.query) : searchCorpus())),
    vscode.commands.registerCommand('unCitations.showParagraph', () => showParagraph()),
    vscode.commands.registerCommand('unCitations.openTopic', () => openTopic()),
    vscode.commands.registerCommand('unCitations.insertAnnex', () => insertAnnex()),
    vscode.commands.registerCommand('unCitations.statusMenu', () => statusMenu()),
    vscode.commands.registerCommand('unCitations.showProvenance', () => showProvenance()),
    vscode.commands.registerCommand('unCitations.findAgreedLanguage', () => findAgreedLanguage()),
    vscode.commands.registerCommand('unCitations.tryExample', (step?: string) => tryExample(context, step)),
    vscode.commands.registerCommand('unCitations.restartServer', async () => {
      await stopClient();
      await startClient(context);
    }),
  );
  await startClient(context);

  const dataDir = join(context.extensionPath, 'data');
  const previewEnabled = () => vscode.workspace.getConfiguration('unCitations').get<boolean>('preview.enabled', true);
  // The preview reads citations as the editor does: the first workspace folder's corpus, built-in plus its own documents.
  const folder = () => vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  const preview = createPreviewPlugin(dataDir, previewEnabled, {
    folder,
    corpusPaths: () => (vscode.workspace.isTrusted ? vscode.workspace.getConfiguration('unCitations').get<string[]>('corpus.paths', []) : []),
  });
  const corpusWatcher = vscode.workspace.createFileSystemWatcher('**/.un-citations/corpus/**');
  const corpusChanged = () => {
    preview.invalidate();
    void vscode.commands.executeCommand('markdown.preview.refresh');
  };
  context.subscriptions.push(
    corpusWatcher,
    corpusWatcher.onDidChange(corpusChanged),
    corpusWatcher.onDidCreate(corpusChanged),
    corpusWatcher.onDidDelete(corpusChanged),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('unCitations.corpus')) preview.invalidate();
      if (e.affectsConfiguration('unCitations.preview') || e.affectsConfiguration('unCitations.corpus')) void vscode.commands.executeCommand('markdown.preview.refresh');
    }),
  );
  return {
    extendMarkdownIt: preview,
    /** For other extensions and tests: the ranked paragraphs matching some words. */
    search: (query: string, limit = 20) => client?.sendRequest<CorpusSearchResult[]>(Methods.search, { query, limit }) ?? Promise.resolve([]),
  };
}

/** The status bar item's menu: everything the extension does, one click away. */
async function statusMenu() {
  const draft = vscode.window.activeTextEditor?.document.languageId === 'markdown';
  const items: (vscode.QuickPickItem & { command: string })[] = [
    { label: '$(search) Search the corpus…', description: 'words → paragraphs, Enter inserts the citation', command: 'unCitations.searchCorpus' },
    ...(draft ? [{ label: '$(book) Show the cited paragraph beside', description: 'of the citation at the cursor', command: 'unCitations.showParagraph' }] : []),
    { label: '$(list-tree) Open the thematic index by topic…', command: 'unCitations.openTopic' },
    ...(draft ? [{ label: '$(list-ordered) Insert annex of cited paragraphs', description: 'at the end of this draft', command: 'unCitations.insertAnnex' }] : []),
    ...(draft ? [{ label: '$(history) Show provenance of this draft', description: 'the declaration of reused text', command: 'unCitations.showProvenance' }] : []),
    ...(draft ? [{ label: '$(quote) Find agreed language for the selection', command: 'unCitations.findAgreedLanguage' }] : []),
    { label: '$(play) Open the walkthrough example', command: 'unCitations.tryExample' },
    { label: '$(debug-restart) Restart the server', command: 'unCitations.restartServer' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: CATEGORY, placeHolder: status.tooltip instanceof vscode.MarkdownString ? status.tooltip.value.split('\n')[0].replace(/\*/g, '') : undefined });
  if (picked) await vscode.commands.executeCommand(picked.command);
  return picked?.command;
}

/**
 * The walkthrough's steps run what they describe: an example draft (a new untitled document, so the
 * extension's own file is never edited) with the cursor where the step acts.
 */
async function tryExample(context: vscode.ExtensionContext, step = 'hover') {
  const content = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'example.md'))).toString('utf8');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  const editor = await vscode.window.showTextDocument(document);
  const place = (needle: string, delta = 1) => {
    const at = document.positionAt(content.indexOf(needle) + delta);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  };
  if (step === 'complete') {
    place('As agreed in Res', 'As agreed in Res'.length);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
  } else if (step === 'check') {
    place('para 25', 1);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.quickFix');
  } else if (step === 'navigate') {
    place('VII.14', 2);
    await vscode.commands.executeCommand('editor.action.revealDefinitionAside');
  } else {
    place('I.18', 2);
    await vscode.commands.executeCommand('editor.action.showHover');
  }
  return step;
}

/** The provenance declaration of the open draft, as a Markdown preview beside it. */
async function showProvenance() {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return undefined;
  const markdown = await client.sendRequest<string | null>(Methods.provenance, { uri: editor.document.uri.toString() });
  if (!markdown) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  // The table beside the draft, then its preview (where the editor can preview an untitled document).
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  await Promise.resolve(vscode.commands.executeCommand('markdown.showPreview', document.uri)).catch(() => undefined);
  return markdown;
}

interface AgreedItem extends vscode.QuickPickItem {
  result: AgreedLanguageResult;
}

/**
 * The closest agreed language to the selection (or the sentence at the cursor): Enter inserts the
 * citation after it; the item's button replaces it with the agreed wording and its citation.
 */
async function findAgreedLanguage() {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return undefined;
  const document = editor.document;
  let range: vscode.Range = editor.selection;
  if (editor.selection.isEmpty) {
    const line = document.lineAt(editor.selection.active.line);
    range = line.range;
  }
  const text = document.getText(range);
  if (!text.trim()) return undefined;
  const results = await client.sendRequest<AgreedLanguageResult[]>(Methods.agreedLanguage, { text, limit: 10 });
  const replace: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('replace'), tooltip: 'Replace with the agreed wording and its citation' };
  const pick = vscode.window.createQuickPick<AgreedItem>();
  pick.title = 'Agreed language';
  pick.placeholder = results.length ? 'Enter inserts the citation; the button uses the agreed wording' : 'No paragraph of the corpus shares this wording';
  pick.matchOnDetail = true;
  pick.items = results.map((r) => ({ label: r.citation, description: `${Math.round(r.score * 100)} % same wording`, detail: r.difference, result: r, buttons: [replace] }));
  return new Promise<string | undefined>((resolve) => {
    // Hiding the pick fires onDidHide at once: a choice made is marked first, so it is not lost.
    let chosen = false;
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      chosen = !!item;
      pick.hide();
      if (!item) return resolve(undefined);
      await editor.edit((e) => e.insert(range.end, ` (${item.result.citation})`));
      resolve(item.result.citation);
    });
    pick.onDidTriggerItemButton(async ({ item }) => {
      chosen = true;
      pick.hide();
      await editor.edit((e) => e.replace(range, `${item.result.text.replace(/[;:.,]\s*$/, '')} (${item.result.citation})`));
      resolve(item.result.citation);
    });
    pick.onDidHide(() => {
      if (!chosen) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Appends the annex of cited paragraphs to the open draft, or refreshes the one between its markers. */
async function insertAnnex() {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return undefined;
  const document = editor.document;
  const result = await client.sendRequest<AnnexResult | null>(Methods.annex, { uri: document.uri.toString() });
  if (!result) {
    void vscode.window.showInformationMessage('UN Citations: the annex is made for Markdown drafts.');
    return undefined;
  }
  await editor.edit((edit) => {
    if (result.existing) {
      const { start, end } = result.existing;
      edit.replace(new vscode.Range(start.line, start.character, end.line, end.character), result.markdown);
    } else {
      const last = document.lineAt(document.lineCount - 1);
      const gap = last.text.trim() ? '\n\n' : document.lineCount > 1 && document.lineAt(document.lineCount - 2).text.trim() ? '\n' : '';
      edit.insert(last.range.end, `${gap}${result.markdown}\n`);
    }
  });
  void vscode.window.setStatusBarMessage(`UN Citations: annex of ${result.paragraphs} paragraph${result.paragraphs === 1 ? '' : 's'}${result.broken ? `, ${result.broken} broken citation${result.broken === 1 ? '' : 's'} listed first` : ''}`, 5000);
  return result;
}

/** `unCitations.searchCorpus` with `{query}` (e.g. from a keybinding): inserts the best match's citation. */
async function insertFirstResult(query: string) {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return undefined;
  const [best] = await client.sendRequest<CorpusSearchResult[]>(Methods.search, { query, limit: 1 });
  if (!best) {
    void vscode.window.showInformationMessage(`No paragraph matches "${query}".`);
    return undefined;
  }
  await editor.edit((edit) => edit.replace(editor.selection, best.citation));
  return best.citation;
}

export async function deactivate() {
  await stopClient();
}

async function startClient(context: vscode.ExtensionContext) {
  const module = context.asAbsolutePath(join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown' },
      // The server ignores plain text unless unCitations.plainText is on, so the setting applies without a reload.
      { language: 'plaintext' },
    ],
    synchronize: { configurationSection: 'unCitations' },
    outputChannel: output,
  };
  status.text = '$(sync~spin) UN Citations';
  status.tooltip = 'Loading the corpus…';
  status.show();
  client = new LanguageClient('unCitations', CATEGORY, serverOptions, clientOptions);
  client.onNotification(Methods.status, (s: CorpusSummary & { state: string }) => showStatus(s));
  try {
    await client.start();
  } catch (e) {
    status.text = '$(error) UN Citations';
    status.tooltip = `The server did not start: ${(e as Error).message}`;
    output.appendLine(`Server failed to start: ${(e as Error).stack ?? e}`);
  }
}

async function stopClient() {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch((e) => output.appendLine(`Stopping the server: ${(e as Error).message}`));
}

function showStatus(s: CorpusSummary & { state: string }) {
  status.text = `${s.problems.length ? '$(warning)' : '$(book)'} UN ${s.documents} docs · ${s.paragraphs} ¶`;
  status.tooltip = new vscode.MarkdownString(
    `**UN Citations** — ${s.documents} documents, ${s.instruments} instruments, ${s.paragraphs} citable paragraphs.` +
      (s.problems.length ? `\n\nCorpus problems:\n\n${s.problems.map((p) => `- ${p}`).join('\n')}` : '\n\nClick for the menu: search, the cited paragraph, the thematic index, the annex, restart.'),
  );
  if (s.problems.length) output.appendLine(`Corpus problems:\n${s.problems.join('\n')}`);
}

interface ResultItem extends vscode.QuickPickItem {
  result: CorpusSearchResult;
}

const OPEN_SOURCE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the paragraph in its source' };

/** QuickPick over full-text results: Enter inserts the citation, the item button opens the source. */
async function searchCorpus() {
  if (!client) return;
  const editor = vscode.window.activeTextEditor;
  const pick = vscode.window.createQuickPick<ResultItem>();
  pick.title = 'Search the corpus';
  pick.placeholder = 'Words from the paragraph you want to cite (Enter inserts the citation)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let request = 0;
  pick.onDidChangeValue(async (value) => {
    const mine = ++request;
    pick.busy = true;
    const results = value.trim() ? await client!.sendRequest<CorpusSearchResult[]>(Methods.search, { query: value, limit: 50 }) : [];
    if (mine !== request) return;
    pick.items = results.map((r) => ({ label: r.citation, description: r.instrument, detail: r.text, result: r, buttons: [OPEN_SOURCE], alwaysShow: true }));
    pick.busy = false;
  });
  pick.onDidTriggerItemButton(async (e) => {
    pick.hide();
    await openSource(e.item.result.uri, e.item.result.range);
  });
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    pick.hide();
    if (!item) return;
    if (editor) await editor.edit((edit) => edit.replace(editor.selection, item.result.citation));
    else await vscode.env.clipboard.writeText(item.result.citation);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

async function openSource(uri: string, range: CorpusSearchResult['range'], column = vscode.ViewColumn.Active) {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(document, { viewColumn: column, selection, preview: true });
}

/** Opens the paragraph cited at the cursor beside the editor. */
async function showParagraph() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, editor.selection.active);
  const first = links?.[0];
  if (!first) {
    void vscode.window.showInformationMessage('No citation of the corpus at the cursor.');
    return;
  }
  const uri = 'targetUri' in first ? first.targetUri : first.uri;
  const range = 'targetRange' in first ? first.targetRange : first.range;
  await openSource(uri.toString(), { start: range.start, end: range.end }, vscode.ViewColumn.Beside);
}

/** The thematic index: pick a topic, then one of its references to open. */
async function openTopic() {
  if (!client) return;
  const topics = await client.sendRequest<TopicInfo[]>(Methods.topics);
  const topic = await vscode.window.showQuickPick(
    topics.map((t) => ({ label: t.name, description: `${t.references.length} references`, topic: t })),
    { title: 'Thematic index', placeHolder: 'Topic' },
  );
  if (!topic) return;
  const ref = await vscode.window.showQuickPick(
    topic.topic.references.map((r) => ({ label: r.label, description: r.citation ?? 'misprint in the index: names no paragraph', ref: r })),
    { title: topic.label, placeHolder: 'Reference to open' },
  );
  if (ref?.ref.uri && ref.ref.range) await openSource(ref.ref.uri, ref.ref.range, vscode.ViewColumn.Beside);
}
