// Compares quoted words with a source paragraph, word by word. Accepts the editorial marks of
// quotation: an ellipsis ("…", "...", "[…]") for omitted words, square brackets for inserted or
// changed words, a first letter whose case changed to fit the sentence.

import { diffArrays } from 'diff';
import { type Word, blankMarkup, words } from './words';

/** A quotation's words: literal words, and bracketed groups that stand for 0–4 source words. */
type Token = { kind: 'word'; word: Word } | { kind: 'bracket'; words: Word[]; start: number; end: number };

export interface ParsedQuote {
  /** Runs of tokens separated by ellipses. */
  segments: Token[][];
  /** Every literal word, in order (for diffs and the phrase index). */
  literal: Word[];
}

const ELLIPSIS = /\[\s*(?:…|\.\s?\.\s?\.)\s*\]|…|\.\s?\.\s?\./g;

/** Reads the inside of a quotation (without its quote marks); offsets are relative to `text`. */
export function parseQuote(text: string): ParsedQuote {
  const clean = blankMarkup(text);
  const segments: Token[][] = [];
  const literal: Word[] = [];
  let last = 0;
  const pieces: [number, number][] = [];
  for (const m of clean.matchAll(ELLIPSIS)) {
    pieces.push([last, m.index!]);
    last = m.index! + m[0].length;
  }
  pieces.push([last, clean.length]);
  for (const [from, to] of pieces) {
    const tokens: Token[] = [];
    let pos = from;
    while (pos < to) {
      const open = clean.indexOf('[', pos);
      const stop = open < 0 || open >= to ? to : open;
      for (const w of words(clean.slice(pos, stop))) {
        const word = { ...w, start: w.start + pos, end: w.end + pos };
        tokens.push({ kind: 'word', word });
        literal.push(word);
      }
      if (stop === to) break;
      const close = clean.indexOf(']', open);
      const end = close < 0 || close >= to ? to : close + 1;
      const inner = words(clean.slice(open + 1, Math.max(open + 1, end - 1))).map((w) => ({ ...w, start: w.start + open + 1, end: w.end + open + 1 }));
      tokens.push({ kind: 'bracket', words: inner, start: open, end });
      pos = end;
    }
    if (tokens.length) segments.push(tokens);
  }
  return { segments, literal };
}

export interface BracketUse {
  /** Offsets of "[must]" in the quotation text. */
  start: number;
  end: number;
  written: string[];
  /** The source words it stands for. */
  replaced: string[];
}

export interface QuoteMatch {
  /** Source words from the first to the last matched one (indices into the source's words). */
  first: number;
  last: number;
  brackets: BracketUse[];
}

const sameWord = (a: string, b: string, anyCase: boolean) => a === b || (anyCase && a.toLowerCase() === b.toLowerCase());

/** Finds the quotation in the source words, segments in order; undefined when it is not there. */
export function matchQuote(quote: ParsedQuote, source: Word[]): QuoteMatch | undefined {
  if (quote.literal.length === 0) return undefined;
  let from = 0;
  let first = -1;
  let last = -1;
  const brackets: BracketUse[] = [];
  for (const segment of quote.segments) {
    let found: { start: number; end: number; brackets: BracketUse[] } | undefined;
    // The first segment may start anywhere; later ones anywhere after the previous (an ellipsis omits words).
    for (let start = from; start <= source.length && !found; start++) {
      const b: BracketUse[] = [];
      const end = matchAt(segment, 0, start, source, b);
      if (end !== undefined && end > start) found = { start, end, brackets: b };
      else if (end !== undefined && segment.every((t) => t.kind === 'bracket')) found = { start, end, brackets: b };
    }
    if (!found) return undefined;
    if (first < 0) first = found.start;
    last = found.end - 1;
    for (const b of found.brackets) brackets.push(b);
    from = found.end;
  }
  return { first, last, brackets };
}

/** Matches tokens[k…] at source[i…]; returns the source index after the match. */
function matchAt(tokens: Token[], k: number, i: number, source: Word[], brackets: BracketUse[]): number | undefined {
  if (k === tokens.length) return i;
  const t = tokens[k];
  if (t.kind === 'word') {
    // A leading capital may change to fit the sentence: the first word of a segment in any case.
    if (i < source.length && sameWord(source[i].text, t.word.text, k === 0)) return matchAt(tokens, k + 1, i + 1, source, brackets);
    return undefined;
  }
  // A bracket stands for as many source words as it holds, or a few more or fewer.
  const n = t.words.length;
  for (const span of [n, n - 1, n + 1, 0, n + 2, n - 2].filter((x, idx, all) => x >= 0 && x <= 4 && all.indexOf(x) === idx)) {
    if (i + span > source.length) continue;
    const end = matchAt(tokens, k + 1, i + span, source, brackets);
    if (end !== undefined) {
      brackets.unshift({ start: t.start, end: t.end, written: t.words.map((w) => w.text), replaced: source.slice(i, i + span).map((w) => w.text) });
      return end;
    }
  }
  return undefined;
}

/** Words whose change in brackets changes what is asked of States. */
const OBLIGATION = new Set(['shall', 'should', 'must', 'may', 'might', 'can', 'could', 'will', 'would', 'not', 'no', 'never', 'encouraged', 'urged', 'invited', 'requested', 'required', 'obliged', 'decided', 'decides', 'urges', 'encourages', 'invites', 'requests']);

/** A bracket that swaps a word of obligation or negation: "[must]" for "should". */
export function meaningChange(b: BracketUse): string | undefined {
  const written = b.written.map((w) => w.toLowerCase());
  const replaced = b.replaced.map((w) => w.toLowerCase());
  const added = written.filter((w) => OBLIGATION.has(w) && !replaced.includes(w));
  const removed = replaced.filter((w) => OBLIGATION.has(w) && !written.includes(w));
  if (added.length === 0 && removed.length === 0) return undefined;
  if (removed.length && added.length) return `"[${b.written.join(' ')}]" replaces "${b.replaced.join(' ')}" in the source: "${removed.join(' ')}" becomes "${added.join(' ')}"`;
  if (added.length) return `"[${b.written.join(' ')}]" adds "${added.join(' ')}", which the source does not say`;
  return `"[${b.written.join(' ')}]" drops "${removed.join(' ')}" from the source`;
}

export interface Difference {
  /** What the message says: "source has 'X', quote has 'Y'". */
  description: string;
  /** Source words aligned with the quotation (first and last index), for a fix that copies them. */
  first: number;
  last: number;
  /** Word-level diff for the hover, in order. */
  parts: { kind: 'same' | 'source' | 'quote'; words: string[] }[];
}

/** Where the quotation departs from the source: aligned word by word (longest common subsequence). */
export function explainDifference(quote: ParsedQuote, source: Word[]): Difference | undefined {
  const q = quote.literal.map((w) => w.text);
  const s = source.map((w) => w.text);
  const chunks = diffArrays(s, q, { comparator: (a: string, b: string) => a.toLowerCase() === b.toLowerCase() });
  // Source positions of the chunks; the aligned region runs from the first to the last common chunk.
  let pos = 0;
  const placed = chunks.map((c) => {
    const at = pos;
    if (!c.added) pos += c.count ?? c.value.length;
    return { ...c, at };
  });
  const common = placed.filter((c) => !c.added && !c.removed);
  if (common.length === 0) return undefined;
  const firstCommon = placed.indexOf(common[0]);
  const lastCommon = placed.indexOf(common[common.length - 1]);
  const inside = placed.slice(firstCommon, lastCommon + 1);
  const parts: Difference['parts'] = [];
  // Words the quotation adds before or after the aligned region count too.
  for (const c of placed.slice(0, firstCommon)) if (c.added) parts.push({ kind: 'quote', words: c.value });
  for (const c of inside) parts.push({ kind: c.added ? 'quote' : c.removed ? 'source' : 'same', words: c.value });
  for (const c of placed.slice(lastCommon + 1)) if (c.added) parts.push({ kind: 'quote', words: c.value });
  const first = common[0].at;
  const lastChunk = common[common.length - 1];
  const last = lastChunk.at + (lastChunk.count ?? lastChunk.value.length) - 1;
  const k = parts.findIndex((p) => p.kind !== 'same');
  if (k < 0) return undefined;
  const here = parts[k];
  const next = parts[k + 1];
  let description: string;
  if (here.kind === 'source' && next?.kind === 'quote') description = `source has "${here.words.join(' ')}", quote has "${next.words.join(' ')}"`;
  else if (here.kind === 'quote' && next?.kind === 'source') description = `source has "${next.words.join(' ')}", quote has "${here.words.join(' ')}"`;
  else if (here.kind === 'source') description = `quote leaves out "${here.words.join(' ')}"`;
  else description = `quote adds "${here.words.join(' ')}"`;
  return { description, first, last, parts };
}
