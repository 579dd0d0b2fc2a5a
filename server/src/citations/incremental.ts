// Rescanning after an edit: only the blocks (text between blank lines) that the edit touched are
// scanned again; citations before them are kept and those after are moved. The result is always
// the same as a fresh scan: when the edit changes where code, comments or links are (the excluded
// ranges outside the touched blocks), everything is rescanned.

import { excludedRanges } from './markdownRegions';
import type { Citation, ScannedCitation, TextRange } from './model';
import { type AliasTable, blockAround, scanCitations, scanRange } from './scanner';
import { LOOKBACK_CHARS, type Linker, relinkFrom } from './antecedents';
import { shiftCitation } from './shift';

/**
 * A document's scan: its text, excluded regions and citations. Citations after an edit are not copied
 * at once: a mark says "from index i on, move by d" (shift.ts copies them when all are asked for), so
 * a keystroke costs what it touched, and a hover finds its citation with a binary search.
 */
export class ScanState {
  private stored: Citation[];
  /** Ascending by `from`; each moves every citation at or after `from` by `by` (they add up). */
  private marks: { from: number; by: number }[];
  /**
   * Beside each stored citation (and moved with it): what a carried-over reference was linked to,
   * null when none fits (it is left out); undefined for the others. Empty while there are none.
   */
  private links: (Citation | null | undefined)[];
  private linkedAll: Citation[] | undefined;

  constructor(
    readonly text: string,
    readonly excluded: TextRange[],
    citations: Citation[],
    /** How many are carried-over references ("ibid."), linked by `relink`. */
    readonly carried: number,
    marks: { from: number; by: number }[] = [],
    links: (Citation | null | undefined)[] = [],
  ) {
    this.stored = citations;
    this.marks = marks;
    this.links = carried ? (links.length === citations.length ? links : new Array(citations.length)) : [];
  }

  /** Every citation as scanned, at its place in the text (moved now if an edit left them to move). */
  get citations(): Citation[] {
    if (this.marks.length) {
      const out = this.stored.slice();
      const links = this.links.slice();
      let m = 0;
      let by = 0;
      for (let i = this.marks[0].from; i < out.length; i++) {
        while (m < this.marks.length && this.marks[m].from <= i) by += this.marks[m++].by;
        if (!by) continue;
        out[i] = shiftCitation(out[i], by);
        const l = links[i];
        if (l) links[i] = shiftCitation(l, by);
      }
      this.stored = out;
      this.links = links;
      this.marks = [];
    }
    return this.stored;
  }

  /** Every citation as features read it: carried-over references linked, those that fit nothing left out. */
  get linked(): Citation[] {
    const all = this.citations;
    if (!this.carried) return all;
    if (!this.linkedAll) {
      const out: Citation[] = [];
      for (let i = 0; i < all.length; i++) {
        const l = this.links[i];
        if (l !== null) out.push(l ?? all[i]);
      }
      this.linkedAll = out;
    }
    return this.linkedAll;
  }

  /** Citation i as features read it, moved to its place; undefined for a reference left out. */
  private readAt(i: number): Citation | undefined {
    const l = this.carried ? this.links[i] : undefined;
    if (l === null) return undefined;
    const c = l ?? this.stored[i];
    const by = this.deltaAt(i);
    return by ? shiftCitation(c, by) : c;
  }

  /**
   * Links the carried-over references the edit may have changed: from the first citation of the
   * rescanned blocks on, as far as a change can reach (antecedents.ts says how far). Returns the
   * offset where the last link that changed ends (or -1), so that its block is checked again too.
   */
  relink(window: TextRange, linker: Linker): number {
    if (!this.carried) return -1;
    const from = this.firstEndingAfter(window.start);
    const settled = this.firstStartingFrom(window.end) - 1;
    const view = {
      length: this.stored.length,
      scanned: (i: number) => {
        const by = this.deltaAt(i);
        return by ? shiftCitation(this.stored[i], by) : this.stored[i];
      },
      linked: (i: number) => {
        const l = this.links[i];
        if (!l) return l;
        const by = this.deltaAt(i);
        return by ? shiftCitation(l, by) : l;
      },
    };
    const { links } = relinkFrom(this.text, view, from, settled, window.end + LOOKBACK_CHARS, linker.link, linker.holds, linker.same);
    let changedEnd = -1;
    for (const [i, result] of links) {
      const by = this.deltaAt(i);
      // Stored unmoved, like the citation beside it: the marks move both.
      this.links[i] = result && by ? shiftCitation(result, -by) : result;
      if (i > settled) changedEnd = Math.max(changedEnd, this.stored[i].range.end + by);
    }
    this.linkedAll = undefined;
    return changedEnd;
  }

  /** How far citation `i` is still to move. */
  private deltaAt(i: number): number {
    let by = 0;
    for (const mark of this.marks) {
      if (mark.from > i) break;
      by += mark.by;
    }
    return by;
  }

  startAt(i: number): number {
    return this.stored[i].range.start + this.deltaAt(i);
  }

  endAt(i: number): number {
    return this.stored[i].range.end + this.deltaAt(i);
  }

  /** The citation covering `offset` (its end included), moved to its place; one binary search. */
  citationAt(offset: number): Citation | undefined {
    let lo = 0;
    let hi = this.stored.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < this.startAt(mid)) hi = mid - 1;
      else if (offset > this.endAt(mid)) lo = mid + 1;
      else return this.readAt(mid);
    }
    return undefined;
  }

  /** The citations overlapping [start, end), each moved to its place (as features read them). */
  between(start: number, end: number): Citation[] {
    const out: Citation[] = [];
    for (let i = this.firstEndingAfter(start); i < this.stored.length && this.startAt(i) < end; i++) {
      const c = this.readAt(i);
      if (c) out.push(c);
    }
    return out;
  }

  /** First index whose citation ends after `offset` / starts at or after it. */
  firstEndingAfter(offset: number): number {
    return this.search((i) => this.endAt(i) > offset);
  }

  firstStartingFrom(offset: number): number {
    return this.search((i) => this.startAt(i) >= offset);
  }

  private search(ok: (i: number) => boolean): number {
    let lo = 0;
    let hi = this.stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * The state after replacing citations [from, to) with `middle` (fresh, at their places) and moving
   * those after by `delta`: references copied, nothing moved yet.
   */
  splice(text: string, excluded: TextRange[], from: number, to: number, middle: Citation[], delta: number): ScanState {
    // concat, not spread: a spread walks an iterator over every citation of a long draft.
    const stored = this.stored.slice(0, from).concat(middle, this.stored.slice(to));
    // Kept citations keep their moves; the fresh ones move by nothing; those after move as before plus delta.
    const before = this.deltaAt(from - 1);
    const after = this.deltaAt(to) + delta;
    const marks = this.marks.filter((mk) => mk.from < from);
    if (before) marks.push({ from, by: -before });
    const afterFrom = from + middle.length;
    if (afterFrom < stored.length) {
      marks.push({ from: afterFrom, by: after });
      const lift = afterFrom - to;
      for (const mk of this.marks) if (mk.from > to) marks.push({ from: mk.from + lift, by: mk.by });
    }
    const carried = this.carried - countCarried(this.stored.slice(from, to)) + countCarried(middle);
    // Links stay beside their citations; the fresh ones are linked by `relink`.
    const links = carried ? (this.links.length ? this.links : new Array(this.stored.length)).slice(0, from).concat(new Array(middle.length), (this.links.length ? this.links : new Array(this.stored.length)).slice(to)) : [];
    return new ScanState(text, excluded, stored, carried, merge(marks, stored.length), links);
  }
}

/** Marks in order, those at one index added up, those that move nothing (or nothing is left to move) dropped. */
function merge(marks: { from: number; by: number }[], length: number): { from: number; by: number }[] {
  const out: { from: number; by: number }[] = [];
  for (const mk of marks.sort((a, b) => a.from - b.from)) {
    if (mk.from >= length) continue;
    const last = out[out.length - 1];
    if (last && last.from === mk.from) last.by += mk.by;
    else out.push({ ...mk });
  }
  return out.filter((mk) => mk.by !== 0);
}

function countCarried(cs: Citation[]): number {
  let n = 0;
  for (const c of cs) if (c.instrument.type === 'carried') n++;
  return n;
}

export interface ScanUpdate {
  state: ScanState;
  /** The part of the new text that was scanned again (all of it for a fresh scan). */
  rescanned: TextRange;
  /**
   * For an update that kept what lay outside the rescanned blocks: those blocks' span in the old
   * text (`start`, `oldEnd`) and in the new (`start`, `newEnd`). Undefined after a fresh scan.
   */
  change?: EditHint;
}

export function scanFresh(text: string, aliases: AliasTable, resolve: (c: ScannedCitation) => Citation): ScanUpdate {
  const excluded = excludedRanges(text);
  const citations = scanCitations(text, aliases, excluded).map(resolve);
  return { state: new ScanState(text, excluded, citations, countCarried(citations)), rescanned: { start: 0, end: text.length } };
}

/**
 * What an edit changed, when the editor said so (an LSP incremental change): text[start, newEnd) of
 * the new text replaced old[start, oldEnd). Without it the changed span is found by comparing texts.
 */
export interface EditHint {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * What, typed or deleted, can change Markdown's code, comment, HTML and link structure: those
 * characters, tabs and four-space indents (indented code), list markers (a list's indented
 * continuation is not code), "www." (a bare URL), line breaks (blocks merge or split).
 */
const STRUCTURAL = /[`~<>[\]():\t\n\r]| {4}|(?:^|\n) {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|www\./;

export function scanUpdate(previous: ScanState | undefined, text: string, aliases: AliasTable, resolve: (c: ScannedCitation) => Citation, hint?: EditHint): ScanUpdate {
  if (!previous) return scanFresh(text, aliases, resolve);
  const old = previous.text;
  if (old === text) return { state: previous, rescanned: { start: 0, end: 0 }, change: { start: 0, oldEnd: 0, newEnd: 0 } };
  const delta = text.length - old.length;
  let prefix: number;
  let suffix: number;
  if (hint && hint.newEnd - hint.oldEnd === delta && hint.start <= hint.oldEnd && hint.oldEnd <= old.length && hint.newEnd <= text.length) {
    // The editor's own change: no need to compare megabytes of text to find it.
    prefix = hint.start;
    suffix = old.length - hint.oldEnd;
  } else {
    // The changed span: common prefix and suffix are untouched.
    const limit = Math.min(old.length, text.length);
    prefix = 0;
    while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    suffix = 0;
    while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  }
  const window = blockAround(text, prefix, text.length - suffix);
  const oldWindowEnd = window.end - delta;
  if (oldWindowEnd < window.start) return scanFresh(text, aliases, resolve);
  // After a plain edit the regions outside are the old ones by construction; otherwise compare.
  const local = localExclusions(previous, old, text, window, oldWindowEnd, prefix, suffix, delta);
  const excluded = local ?? excludedRanges(text);
  if (!local && !sameOutside(previous.excluded, excluded, window, oldWindowEnd, delta)) return scanFresh(text, aliases, resolve);

  // Citations before the window are kept; those after it will move by the edit's length when asked for.
  const from = previous.firstEndingAfter(window.start);
  const to = Math.max(from, previous.firstStartingFrom(oldWindowEnd));
  const middle = scanRange(text, window.start, window.end, aliases, excluded).map(resolve);
  return { state: previous.splice(text, excluded, from, to, middle, delta), rescanned: window, change: { start: window.start, oldEnd: oldWindowEnd, newEnd: window.end } };
}

/**
 * The excluded regions after a plain edit, from the edited blocks alone: when the edit's own text has
 * no character that changes Markdown structure, no region crosses the blocks' edges, and the old
 * blocks parsed alone give the regions the whole text gave them (so their context does not matter),
 * the new blocks parsed alone give theirs, and the regions outside are the old ones, shifted.
 * Undefined when any of that fails: the whole text is parsed again.
 */
function localExclusions(previous: ScanState, old: string, text: string, window: TextRange, oldWindowEnd: number, prefix: number, suffix: number, delta: number): TextRange[] | undefined {
  if (window.start === 0) return undefined; // front matter starts the text
  if (STRUCTURAL.test(old.slice(prefix, old.length - suffix)) || STRUCTURAL.test(text.slice(prefix, text.length - suffix))) return undefined;
  const crosses = (at: number) => previous.excluded.some((r) => r.start < at && r.end > at);
  if (crosses(window.start) || crosses(oldWindowEnd)) return undefined;
  const oldInside = previous.excluded.filter((r) => r.start >= window.start && r.end <= oldWindowEnd);
  const oldAlone = excludedRanges(old.slice(window.start, oldWindowEnd));
  if (oldAlone.length !== oldInside.length || oldAlone.some((r, i) => r.start + window.start !== oldInside[i].start || r.end + window.start !== oldInside[i].end)) return undefined;
  const inside = excludedRanges(text.slice(window.start, window.end)).map((r) => ({ start: r.start + window.start, end: r.end + window.start }));
  // A region that runs to the blocks' end may run on past it in the whole text (a comment whose "-->"
  // was just deleted, say): only the whole text can tell.
  if (inside.some((r) => r.end >= window.end)) return undefined;
  const outside = shiftedOutside(previous.excluded, window.start, oldWindowEnd, delta);
  const before = outside.filter((r) => r.end <= window.start);
  return [...before, ...inside, ...outside.slice(before.length)];
}

/** The old excluded ranges before the window, and those after it moved by `delta`. */
function shiftedOutside(old: TextRange[], windowStart: number, oldWindowEnd: number, delta: number): TextRange[] {
  const out: TextRange[] = [];
  for (const r of old) {
    if (r.end <= windowStart) out.push(r);
    else if (r.start >= oldWindowEnd) out.push(delta ? { start: r.start + delta, end: r.end + delta } : r);
  }
  return out;
}

/** The excluded ranges outside the window are the old ones (those after it moved by `delta`). */
function sameOutside(old: TextRange[], now: TextRange[], window: TextRange, oldWindowEnd: number, delta: number): boolean {
  const oldBefore = old.filter((r) => r.end <= window.start);
  const nowBefore = now.filter((r) => r.end <= window.start);
  const oldAfter = old.filter((r) => r.start >= oldWindowEnd);
  const nowAfter = now.filter((r) => r.start >= window.end);
  // A range reaching into the window from outside means structure around the window changed.
  const crossesOld = old.some((r) => r.start < window.start && r.end > window.start) || old.some((r) => r.start < oldWindowEnd && r.end > oldWindowEnd);
  const crossesNow = now.some((r) => r.start < window.start && r.end > window.start) || now.some((r) => r.start < window.end && r.end > window.end);
  if (crossesOld || crossesNow) return false;
  if (oldBefore.length !== nowBefore.length || oldAfter.length !== nowAfter.length) return false;
  for (let i = 0; i < oldBefore.length; i++) if (oldBefore[i].start !== nowBefore[i].start || oldBefore[i].end !== nowBefore[i].end) return false;
  for (let i = 0; i < oldAfter.length; i++) if (oldAfter[i].start + delta !== nowAfter[i].start || oldAfter[i].end + delta !== nowAfter[i].end) return false;
  return true;
}
