// Reuse of agreed language: runs of at least k consecutive words that a text shares with a corpus
// paragraph. The paragraphs' windows of w = k − STRIDE + 1 words are hashed (rolling hash over word
// hashes) at every STRIDE-th word only — a shared run of k words always holds one of them, and the
// index is STRIDE times smaller; a text's windows are looked up at every word and a hit is extended
// word by word both ways. Windows found in three or more paragraphs are boilerplate (the Protocol's
// full title) and never count. Pure: corpus in.

import { type Corpus, type ParagraphRef, citableParagraphs, paragraphId } from '../corpus/corpus';
import { wordsOf } from './finder';

export interface ReuseRun {
  ref: ParagraphRef;
  /** Index of the first and one past the last word of the run, in the text's words. */
  from: number;
  to: number;
}

// A prime below 2^26: products of two residues stay below 2^52, exact in a double.
const BASE = 257;
const MOD = 67_108_859;

function wordHash(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619) >>> 0;
  return h % MOD;
}

/** BASE^(k-1) mod MOD, for removing the word that leaves the window. */
function power(k: number): number {
  let p = 1;
  for (let i = 1; i < k; i++) p = mulmod(p, BASE);
  return p;
}

function mulmod(a: number, b: number): number {
  return (a * b) % MOD;
}

/** Rolling hashes of every k-word window: hashes[i] covers words[i, i + k). */
function windowHashes(hashes: number[], k: number, high: number): number[] {
  const out: number[] = [];
  if (hashes.length < k) return out;
  let h = 0;
  for (let i = 0; i < k; i++) h = (mulmod(h, BASE) + hashes[i]) % MOD;
  out.push(h);
  for (let i = k; i < hashes.length; i++) {
    h = (h - mulmod(hashes[i - k], high) + MOD) % MOD;
    h = (mulmod(h, BASE) + hashes[i]) % MOD;
    out.push(h);
  }
  return out;
}

const STRIDE = 4;

/**
 * A built index as data, for the build-time corpus snapshot (node/corpusSnapshot.ts): restoring it
 * skips reading every paragraph's words; a paragraph's words are read when a window hits it.
 */
export interface SavedReuseIndex {
  k: number;
  common: number;
  /** How many citable paragraphs the corpus had: a restore into another corpus is refused. */
  citable: number;
  /** `paragraphId` of each indexed paragraph, in index order. */
  paragraphs: string[];
  /** Each window in map order: its hash, its occurrence count n, then n × (paragraph, position). */
  windows: number[];
}

export class ReuseIndex {
  private readonly refs: ParagraphRef[] = [];
  /** Words in a hashed window, and the step between the corpus's hashed windows. */
  private readonly w: number;
  private readonly stride: number;
  /** Each paragraph's words; read on first hit when the index was restored. */
  private readonly words: (string[] | undefined)[] = [];
  /** Window hash → [paragraph, position] of each occurrence (boilerplate windows removed). */
  private readonly windows = new Map<number, [number, number][]>();
  private readonly high: number;

  /**
   * `common`: a window found in this many paragraphs or more is boilerplate and never counts.
   * `saved`: the same index saved by `save()`, used when it was made for this corpus, `k` and `common`.
   */
  constructor(corpus: Corpus, readonly k: number, readonly common = 3, saved?: SavedReuseIndex) {
    this.stride = Math.max(1, Math.min(STRIDE, k - 5));
    this.w = k - this.stride + 1;
    this.high = power(this.w);
    if (saved && this.restore(corpus, saved)) return;
    this.refs.length = this.words.length = 0; // a refused restore may have begun
    // First every window (sampled or not) counts the paragraphs it is in: boilerplate is found
    // whatever its alignment; the counts take as many entries as there are distinct windows.
    const seen = new Map<number, { last: number; paragraphs: number }>();
    const paragraphs: { ref: ParagraphRef; words: string[]; hashes: number[] }[] = [];
    for (const ref of citableParagraphs(corpus)) {
      const words = wordsOf(ref.paragraph.text);
      if (words.length >= k) paragraphs.push({ ref, words, hashes: windowHashes(words.map(wordHash), this.w, this.high) });
    }
    paragraphs.forEach(({ hashes }, i) => {
      for (const h of hashes) {
        const count = seen.get(h);
        if (!count) seen.set(h, { last: i, paragraphs: 1 });
        else if (count.last !== i) (count.last = i), count.paragraphs++;
      }
    });
    paragraphs.forEach(({ ref, words, hashes }) => {
      const i = this.refs.length;
      this.refs.push(ref);
      this.words.push(words);
      for (let at = 0; at < hashes.length; at += this.stride) {
        if (seen.get(hashes[at])!.paragraphs >= common) continue;
        const list = this.windows.get(hashes[at]);
        if (!list) this.windows.set(hashes[at], [[i, at]]);
        else if (list[list.length - 1][0] !== i) list.push([i, at]);
      }
    });
  }

  /** The index as data, for `new ReuseIndex(corpus, k, common, saved)`. */
  save(corpus: Corpus): SavedReuseIndex {
    const windows: number[] = [];
    for (const [hash, list] of this.windows) {
      windows.push(hash, list.length);
      for (const [i, at] of list) windows.push(i, at);
    }
    return { k: this.k, common: this.common, citable: citableParagraphs(corpus).length, paragraphs: this.refs.map(paragraphId), windows };
  }

  /** Takes a saved index when it fits this corpus; false (nothing taken) when it does not. */
  private restore(corpus: Corpus, saved: SavedReuseIndex): boolean {
    if (saved.k !== this.k || saved.common !== this.common) return false;
    const citable = citableParagraphs(corpus);
    if (citable.length !== saved.citable) return false;
    const byId = new Map(citable.map((ref) => [paragraphId(ref), ref]));
    for (const id of saved.paragraphs) {
      const ref = byId.get(id);
      if (!ref) return false;
      this.refs.push(ref);
      this.words.push(undefined);
    }
    const w = saved.windows;
    for (let p = 0; p < w.length; ) {
      const hash = w[p];
      const n = w[p + 1];
      const list: [number, number][] = [];
      for (let j = 0; j < n; j++) list.push([w[p + 2 + 2 * j], w[p + 3 + 2 * j]]);
      this.windows.set(hash, list);
      p += 2 + 2 * n;
    }
    return true;
  }

  private wordsAt(i: number): string[] {
    return (this.words[i] ??= wordsOf(this.refs[i].paragraph.text));
  }

  /** The run through text position `at` and paragraph position `pos`, if it is k words or more. */
  private extend(words: string[], at: number, i: number, pos: number): { from: number; to: number } | undefined {
    const para = this.wordsAt(i);
    let back = 0;
    while (at - back > 0 && pos - back > 0 && words[at - back - 1] === para[pos - back - 1]) back++;
    let n = 0;
    while (at + n < words.length && pos + n < para.length && words[at + n] === para[pos + n]) n++;
    return back + n >= this.k ? { from: at - back, to: at + n } : undefined;
  }

  /** Every paragraph that shares a run of ≥ k words with `words`. */
  sharing(words: string[]): ParagraphRef[] {
    const out = new Map<number, ParagraphRef>();
    const hashes = windowHashes(words.map(wordHash), this.w, this.high);
    for (let at = 0; at < hashes.length; at++) {
      for (const [i, pos] of this.windows.get(hashes[at]) ?? []) if (!out.has(i) && this.extend(words, at, i, pos)) out.set(i, this.refs[i]);
    }
    return [...out.values()];
  }

  /** The longest runs of ≥ k words `words` shares with one paragraph, left to right, not overlapping. */
  runs(words: string[]): ReuseRun[] {
    const out: ReuseRun[] = [];
    const hashes = windowHashes(words.map(wordHash), this.w, this.high);
    let reached = 0;
    for (let at = 0; at < hashes.length; at++) {
      const hits = this.windows.get(hashes[at]);
      if (!hits) continue;
      let best: ReuseRun | undefined;
      for (const [i, pos] of hits) {
        const run = this.extend(words, at, i, pos);
        if (run && run.from >= reached && (!best || run.to - run.from > best.to - best.from)) best = { ref: this.refs[i], ...run };
      }
      if (best) {
        out.push(best);
        reached = best.to;
        at = best.to - 1;
      }
    }
    return out;
  }
}
