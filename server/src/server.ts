// The LSP shell: wires the language service to a connection (stdio, node-ipc or socket, chosen
// by the command line). Each handler finds the document, asks the service, returns the answer.

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Connection,
  type InitializeParams,
  type InitializeResult,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Diagnostic,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpora } from './node/corpora';
import { SNAPSHOT_FILE } from './node/corpusSnapshot';
import { trackedDocuments } from './editTracking';
import { isDraft } from './documentKinds';
import { WorkspaceIndexer } from './node/workspaceIndexer';
import { annexMarkdown, annexRange } from './features/annex';
import { provenanceMarkdown } from './features/provenance';
import { type AgreedLanguageParams, type AgreedLanguageResult, type AnnexParams, type AnnexResult, type CorpusSearchParams, Methods } from './protocol';
import type { LanguageService } from './service';
import { toSettings } from './settings';

/** Typing pauses this long before diagnostics are pushed (tests may lengthen it to see that opening never waits for it). */
const DIAGNOSTICS_DELAY_MS = Number(process.env.UN_CITATIONS_DIAGNOSTICS_DELAY_MS) || 150;

export function startServer(connection: Connection, dataDir: string): void {
  // Documents updated as TextDocument does, each edit's span noted so the rescan need not find it.
  const documents = new TextDocuments<TextDocument>(trackedDocuments((uri, from, to, hint) => corpora?.serviceFor(uri).noteEdit(uri, from, to, hint)));
  let corpora: Corpora | undefined;
  let watchFiles = false;
  let pullDiagnostics = false;
  let configurationRequests = false;
  let workspaceFolders: string[] = [];
  /** Citation keys of the workspace's Markdown files that are not open, for find-references. */
  let indexer: WorkspaceIndexer | undefined;
  const pending = new Map<string, NodeJS.Timeout>();
  /** The list last pushed per document, and the last pulled with its result id. */
  const published = new Map<string, Diagnostic[]>();
  const reported = new Map<string, { items: Diagnostic[]; resultId: string }>();
  let resultIds = 0;

  const log = (message: string) => connection.console.log(message);
  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${what} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
  /** The open document a request names; undefined for unknown documents and malformed params. */
  const documentOf = (params: unknown): TextDocument | undefined => {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    return typeof uri === 'string' ? documents.get(uri) : undefined;
  };
  const positionOf = (params: unknown) => {
    const p = (params as { position?: { line?: unknown; character?: unknown } } | null)?.position;
    return p && typeof p.line === 'number' && typeof p.character === 'number' ? { line: p.line, character: p.character } : undefined;
  };
  const handled = (d: TextDocument | undefined): d is TextDocument => !!d && !!corpora && isDraft(d.languageId, d.uri, corpora.settings.plainText);
  /** The language service of the document's workspace folder (its own corpus additions). */
  const serviceOf = (d: TextDocument): LanguageService => corpora!.serviceFor(d.uri);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    configurationRequests = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    // The build-time corpus snapshot sits beside the bundle; it is taken only when valid for dataDir.
    corpora = new Corpora(dataDir, join(__dirname, SNAPSHOT_FILE));
    corpora.setFolders(workspaceFolders);
    corpora.settings = toSettings(params.initializationOptions?.settings ?? params.initializationOptions);
    indexer = new WorkspaceIndexer((uri) => corpora!.serviceFor(uri), () => corpora!.settings.maxFileSize);
    // The corpus is loaded once this result is on its way: the client's own start-up overlaps with
    // it (a request or a document that comes first loads it then).
    setTimeout(() => {
      const started = Date.now();
      const summary = guard('loading the corpus', undefined, () => corpora!.serviceOfFolder(corpora!.folderPaths[0] ?? '').summary());
      if (summary) log(`UN Citations: ${summary.documents} documents, ${summary.paragraphs} paragraphs loaded from ${dataDir} in ${Date.now() - started} ms (snapshot: ${corpora!.snapshot})`);
    }, 0);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', '.', '(', ',', '@'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'un-citations', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (configurationRequests) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'unCitations' }).catch(() => undefined);
      await refreshSettings();
    }
    void indexer?.setFolders(workspaceFolders);
    if (watchFiles) {
      // Users' corpus documents: the editor tells us when one is added, changed or deleted.
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.un-citations/corpus/**' }, { globPattern: '**/.un-citations/*.uncpack' }, { globPattern: '**/*.{md,markdown,txt}' }] }).catch(() => undefined);
    }
    const summary = corpora!.serviceOfFolder(corpora!.folderPaths[0] ?? '').summary();
    connection.sendNotification(Methods.status, { state: 'ready', ...summary });
    if (summary.problems.length) {
      // A notification, not a request: the user is told once and nothing waits for an answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `UN Citations: ${summary.problems.length} corpus file problem(s); serving what could be read. ${summary.problems[0]}` });
      for (const p of summary.problems) connection.console.error(`corpus: ${p}`);
    }
  });

  async function refreshSettings() {
    if (!corpora) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'unCitations' }]);
      corpora.settings = toSettings(raw);
    } catch (e) {
      log(`settings: ${(e as Error).message}; keeping the current ones`);
    }
    refreshAllDiagnostics();
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationRequests) await refreshSettings();
    else if (corpora) {
      corpora.settings = toSettings(change.settings?.unCitations);
      refreshAllDiagnostics();
    }
  });

  function refreshAllDiagnostics() {
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const d of documents.all()) schedule(d, 0);
  }

  function schedule(document: TextDocument, delay = DIAGNOSTICS_DELAY_MS) {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (!current) return; // closed meanwhile: its diagnostics were cleared
        const diagnostics = handled(current) ? guard('diagnostics', [], () => diagnosticsOf(current)) : [];
        // The pipeline gives back the same list when an edit changed none of them: nothing to send.
        if (published.get(current.uri) === diagnostics) return;
        published.set(current.uri, diagnostics);
        connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
      }, delay),
    );
  }

  /** A draft's diagnostics, plus, for a corpus document of the user's, its problems as a corpus file. */
  function diagnosticsOf(d: TextDocument): Diagnostic[] {
    const own = serviceOf(d).getDiagnostics(d);
    if (!corpora!.isCorpusFile(d.uri)) return own;
    return [...corpusFileDiagnostics(d), ...own];
  }

  function corpusFileDiagnostics(d: TextDocument): Diagnostic[] {
    return corpora!.problemsOf(d.uri).map((p) => {
      const line = Math.min(p.line ?? 0, d.lineCount - 1);
      const text = d.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
      const start = text.length - text.trimStart().length;
      return { range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } }, severity: p.severity === 'error' ? 1 : 2, code: `corpus.${p.code}`, source: 'un-citations', message: p.message };
    });
  }

  /** A corpus document changed (on disk or in the editor): rebuild and recheck open drafts. */
  const corpusRebuilds = new Map<string, NodeJS.Timeout>();
  function corpusChanged(uri: string, delay = 300) {
    if (!corpora) return;
    clearTimeout(corpusRebuilds.get(uri));
    corpusRebuilds.set(
      uri,
      setTimeout(() => {
        corpusRebuilds.delete(uri);
        corpora!.invalidate(uri);
        void indexer?.setFolders(workspaceFolders); // the folder's citations may resolve differently now
        log(`UN Citations: corpus document ${uri} changed; rechecking open documents`);
        refreshAllDiagnostics();
      }, delay),
    );
  }

  // TextDocuments announces an opened document twice: onDidOpen, then onDidChangeContent for the same
  // version. That second event must not push the first diagnostics back by the typing delay.
  const justOpened = new Map<string, number>();
  documents.onDidOpen((e) => {
    if (corpora?.isCorpusFile(e.document.uri)) {
      corpora.overrides.set(fileURLToPath(e.document.uri), e.document.getText());
      corpusChanged(e.document.uri, 0);
    }
    justOpened.set(e.document.uri, e.document.version);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.get(e.document.uri) === e.document.version) {
      justOpened.delete(e.document.uri);
      return; // the open itself: already scheduled at once
    }
    justOpened.delete(e.document.uri);
    if (corpora?.isCorpusFile(e.document.uri)) {
      corpora.overrides.set(fileURLToPath(e.document.uri), e.document.getText());
      corpusChanged(e.document.uri);
    }
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    if (corpora?.isCorpusFile(e.document.uri)) {
      corpora.overrides.delete(fileURLToPath(e.document.uri));
      corpusChanged(e.document.uri, 0);
    }
    corpora?.serviceFor(e.document.uri).forget(e.document.uri);
    published.delete(e.document.uri);
    reported.delete(e.document.uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      // A corpus document, or a pack (`un-cite pack` wrote or rewrote it): rebuild and recheck.
      if (corpora?.isCorpusFile(change.uri) || corpora?.isCorpusPack(change.uri)) corpusChanged(change.uri, 0);
      else void indexer?.fileChanged(change.uri, change.type === FileChangeType.Deleted);
    }
  });

  connection.languages.diagnostics.on((params) => {
    const d = documentOf(params);
    const items = handled(d) ? guard('diagnostics', [], () => diagnosticsOf(d)) : [];
    // Result ids (LSP 3.17): the same list as the client's last report is "unchanged", not sent again.
    const last = reported.get(params.textDocument.uri);
    if (last && last.items === items && params.previousResultId === last.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    const resultId = last?.items === items ? last.resultId : String(++resultIds);
    reported.set(params.textDocument.uri, { items, resultId });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  });

  connection.onHover((params) => {
    const d = documentOf(params);
    const p = positionOf(params);
    return handled(d) && p ? guard('hover', null, () => serviceOf(d).getHover(d, p) ?? null) : null;
  });
  connection.onDefinition((params) => {
    const d = documentOf(params);
    const p = positionOf(params);
    return handled(d) && p ? guard('definition', [], () => serviceOf(d).getDefinition(d, p)) : [];
  });
  connection.onCompletion((params) => {
    const d = documentOf(params);
    const p = positionOf(params);
    return handled(d) && p ? guard('completion', { isIncomplete: false, items: [] }, () => serviceOf(d).getCompletions(d, p)) : null;
  });
  connection.onCodeAction((params) => {
    const d = documentOf(params);
    return handled(d) && params.range ? guard('code actions', [], () => serviceOf(d).getCodeActions(d, params.range, params.context?.diagnostics ?? [])) : [];
  });
  connection.onReferences(async (params, token) => {
    const d = documentOf(params);
    if (!handled(d) || !positionOf(params) || !indexer) return [];
    // The index may still be reading the workspace: wait for it, unless the client gives up first.
    if (!(await indexer.whenReady(token))) return new ResponseError(LSPErrorCodes.RequestCancelled, 'references cancelled');
    const current = documents.get(d.uri);
    if (!current) return [];
    return guard('references', [], () => serviceOf(current).getReferences(current, params.position, documents.all().filter(handled), indexer!.index));
  });
  connection.onDocumentLinks((params) => {
    const d = documentOf(params);
    return handled(d) ? guard('document links', [], () => serviceOf(d).getDocumentLinks(d)) : [];
  });
  const mainService = () => corpora?.serviceOfFolder(corpora.folderPaths[0] ?? '');
  connection.onWorkspaceSymbol((params) => guard('workspace symbols', [], () => (typeof params?.query === 'string' ? mainService()?.getWorkspaceSymbols(params.query) ?? [] : [])));
  connection.onRequest(Methods.search, (params: CorpusSearchParams) =>
    guard('search', [], () => (typeof params?.query === 'string' ? mainService()?.search(params.query, Math.min(Math.max(params.limit ?? 50, 1), 200)) ?? [] : [])),
  );
  connection.onRequest(Methods.summary, () => mainService()?.summary() ?? null);
  // For memory tests and profiling only: a server started with --expose-gc reports its live heap
  // after a full collection (RSS also counts what the allocator keeps, so it cannot tell a leak).
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    connection.onRequest('unCitations/liveHeap', () => {
      collect();
      return process.memoryUsage().heapUsed;
    });
  }
  connection.onRequest(Methods.agreedLanguage, (params: AgreedLanguageParams): AgreedLanguageResult[] =>
    guard('agreed language', [], () => (typeof params?.text === 'string' && params.text.length <= 20_000 ? mainService()?.findAgreedLanguage(params.text, Math.min(Math.max(Math.floor(params.limit ?? 10), 1), 100)) ?? [] : [])),
  );
  connection.onRequest(Methods.provenance, (params: AnnexParams): string | null => {
    const d = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!handled(d)) return null;
    return guard('provenance', null, () => provenanceMarkdown(serviceOf(d).getProvenance(d), `Provenance of reused text: ${d.uri.split('/').pop()}`));
  });
  connection.onRequest(Methods.annex, (params: AnnexParams): AnnexResult | null => {
    const d = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!handled(d)) return null;
    return guard('annex', null, () => {
      const annex = serviceOf(d).getAnnex(d);
      const existing = annexRange(d.getText());
      return { markdown: annexMarkdown(annex), existing: existing && { start: d.positionAt(existing.start), end: d.positionAt(existing.end) }, paragraphs: annex.entries.length, broken: annex.broken.length };
    });
  });
  connection.onRequest(Methods.topics, () => guard('topics', [], () => mainService()?.topics() ?? []));

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  const dirFlag = process.argv.indexOf('--corpus-dir');
  const dataDir = dirFlag > 0 && process.argv[dirFlag + 1] ? resolve(process.argv[dirFlag + 1]) : resolve(__dirname, '..', 'data');
  startServer(createConnection(ProposedFeatures.all), dataDir);
}
