// The corpus model: documents, their citable paragraphs and where each sits in its source file.
// Pure data; the parsers in this folder build it from text, nothing here does I/O.

/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface SourcePosition {
  line: number;
  character: number;
}

/** A span of a source file, e.g. `{file: 'resolution-5-3.txt', start: {line: 8, character: 0}, end: {line: 8, character: 186}}`. */
export interface SourceRange {
  file: string;
  start: SourcePosition;
  end: SourcePosition;
}

/** `document`: any other document a user adds (an office's report, a note), cited by alias or symbol. */
export type DocumentKind = 'wg-recommendations' | 'decision' | 'resolution' | 'draft-resolution' | 'document';

/**
 * - `preambular`: unnumbered paragraphs of a resolution before its operative part, numbered PP 1, PP 2 …
 * - `operative`: numbered (`9`) or lettered (`(j)`) top-level paragraphs; recommendations of a meeting.
 * - `subparagraph`: `(a)` under a numbered paragraph, `(ii)` under a lettered one, and so on down.
 */
export type ParagraphKind = 'preambular' | 'operative' | 'subparagraph';

export interface Footnote {
  /** The marker as printed: "1", "17", "*". */
  marker: string;
  text: string;
}

export interface Paragraph {
  /** Canonical key inside its document: "9", "9(c)", "PP5", "(j)(ii)". Unique per document. */
  key: string;
  /** The label drafters write inside the document: "9", "9 (c)", "PP 5", "(j) (ii)". */
  label: string;
  /** Label parts from the top level down: ["9", "c"], ["PP", "5"], ["j", "ii"]. */
  path: string[];
  kind: ParagraphKind;
  parentKey?: string;
  childKeys: string[];
  /** Plain text: lines and page breaks joined, footnote blocks and markers removed, markup removed. */
  text: string;
  /** Footnotes whose markers occur in this paragraph, in order of appearance. */
  footnotes: Footnote[];
  /** From the paragraph label to the last character of its text. */
  location: SourceRange;
}

export interface DocumentOrigin {
  /** File name under data/ (or a user's corpus file). */
  file: string;
  /** Where the document's heading sits, for "go to" on a bare instrument. */
  heading: SourceRange;
  /** Set when the document is a section of the compendium. */
  compendium?: { part: 'A' | 'B'; section: number };
  /** True when the source reproduces only part of the instrument ("(...)" marks omissions). */
  excerpt: boolean;
  /** A user's own document (from the workspace's .un-citations/corpus/ or a configured path). */
  user?: boolean;
}

export interface CorpusDocument {
  /** Stable id: "wg-meeting-7", "decision-4-5", "decision-4-5.standalone", "draft-resolution-france-2008". */
  id: string;
  /** The instrument this document is a copy of; two copies of one instrument share it. */
  instrumentId: string;
  kind: DocumentKind;
  /** E.g. "Resolution 5/3", "Working Group recommendations, seventh meeting". */
  name: string;
  /** The instrument's own title ("Implementation of the Protocol against …"). */
  title: string;
  /** Session (Conference) or meeting (Working Group) number, e.g. 5 for resolution 5/3. */
  session?: number;
  /** "Fifth session, 18 to 22 October 2010" or "Seventh meeting, 8 and 9 September 2020". */
  sessionName?: string;
  /** Dates as printed: "18 to 22 October 2010". */
  dates?: string;
  year?: number;
  /** UN document symbol of the report that carries it, where the corpus gives one. */
  symbol?: string;
  /** Another body's instrument ("General Assembly"): cited by its own name, "General Assembly resolution 70/1". */
  body?: string;
  /** Names drafters write: "resolution 5/3", "res. 5/3", "Conference resolution 5/3". */
  aliases: string[];
  /** The unnumbered opening ("The Conference of the Parties …:") where there is one. */
  opening?: string;
  paragraphs: Paragraph[];
  origin: DocumentOrigin;
}

export type Severity = 'error' | 'warning';

/** A problem found while parsing, with the place it was found. */
export interface CorpusProblem {
  severity: Severity;
  /** Stable code, e.g. "numbering-gap", "unknown-label", "empty-source". */
  code: string;
  message: string;
  file: string;
  line?: number;
  /** In a user's own corpus document: shown as a diagnostic in that file, not as a corpus failure. */
  user?: boolean;
}
