// Lineage: which paragraphs of different instruments share substantial wording — later resolutions
// restate Working Group recommendations, the 2008 draft shares wording with decision 4/5. A pair is
// proposed by a shared run of 10 words or more and kept when the longer-in-order match covers half
// the shorter paragraph. Computed once per corpus, on first use; ordered oldest first.

import { type Corpus, type ParagraphRef, citableParagraphs, paragraphId } from '../corpus/corpus';
import type { CorpusDocument } from '../corpus/model';
import { alignedWords, wordsOf } from './finder';
import { ReuseIndex } from './reuse';

const RUN = 10;
const SHARE = 0.5;

export type Lineage = Map<string, ParagraphRef[]>;

/** The year a document was adopted or met, for ordering: "2012". */
export function yearOf(d: CorpusDocument): number | undefined {
  const m = /\b(19|20)\d\d\b/.exec(`${d.dates ?? ''} ${d.sessionName ?? ''}`);
  return m ? Number(m[0]) : undefined;
}

export function computeLineage(corpus: Corpus): Lineage {
  // Wording repeated in many paragraphs (a treaty's full title) is not lineage.
  const index = new ReuseIndex(corpus, RUN, 8);
  const links = new Map<string, Map<string, ParagraphRef>>();
  const link = (a: ParagraphRef, b: ParagraphRef) => {
    let set = links.get(paragraphId(a));
    if (!set) links.set(paragraphId(a), (set = new Map()));
    set.set(paragraphId(b), b);
  };
  for (const ref of citableParagraphs(corpus)) {
    const words = wordsOf(ref.paragraph.text);
    if (words.length < RUN) continue;
    for (const shared of index.sharing(words)) {
      if (shared.document.instrumentId === ref.document.instrumentId) continue;
      const other = wordsOf(shared.paragraph.text);
      const [short, long] = words.length <= other.length ? [words, other] : [other, words];
      const same = alignedWords(short, long).filter(Boolean).length;
      if (same / short.length < SHARE) continue;
      link(ref, shared);
      link(shared, ref);
    }
  }
  const lineage: Lineage = new Map();
  for (const [id, others] of links) {
    lineage.set(id, [...others.values()].sort((a, b) => (yearOf(a.document) ?? 9999) - (yearOf(b.document) ?? 9999) || a.document.name.localeCompare(b.document.name)));
  }
  return lineage;
}
