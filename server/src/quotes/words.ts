// Words of a quotation or a paragraph, normalised for comparison: curly and straight quotes and
// apostrophes alike, footnote markers and emphasis markup gone, whitespace and line breaks ignored.
// Each word keeps where it came from, so a fix can copy the source's exact text.

import { stripMarkup } from '../corpus/text';

export interface Word {
  /** Normalised form compared ("States", "non-liability", "don't"). */
  text: string;
  /** Offsets in the string the words were read from. */
  start: number;
  end: number;
}

// Letters and digits, joined by hyphens or apostrophes inside a word.
const WORD = /[\p{L}\p{N}]+(?:[-'’‘][\p{L}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0].replace(/[’‘]/g, "'"), start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** The text of a quotation as written, with markup and footnote markers blanked out (offsets kept). */
export function blankMarkup(text: string): string {
  // Footnote markers and emphasis become spaces of the same length, so offsets stay valid.
  return text
    .replace(/<sup>\s*\d{1,3}\s*<\/sup>/g, (m) => ' '.repeat(m.length))
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => ' '.repeat(m.length))
    .replace(/[*_]/g, ' ');
}

export { stripMarkup };
