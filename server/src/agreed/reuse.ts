// Reuse of agreed language: runs of at least k consecutive words that a text shares with a corpus
// paragraph. Every k-word window of every paragraph is hashed once (rolling hash over word hashes);
// a text's windows are looked up and a hit is confirmed word by word. Windows found in three or more
// paragraphs are boilerplate (the Protocol's full title) and never count. Pure: corpus in.

import { type Corpus, type ParagraphRef, citableParagraphs } from '../corpus/corpus';
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

export class ReuseIndex {
  private readonly refs: ParagraphRef[] = [];
  private readonly words: string[][] = [];
  /** Window hash → [paragraph, position] of each occurrence (boilerplate windows removed). */
  private readonly windows = new Map<number, [number, number][]>();
  private readonly high: number;

  /** `common`: a window found in this many paragraphs or more is boilerplate and never counts. */
  constructor(corpus: Corpus, readonly k: number, common = 3) {
    this.high = power(k);
    for (const ref of citableParagraphs(corpus)) {
      const w = wordsOf(ref.paragraph.text);
      if (w.length < k) continue;
      const i = this.refs.length;
      this.refs.push(ref);
      this.words.push(w);
      windowHashes(w.map(wordHash), k, this.high).forEach((h, at) => {
        const list = this.windows.get(h);
        if (!list) this.windows.set(h, [[i, at]]);
        else if (list[list.length - 1][0] !== i) list.push([i, at]);
      });
    }
    for (const [h, list] of this.windows) if (new Set(list.map(([i]) => i)).size >= common) this.windows.delete(h);
  }

  /** Every paragraph that shares a run of ≥ k words with `words`. */
  sharing(words: string[]): ParagraphRef[] {
    const out = new Map<number, ParagraphRef>();
    const hashes = windowHashes(words.map(wordHash), this.k, this.high);
    for (let at = 0; at < hashes.length; at++) {
      for (const [i, pos] of this.windows.get(hashes[at]) ?? []) {
        if (out.has(i)) continue;
        const para = this.words[i];
        let n = 0;
        while (n < this.k && at + n < words.length && pos + n < para.length && words[at + n] === para[pos + n]) n++;
        if (n >= this.k) out.set(i, this.refs[i]);
      }
    }
    return [...out.values()];
  }

  /** The longest runs of ≥ k words `words` shares with one paragraph, left to right, not overlapping. */
  runs(words: string[]): ReuseRun[] {
    const out: ReuseRun[] = [];
    const hashes = windowHashes(words.map(wordHash), this.k, this.high);
    for (let at = 0; at < hashes.length; at++) {
      const hits = this.windows.get(hashes[at]);
      if (!hits) continue;
      let best: ReuseRun | undefined;
      for (const [i, pos] of hits) {
        const para = this.words[i];
        let n = 0;
        while (at + n < words.length && pos + n < para.length && words[at + n] === para[pos + n]) n++;
        if (n >= this.k && (!best || n > best.to - best.from)) best = { ref: this.refs[i], from: at, to: at + n };
      }
      if (best) {
        out.push(best);
        at = best.to - 1;
      }
    }
    return out;
  }
}
