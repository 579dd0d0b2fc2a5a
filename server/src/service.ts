// The language service: one object that holds the corpus, the per-document citation cache and
// every feature. Knows nothing of LSP connections or files; the server and the tests drive it.

import type { CodeAction, CompletionList, Diagnostic, DocumentLink, Hover, Location, LocationLink, Position, Range, SymbolInformation } from 'vscode-languageserver-types';
import { type CitationStyle, formatCitation } from './citations/format';
import type { EditHint } from './citations/incremental';
import type { TextRange } from './citations/model';
import type { Citation } from './citations/model';
import { createCitationContext, findCitations } from './citations/resolver';
import { type Corpus, type ParagraphRef, paragraphId } from './corpus/corpus';
import { type Lineage, computeLineage, yearOf } from './agreed/lineage';
import type { SavedReuseIndex } from './agreed/reuse';
import { type Annex, type AnnexPlace, annexRange, buildAnnex, linePlace } from './features/annex';
import { AgreedLanguageProvider } from './features/agreedLanguage';
import { CodeActionProvider } from './features/codeActions';
import { CompletionProvider } from './features/completion';
import { type CorpusUri, DefinitionProvider, sourceRange } from './features/definition';
import { CitationChecker, type DiagnosticChecker, DiagnosticsPipeline } from './features/diagnostics';
import { UncitedReuseChecker } from './features/uncitedReuse';
import { type ProvenanceRow, provenance } from './features/provenance';
import { DocumentLinkProvider } from './features/documentLinks';
import { CitationCache, type TextDocumentLike } from './features/documents';
import { HoverProvider } from './features/hover';
import { QuoteChecker } from './features/quotes';
import { ReferencesProvider } from './features/references';
import { LazySearch, snippet } from './features/search';
import { WorkspaceSymbolProvider } from './features/workspaceSymbols';
import type { WorkspaceIndex } from './features/workspaceIndex';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { AgreedLanguageResult, CorpusSearchResult, CorpusSummary, TopicInfo } from './protocol';

export interface LanguageServiceOptions {
  corpus: Corpus;
  /** URI of a corpus file, for definitions and links. */
  corpusUri: CorpusUri;
  /** The uncited-reuse index saved for exactly this corpus (the build-time snapshot's): start-up need not build it. */
  reuseIndex?: SavedReuseIndex;
}

export interface LanguageService {
  readonly corpus: Corpus;
  settings: Settings;
  getCitations(document: TextDocumentLike): Citation[];
  getHover(document: TextDocumentLike, position: Position): Hover | undefined;
  getDefinition(document: TextDocumentLike, position: Position): LocationLink[];
  getCompletions(document: TextDocumentLike, position: Position): CompletionList;
  getDiagnostics(document: TextDocumentLike): Diagnostic[];
  getCodeActions(document: TextDocumentLike, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  /**
   * Citations of the paragraph under the cursor: in the open documents (their live text) and, from the
   * workspace index, in files that are not open.
   */
  getReferences(document: TextDocumentLike, position: Position, openDocuments: Iterable<TextDocumentLike>, index?: WorkspaceIndex): Location[];
  /** The citations of a text that is not open, for the workspace index: nothing is cached. */
  scan(text: string): Citation[];
  /** For every paragraph of a draft, its closest precedents and the share of its words taken from each. */
  getProvenance(document: TextDocumentLike, style?: CitationStyle, place?: (offset: number) => AnnexPlace): ProvenanceRow[];
  /** Paragraphs of other instruments with the same wording ("I.11 (2012)"), oldest first. */
  lineageOf(ref: ParagraphRef): string[];
  /** The corpus paragraphs closest to a text (agreed language), best first; `style` for this call only. */
  findAgreedLanguage(text: string, limit?: number, style?: CitationStyle): AgreedLanguageResult[];
  /** The annex of paragraphs a draft cites (an annex already in it is not counted); `place` names where an offset is. */
  getAnnex(document: TextDocumentLike, style?: CitationStyle, place?: (offset: number) => AnnexPlace): Annex;
  getDocumentLinks(document: TextDocumentLike): DocumentLink[];
  getWorkspaceSymbols(query: string): SymbolInformation[];
  /** `style` for this call only (settings are never changed to serve one request). */
  search(query: string, limit?: number, style?: CitationStyle): CorpusSearchResult[];
  summary(): CorpusSummary;
  topics(): TopicInfo[];
  /** An edit the editor reported (version `from` → `to`): the next rescan starts from it. */
  noteEdit(uri: string, from: number, to: number, hint: EditHint | undefined): void;
  /** Drops what is kept for a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { corpus, corpusUri } = options;
  const context = createCitationContext(corpus);
  const cache = new CitationCache(context);
  const search = new LazySearch(corpus);
  // Lineage is computed on first use (the first hover of a paragraph), once per corpus.
  let lineage: Lineage | undefined;
  const lineageOf = (ref: ParagraphRef) => {
    lineage ??= computeLineage(corpus);
    return (lineage.get(paragraphId(ref)) ?? []).map((r) => `${formatCitation(r.document, r.paragraph, 'full')}${yearOf(r.document) ? ` (${yearOf(r.document)})` : ''}`);
  };
  const hover = new HoverProvider(cache, corpus, lineageOf);
  const definition = new DefinitionProvider(cache, corpus, corpusUri);
  const completion = new CompletionProvider(corpus, search);
  const quotesChecker = new QuoteChecker(corpus, cache);
  // Every check of a document, run once per version; the agreed-language check joins this list.
  // Prose that the reuse hint does not read: code, comments, links, and the attributed quotations.
  const notProse = (d: TextDocumentLike, region?: TextRange) => mergeRanges([...(region ? cache.excludedBetween(d, region.start, region.end) : cache.excluded(d)), ...quotesChecker.attributedQuotations(d, region)]);
  const checkers: DiagnosticChecker[] = [new CitationChecker(cache), quotesChecker.checker, new UncitedReuseChecker(corpus, cache, notProse, options.reuseIndex)];
  const diagnostics = new DiagnosticsPipeline(checkers, cache);
  const codeActions = new CodeActionProvider(cache, corpus);
  const references = new ReferencesProvider(cache);
  const links = new DocumentLinkProvider(cache, corpusUri);
  const agreed = new AgreedLanguageProvider(corpus, cache, corpusUri);
  const symbols = new WorkspaceSymbolProvider(search, corpusUri);
  const quotes = quotesChecker;
  let settings = DEFAULT_SETTINGS;

  return Object.freeze({
    corpus,
    get settings() {
      return settings;
    },
    set settings(value: Settings) {
      settings = value;
      cache.maxLength = value.maxFileSize;
    },
    getCitations: (d: TextDocumentLike) => cache.get(d),
    getHover: (d: TextDocumentLike, p: Position) => hover.provideHover(d, p) ?? quotes.hover(d, p),
    getDefinition: (d: TextDocumentLike, p: Position) => definition.provideDefinition(d, p),
    getCompletions: (d: TextDocumentLike, p: Position) => completion.provideCompletions(d, p, settings),
    getDiagnostics: (d: TextDocumentLike) => diagnostics.run(d, settings),
    getCodeActions: (d: TextDocumentLike, r: Range, diags: Diagnostic[]) => [...codeActions.provideCodeActions(d, r, diags), ...agreed.codeActions(d, r, settings.citationStyle)],
    lineageOf,
    getProvenance: (d: TextDocumentLike, style: CitationStyle = settings.citationStyle, place?: (offset: number) => AnnexPlace) => {
      const text = d.getText();
      const annex = annexRange(text);
      return provenance(agreed.index, text, [...cache.excluded(d), ...(annex ? [annex] : [])], place ?? linePlace(text), style);
    },
    findAgreedLanguage: (text: string, limit = 10, style: CitationStyle = settings.citationStyle) => agreed.find(text, limit, style),
    getReferences: (d: TextDocumentLike, p: Position, docs: Iterable<TextDocumentLike>, index?: WorkspaceIndex) => references.provideReferences(d, p, docs, index),
    scan: (text: string) => (text.length <= settings.maxFileSize ? findCitations(context, text) : []),
    getAnnex: (d: TextDocumentLike, style: CitationStyle = settings.citationStyle, place?: (offset: number) => AnnexPlace) => {
      const text = d.getText();
      return buildAnnex(cache.get(d), place ?? linePlace(text), style, annexRange(text));
    },
    getDocumentLinks: (d: TextDocumentLike) => links.provideDocumentLinks(d),
    getWorkspaceSymbols: (q: string) => symbols.provideWorkspaceSymbols(q, settings),
    search: (query: string, limit = 50, style: CitationStyle = settings.citationStyle) =>
      search.search(query, limit).map(({ ref: { document: d, paragraph: p }, terms }) => ({
        citation: formatCitation(d, p, style),
        instrument: d.name,
        label: p.label,
        text: p.text,
        snippet: snippet(p.text, terms),
        uri: corpusUri(p.location.file),
        range: sourceRange(p.location),
      })),
    summary: () => ({
      // Packed documents read lazily count too, without being read.
      documents: corpus.documents.length + corpus.packs.reduce((n, p) => n + p.lazyCounts().documents, 0),
      paragraphs: corpus.documents.reduce((n, d) => n + d.paragraphs.length, 0) + corpus.packs.reduce((n, p) => n + p.lazyCounts().paragraphs, 0),
      instruments: corpus.instruments.size,
      problems: corpus.problems.filter((p) => p.severity === 'error' && !p.user).map((p) => `${p.file}${p.line !== undefined ? `:${p.line + 1}` : ''}: ${p.message}`),
      documentsInMemory: cache.size,
    }),
    topics: () =>
      (corpus.index?.topics ?? []).map((topic) => ({
        name: topic.name,
        references: corpus.indexEntries
          .filter((e) => e.topic === topic.name)
          .map(({ ref, target }) => ({
            label: `${ref.part === 'B' ? 'Part B ' : ''}${ref.text}`,
            citation: target && formatCitation(target.document, target.paragraph, settings.citationStyle),
            uri: target && corpusUri(target.paragraph.location.file),
            range: target && sourceRange(target.paragraph.location),
          })),
      })),
    noteEdit: (uri: string, from: number, to: number, hint: EditHint | undefined) => cache.noteEdit(uri, from, to, hint),
    forget: (uri: string) => {
      cache.forget(uri);
      quotes.forget(uri);
      diagnostics.forget(uri);
    },
  });
}

/** Sorted, non-overlapping ranges covering the given ones. */
function mergeRanges(ranges: TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}
