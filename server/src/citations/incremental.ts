// Rescanning after an edit: only the blocks (text between blank lines) that the edit touched are
// scanned again; citations before them are kept and those after are moved. The result is always
// the same as a fresh scan: when the edit changes where code, comments or links are (the excluded
// ranges outside the touched blocks), everything is rescanned.

import { excludedRanges } from './markdownRegions';
import type { Citation, ScannedCitation, TextRange } from './model';
import { type AliasTable, blockAround, scanCitations, scanRange } from './scanner';
import { shiftCitation } from './shift';

export interface ScanState {
  text: string;
  excluded: TextRange[];
  citations: Citation[];
}

export interface ScanUpdate {
  state: ScanState;
  /** The part of the new text that was scanned again (all of it for a fresh scan). */
  rescanned: TextRange;
}

export function scanFresh(text: string, aliases: AliasTable, resolve: (c: ScannedCitation) => Citation): ScanUpdate {
  const excluded = excludedRanges(text);
  return { state: { text, excluded, citations: scanCitations(text, aliases, excluded).map(resolve) }, rescanned: { start: 0, end: text.length } };
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
 * What can change Markdown's code, comment, HTML and link structure: those characters, tabs and
 * four-space indents (indented code), list markers (a list's indented continuation is not code),
 * "www." (a bare URL).
 */
const STRUCTURAL = /[`~<>[\]():\t]|(?:^|\n) {4}|(?:^|\n) {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|www\./;

export function scanUpdate(previous: ScanState | undefined, text: string, aliases: AliasTable, resolve: (c: ScannedCitation) => Citation, hint?: EditHint): ScanUpdate {
  if (!previous) return scanFresh(text, aliases, resolve);
  const old = previous.text;
  if (old === text) return { state: previous, rescanned: { start: 0, end: 0 } };
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
  // Typing prose (no code, comment, HTML or link characters, before or after, and no structure
  // touching the edited blocks; not the first block, where front matter starts) cannot move
  // Markdown's excluded regions: they are the old ones, shifted; otherwise Markdown is parsed again
  // and compared.
  const plain = window.start > 0 && !STRUCTURAL.test(text.slice(window.start, window.end)) && !STRUCTURAL.test(old.slice(window.start, oldWindowEnd)) && !previous.excluded.some((r) => r.start <= oldWindowEnd && r.end >= window.start);
  const excluded = plain ? shiftedOutside(previous.excluded, window.start, oldWindowEnd, delta) : excludedRanges(text);
  if (!plain && !sameOutside(previous.excluded, excluded, window, oldWindowEnd, delta)) return scanFresh(text, aliases, resolve);

  // Citations before the window are kept; those after it are copies moved by the edit's length.
  const before = previous.citations.filter((c) => c.range.end <= window.start);
  const after = previous.citations.filter((c) => c.range.start >= oldWindowEnd).map((c) => shiftCitation(c, delta));
  const middle = scanRange(text, window.start, window.end, aliases, excluded).map(resolve);
  return { state: { text, excluded, citations: [...before, ...middle, ...after] }, rescanned: window };
}

/** The old excluded ranges before the window, and those after it moved by `delta`. */
function shiftedOutside(old: TextRange[], windowStart: number, oldWindowEnd: number, delta: number): TextRange[] {
  const out: TextRange[] = [];
  for (const r of old) {
    if (r.end < windowStart) out.push(r);
    else if (r.start > oldWindowEnd) out.push(delta ? { start: r.start + delta, end: r.end + delta } : r);
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
