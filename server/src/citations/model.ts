// What the scanner finds and what the resolver makes of it. Offsets are UTF-16 indices into the
// scanned text; features turn them into positions with `document.positionAt`.

import type { ParagraphRef } from '../corpus/corpus';
import type { CorpusDocument, Paragraph } from '../corpus/model';

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
  problem?: ItemProblem;
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
  problem?: MemberFailure;
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
  /**
   * What is wrong (or, for out-of-corpus references, what it is), as facts; `describe()` in
   * features/describe.ts says it in words. For a failing paragraph, its first failing member's problem.
   */
  failure?: Failure;
  /** Whole-citation replacements for quick fixes ("Part B I.b.iii", "Decision 4/5"). */
  suggestions: string[];
  /** Other readings, for ambiguous citations. */
  candidates?: ParagraphRef[];
}

// Failures are facts, not prose: each kind carries what its message needs, and features/describe.ts
// is the one place that words them, so the diagnostic, hover, preview and CLI say the same thing.

/** Why a list item cannot be read as written; `written` is the item as printed. */
export type ItemProblem =
  /** "III.19–21 (b)": a dash that is not a range. */
  | { kind: 'not-a-range'; written: string }
  /** "9 (c)–10 (a)": not siblings of one paragraph, or more than `limit` of them. */
  | { kind: 'range-across-levels'; written: string; limit: number };

/** Why one cited paragraph does not resolve in `document`; paths as in `CitationMember.path`. */
export type MemberFailure =
  | ItemProblem
  /** Resolution 10/3, para 5: the corpus holds only some of the instrument's paragraphs. */
  | { kind: 'not-in-excerpt'; document: CorpusDocument; path: string[] }
  /** "Part B I.iii" where decision 1/6 has (b) (iii): `intended` are the paragraphs it looks like. */
  | { kind: 'misprint'; document: CorpusDocument; path: string[]; intended: Paragraph[] }
  /** "PP 9" where the instrument has fewer preambular paragraphs; `number` as written ("9"). */
  | { kind: 'unknown-preambular'; document: CorpusDocument; number: string }
  /** "9 (d)" where there is no paragraph 9 at all: `parentPath` is ["9"]. */
  | { kind: 'unknown-parent'; document: CorpusDocument; parentPath: string[] }
  /** "25", or "9 (d)" under an existing `parent` paragraph 9 without a (d). */
  | { kind: 'unknown-paragraph'; document: CorpusDocument; path: string[]; parent?: Paragraph }
  /** A report paragraph the thematic index pairs with no recommendation; it pairs `first`–`last`. */
  | { kind: 'unmapped-report-paragraph'; symbol: string; label: string; first: number; last: number };

type ConferenceKind = 'resolution' | 'decision';

/** Why a citation does not resolve to paragraphs of the corpus, or what it names outside it. */
export type Failure =
  | MemberFailure
  /** "resolution 55/25": the Conference has not held `session` sessions; another body's numbering. */
  | { kind: 'other-body-session'; instrument: ConferenceKind; session: number; number: number }
  /** A user's document known by its alias, since removed. */
  | { kind: 'document-gone' }
  /** "the eleventh meeting of the Working Group"; `held` are the meetings the corpus has, ascending. */
  | { kind: 'unknown-meeting'; meeting: number; held: number[] }
  /** "the Working Group (2018, rec. 4)" when it met `count` times that year. */
  | { kind: 'meeting-year-several'; year: number; count: number }
  /** … when it did not meet that year; `held` are the years it did. */
  | { kind: 'meeting-year-none'; year: number; held: string[] }
  /** "General Assembly resolution 55/25". */
  | { kind: 'other-body'; name: string }
  /** "article 16, paragraph 5, of the Protocol"; `written` is the citation's text. */
  | { kind: 'treaty-provision'; written: string }
  /** "(para. 9)" before it is linked to its antecedent (never shown: linked or dropped). */
  | { kind: 'carried-unread' }
  /** "decision 5/3" where 5/3 is a resolution: `written` is the kind the citation says. */
  | { kind: 'wrong-kind'; written: ConferenceKind; session: number; number: number }
  /** "resolution 7/1"; `held` names the Conference instruments the corpus has, `close` those one letter off. */
  | { kind: 'unknown-instrument'; instrument: ConferenceKind; session: number; number: number; held: string[]; close: string[] }
  /**
   * "V.6" where meeting V has recommendations 1–5 and Part B's section V (`resolution`) has
   * `paragraphs`; `written` is the item ("6"), `closest` the nearest recommendations ("5").
   */
  | { kind: 'section-number-in-part-b'; section: number; written: string; meeting: CorpusDocument; resolution: CorpusDocument; paragraphs: Paragraph[]; closest: string[] }
  /** "XI.1", "Part B VIII.1"; `meetings` are Part A's sections. */
  | { kind: 'unknown-section'; section: number; part?: 'A' | 'B'; meetings: number[] }
  /** "the report on the meeting … held from 1 to 3 May 1999": no such meeting. */
  | { kind: 'unknown-meeting-report'; meeting?: number; dates?: string }
  /** "the report, para 41" naming no meeting; `candidates` are report symbols that have those paragraphs. */
  | { kind: 'report-unnamed'; firstDates?: string; meetings: number[]; candidates: string[] }
  /** A meeting report whose paragraph numbers the thematic index does not give; `example` is a recommendation label. */
  | { kind: 'report-numbering-unknown'; symbol?: string; meeting: number; example: string }
  /** "CTOC/COP/WG.7/2014/5, para 3": a Working Group report the corpus lacks. */
  | { kind: 'unknown-report'; symbol: string; held: { symbol: string; meeting: number }[] }
  /** A document symbol the corpus does not hold. */
  | { kind: 'unknown-symbol'; symbol: string }
  /** "CTOC/COP/2010/17, para 3": a session report; `adopted` names what the corpus holds of that session. */
  | { kind: 'session-report-paragraphs'; symbol: string; adopted: string[] };

export type FailureKind = Failure['kind'];
