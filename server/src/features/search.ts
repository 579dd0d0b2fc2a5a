// Full-text search over paragraph texts (minisearch: prefix and fuzzy matching, ranked), shared by
// the completion trigger, workspace symbols, the search command and the command line.

import MiniSearch from 'minisearch';
import type { Corpus, ParagraphRef } from '../corpus/corpus';
import { compendiumLabel } from '../corpus/corpus';

interface Entry {
  id: number;
  text: string;
  label: string;
  instrument: string;
}

export interface SearchHit {
  ref: ParagraphRef;
  score: number;
  /** The query terms that matched, for highlighting snippets. */
  terms: string[];
}

/** What features need of a search: ranked paragraphs for some words. */
export interface ParagraphSearch {
  search(query: string, limit?: number): SearchHit[];
}

/** Builds the index on first use, so start-up pays only for what the first diagnostics need. */
export class LazySearch implements ParagraphSearch {
  private index: CorpusSearch | undefined;
  constructor(private readonly corpus: Corpus) {}
  search(query: string, limit = 20): SearchHit[] {
    if (!query.trim()) return [];
    this.index ??= new CorpusSearch(this.corpus);
    const hits = this.index.search(query, limit);
    if (!this.corpus.packs.length) return hits;
    // Corpus packs answer from their own on-disk index; an instrument the sources hold is theirs.
    for (const pack of this.corpus.packs) {
      for (const h of pack.search(query, limit)) {
        if (!this.corpus.instruments.has(h.document.instrumentId)) hits.push({ ref: { document: h.document, paragraph: h.paragraph }, score: h.score, terms: h.terms });
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

export class CorpusSearch implements ParagraphSearch {
  private readonly index: MiniSearch<Entry>;
  private readonly refs: ParagraphRef[] = [];

  constructor(corpus: Corpus) {
    this.index = new MiniSearch<Entry>({
      fields: ['text', 'label', 'instrument'],
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { label: 2, instrument: 1.5 }, combineWith: 'AND' },
    });
    const entries: Entry[] = [];
    // One copy per instrument: the compendium's, whose labels the index and drafters use.
    for (const copies of corpus.instruments.values()) {
      const d = copies[0];
      for (const p of d.paragraphs) {
        const id = this.refs.length;
        this.refs.push({ document: d, paragraph: p });
        entries.push({ id, text: p.text, label: `${p.label} ${compendiumLabel(d, p) ?? ''}`, instrument: `${d.name} ${d.aliases.join(' ')}` });
      }
    }
    this.index.addAll(entries);
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    let results = this.index.search(q);
    // Nothing has every word: fall back to any word, still ranked.
    if (results.length === 0) results = this.index.search(q, { combineWith: 'OR' });
    return results.slice(0, limit).map((r) => ({ ref: this.refs[r.id as number], score: r.score, terms: r.terms }));
  }

  get size(): number {
    return this.refs.length;
  }
}

/** A short excerpt of `text` around the first matched term. */
export function snippet(text: string, terms: string[], width = 90): string {
  const lower = text.toLowerCase();
  const at = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
