// Where citations cannot be: front matter, fenced and indented code, inline code, HTML comments,
// link destinations, autolinks and bare URLs. Block structure comes from markdown-it; inline
// exclusions are found with linear scans (no regex that can backtrack across the text).

import MarkdownIt from 'markdown-it';
import type { TextRange } from './model';

// Block structure only: inline parsing is most of markdown-it's time and we scan inline ourselves.
const markdown = new MarkdownIt({ html: true });
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** Sorted, non-overlapping ranges of `text` that are not prose. */
export function excludedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const lineStarts = lineOffsets(text);
  const lineRange = (from: number, to: number): TextRange => ({ start: lineStarts[from] ?? text.length, end: lineStarts[to] ?? text.length });

  const frontMatterEnd = frontMatter(text);
  if (frontMatterEnd > 0) ranges.push({ start: 0, end: frontMatterEnd });
  // Blank out the front matter so markdown-it does not read it as a heading, keeping line numbers.
  const body = frontMatterEnd > 0 ? text.slice(0, frontMatterEnd).replace(/[^\n]/g, ' ') + text.slice(frontMatterEnd) : text;
  for (const token of markdown.parse(body, {})) {
    if (!token.map) continue;
    if (token.type === 'fence' || token.type === 'code_block') ranges.push(lineRange(token.map[0], token.map[1]));
    else if (token.type === 'html_block' && /^\s*<!--/.test(token.content)) ranges.push(lineRange(token.map[0], token.map[1]));
  }
  inlineExclusions(text, ranges);
  return merge(ranges);
}

/** "---\n…\n---" at the very start: returns the offset after the closing line, or 0. */
function frontMatter(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  return m ? open[0].length + m.index + m[0].length : 0;
}

function inlineExclusions(text: string, out: TextRange[]) {
  codeSpans(text, out);
  // HTML comments, closed or running to the end of the text.
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    const end = close < 0 ? text.length : close + 3;
    out.push({ start: i, end });
    i = end;
  }
  const patterns = [
    /<(?:https?|ftp|mailto):[^\s<>]{0,2000}>/gi, // autolinks
    /\b(?:https?:\/\/|www\.)[^\s<>()[\]]{1,2000}/gi, // bare URLs
    /\]\([^)\n]{0,2000}\)/g, // inline link and image destinations (the link text stays prose)
    /^ {0,3}\[(?!\^)[^\]\n]{1,999}\]:[^\n]*/gm, // link reference definitions (footnotes "[^1]:" are prose)
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      // A link's text stays prose: exclude from the "(" on.
      const skip = m[0].startsWith('](') ? 1 : 0;
      out.push({ start: start + skip, end: start + m[0].replace(/[.,;:!?'"]+$/, '').length });
    }
  }
}

/** Inline code: a run of n backticks up to the next run of exactly n. */
function codeSpans(text: string, out: TextRange[]) {
  const runs: { at: number; length: number }[] = [];
  for (const m of text.matchAll(/`+/g)) runs.push({ at: m.index!, length: m[0].length });
  // For each run length, the positions of the runs with that length, consumed in order.
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const list = byLength.get(r.length);
    if (list) list.push(i);
    else byLength.set(r.length, [i]);
  });
  const next = new Map<number, number>();
  let i = 0;
  while (i < runs.length) {
    const open = runs[i];
    const list = byLength.get(open.length)!;
    let k = next.get(open.length) ?? 0;
    while (k < list.length && list[k] <= i) k++;
    next.set(open.length, k);
    if (k >= list.length) {
      i++;
      continue;
    }
    const close = runs[list[k]];
    out.push({ start: open.at, end: close.at + close.length });
    i = list[k] + 1;
  }
}

function merge(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}

/** Offsets where each line starts. */
export function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** True when [start, end) overlaps any of the sorted ranges; `hint` carries the search position. */
export class RangeSet {
  private cursor = 0;
  constructor(private readonly ranges: TextRange[]) {}

  /** For increasing `start`s, amortised constant time. */
  overlaps(start: number, end: number): boolean {
    const r = this.ranges;
    if (this.cursor > 0 && r[this.cursor - 1] && r[this.cursor - 1].end > start) this.cursor = this.lowerBound(start);
    while (this.cursor < r.length && r[this.cursor].end <= start) this.cursor++;
    return this.cursor < r.length && r[this.cursor].start < end;
  }

  private lowerBound(start: number): number {
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
