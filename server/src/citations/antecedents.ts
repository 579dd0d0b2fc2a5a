// Carried-over references — "(para. 9)", "ibid., para. 4", "paragraph 22 of the same resolution",
// "that decision", "report para. 21" — take their instrument from an earlier citation. They are linked
// after the text is scanned (an antecedent can sit in another block, a footnote or a list item
// before), and only when exactly one antecedent fits: otherwise they stay unread, never guessed.
// A link looks back only (a bounded number of citations and characters), so after an edit the
// references are linked again from the edit on until no later one can see a change.

import type { Citation, InstrumentName, LabelItem, ScannedCitation, TextRange } from './model';

/** Instruments that can lend paragraphs to a carried reference. */
function lends(i: InstrumentName): boolean {
  return i.type === 'conference' || i.type === 'alias' || i.type === 'external' || i.type === 'meeting' || i.type === 'meeting-report' || i.type === 'symbol' || i.type === 'compendium';
}

/** What kind of instrument an antecedent is, as "the same resolution" or "report" asks. */
function kindOf(c: ScannedCitation): 'resolution' | 'decision' | 'report' | 'other' {
  const i = c.instrument;
  if (i.type === 'conference' && i.kind !== 'any') return i.kind;
  if (i.type === 'external') return /resolution/.test(i.name) ? 'resolution' : 'decision';
  if (i.type === 'meeting-report' || (i.type === 'symbol' && c.reportNumbering)) return 'report';
  if (i.type === 'symbol' && /\/WG\./.test(i.symbol)) return 'report';
  return 'other';
}

/** Same instrument, as written: "resolution 6/3" twice is one antecedent. */
function instrumentKey(i: InstrumentName): string {
  switch (i.type) {
    case 'conference':
      return `c:${i.session}/${i.number}`;
    case 'compendium':
      return `s:${i.part ?? ''}${i.section}`;
    default:
      return JSON.stringify(i);
  }
}

/** How far back a unit (or an antecedent) is looked for: bounds the work on huge one-line texts. */
export const LOOKBACK_CHARS = 4000;
const LOOKBACK_CITATIONS = 200;

/**
 * Where the unit (Markdown paragraph, list item or footnote) holding `offset` starts: after the last
 * blank line, list marker or footnote definition before it (looked for within LOOKBACK_CHARS).
 */
export function unitStart(text: string, offset: number): number {
  const floor = Math.max(0, offset - LOOKBACK_CHARS);
  // Work in the window only: lastIndexOf on the whole text would scan back to its start each time.
  const window = text.slice(floor, offset);
  let lineStart = window.lastIndexOf('\n') + 1;
  for (;;) {
    const lineEnd = window.indexOf('\n', lineStart);
    const line = window.slice(lineStart, lineEnd < 0 ? window.length : lineEnd);
    // A list item, a footnote, a heading or a table row starts a unit.
    if (/^\s{0,3}(?:[-*+]\s|\d{1,3}[.)]\s|\[\^[^\]\s]{1,20}\]:|#{1,6}\s|>\s*\[\^|\|)/.test(line)) return floor + lineStart;
    if (lineStart === 0) return floor;
    const previousStart = window.lastIndexOf('\n', lineStart - 2) + 1;
    if (/^[\s>]*$/.test(window.slice(previousStart, lineStart - 1))) return floor + lineStart;
    lineStart = previousStart;
  }
}

/**
 * The citations with every carried reference linked to its antecedent (instrument, and for a bare
 * "ibid." the paragraphs too) or dropped when none or several fit. `citations` are sorted by offset.
 */
export function linkAntecedents<C extends ScannedCitation>(
  text: string,
  citations: C[],
  link: (carried: C, instrument: InstrumentName, antecedent: C, items: C['items']) => C,
  /** Whether the carried reference's paragraphs exist in a candidate antecedent: decides between several. */
  holds: (carried: C, antecedent: C) => boolean = () => true,
): C[] {
  if (!citations.some((c) => c.instrument.type === 'carried')) return citations;
  // Nothing linked yet: every carried reference is read, in one walk.
  const { links } = relinkFrom(text, { length: citations.length, scanned: (i) => citations[i], linked: () => undefined }, 0, citations.length - 1, 0, link, holds, () => false);
  const out: C[] = [];
  citations.forEach((c, i) => {
    const l = c.instrument.type === 'carried' ? links.get(i) : c;
    if (l) out.push(l);
  });
  return out;
}

/** How carried-over references are read once their antecedent is known (resolver.ts makes one). */
export interface Linker {
  link(carried: Citation, instrument: InstrumentName, antecedent: Citation, items: LabelItem[]): Citation;
  /** Whether the antecedent has the paragraphs the reference cites: decides between several. */
  holds(carried: Citation, antecedent: Citation): boolean;
  /** Whether two links read the same (an unchanged link stops the relinking). */
  same(a: Citation | null, b: Citation | null): boolean;
}

/** Citations by index, at their places: what relinking reads instead of a materialized array. */
export interface LinkView<C> {
  readonly length: number;
  /** The citation as scanned (a carried reference still carried). */
  scanned(i: number): C;
  /** What citation i was linked to before: undefined for one that is not carried, null when it was dropped. */
  linked(i: number): C | null | undefined;
}

/**
 * Links the carried references from index `from` on, reading earlier links as they are (a link only
 * looks back), and stops once the work is provably done: past `reach` (the edit's end plus the text a
 * unit looks back over) and LOOKBACK_CITATIONS citations past both `settled` (the last citation the
 * edit touched) and the last link that came out different. Returns the new links by index, and how far it read.
 */
export function relinkFrom<C extends ScannedCitation>(
  text: string,
  view: LinkView<C>,
  from: number,
  settled: number,
  reach: number,
  link: (carried: C, instrument: InstrumentName, antecedent: C, items: C['items']) => C,
  holds: (carried: C, antecedent: C) => boolean,
  same: (a: C | null, b: C | null) => boolean,
): { links: Map<number, C | null>; end: number } {
  // The citations in effect before `from` (dropped references are not antecedents), nearest last.
  const before: C[] = [];
  for (let i = from - 1; i >= 0 && before.length < LOOKBACK_CITATIONS; i--) {
    const l = view.linked(i);
    if (l !== null) before.push(l ?? view.scanned(i));
  }
  before.reverse();
  const links = new Map<number, C | null>();
  // Citations in effect since the last that changed (or the edit's last): once LOOKBACK_CITATIONS of
  // them have passed, no later reference can see a change.
  let sinceChange = 0;
  let i = from;
  for (; i < view.length; i++) {
    const c = view.scanned(i);
    if (i > settled && sinceChange > LOOKBACK_CITATIONS && c.range.start >= reach) break;
    if (i <= settled) sinceChange = 0;
    if (c.instrument.type !== 'carried') {
      before.push(c);
      sinceChange++;
    } else {
      const carried = c.instrument;
      const antecedent = findAntecedent(text, c, before, (x) => holds(c, x));
      let result: C | null = null;
      if (antecedent && antecedent.instrument.type !== 'carried') {
        const items = c.items.length || carried.form !== 'previous' ? c.items : antecedent.items;
        result = link(c, antecedent.instrument, antecedent, items);
      }
      const old = view.linked(i);
      if (old === undefined || !same(old, result)) {
        links.set(i, result);
        sinceChange = 0;
      }
      if (result) {
        before.push(result);
        sinceChange++;
      }
    }
    if (before.length > 4 * LOOKBACK_CITATIONS) before.splice(0, before.length - LOOKBACK_CITATIONS);
  }
  return { links, end: i };
}

function findAntecedent<C extends ScannedCitation>(text: string, c: C, before: C[], holds: (antecedent: C) => boolean): C | undefined {
  const carried = c.instrument as Extract<InstrumentName, { type: 'carried' }>;
  // The latest citations before it, nearest last (a bounded look back: linking stays linear).
  const candidates = before.slice(-LOOKBACK_CITATIONS).filter((x) => lends(x.instrument) && x.range.end <= c.range.start);
  if (carried.form === 'previous') return candidates[candidates.length - 1];
  const fits = (x: C) =>
    carried.wants === 'any' ? x.instrument.type === 'conference' || x.instrument.type === 'alias' || x.instrument.type === 'external' : carried.wants === 'meeting' ? x.instrument.type === 'meeting' : kindOf(x) === carried.wants;
  const start = unitStart(text, c.range.start);
  const inUnit = candidates.filter((x) => x.range.start >= start);
  const distinct = unique(inUnit.filter(fits));
  // "(para. 9)" needs its instrument in the same unit, alone of its kind; another instrument named
  // there (of another body, say) makes it ambiguous.
  // Of several, the one instrument that has the paragraphs cited fits ("(subparagraph (j)(i))" after
  // decisions 1/6, 2/4 and 4/5 is 4/5's); two that have them leave it unread.
  const only = (xs: C[]) => (xs.length === 1 ? xs[0] : single(xs.filter(holds)));
  if (carried.form === 'bare' || carried.form === 'loose') {
    const named = unique(inUnit.filter((x) => (carried.wants === 'meeting' ? x.instrument.type === 'meeting' : x.instrument.type === 'conference' || x.instrument.type === 'alias' || x.instrument.type === 'external')));
    const chosen = only(named);
    return chosen && distinct.includes(chosen) ? chosen : undefined;
  }
  if (distinct.length) return only(distinct);
  // "the same resolution" with none in this unit: the nearest earlier unit that names one, if it names one only.
  const earlier = candidates.filter((x) => x.range.start < start && fits(x));
  if (!earlier.length) return undefined;
  const lastUnit = unitStart(text, earlier[earlier.length - 1].range.start);
  return only(unique(earlier.filter((x) => x.range.start >= lastUnit)));
}

function single<C>(xs: C[]): C | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

/** The latest citation of each distinct instrument. */
function unique<C extends ScannedCitation>(cs: C[]): C[] {
  const byKey = new Map<string, C>();
  for (const c of cs) byKey.set(instrumentKey(c.instrument), c);
  return [...byKey.values()];
}

/** Where the antecedent was named, for hover: "resolution 6/3, named on line 12". */
export function antecedentOf(antecedent: ScannedCitation): { text: string; range: TextRange } {
  return { text: antecedent.text.slice(antecedent.instrumentRange.start - antecedent.range.start, antecedent.instrumentRange.end - antecedent.range.start) || antecedent.text, range: { ...antecedent.instrumentRange } };
}
