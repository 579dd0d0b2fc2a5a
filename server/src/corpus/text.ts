// Text helpers for PDF-converted sources: footnote markers, inline markup, numbering words.
// Every pattern here is anchored or bounded so it runs in linear time on long lines.

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "¹⁰" → "10". */
export function superscriptToDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const i = SUPERSCRIPT_DIGITS.indexOf(ch);
    out += i >= 0 ? String(i) : ch;
  }
  return out;
}

/** Footnote markers inside running text: `<sup>12</sup>` or Unicode superscript digits. */
const FOOTNOTE_MARKER = /<sup>\s*(\d{1,3}|\*)\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/g;

/** The footnote markers in a piece of text, in order ("17", "3"). */
export function footnoteMarkers(text: string): string[] {
  const markers: string[] = [];
  for (const m of text.matchAll(FOOTNOTE_MARKER)) markers.push(m[1] ?? superscriptToDigits(m[2]));
  return markers;
}

/** A footnote line at the foot of a page: `<sup>1</sup> Ibid.`, `¹⁰United Nations …`, `* On behalf of …`. */
const FOOTNOTE_LINE = /^\s{0,3}(?:<sup>\s*(\d{1,3}|\*)\s*<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|(\*)(?=\s))\s*(.*)$/;

export function parseFootnoteLine(line: string): { marker: string; text: string } | undefined {
  const m = FOOTNOTE_LINE.exec(line);
  if (!m) return undefined;
  const marker = m[1] ?? (m[2] ? superscriptToDigits(m[2]) : m[3]);
  return { marker, text: stripMarkup(m[4]).trim() };
}

/**
 * Plain text of a Markdown-ish line: footnote markers, emphasis, links and HTML tags removed.
 * "*Urges* States,<sup>3</sup> see [55/25](#)" → "Urges States, see 55/25".
 */
export function stripMarkup(text: string): string {
  return text
    .replace(FOOTNOTE_MARKER, '')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9]{0,10}\s{0,5}\/?>/g, '')
    .replace(/\[([^\]\n]{0,500})\]\([^)\s]{0,500}\)/g, '$1')
    .replace(/\*{1,3}([^*\n]{1,2000}?)\*{1,3}/g, '$1')
    .replace(/(^|\W)_{1,2}([^_\n]{1,2000}?)_{1,2}(?=\W|$)/g, '$1$2');
}

/** Collapses runs of whitespace and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** For comparing two copies of a text: quotes, dashes and spacing that differ only typographically. */
export function comparableText(text: string): string {
  return normalizeSpace(text.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′]/g, "'").replace(/[‐‑]/g, '-'));
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** "xiv" → 14; undefined for anything that is not a well-formed roman numeral up to 399. */
export function romanToNumber(roman: string): number | undefined {
  if (ROMAN_CACHE.has(roman)) return ROMAN_CACHE.get(roman);
  const value = parseRoman(roman);
  if (ROMAN_CACHE.size < 10_000) ROMAN_CACHE.set(roman, value);
  return value;
}

function parseRoman(roman: string): number | undefined {
  const s = roman.toLowerCase();
  if (!/^[ivxlc]{1,12}$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return numberToRoman(total) === s ? total : undefined;
}

const ROMAN_TABLE: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
/** Numerals already computed: labels repeat endlessly in drafts. */
const ROMAN_CACHE = new Map<string, number | undefined>();

export function numberToRoman(n: number): string {
  let out = '';
  for (const [value, symbol] of ROMAN_TABLE) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** "c" → 3 (the third letter); undefined for anything but a single letter. */
export function letterIndex(letter: string): number | undefined {
  return /^[a-z]$/.test(letter) ? letter.charCodeAt(0) - 96 : undefined;
}

export function letterAt(index: number): string {
  return String.fromCharCode(96 + index);
}

const ORDINAL_UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINAL_TENS: Record<string, number> = { twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50 };
const CARDINAL_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

/** "seventh" → 7, "twenty-first" → 21; undefined when the word is not an ordinal. */
export function ordinalToNumber(word: string): number | undefined {
  const w = word.toLowerCase().trim();
  const digits = /^(\d{1,2})(?:st|nd|rd|th|e|ème|eme|º|°)$/.exec(w);
  if (digits) return Number(digits[1]) || undefined;
  const unit = ORDINAL_UNITS.indexOf(w);
  if (unit > 0) return unit;
  if (w in ORDINAL_TENS) return ORDINAL_TENS[w];
  const m = /^([a-z]+)[-\s]([a-z]+)$/.exec(w);
  if (m && m[1] in CARDINAL_TENS) {
    const u = ORDINAL_UNITS.indexOf(m[2]);
    if (u > 0 && u < 10) return CARDINAL_TENS[m[1]] + u;
  }
  return undefined;
}

export function numberToOrdinal(n: number): string {
  if (n > 0 && n < 20) return ORDINAL_UNITS[n];
  const tens = Math.floor(n / 10) * 10;
  const unit = n % 10;
  const tensOrdinal = Object.entries(ORDINAL_TENS).find(([, v]) => v === tens)?.[0];
  const tensCardinal = Object.entries(CARDINAL_TENS).find(([, v]) => v === tens)?.[0];
  if (unit === 0 && tensOrdinal) return tensOrdinal;
  if (tensCardinal) return `${tensCardinal}-${ORDINAL_UNITS[unit]}`;
  return `${n}th`;
}

/** Splits text into lines, keeping each line's text without its terminator (LF, CRLF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
