// Paragraph labels: canonical keys, labels as drafters write them, and ranges of labels.

import { letterAt, letterIndex, numberToRoman, romanToNumber } from './text';

/** How top-level paragraphs are numbered: "1." (resolutions, recommendations) or "(a)" (decisions). */
export type NumberingScheme = 'numbered' | 'lettered';

/** Canonical key: numbered "9", "9(c)", "9(c)(ii)"; lettered "(j)", "(j)(ii)"; preambular "PP5". */
export function keyOf(path: string[], scheme: NumberingScheme): string {
  if (path[0] === 'PP') return `PP${path[1]}`;
  return path.map((part, i) => (i === 0 && scheme === 'numbered' ? part : `(${part})`)).join('');
}

/** As drafters write it: "9 (c)", "(j) (ii)", "PP 5". */
export function labelOf(path: string[], scheme: NumberingScheme): string {
  if (path[0] === 'PP') return path[1].startsWith('?') ? 'preambular paragraph (number not reproduced)' : `PP ${path[1]}`;
  return path.map((part, i) => (i === 0 && scheme === 'numbered' ? part : `(${part})`)).join(' ');
}

/** Subparagraph numerals (i) … (xx); "(c)" is a letter even though C is a roman numeral. */
export function isSmallRoman(s: string): boolean {
  return /^[ivx]{1,6}$/.test(s) && romanToNumber(s) !== undefined;
}

/**
 * "19"–"21" → 19, 20, 21; "a"–"c" → a, b, c; "i"–"iii" → i, ii, iii. With `roman`, single
 * letters that are numerals count as romans ("i"–"v" is five subparagraphs, not five letters).
 * Undefined when the two ends make no range, or a range longer than `limit`.
 */
export function expandRange(from: string, to: string, options: { roman?: boolean; limit?: number } = {}): string[] | undefined {
  const limit = options.limit ?? 200;
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const a = Number(from);
    const b = Number(to);
    if (b < a || b - a >= limit) return undefined;
    return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
  }
  const preferRoman = options.roman || from.length > 1 || to.length > 1;
  if (preferRoman && isSmallRoman(from) && isSmallRoman(to)) {
    const ra = romanToNumber(from)!;
    const rb = romanToNumber(to)!;
    if (rb >= ra) return Array.from({ length: rb - ra + 1 }, (_, i) => numberToRoman(ra + i));
  }
  const la = letterIndex(from);
  const lb = letterIndex(to);
  if (la !== undefined && lb !== undefined && lb >= la) return Array.from({ length: lb - la + 1 }, (_, i) => letterAt(la + i));
  return undefined;
}
