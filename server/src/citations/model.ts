// What the scanner finds and what the resolver makes of it. Offsets are UTF-16 indices into the
// scanned text; features turn them into positions with `document.positionAt`.

import type { ParagraphRef } from '../corpus/corpus';
import type { CorpusDocument } from '../corpus/model';

/** A span of the scanned text: in "see VII.14 here", `{start: 4, end: 10}` covers "VII.14". */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Which instrument a citation names, as written. */
export type InstrumentName =
  /** `any`: "6/3 OP15" names no kind; the corpus decides. */
  | { type: 'conference'; kind: 'resolution' | 'decision' | 'any'; session: number; number: number }
  /** "VII.14", "Part B V.5": a compendium section; `part` is undefined when not written. */
  | { type: 'compendium'; part?: 'A' | 'B'; section: number }
  /** "the seventh meeting of the Working Group". */
  | { type: 'meeting'; meeting: number }
  /** "the Working Group (2018, rec. 4(c))": a meeting named by the year it was held. */
  | { type: 'meeting-year'; year: number }
  /** "the report on the meeting of the Working Group held … from 30 May to 1 June 2012". */
  | { type: 'meeting-report'; meeting?: number; dates?: string }
  /** "CTOC/COP/WG.7/2012/6", "CTOC/COP/2010/17", "A/RES/55/25". */
  | { type: 'symbol'; symbol: string }
  /** A document known by an alias ("France draft resolution (2008)"). */
  | { type: 'alias'; documentId: string }
  /** "General Assembly resolution 55/25": an instrument of another body. */
  | { type: 'external'; name: string }
  /** "article 16, paragraph 5, of the Protocol". */
  | { type: 'treaty'; name: string }
  /**
   * A reference carried over from an earlier citation: "(para. 9)", "ibid., para. 4", "paragraph 22
   * of the same resolution", "report para. 21". Linked to its antecedent after scanning (antecedents.ts).
   */
  | { type: 'carried'; form: CarriedForm; wants: 'resolution' | 'decision' | 'report' | 'meeting' | 'any' };

/**
 * `previous`: ibid./id.; `named`: "the same resolution", "that decision"; `bare`: "(para. 9)";
 * `loose`: "OP 9 (b)", "its paragraph 9", "its recommendation 13" in running text, after the instrument.
 */
export type CarriedForm = 'previous' | 'named' | 'bare' | 'loose';

/** One item of a paragraph list as written: "9 (c)", "3–5", "(j)(i)–(iii)", "PP 5". */
export interface LabelItem {
  range: TextRange;
  text: string;
  /** Label paths the item stands for, ranges expanded: "3–5" → [["3"], ["4"], ["5"]]. */
  paths: string[][];
  /** Set when the item cannot be read as written (e.g. a range across paragraphs). */
  problem?: string;
}

export interface ScannedCitation {
  /** The whole citation: "paragraph 9 of resolution 5/3", "Part B V.5", "III.19–21". */
  range: TextRange;
  text: string;
  instrument: InstrumentName;
  /** The part that names the instrument ("resolution 5/3"); for compendium references the section ("VII"). */
  instrumentRange: TextRange;
  /** Paragraphs cited; empty for a citation of the whole instrument. */
  items: LabelItem[];
  /** Report paragraph numbers ("CTOC/COP/WG.7/2012/6, para 41") rather than the instrument's own. */
  reportNumbering?: boolean;
  /** Part A forced by a designator: "recommendation V.6", "Rec. IX-2". */
  partA?: boolean;
  /** For a carried-over reference, the citation it takes its instrument from. */
  antecedent?: { text: string; range: TextRange };
}

export type CitationStatus =
  | 'resolved'
  | 'unknown-paragraph'
  | 'unknown-instrument'
  /** "XI.1", "Part B VIII.1": a section the compendium (whole in the corpus) does not have. */
  | 'unknown-section'
  /** "decision 5/3": 5/3 is a resolution. */
  | 'wrong-kind'
  /** A report paragraph the thematic index maps to no recommendation. */
  | 'report-paragraph'
  | 'excerpt'
  | 'misprint'
  | 'ambiguous'
  | 'out-of-corpus'
  | 'malformed';

export interface CitationMember {
  item: LabelItem;
  path: string[];
  target?: ParagraphRef;
  /** Why this member does not resolve. */
  problem?: string;
  /** A report paragraph mapped by the report's constant offset, not printed in the thematic index. */
  inferred?: boolean;
  /** Closest valid labels, written as in the citation ("24", "(j) (ii)", "I.b.iii"). */
  suggestions: string[];
}

export interface Citation extends ScannedCitation {
  status: CitationStatus;
  /** The instrument's copies, the compendium's first; empty when not in the corpus. */
  documents: CorpusDocument[];
  members: CitationMember[];
  /** One sentence saying what is wrong (or, for out-of-corpus references, what it is). */
  message?: string;
  /** Whole-citation replacements for quick fixes ("Part B I.b.iii", "Decision 4/5"). */
  suggestions: string[];
  /** Other readings, for ambiguous citations. */
  candidates?: ParagraphRef[];
}
