// The LSP shell: wires the language service to a connection (stdio, node-ipc or socket, chosen
// by the command line). Each handler finds the document, asks the service, returns the answer.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Connection,
  type InitializeParams,
  type InitializeResult,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCorpus } from './node/corpusFiles';
import { markdownFilesIn } from './node/workspaceFiles';
import { type CorpusSearchParams, Methods } from './protocol';
import { type LanguageService, createLanguageService } from './service';
import { toSettings } from './settings';

/** Typing pauses this long before diagnostics are pushed. */
const DIAGNOSTICS_DELAY_MS = 150;

export function startServer(connection: Connection, dataDir: string): void {
  const documents = new TextDocuments(TextDocument);
  let service: LanguageService | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  let workspaceFolders: string[] = [];
  const pending = new Map<string, NodeJS.Timeout>();

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
  const handled = (d: TextDocument | undefined): d is TextDocument =>
    !!d && !!service && (d.languageId === 'markdown' || (service.settings.plainText && d.languageId === 'plaintext'));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    configurationRequests = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    const started = Date.now();
    const corpus = loadCorpus(dataDir);
    service = createLanguageService({ corpus, corpusUri: (file) => pathToFileURL(join(dataDir, file)).href });
    service.settings = toSettings(params.initializationOptions?.settings ?? params.initializationOptions);
    log(`UN Citations: ${corpus.documents.length} documents, ${service.summary().paragraphs} paragraphs loaded from ${dataDir} in ${Date.now() - started} ms`);
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
    const summary = service!.summary();
    connection.sendNotification(Methods.status, { state: 'ready', ...summary });
    if (summary.problems.length) {
      // A notification, not a request: the user is told once and nothing waits for an answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `UN Citations: ${summary.problems.length} corpus file problem(s); serving what could be read. ${summary.problems[0]}` });
      for (const p of summary.problems) connection.console.error(`corpus: ${p}`);
    }
  });

  async function refreshSettings() {
    if (!service) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'unCitations' }]);
      service.settings = toSettings(raw);
    } catch (e) {
      log(`settings: ${(e as Error).message}; keeping the current ones`);
    }
    refreshAllDiagnostics();
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationRequests) await refreshSettings();
    else if (service) {
      service.settings = toSettings(change.settings?.unCitations);
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
        const diagnostics = handled(current) ? guard('diagnostics', [], () => service!.getDiagnostics(current)) : [];
        connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
      }, delay),
    );
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    service?.forget(e.document.uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const d = documentOf(params);
    const items = handled(d) ? guard('diagnostics', [], () => service!.getDiagnostics(d)) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onHover((params) => {
    const d = documentOf(params);
    const p = positionOf(params);
    return handled(d) && p ? guard('hover', null, () => service!.getHover(d, p) ?? null) : null;
  });
  connection.onDefinition((params) => {
    const d = documentOf(params);
    const p = positionOf(params);
    return handled(d) && p ? guard('definition', [], () => service!.getDefinition(d, p)) : [];
  });
  connection.onCompletion((params) => {
    const d = documentOf(params);
    const p = positionOf(params);
    return handled(d) && p ? guard('completion', { isIncomplete: false, items: [] }, () => service!.getCompletions(d, p)) : null;
  });
  connection.onCodeAction((params) => {
    const d = documentOf(params);
    return handled(d) && params.range ? guard('code actions', [], () => service!.getCodeActions(d, params.range, params.context?.diagnostics ?? [])) : [];
  });
  connection.onReferences((params) => {
    const d = documentOf(params);
    if (!handled(d) || !positionOf(params)) return [];
    return guard('references', [], () => {
      const open = new Map(documents.all().filter(handled).map((x) => [x.uri, x] as const));
      const onDisk = markdownFilesIn(workspaceFolders, { maxFiles: 2000, maxFileSize: service!.settings.maxFileSize }).filter((x) => !open.has(x.uri));
      return service!.getReferences(d, params.position, [...open.values(), ...onDisk]);
    });
  });
  connection.onDocumentLinks((params) => {
    const d = documentOf(params);
    return handled(d) ? guard('document links', [], () => service!.getDocumentLinks(d)) : [];
  });
  connection.onWorkspaceSymbol((params) => guard('workspace symbols', [], () => (typeof params?.query === 'string' ? service?.getWorkspaceSymbols(params.query) ?? [] : [])));
  connection.onRequest(Methods.search, (params: CorpusSearchParams) =>
    guard('search', [], () => (typeof params?.query === 'string' ? service?.search(params.query, Math.min(Math.max(params.limit ?? 50, 1), 200)) ?? [] : [])),
  );
  connection.onRequest(Methods.summary, () => service?.summary() ?? null);
  connection.onRequest(Methods.topics, () => guard('topics', [], () => service?.topics() ?? []));

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  const dirFlag = process.argv.indexOf('--corpus-dir');
  const dataDir = dirFlag > 0 && process.argv[dirFlag + 1] ? resolve(process.argv[dirFlag + 1]) : resolve(__dirname, '..', 'data');
  startServer(createConnection(ProposedFeatures.all), dataDir);
}
