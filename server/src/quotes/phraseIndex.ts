// Phrase lookup over the corpus: which paragraphs hold a quotation. Word pairs point to the
// paragraphs that contain them; a quotation is matched in full only against the paragraphs that
// hold its rarest pair, so checking a quote costs a few paragraphs, not the whole corpus.

import type { Corpus, ParagraphRef } from '../corpus/corpus';
import type { Paragraph } from '../corpus/model';
import { type ParsedQuote, type QuoteMatch, matchQuote } from './compare';
import { type Word, words } from './words';

const wordCache = new WeakMap<Paragraph, Word[]>();

/** The words of a paragraph's clean text, computed once. */
export function paragraphWords(p: Paragraph): Word[] {
  let w = wordCache.get(p);
  if (!w) {
    w = words(p.text);
    wordCache.set(p, w);
  }
  return w;
}

export class PhraseIndex {
  private readonly refs: ParagraphRef[] = [];
  private readonly pairs = new Map<string, number[]>();

  constructor(corpus: Corpus) {
    for (const copies of corpus.instruments.values()) {
      const d = copies[0];
      for (const p of d.paragraphs) {
        const id = this.refs.length;
        this.refs.push({ document: d, paragraph: p });
        const w = paragraphWords(p);
        for (let i = 0; i + 1 < w.length; i++) {
          const key = pairKey(w[i].text, w[i + 1].text);
          const list = this.pairs.get(key);
          if (!list) this.pairs.set(key, [id]);
          else if (list[list.length - 1] !== id) list.push(id);
        }
      }
    }
  }

  /** Paragraphs that hold the quotation, with where. */
  find(quote: ParsedQuote): { ref: ParagraphRef; match: QuoteMatch }[] {
    let best: number[] | undefined;
    for (const segment of quote.segments) {
      for (let i = 0; i + 1 < segment.length; i++) {
        const a = segment[i];
        const b = segment[i + 1];
        if (a.kind !== 'word' || b.kind !== 'word') continue;
        const list = this.pairs.get(pairKey(a.word.text, b.word.text)) ?? [];
        if (!best || list.length < best.length) best = list;
      }
    }
    const candidates = best ?? this.refs.map((_, i) => i);
    const out: { ref: ParagraphRef; match: QuoteMatch }[] = [];
    for (const id of candidates) {
      const ref = this.refs[id];
      const match = matchQuote(quote, paragraphWords(ref.paragraph));
      if (match) out.push({ ref, match });
    }
    return out;
  }
}

function pairKey(a: string, b: string): string {
  return `${a.toLowerCase()} ${b.toLowerCase()}`;
}
