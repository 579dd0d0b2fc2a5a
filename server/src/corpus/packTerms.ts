// Words of paragraph texts for the pack's full-text index: the writer and the reader cut text the
// same way. Letters and digits, lower-cased; a linear-time pattern.

const WORD = /[\p{L}\p{N}]+/gu;
/** Longer "words" (hashes, runs of digits) are not worth indexing. */
export const MAX_TERM_LENGTH = 40;

export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) if (m[0].length <= MAX_TERM_LENGTH) out.push(m[0]);
  return out;
}

/** BM25 parameters. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export function idf(documentFrequency: number, total: number): number {
  return Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
