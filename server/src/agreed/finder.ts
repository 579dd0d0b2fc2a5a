// Agreed language: the corpus paragraphs whose wording a sentence reuses. Candidates come from an
// inverted index of words and word pairs weighted by rarity (a pair of rare words in order is strong
// evidence; "States parties" alone is not); the best few are aligned word by word with the query, and
// the score is the share of the query's words found in the paragraph in order. Pure: corpus in.

import { type Corpus, type ParagraphRef, citableParagraphs } from '../corpus/corpus';

export interface AgreedMatch {
  ref: ParagraphRef;
  /** Share of the query's words found in the paragraph, in order (0–1). */
  score: number;
  /** The query's words, each marked as found in order or not: the word difference. */
  words: { word: string; found: boolean }[];
}

/**
 * Letters and digits of the scripts UN texts are written in (Latin with its accents, Greek, Cyrillic,
 * Arabic, Chinese), as a plain character class: a Unicode property regex is several times slower on
 * the long texts the reuse hint reads, and both sides must cut words the same way.
 */
export const WORD_CHARS = 'A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0370-\u03FF\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF';
const NOT_WORD = new RegExp(`[^${WORD_CHARS}]+`);

/** Words as compared: lower case, letters and digits only ("States'" → "states"). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/<sup>.*?<\/sup>/g, ' ')
    .replace(/[*_]/g, '')
    .split(NOT_WORD)
    .filter(Boolean);
}

/** Candidates aligned in full for each query (the rest are ranked by the index only). */
const ALIGNED = 24;

export class AgreedLanguageFinder {
  private readonly refs: ParagraphRef[] = [];
  private readonly words: string[][] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly pairs = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private votes: Float64Array | undefined;

  constructor(corpus: Corpus) {
    // One copy of each instrument (the compendium's), the drafts and users' documents.
    for (const ref of citableParagraphs(corpus)) {
      if (!ref.paragraph.text.trim()) continue;
      const i = this.refs.length;
      this.refs.push(ref);
      const w = wordsOf(ref.paragraph.text);
      this.words.push(w);
      for (const word of new Set(w)) push(this.postings, word, i);
      for (let k = 0; k + 1 < w.length; k++) push(this.pairs, `${w[k]} ${w[k + 1]}`, i);
    }
    const n = this.refs.length;
    for (const [word, list] of this.postings) this.idf.set(word, Math.log(1 + n / list.length));
  }

  get size(): number {
    return this.refs.length;
  }

  find(text: string, limit = 5): AgreedMatch[] {
    const query = wordsOf(text);
    if (query.length === 0) return [];
    // Votes in a flat array (a map of tens of thousands of entries costs more than the counting).
    const votes = (this.votes ??= new Float64Array(this.refs.length));
    const touched: number[] = [];
    const vote = (list: number[], weight: number) => {
      for (const i of list) {
        if (votes[i] === 0) touched.push(i);
        votes[i] += weight;
      }
    };
    for (const word of new Set(query)) {
      const weight = this.idf.get(word);
      if (weight) vote(this.postings.get(word)!, weight);
    }
    for (let k = 0; k + 1 < query.length; k++) {
      const list = this.pairs.get(`${query[k]} ${query[k + 1]}`);
      if (list) vote(list, (this.idf.get(query[k]) ?? 0) + (this.idf.get(query[k + 1]) ?? 0));
    }
    const candidates = topByVote(touched, votes, ALIGNED).map((i) => [i, votes[i]] as const);
    for (const i of touched) votes[i] = 0;
    return candidates
      .map(([i, vote]) => {
        const found = alignedWords(query, this.words[i]);
        const same = found.filter(Boolean).length;
        // Ties (the same words in two paragraphs) go to the paragraph the query covers most of.
        const coverage = same / this.words[i].length;
        return { ref: this.refs[i], score: same / query.length, coverage, vote, words: query.map((word, k) => ({ word, found: found[k] })) };
      })
      .sort((a, b) => b.score - a.score || b.coverage - a.coverage || b.vote - a.vote)
      .slice(0, limit)
      .map(({ ref, score, words }) => ({ ref, score, words }));
  }
}

/** The `n` indices with the most votes, best first (a bounded insertion: n is small). */
function topByVote(indices: number[], votes: Float64Array, n: number): number[] {
  const top: number[] = [];
  for (const i of indices) {
    if (top.length === n && votes[i] <= votes[top[n - 1]]) continue;
    let at = top.length === n ? n - 1 : top.length;
    if (top.length < n) top.push(i);
    while (at > 0 && votes[top[at - 1]] < votes[i]) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = i;
  }
  return top;
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** For each query word, whether it is part of the longest in-order match with the paragraph (LCS). */
export function alignedWords(query: string[], paragraph: string[]): boolean[] {
  const q = query.length;
  const p = paragraph.length;
  // Rows of the LCS table, one per query word (paragraphs are short: a few hundred words at most).
  const table: Uint16Array[] = [new Uint16Array(p + 1)];
  for (let i = 1; i <= q; i++) {
    const row = new Uint16Array(p + 1);
    const prev = table[i - 1];
    for (let j = 1; j <= p; j++) row[j] = query[i - 1] === paragraph[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    table.push(row);
  }
  const found = new Array<boolean>(q).fill(false);
  for (let i = q, j = p; i > 0 && j > 0; ) {
    if (query[i - 1] === paragraph[j - 1]) {
      found[i - 1] = true;
      i--;
      j--;
    } else if (table[i - 1][j] >= table[i][j - 1]) i--;
    else j--;
  }
  return found;
}
