// Finds citations in a text: each form of the grammar proposes candidates, overlapping ones are
// settled in favour of the one that starts first (then the longer), and nothing inside code,
// comments or link destinations counts. Pure: text in, citations with exact ranges out.

import { romanToNumber, ordinalToNumber } from '../corpus/text';
import { type FoldedText, fold, unfold } from './fold';
import { readLabelList } from './labelList';
import { RangeSet, excludedRanges } from './markdownRegions';
import type { InstrumentName, LabelItem, ScannedCitation, TextRange } from './model';
import * as P from './patterns';
import { expandRange } from '../corpus/labels';
import { detach } from '../util/strings';

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
    for (const c of scanBlock(detach(text.slice(block.start, block.end)), aliases)) {
      // Fresh objects from this block's scan: moved in place rather than copied.
      moveInPlace(c, block.start);
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
  for (const m of matches(t, P.PARAGRAPH_FIRST)) add(paragraphFirstForm(t, m.index!, m.index! + m[0].length, aliases));
  if (/preambular/i.test(t)) for (const m of matches(t, P.ORDINAL_PREAMBULAR)) add(ordinalPreambularForm(t, m, aliases));
  for (const m of matches(t, P.RECOMMENDATION_FIRST)) add(recommendationForm(t, m.index!, m.index! + m[0].length));
  if (/meeting/i.test(t)) for (const m of matches(t, P.MEETING)) add(meetingForm(m));
  for (const m of matches(t, P.SYMBOL)) add(symbolForm(t, m));
  for (const m of matches(t, P.COMPENDIUM)) add(compendiumForm(t, m));
  for (const m of matches(t, P.TREATY)) add(treatyForm(m));
  if (aliases.pattern) for (const m of matches(t, aliases.pattern)) add(aliasForm(t, m, aliases));

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

/** Moves a citation that nothing else holds `by` characters, without copying it. */
export function moveInPlace(c: ScannedCitation, by: number): void {
  if (by === 0) return;
  c.range.start += by;
  c.range.end += by;
  if (c.instrumentRange !== c.range) {
    c.instrumentRange.start += by;
    c.instrumentRange.end += by;
  }
  for (const i of c.items) {
    i.range.start += by;
    i.range.end += by;
  }
}


function citation(t: string, range: TextRange, instrument: InstrumentName, instrumentRange: TextRange, items: LabelItem[] = [], reportNumbering = false): ScannedCitation {
  return { range, text: t.slice(range.start, range.end), instrument, instrumentRange, items, reportNumbering: reportNumbering || undefined };
}

/** Reads ", para 9 (c)", ", paras. 3–5", " (j)(i)", ", PP 5" after an instrument, if there. */
function paragraphsAfter(t: string, at: number): { items: LabelItem[]; end: number } {
  P.PARAGRAPH_INTRO.lastIndex = at;
  if (P.PARAGRAPH_INTRO.exec(t)) {
    const list = readLabelList(t, P.PARAGRAPH_INTRO.lastIndex, { numbers: true });
    if (list.items.length) return list;
  }
  P.DIRECT_LIST_INTRO.lastIndex = at;
  if (P.DIRECT_LIST_INTRO.exec(t)) {
    const list = readLabelList(t, P.DIRECT_LIST_INTRO.lastIndex, { numbers: false });
    if (list.items.length) return list;
  }
  return { items: [], end: at };
}

function conferenceInstrument(word: string, session: string, number: string): InstrumentName {
  return { type: 'conference', kind: /^res/i.test(word) ? 'resolution' : 'decision', session: Number(session), number: Number(number) };
}

/** "General Assembly resolution 55/25": the body's name when one stands right before. */
function otherBodyBefore(t: string, at: number): { name: string; start: number } | undefined {
  // Cheap first: a body's name ends in one of these words, right before the instrument.
  if (!P.OTHER_BODY_LAST_WORDS.has(wordBefore(t, at).word)) return undefined;
  const before = t.slice(Math.max(0, at - 80), at);
  const m = P.OTHER_BODY_BEFORE.exec(before);
  if (!m || /^(?:Conference|COP)$/i.test(m[1])) return undefined;
  return { name: m[1], start: at - before.length + m.index };
}

function instrumentForm(t: string, m: RegExpMatchArray): ScannedCitation[] {
  const start = m.index!;
  const end = start + m[0].length;
  const body = otherBodyBefore(t, start);
  const plural = /s$/i.test(m[1]);
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
      const name = `${body.name} ${m[1].toLowerCase().replace(/s$/, '')} ${n.session}/${n.number}`;
      const range = n === numbers[0] ? { start: body.start, end: n.range.end } : n.range;
      out.push(citation(t, range, { type: 'external', name }, n.range));
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

const STICKY_INSTRUMENT = new RegExp(P.INSTRUMENT.source, 'iy');
const STICKY_EXTERNAL = new RegExp(String.raw`(General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s+(${P.INSTRUMENT_WORD})\s{0,3}${P.INSTRUMENT_NUMBER}`, 'iy');
const STICKY_SYMBOL = new RegExp(P.SYMBOL.source, 'y');

/** What a paragraph list belongs to, read right after " of ": an instrument, a report, a symbol or an alias. */
function ownerAt(t: string, at: number, aliases: AliasTable): { instrument: InstrumentName; range: TextRange; reportNumbering: boolean } | undefined {
  STICKY_INSTRUMENT.lastIndex = at;
  const inst = STICKY_INSTRUMENT.exec(t);
  if (inst) return { instrument: conferenceInstrument(inst[1], inst[2], inst[3]), range: { start: at, end: STICKY_INSTRUMENT.lastIndex }, reportNumbering: false };
  STICKY_EXTERNAL.lastIndex = at;
  const ext = STICKY_EXTERNAL.exec(t);
  if (ext) return { instrument: { type: 'external', name: `${ext[1]} ${ext[2].toLowerCase()} ${ext[3]}/${ext[4]}` }, range: { start: at, end: STICKY_EXTERNAL.lastIndex }, reportNumbering: false };
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

/** "paragraph 9 of resolution 5/3", "subparagraphs (g) and (k) of decision 2/4". */
function paragraphFirstForm(t: string, start: number, listStart: number, aliases: AliasTable): ScannedCitation | undefined {
  const list = readLabelList(t, listStart, { numbers: true });
  if (!list.items.length) return undefined;
  P.OF_LINK.lastIndex = list.end;
  if (!P.OF_LINK.exec(t)) return undefined;
  const owner = ownerAt(t, P.OF_LINK.lastIndex, aliases);
  // "paragraph 9 above", "paragraph 3 of the present resolution": the draft's own paragraphs.
  if (!owner) return undefined;
  return citation(t, { start, end: owner.range.end }, owner.instrument, owner.range, list.items, owner.reportNumbering);
}

/** "the fifth preambular paragraph of resolution 6/3" → PP 5. */
function ordinalPreambularForm(t: string, m: RegExpMatchArray, aliases: AliasTable): ScannedCitation | undefined {
  const n = ordinalToNumber(m[1]);
  P.OF_LINK.lastIndex = m.index! + m[0].length;
  if (!n || !P.OF_LINK.exec(t)) return undefined;
  const owner = ownerAt(t, P.OF_LINK.lastIndex, aliases);
  if (!owner || owner.reportNumbering) return undefined;
  const ordinalStart = m.index! + m[0].toLowerCase().indexOf(m[1].toLowerCase());
  const item: LabelItem = { range: { start: ordinalStart, end: ordinalStart + m[1].length + ' preambular paragraph'.length }, text: '', paths: [['PP', String(n)]] };
  item.text = t.slice(item.range.start, item.range.end);
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
  const ordinalAt = list.end + tail[0].toLowerCase().lastIndexOf(tail[1].toLowerCase());
  return citation(t, { start, end: P.MEETING_TAIL.lastIndex }, { type: 'meeting', meeting }, { start: ordinalAt, end: P.MEETING_TAIL.lastIndex }, list.items);
}

/** "the tenth meeting of the Working Group": the meeting's recommendations as a whole. */
function meetingForm(m: RegExpMatchArray): ScannedCitation | undefined {
  const meeting = ordinalToNumber(m[1]);
  if (!meeting) return undefined;
  const range = { start: m.index!, end: m.index! + m[0].length };
  return { range, text: m[0], instrument: { type: 'meeting', meeting }, instrumentRange: range, items: [] };
}

/** "CTOC/COP/WG.7/2012/6, para 41", "CTOC/COP/2010/17", "A/RES/55/25". */
function symbolForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const symbol = m[0].replace(/\.+$/, '');
  const start = m.index!;
  const symbolRange = { start, end: start + symbol.length };
  P.SYMBOL_PARAGRAPHS.lastIndex = symbolRange.end;
  if (P.SYMBOL_PARAGRAPHS.exec(t)) {
    const list = readLabelList(t, P.SYMBOL_PARAGRAPHS.lastIndex, { numbers: true });
    if (list.items.length) return citation(t, { start, end: list.end }, { type: 'symbol', symbol }, symbolRange, list.items, true);
  }
  return citation(t, symbolRange, { type: 'symbol', symbol }, symbolRange);
}

/** "VII.14", "Part B II.n.iii", "V.2(k)", "III.19–21", "VI.PP.1–7". */
function compendiumForm(t: string, m: RegExpMatchArray): ScannedCitation | undefined {
  const start = m.index!;
  if (selfReferenceBefore(t, start)) return undefined;
  if (m[0] === 'I.e' && t[start + 3] === '.') return undefined; // "I.e." is "that is"
  const section = romanToNumber(m[2]);
  if (section === undefined || section > 30) return undefined;
  const part = m[1] as 'A' | 'B' | undefined;
  const romanStart = start + m[0].indexOf(m[2], part ? 6 : 0);
  const first = m[3].startsWith('PP.') ? ['PP', m[3].slice(3)] : [m[3]];
  const rest = m[4] ? m[4].split(/[^a-z]+/).filter(Boolean) : [];
  const from = [...first, ...rest];
  let paths = [from];
  let problem: string | undefined;
  if (m[5]) {
    const endValue = m[5].replace(/^PP\.|[()]/g, '');
    const level = from.length - 1;
    const values = expandRange(from[level], endValue, { roman: level > 0 && /^[a-z]/.test(from[level - 1]) });
    if (values) paths = values.map((v) => [...from.slice(0, -1), v]);
    else problem = `"${m[0]}" is not a range`;
  }
  const itemStart = romanStart + m[2].length + 1;
  const end = start + m[0].length;
  const item: LabelItem = { range: { start: itemStart, end }, text: t.slice(itemStart, end), paths, problem };
  return citation(t, { start, end }, { type: 'compendium', part, section }, { start, end: romanStart + m[2].length }, [item]);
}

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

/** "article 16, paragraph 5, of the Protocol": recognised so it is neither flagged nor misread. */
function treatyForm(m: RegExpMatchArray): ScannedCitation {
  const range = { start: m.index!, end: m.index! + m[0].length };
  const of = /of\s+the\s+(.+)$/s.exec(m[0]);
  return { range, text: m[0], instrument: { type: 'treaty', name: of ? `the ${of[1].replace(/\s+/g, ' ')}` : 'a treaty' }, instrumentRange: range, items: [] };
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
