// Custom requests between the VS Code client and the server, declared once for both sides.
// Plain types and method names only: the client imports this file and nothing else from server/.

export interface CorpusSearchParams {
  query: string;
  limit?: number;
}

export interface CorpusSearchResult {
  /** The citation in the user's style: "Resolution 5/3, para 9". */
  citation: string;
  instrument: string;
  label: string;
  text: string;
  snippet: string;
  /** Where the paragraph is, to open it. */
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CorpusSummary {
  documents: number;
  paragraphs: number;
  instruments: number;
  /** Corpus files that could not be read or parsed, one line each. */
  problems: string[];
  /** Documents whose citations the server keeps (open documents only: closed ones are dropped). */
  documentsInMemory: number;
}

export interface TopicReference {
  /** As the index prints it: "V.2.k", "VI.PP.5". */
  label: string;
  /** The paragraph it names, written in the user's style; undefined for the index's misprints. */
  citation?: string;
  uri?: string;
  range?: CorpusSearchResult['range'];
}

export interface TopicInfo {
  name: string;
  references: TopicReference[];
}

export interface AgreedLanguageParams {
  text: string;
  limit?: number;
}

export interface AgreedLanguageResult {
  /** The paragraph's citation in the citationStyle setting. */
  citation: string;
  /** Its clean text. */
  text: string;
  /** Share of the query's wording found in the paragraph, in order (0–1). */
  score: number;
  uri: string;
  range: CorpusSearchResult['range'];
  /** The query's words, those not found in order in [brackets]. */
  difference: string;
}

export interface AnnexParams {
  uri: string;
}

export interface AnnexResult {
  /** The annex as Markdown, between its start and end marker comments. */
  markdown: string;
  /** Where an annex already in the draft is (markers included), to replace it; absent: append. */
  existing?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Paragraphs and broken citations it lists. */
  paragraphs: number;
  broken: number;
}

export const Methods = {
  /** void → TopicInfo[]: the thematic index, by topic. */
  topics: 'unCitations/topics',
  /** CorpusSearchParams → CorpusSearchResult[] */
  search: 'unCitations/search',
  /** void → CorpusSummary */
  summary: 'unCitations/summary',
  /** AgreedLanguageParams → AgreedLanguageResult[]: the closest corpus paragraphs to a text, best first. */
  agreedLanguage: 'unCitations/agreedLanguage',
  /** AnnexParams ({uri}) → string | null: the provenance declaration of an open draft, as Markdown. */
  provenance: 'unCitations/provenance',
  /** AnnexParams → AnnexResult: the annex of paragraphs an open draft cites, in the configured style. */
  annex: 'unCitations/annex',
  /** Server → client notification while the corpus loads and when it is ready: CorpusSummary & {state}. */
  status: 'unCitations/status',
} as const;
