// Finds citations in a text: each form of the grammar proposes candidates, overlapping ones are
// settled in favour of the one that starts first (then the longer), and nothing inside code,
// comments or link destinations counts. Pure: text in, citations with exact ranges out.

import { romanToNumber, ordinalToNumber } from '../corpus/text';
import { type FoldedText, fold, unfold } from './fold';
import { readLabelList } from './labelList';
import { RangeSet, excludedRanges } from './markdownRegions';
import type { CarriedForm, InstrumentName, ItemProblem, LabelItem, ScannedCitation, TextRange } from './model';
import { OTHER_BODIES, PARAGRAPH_DESIGNATORS, type ParagraphRow, rowSource } from './grammar';
import * as P from './patterns';
import { expandRange } from '../corpus/labels';
import { detach } from '../util/strings';
import { shiftCitation } from './shift';

/** Names of documents that only an alias identifies (drafts, users' own documents). */
export interface AliasTable {
  /** Lower-cased alias, spaces collapsed → document id. */
  ids: Map<string, string>;
  pattern?: RegExp;
  /** The same pattern, sticky, to read an alias at a given offset. */
  sticky?: RegExp;
}

export function buildAliasTable(aliases: { alias: string; documentId: string }[]): AliasTable {
  const ids = new Map<string, string>();
  for (const { alias, documentId } of aliases) ids.set(normalizeAlias(alias), documentId);
  if (ids.size === 0) return { ids };
  const escaped = [...ids.keys()]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s{1,3}'));
  const source = `(?<![\\w])(?:${escaped.join('|')})(?![\\w])`;
  return { ids, pattern: new RegExp(source, 'gi'), sticky: new RegExp(source, 'iy') };
}

function normalizeAlias(alias: string): string {
  return alias.toLowerCase().replace(/\s+/g, ' ').trim();
}

const EMPTY_ALIASES: AliasTable = { ids: new Map() };

/**
 * All citations of a text. Citations never cross a blank line, so each block between blank lines
 * is scanned on its own; that is what lets an edit rescan only the blocks it touched.
 */
export function scanCitations(text: string, aliases: AliasTable = EMPTY_ALIASES, excluded: TextRange[] = excludedRanges(text)): ScannedCitation[] {
  return scanRange(text, 0, text.length, aliases, excluded);
}

/** Citations in the blocks of text[start, end) (a range that starts and ends at block boundaries). */
export function scanRange(text: string, start: number, end: number, aliases: AliasTable, excluded: TextRange[]): ScannedCitation[] {
  const skip = new RangeSet(excluded);
  const out: ScannedCitation[] = [];
  for (const block of blocks(text, start, end)) {
    for (const found of scanBlock(detach(text.slice(block.start, block.end)), aliases)) {
      const c = shiftCitation(found, block.start);
      if (!skip.overlaps(c.range.start, c.range.end)) out.push(c);
    }
  }
  return out;
}

/** Blank lines separate blocks: [start, end) ranges of text[from, to) without the blank lines. */
export function blocks(text: string, from: number, to: number): TextRange[] {
  const out: TextRange[] = [];
  const blank = /\n[ \t\r]*\n/g;
  blank.lastIndex = from;
  let start = from;
  for (let m = blank.exec(text); m && m.index < to; m = blank.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length - 1; // keep the last newline out, start after it
    start++;
    blank.lastIndex = start - 1;
  }
  if (to > start) out.push({ start, end: to });
  return out;
}

/** The block around offset `at`: from after the previous blank line to before the next. */
export function blockAround(text: string, from: number, to: number): TextRange {
  let start = from;
  while (start > 0) {
    const nl = text.lastIndexOf('\n', start - 1);
    if (nl < 0) {
      start = 0;
      break;
    }
    // A blank line: the text between this newline and the previous one is only whitespace.
    const prev = text.lastIndexOf('\n', nl - 1);
    if (/^[ \t\r]*$/.test(text.slice(prev + 1, nl))) {
      start = nl + 1;
      break;
    }
    start = nl;
  }
  let end = to;
  for (;;) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) {
      end = text.length;
      break;
    }
    const next = text.indexOf('\n', nl + 1);
    if (/^[ \t\r]*$/.test(text.slice(nl + 1, next < 0 ? text.length : next)) && next >= 0) {
      end = nl;
      break;
    }
    if (next < 0) {
      end = text.length;
      break;
    }
    end = nl + 1;
  }
  return { start, end };
}

/** Citations of one block (no blank line inside), offsets relative to the block. */
function scanBlock(text: string, aliases: AliasTable): ScannedCitation[] {
  const folded = fold(text);
  const t = folded.text;
  const candidates: ScannedCitation[] = [];
  const add = (c: ScannedCitation | undefined) => c && candidates.push(c);

  for (const m of matches(t, P.INSTRUMENT)) instrumentForm(t, m).forEach(add);
  if (t.includes('/')) for (const m of matches(t, P.BARE_NUMBER)) add(bareNumberForm(t, m));
  // "para 9" inside "Resolution 5/3, para 9" is part of that citation: no loose reading is tried there.
  const insideInstrument = coverage(candidates.map((c) => c.range));
  for (const m of matches(t, P.PARAGRAPH_FIRST)) {
    const start = m.index!;
    add(paragraphFirstForm(t, start, start + m[0].length, m[1], aliases) ?? (insideInstrument(start) ? undefined : looseForm(t, start, start + m[0].length, m[1])));
  }
  if (/preambular|operative/i.test(t)) for (const m of matches(t, P.ORDINAL_PREAMBULAR)) add(ordinalPreambularForm(t, m, aliases));
  for (const m of matches(t, P.RECOMMENDATION_FIRST)) add(recommendationForm(t, m.index!, m.index! + m[0].length) ?? ownRecommendationForm(t, m.index!, m.index! + m[0].length));
  if (/meeting/i.test(t)) {
    for (const m of matches(t, P.MEETING)) add(meetingForm(t, m));
    for (const m of matches(t, P.MEETING_FIRST)) add(meetingFirstForm(t, m));
  }
  if (/Working\s+Group/i.test(t)) for (const m of matches(t, P.MEETING_YEAR)) add(meetingYearForm(t, m));
  for (const m of matches(t, P.SYMBOL)) add(symbolForm(t, m));
  for (const m of matches(t, P.COMPENDIUM)) add(compendiumForm(t, m));
  if (t.includes('-')) for (const m of matches(t, P.HYPHEN_COMPENDIUM)) add(compendiumForm(t, m));
  for (const m of matches(t, P.TREATY)) add(treatyForm(m));
  if (/\d{4}|\/[A-Z]/.test(t)) for (const m of matches(t, P.FOREIGN_NUMBERED)) add(foreignForm(t, m));
  if (aliases.pattern) for (const m of matches(t, aliases.pattern)) add(aliasForm(t, m, aliases));
  const insideCitation = coverage(candidates.map((c) => c.range));
  for (const c of carriedForms(t)) if (!insideCitation(c.range.start)) add(c);

  const unfolded = candidates.map((c) => unfoldCitation(folded, c, text)).sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const chosen: ScannedCitation[] = [];
  let reached = 0;
  for (const c of unfolded) {
    if (c.range.start < reached) continue;
    chosen.push(c);
    reached = c.range.end;
  }
  return chosen;
}

/** Whether an offset lies strictly inside one of the ranges (binary search over starts, with the furthest end so far). */
function coverage(ranges: TextRange[]): (at: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const furthest: number[] = [];
  let reach = -1;
  for (const r of sorted) furthest.push((reach = Math.max(reach, r.end)));
  return (at) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < at) (last = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return last >= 0 && furthest[last] > at;
  };
}

/** Every match of a global pattern (exec on the shared pattern: matchAll would copy it each call). */
function matches(t: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function citation(t: string, range: TextRange, instrument: InstrumentName, instrumentRange: TextRange, items: LabelItem[] = [], reportNumbering = false): ScannedCitation {
  return { range, text: t.slice(range.start, range.end), instrument, instrumentRange, items, reportNumbering: reportNumbering || undefined };
}

/** Reads ", para 9 (c)", ", paras. 3–5", " (j)(i)", ", OP 13", ", § 9, al. a)" after an instrument, if there. */
export function paragraphsAfter(t: string, at: number): { items: LabelItem[]; end: number } {
  P.PARAGRAPH_INTRO.lastIndex = at;
  const intro = P.PARAGRAPH_INTRO.exec(t);
  if (intro) {
    const list = designatedList(t, P.PARAGRAPH_INTRO.lastIndex, intro[1]);
    // "resolution 6/3 (§ 12)": the citation closes the bracket it opened.
    const close = intro[0].includes('(') ? /^\s{0,2}\)/.exec(t.slice(list.end, list.end + 3)) : null;
    if (list.items.length) return close ? { items: list.items, end: list.end + close[0].length } : list;
  }
  P.DIRECT_LIST_INTRO.lastIndex = at;
  const direct = P.DIRECT_LIST_INTRO.exec(t);
  if (direct) {
    const list = readLabelList(t, P.DIRECT_LIST_INTRO.lastIndex, { numbers: false });
    // "decision 1/6 ((c) and (d))": the citation closes the bracket it opened.
    if (list.items.length) return direct[0].includes('(') && t[list.end] === ')' ? { items: list.items, end: list.end + 1 } : list;
  }
  return { items: [], end: at };
}

/** The grammar row a written paragraph designator belongs to (tried before a number: some rows look ahead for one). */
function designatorRow(written: string): ParagraphRow | undefined {
  return PARAGRAPH_DESIGNATORS.find((row) => designatorPatterns.get(row)!.exec(`${written}1`)?.[0].length === written.length);
}
const designatorPatterns = new Map(PARAGRAPH_DESIGNATORS.map((row) => [row, new RegExp(`^(?:${rowSource(row)})`)]));

/** The label list after a designator, read as the designator says: "PP 3" numbers, "al. b)" letters, "§ 9, al. a)". */
function designatedList(t: string, at: number, designator: string): { items: LabelItem[]; end: number } {
  const row = designatorRow(designator);
  const numbering = row?.numbering ?? 'any';
  const list = readLabelList(t, at, { numbers: numbering !== 'subparagraph' });
  if (!list.items.length) return list;
  if (numbering === 'preambular') for (const item of list.items) item.paths = item.paths.map((p) => (/^\d/.test(p[0]) ? ['PP', ...p] : p));
  // "§ 9, al. a)", "para 4, subparagraph (c)": subparagraphs of the one paragraph just read.
  const last = list.items[list.items.length - 1];
  P.SUBPARAGRAPH_INTRO.lastIndex = list.end;
  if (list.items.length === 1 && last.paths.length === 1 && P.SUBPARAGRAPH_INTRO.exec(t)) {
    const sub = readLabelList(t, P.SUBPARAGRAPH_INTRO.lastIndex, { numbers: false, prefix: last.paths[0] });
    if (sub.items.length) {
      sub.items[0].range = { start: last.range.start, end: sub.items[0].range.end };
      sub.items[0].text = t.slice(last.range.start, sub.items[0].range.end);
      return sub;
    }
  }
  return list;
}

function conferenceInstrument(word: string | undefined, session: string, number: string): InstrumentName {
  const kind = word === undefined ? 'any' : /^res/i.test(word) ? 'resolution' : 'decision';
  return { type: 'conference', kind, session: Number(session), number: Number(number) };
}

/** "General Assembly resolution 55/25", "HRC res. 5/1": the body's name when one stands right before. */
function otherBodyBefore(t: string, at: number): { name: string; start: number } | undefined {
  const before = t.slice(Math.max(0, at - 120), at);
  const m = P.OTHER_BODY_BEFORE.exec(before);
  if (!m) return undefined;
  const written = m[0].replace(/(?:['’]s)?\s+$/, '');
  if (P.CONFERENCE_NAME.test(written) || /Transnational|Parties\s*$/.test(written)) return undefined;
  return { name: bodyName(m, written), start: at - before.length + m.index };
}

/** "resolution 4/3 of the Conference of the States Parties to the United Nations Convention against Corruption". */
function otherBodyAfter(t: string, at: number): { name: string; end: number } | undefined {
  P.OTHER_BODY_AFTER.lastIndex = at;
  const m = P.OTHER_BODY_AFTER.exec(t);
  if (!m || /Transnational/.test(m[0])) return undefined;
  return { name: bodyName(m, m[0].replace(/^[\s,]*(?:of|adopted\s+by|by)\s+(?:the\s+)?/, '')), end: P.OTHER_BODY_AFTER.lastIndex };
}

/** The body row's name for the group that matched, or the words as written for the catch-all row. */
function bodyName(m: RegExpExecArray, written: string): string {
  const index = OTHER_BODIES.findIndex((_, i) => m[i + 1] !== undefined);
  return OTHER_BODIES[index]?.name || written.replace(/\s+/g, ' ');
}

/** A body named after the instrument, as a span that starts nowhere earlier than the instrument. */
function afterBody(t: string, end: number): { name: string; start: number; end: number } | undefined {
  const after = otherBodyAfter(t, end);
  return after && { name: after.name, start: end, end: after.end };
}

/** "6/3 OP15", "5/3 op. 3": a session number that a paragraph designator right after makes a citation. */
function bareNumberForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const start = m.index!;
  const range = { start, end: start + m[0].length };
  const paragraphs = paragraphsAfter(t, range.end);
  if (!paragraphs.items.length) return undefined;
  return citation(t, { start, end: paragraphs.end }, conferenceInstrument(undefined, m[1], m[2]), range, paragraphs.items);
}

function instrumentForm(t: string, m: RegExpMatchArray): ScannedCitation[] {
  const start = m.index!;
  const end = start + m[0].length;
  const body: { name: string; start: number; end?: number } | undefined = otherBodyBefore(t, start) ?? afterBody(t, end);
  const plural = /s\.?$/i.test(m[1]) && !/^res\.?$/i.test(m[1]);
  const out: ScannedCitation[] = [];
  const numbers: { session: string; number: string; range: TextRange }[] = [{ session: m[2], number: m[3], range: { start, end } }];
  if (plural) {
    P.MORE_INSTRUMENTS.lastIndex = end;
    for (let more = P.MORE_INSTRUMENTS.exec(t); more; more = P.MORE_INSTRUMENTS.exec(t)) {
      const numberStart = P.MORE_INSTRUMENTS.lastIndex - more[1].length - 1 - more[2].length;
      numbers.push({ session: more[1], number: more[2], range: { start: numberStart, end: P.MORE_INSTRUMENTS.lastIndex } });
    }
  }
  for (const n of numbers) {
    if (body) {
      const name = `${body.name} ${/^res/i.test(m[1]) ? 'resolution' : 'decision'} ${n.session}/${n.number}`;
      const range = n === numbers[0] ? { start: Math.min(body.start, n.range.start), end: Math.max(n.range.end, body.end ?? 0) } : n.range;
      // Its paragraphs, as for a Conference instrument: the corpus may hold it (a user's document or a pack).
      // (Of a list, none: "resolutions 61/144 and 61/180 (PP 2 of …)" says not whose.)
      const paragraphs = !plural ? paragraphsAfter(t, range.end) : { items: [], end: range.end };
      out.push(citation(t, { start: range.start, end: Math.max(range.end, paragraphs.end) }, { type: 'external', name }, n.range, paragraphs.items));
      continue;
    }
    const instrument = conferenceInstrument(m[1], n.session, n.number);
    // Only the last of a list, or a single instrument, can carry a paragraph list.
    const paragraphs = !plural || n === numbers[numbers.length - 1] ? paragraphsAfter(t, n.range.end) : { items: [], end: n.range.end };
    if (plural && paragraphs.items.length) continue; // "decisions 3/3 and 4/5, para (a)": which one? Leave it unread.
    out.push(citation(t, { start: n.range.start, end: paragraphs.end }, instrument, n.range, paragraphs.items));
  }
  return out;
}

const STICKY_INSTRUMENT = new RegExp(P.INSTRUMENT.source, 'y');
/** "the same resolution", "that decision", "the said report": an instrument named earlier. Group: the kind. */
const ANAPHOR = /(?:the\s+)?(?:same|said|that|aforementioned|above-mentioned)\s+(resolution|decision|report)\b|(?<=\bof\s+the\s+)(resolution|decision)\b(?!\s{0,3}\d)/iy;

function carried(form: CarriedForm, word?: string): InstrumentName {
  const w = word?.toLowerCase() ?? '';
  const wants = w.startsWith('res') ? 'resolution' : w.startsWith('dec') ? 'decision' : w.startsWith('report') ? 'report' : 'any';
  return { type: 'carried', form, wants };
}
const STICKY_EXTERNAL = new RegExp(String.raw`(General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s+(${P.INSTRUMENT_WORD})\s{0,3}${P.INSTRUMENT_NUMBER}`, 'iy');
const STICKY_SYMBOL = new RegExp(P.SYMBOL.source, 'y');

/** What a paragraph list belongs to, read right after " of ": an instrument, a report, a symbol or an alias. */
function ownerAt(t: string, at: number, aliases: AliasTable): { instrument: InstrumentName; range: TextRange; reportNumbering: boolean } | undefined {
  STICKY_INSTRUMENT.lastIndex = at;
  const inst = STICKY_INSTRUMENT.exec(t);
  if (inst && !otherBodyAfter(t, STICKY_INSTRUMENT.lastIndex)) return { instrument: conferenceInstrument(inst[1], inst[2], inst[3]), range: { start: at, end: STICKY_INSTRUMENT.lastIndex }, reportNumbering: false };
  if (inst) {
    // "paragraph 4 of resolution 4/3 of the Conference of the States Parties to … Corruption"
    const after = otherBodyAfter(t, STICKY_INSTRUMENT.lastIndex);
    if (after) return { instrument: { type: 'external', name: `${after.name} ${/^res/i.test(inst[1]) ? 'resolution' : 'decision'} ${inst[2]}/${inst[3]}` }, range: { start: at, end: after.end }, reportNumbering: false };
  }
  STICKY_EXTERNAL.lastIndex = at;
  const ext = STICKY_EXTERNAL.exec(t);
  if (ext) return { instrument: { type: 'external', name: `${ext[1]} ${ext[2].toLowerCase()} ${ext[3]}/${ext[4]}` }, range: { start: at, end: STICKY_EXTERNAL.lastIndex }, reportNumbering: false };
  P.BARE_NUMBER_STICKY.lastIndex = at;
  const bare = P.BARE_NUMBER_STICKY.exec(t);
  if (bare) return { instrument: conferenceInstrument(undefined, bare[1], bare[2]), range: { start: at, end: P.BARE_NUMBER_STICKY.lastIndex }, reportNumbering: false };
  ANAPHOR.lastIndex = at;
  const anaphor = ANAPHOR.exec(t);
  if (anaphor) return { instrument: carried('named', anaphor[1] ?? anaphor[2]), range: { start: at, end: ANAPHOR.lastIndex }, reportNumbering: /^report/i.test(anaphor[1] ?? '') };
  P.MEETING_REPORT.lastIndex = at;
  const report = P.MEETING_REPORT.exec(t);
  if (report) {
    const meeting = report[1] ? ordinalToNumber(report[1]) : undefined;
    return { instrument: { type: 'meeting-report', meeting, dates: report[2] }, range: { start: at, end: P.MEETING_REPORT.lastIndex }, reportNumbering: true };
  }
  STICKY_SYMBOL.lastIndex = at;
  const symbol = STICKY_SYMBOL.exec(t);
  if (symbol) {
    const s = symbol[0].replace(/\.+$/, '');
    return { instrument: { type: 'symbol', symbol: s }, range: { start: at, end: at + s.length }, reportNumbering: true };
  }
  if (aliases.sticky) {
    const sticky = aliases.sticky;
    sticky.lastIndex = at;
    const alias = sticky.exec(t);
    const id = alias && aliases.ids.get(normalizeAlias(alias[0]));
    if (alias && id) return { instrument: { type: 'alias', documentId: id }, range: { start: at, end: sticky.lastIndex }, reportNumbering: false };
  }
  return undefined;
}

/** "paragraph 9 of resolution 5/3", "ops 3 and 21 of res. 5/3", "PP3 of resolution 6/3", "§ 24 of resolution 5/3", "para. 9(a) of 6/3". */
function paragraphFirstForm(t: string, start: number, listStart: number, designator: string, aliases: AliasTable): ScannedCitation | undefined {
  const list = designatedList(t, listStart, designator);
  if (!list.items.length) return undefined;
  if (P.DRAFT_LABEL.test(t.slice(list.end, list.end + 10))) return undefined; // "OP7bis of the draft"
  P.OF_LINK.lastIndex = list.end;
  if (!P.OF_LINK.exec(t)) return undefined;
  const owner = ownerAt(t, P.OF_LINK.lastIndex, aliases);
  // "paragraph 9 above", "paragraph 3 of the present resolution": the draft's own paragraphs.
  if (!owner) return undefined;
  // "subparagraphs (a) to (c) of resolution 6/3, para. 9": the owner's own paragraph is their parent.
  if (owner.instrument.type === 'conference' && list.items.every((i) => i.paths.every((p) => /^[a-z]/.test(p[0])))) {
    const parent = paragraphsAfter(t, owner.range.end);
    if (parent.items.length === 1 && parent.items[0].paths.length === 1 && /^\d+$/.test(parent.items[0].paths[0][0])) {
      const prefix = parent.items[0].paths[0];
      const items = list.items.map((i) => ({ ...i, paths: i.paths.map((p) => [...prefix, ...p]) }));
      return citation(t, { start, end: parent.end }, owner.instrument, owner.range, items);
    }
  }
  return citation(t, { start, end: owner.range.end }, owner.instrument, owner.range, list.items, owner.reportNumbering);
}

/** Text after a designated list that makes it the draft's own: "paragraph 9 above", "OP 4 bis", "of the present resolution". */
const OWN_AFTER = /^\s{0,3}(?:above|below|supra|infra|bis\b|ter\b|quater\b|alt\b|of\s+(?:the\s+present|this|our|the\s+draft))/i;
/** Only markers before it on its line: a label that opens a line, a list item or a table cell ("| OP10 |"). */
const OPENS_LINE = /(?:^|\n)[\s>|*+#-]*(?:\d{1,3}[.)]\s*)?$/;
/** "our OP8", "which we use in OP16": the drafters speak of their own text. */
const FIRST_PERSON_BEFORE = /\b(?:we|our|us|my)\b[^.;:()\n]{0,30}$/i;
/** "its paragraph 9", "their operative paragraphs 3 and 4". */
const POSSESSIVE_BEFORE = /\b(?:its|their)\s{1,3}$/i;

/**
 * "OP 9 (b) restates I.12", "its paragraph 9", "in subparagraph (n)": a designated list with no
 * instrument after it, read as carried over from the one instrument named before it in the same unit
 * (antecedents.ts); the draft's own labels ("OP7bis", "paragraph 9 above", "| OP10 |") are left alone.
 */
function looseForm(t: string, start: number, listStart: number, designator: string): ScannedCitation | undefined {
  const list = designatedList(t, listStart, designator);
  if (!list.items.length || OWN_AFTER.test(t.slice(list.end, list.end + 24))) return undefined;
  const before = t.slice(Math.max(0, start - 40), start);
  if ((OPENS_LINE.test(before) && !POSSESSIVE_BEFORE.test(before)) || FIRST_PERSON_BEFORE.test(before)) return undefined;
  return citation(t, { start, end: list.end }, carried('loose'), { start, end: start }, list.items);
}

/** "its recommendation 13": a recommendation of the meeting named before it. */
function ownRecommendationForm(t: string, start: number, listStart: number): ScannedCitation | undefined {
  if (!POSSESSIVE_BEFORE.test(t.slice(Math.max(0, start - 12), start))) return undefined;
  const list = readLabelList(t, listStart, { numbers: true });
  if (!list.items.length || OWN_AFTER.test(t.slice(list.end, list.end + 24))) return undefined;
  return citation(t, { start, end: list.end }, { type: 'carried', form: 'loose', wants: 'meeting' }, { start, end: start }, list.items);
}

/** "the fifth preambular paragraph of resolution 6/3" → PP 5. */
function ordinalPreambularForm(t: string, m: RegExpMatchArray, aliases: AliasTable): ScannedCitation | undefined {
  const n = ordinalToNumber(m[1]);
  if (!n) return undefined;
  P.OF_LINK.lastIndex = m.index! + m[0].length;
  const owner = P.OF_LINK.exec(t) ? ownerAt(t, P.OF_LINK.lastIndex, aliases) : undefined;
  // "Its second operative paragraph": carried over from the instrument named before.
  const possessive = !owner && POSSESSIVE_BEFORE.test(t.slice(Math.max(0, m.index! - 12), m.index!));
  if ((!owner && !possessive) || owner?.reportNumbering) return undefined;
  const ordinalStart = m.index! + m[0].toLowerCase().indexOf(m[1].toLowerCase());
  // "the fifth preambular paragraph" is PP 5; "the second operative paragraph" is paragraph 2.
  const path = /^p/i.test(m[2]) ? ['PP', String(n)] : [String(n)];
  const item: LabelItem = { range: { start: ordinalStart, end: ordinalStart + m[1].length + 1 + m[2].length + ' paragraph'.length }, text: '', paths: [path] };
  item.text = t.slice(item.range.start, item.range.end);
  if (!owner) return citation(t, { start: m.index!, end: item.range.end }, carried('loose'), { start: m.index!, end: m.index! }, [item]);
  return citation(t, { start: m.index!, end: owner.range.end }, owner.instrument, owner.range, [item]);
}

/** "recommendation 14 of the seventh meeting", "recommendations 19–25 adopted at the third meeting". */
function recommendationForm(t: string, start: number, listStart: number): ScannedCitation | undefined {
  const list = readLabelList(t, listStart, { numbers: true });
  if (!list.items.length) return undefined;
  P.MEETING_TAIL.lastIndex = list.end;
  const tail = P.MEETING_TAIL.exec(t);
  const meeting = tail && ordinalToNumber(tail[1]);
  if (!tail || !meeting) return undefined; // "recommendation 11" alone refers to the draft's own list
  if (otherWorkingGroup(t, P.MEETING_TAIL.lastIndex)) return undefined;
  const ordinalAt = list.end + tail[0].toLowerCase().lastIndexOf(tail[1].toLowerCase());
  let end = P.MEETING_TAIL.lastIndex;
  if (t[end - 1] === ')' && !tail[0].includes('(')) end--;
  return citation(t, { start, end }, { type: 'meeting', meeting }, { start: ordinalAt, end }, list.items);
}

/** "… of the seventh meeting of the Working Group on Firearms": another body's meeting. */
function otherWorkingGroup(t: string, at: number): boolean {
  P.OTHER_WORKING_GROUP.lastIndex = at;
  return P.OTHER_WORKING_GROUP.test(t);
}

/** "the fifth meeting, recommendation 2 (k)", "the third meeting's recommendations 19–25". */
function meetingFirstForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const meeting = ordinalToNumber(m[1]);
  if (!meeting) return undefined;
  const start = m.index!;
  const list = readLabelList(t, start + m[0].length, { numbers: true });
  if (!list.items.length) return undefined;
  let end = list.end;
  if (t[end] === ')' && m[0].includes('(')) end++;
  const ordinalAt = start + m[0].toLowerCase().indexOf(m[1].toLowerCase());
  return citation(t, { start, end }, { type: 'meeting', meeting }, { start: ordinalAt, end: ordinalAt + m[1].length + ' meeting'.length }, list.items);
}

/** "the Working Group (2018, rec. 4(c))", "the Working Group's 2020 recommendations (3 and 5)": the meeting held that year. */
function meetingYearForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const year = Number(m[1] ?? m[2]);
  const start = m.index!;
  const list = readLabelList(t, start + m[0].length, { numbers: true });
  let end = list.items.length ? list.end : start + m[0].replace(/\s+$/, '').length;
  if (m[2] && !list.items.length) return undefined; // "(2018, rec." needs its number
  if (m[2] && t[end] === ')') end++;
  const yearAt = start + m[0].indexOf(String(year));
  return citation(t, { start, end }, { type: 'meeting-year', year }, { start: yearAt, end: yearAt + 4 }, list.items);
}

/** "the tenth meeting of the Working Group", "the Working Group's eighth meeting": the meeting's recommendations as a whole. */
function meetingForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const meeting = ordinalToNumber(m[1] ?? m[2]);
  if (!meeting || otherWorkingGroup(t, m.index! + m[0].length)) return undefined;
  const range = { start: m.index!, end: m.index! + m[0].length };
  return { range, text: m[0], instrument: { type: 'meeting', meeting }, instrumentRange: range, items: [] };
}

/** "CTOC/COP/WG.7/2012/6, para 41", "CTOC/COP/2010/17", "A/RES/55/25". */
function symbolForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const symbol = m[0].replace(/\.+$/, '');
  const start = m.index!;
  const symbolRange = { start, end: start + symbol.length };
  // "CTOC/COP/WG.7/2023/5, recommendation 11": the meeting's own numbering, not the report's paragraphs.
  P.SYMBOL_RECOMMENDATIONS.lastIndex = symbolRange.end;
  if (P.SYMBOL_RECOMMENDATIONS.exec(t)) {
    const list = readLabelList(t, P.SYMBOL_RECOMMENDATIONS.lastIndex, { numbers: true });
    if (list.items.length) return citation(t, { start, end: list.end }, { type: 'symbol', symbol }, symbolRange, list.items, false);
  }
  P.SYMBOL_PARAGRAPHS.lastIndex = symbolRange.end;
  if (P.SYMBOL_PARAGRAPHS.exec(t)) {
    const list = readLabelList(t, P.SYMBOL_PARAGRAPHS.lastIndex, { numbers: true });
    if (list.items.length) return citation(t, { start, end: list.end }, { type: 'symbol', symbol }, symbolRange, list.items, true);
  }
  return citation(t, symbolRange, { type: 'symbol', symbol }, symbolRange);
}

/**
 * "VII.14", "Part B II.n.iii", "V.2(k)", "III.19–21", "X.7 to X.14", "VI.PP.1–7", "VIII-4". Groups: part,
 * roman, first component, further components, the roman repeated in a range, range end.
 */
function compendiumForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const start = m.index!;
  const recommendation = P.RECOMMENDATION_BEFORE.exec(t.slice(Math.max(0, start - 30), start));
  if (!recommendation && selfReferenceBefore(t, start)) return undefined;
  // "### I.1 Why this programme", "- [ ] II.3 Handouts copied": the document's own numbering.
  if (P.OWN_NUMBERING_BEFORE.test(t.slice(Math.max(0, start - 12), start))) return undefined;
  if (m[0] === 'I.e' && t[start + 3] === '.') return undefined; // "I.e." is "that is"
  const section = romanToNumber(m[2]);
  if (section === undefined || section > 30) return undefined;
  const part = m[1] as 'A' | 'B' | undefined;
  const romanStart = start + m[0].indexOf(m[2], part ? 6 : 0);
  const first = m[3].startsWith('PP.') ? ['PP', m[3].slice(3)] : [m[3]];
  const rest = m[4] ? m[4].split(/[^a-z]+/).filter(Boolean) : [];
  const from = [...first, ...rest];
  let paths = [from];
  let problem: ItemProblem | undefined;
  let end = start + m[0].length;
  if (m[6]) {
    const endValue = m[6].replace(/^PP\.|[()]/g, '');
    const level = from.length - 1;
    const values = m[5] && m[5] !== m[2] ? undefined : expandRange(from[level], endValue, { roman: level > 0 && /^[a-z]/.test(from[level - 1]) });
    // A spaced em dash is a parenthesis ("VI.7 — 20 min —"), never a range.
    if (values && !/ — /.test(m[0])) paths = values.map((v) => [...from.slice(0, -1), v]);
    else if ((/^[a-z]+$/.test(m[6]) && !m[5]) || / — /.test(m[0])) {
      // "IX.9 (a) — and discuss": a dash used as a parenthesis, not a range.
      end = start + m[0].search(/\s?(?:[–—-]|\s+(?:to|à)\s)[^–—-]*$/);
    } else problem = { kind: 'not-a-range', written: m[0] };
  }
  P.SELF_REFERENCE_AFTER.lastIndex = end;
  if (!recommendation && P.SELF_REFERENCE_AFTER.test(t)) return undefined; // "II.3 below", "II.3 refer to this checklist"
  const itemStart = romanStart + m[2].length + 1;
  const item: LabelItem = { range: { start: itemStart, end }, text: t.slice(itemStart, end), paths, problem };
  const items = [item];
  // "V.2 (a), (c) and (k)": more subparagraphs of the same recommendation.
  MORE_BRACKETS.lastIndex = end;
  if (!problem && paths.length === 1 && paths[0].length > 1 && MORE_BRACKETS.test(t)) {
    const more = readLabelList(t, MORE_BRACKETS.lastIndex, { numbers: false, prefix: paths[0] });
    if (more.items.length) {
      items.push(...more.items);
      end = more.end;
    }
  }
  const c = citation(t, { start, end }, { type: 'compendium', part, section }, { start, end: romanStart + m[2].length }, items);
  if (recommendation && !part) {
    // "recommendation V.6", "Rec. IX-2": the designator makes it Part A and belongs to the citation.
    c.partA = true;
    c.range = { start: start - recommendation[0].length, end };
    c.text = t.slice(c.range.start, end);
  }
  return c;
}

const MORE_BRACKETS = /(?:\s{0,2},\s{0,2}(?:and\s+)?|\s+and\s+)(?=\([a-z]{1,5}\))/y;

/** The word just before `at` (skipping spaces), lower-cased, with a trailing dot kept: "section", "fig.". */
function wordBefore(t: string, at: number): { word: string; start: number } {
  let end = at;
  while (end > 0 && (t.charCodeAt(end - 1) === 32 || t.charCodeAt(end - 1) === 9 || t.charCodeAt(end - 1) === 10)) end--;
  let start = end;
  while (start > 0 && start > end - 20 && isWordChar(t.charCodeAt(start - 1))) start--;
  return { word: t.slice(start, end).toLowerCase(), start };
}

/** A-Z, a-z or ".". */
function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/** "section II.3", "Table I.1", "part C I.2": the draft's own numbering, not the compendium's. */
function selfReferenceBefore(t: string, at: number): boolean {
  const { word, start } = wordBefore(t, at);
  if (!word) return false;
  if (P.SELF_REFERENCE_WORDS.has(word)) return true;
  return /^[c-z]$/.test(word) && wordBefore(t, start).word === 'part';
}

/** "Security Council resolution 2240 (2015), para. 7", "ECOSOC resolution 2005/20": another system's numbering. */
function foreignForm(t: string, m: RegExpMatchArray): ScannedCitation {
  const start = m.index!;
  const end = start + m[0].length;
  const body = otherBodyBefore(t, start);
  const paragraphs = paragraphsAfter(t, end);
  const name = `${body?.name ?? 'another body'}’s ${/^res/i.test(m[1]) ? 'resolution' : 'decision'} ${m[2]}`;
  return citation(t, { start: body?.start ?? start, end: paragraphs.end }, { type: 'external', name }, { start, end }, paragraphs.items);
}

/** "article 16, paragraph 5, of the Protocol": recognised so it is neither flagged nor misread. */
function treatyForm(m: RegExpMatchArray): ScannedCitation {
  const range = { start: m.index!, end: m.index! + m[0].length };
  const of = /of\s+the\s+(.+)$/s.exec(m[0]);
  return { range, text: m[0], instrument: { type: 'treaty', name: of ? `the ${of[1].replace(/\s+/g, ' ')}` : 'a treaty' }, instrumentRange: range, items: [] };
}

const CARRIED_PAREN = new RegExp(String.raw`\(\s{0,2}(${P.PARAGRAPH_WORD})\s{0,3}(?=PP\s?\d|\d|\(|[a-z]\))`, 'g');
const IBID = /(?<![\w.])(?:[Ii]bid|[Ii]d)\.(?!\w)/g;
const ANAPHOR_ANYWHERE = /\b(?:the\s+)?(?:same|said|that|aforementioned|above-mentioned)\s+(resolution|decision|report)\b/gi;
const REPORT_PARAGRAPHS = /\b[Rr]eport(?:['’]s)?\s{0,3},?\s{0,3}(?=(?:para|§))/g;

/**
 * References that take their instrument from an earlier citation: "(para. 9)", "ibid., para. 4",
 * "the same resolution, para 4", "that decision", "report para. 21". They are linked (or dropped) once the
 * whole text is scanned; see antecedents.ts.
 */
function carriedForms(t: string): ScannedCitation[] {
  const out: ScannedCitation[] = [];
  if (t.includes('(')) {
    for (const m of matches(t, CARRIED_PAREN)) {
      const start = m.index! + m[0].indexOf(m[1]);
      const list = designatedList(t, m.index! + m[0].length, m[1]);
      if (!list.items.length || !/^\s{0,2}\)/.test(t.slice(list.end, list.end + 3))) continue;
      const range = { start, end: list.end };
      out.push(citation(t, range, carried('bare'), { start, end: start }, list.items));
    }
  }
  if (/\b[Ii]b|\b[Ii]d\./.test(t)) {
    for (const m of matches(t, IBID)) {
      const range = { start: m.index!, end: m.index! + m[0].length };
      const paragraphs = paragraphsAfter(t, range.end);
      out.push(citation(t, { start: range.start, end: paragraphs.end }, carried('previous'), range, paragraphs.items));
    }
  }
  if (/same|said|that|mentioned/i.test(t)) {
    for (const m of matches(t, ANAPHOR_ANYWHERE)) {
      const range = { start: m.index!, end: m.index! + m[0].length };
      const paragraphs = paragraphsAfter(t, range.end);
      const report = /^report/i.test(m[1]);
      if (report && !paragraphs.items.length) continue;
      out.push(citation(t, { start: range.start, end: paragraphs.end }, carried('named', m[1]), range, paragraphs.items, report));
    }
  }
  if (/eport/.test(t)) {
    for (const m of matches(t, REPORT_PARAGRAPHS)) {
      const range = { start: m.index!, end: m.index! + 6 };
      const paragraphs = paragraphsAfter(t, range.end);
      if (paragraphs.items.length) out.push(citation(t, { start: range.start, end: paragraphs.end }, carried('named', 'report'), range, paragraphs.items, true));
    }
  }
  return out;
}

function aliasForm(t: string, m: RegExpMatchArray, aliases: AliasTable): ScannedCitation | undefined {
  const id = aliases.ids.get(normalizeAlias(m[0]));
  if (!id) return undefined;
  const range = { start: m.index!, end: m.index! + m[0].length };
  const paragraphs = paragraphsAfter(t, range.end);
  return citation(t, { start: range.start, end: paragraphs.end }, { type: 'alias', documentId: id }, range, paragraphs.items);
}

function unfoldCitation(folded: FoldedText, c: ScannedCitation, original: string): ScannedCitation {
  if (!folded.map) return c;
  const range = unfold(folded, c.range);
  return {
    ...c,
    range,
    text: original.slice(range.start, range.end),
    instrumentRange: unfold(folded, c.instrumentRange),
    items: c.items.map((i) => {
      const r = unfold(folded, i.range);
      return { ...i, range: r, text: original.slice(r.start, r.end) };
    }),
  };
}
