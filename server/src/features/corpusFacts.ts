// Facts about paragraphs that features show beside the text: the thematic-index topics that file
// them, the meeting-report numbers that also cite them, and their other copies. Built once per corpus.

import { type Corpus, type ParagraphRef, paragraphByKey } from '../corpus/corpus';
import type { CorpusDocument, Paragraph } from '../corpus/model';

export class CorpusFacts {
  private readonly topics = new Map<string, string[]>();
  private readonly reportLabels = new Map<string, string[]>();

  constructor(readonly corpus: Corpus) {
    for (const entry of corpus.indexEntries) {
      if (!entry.target) continue;
      const key = this.key(entry.target.document, entry.target.paragraph);
      const list = this.topics.get(key) ?? [];
      if (!list.includes(entry.topic)) list.push(entry.topic);
      this.topics.set(key, list);
    }
    for (const [symbol, byLabel] of corpus.reportParagraphs) {
      for (const r of byLabel.values()) {
        const key = this.key(r.target.document, r.target.paragraph);
        this.reportLabels.set(key, [...(this.reportLabels.get(key) ?? []), `${symbol}, para ${r.label}`]);
      }
    }
  }

  private key(document: CorpusDocument, paragraph: Paragraph): string {
    return `${document.instrumentId}#${paragraph.key}`;
  }

  /** Thematic-index topics under which the paragraph (in any copy) is filed. */
  topicsOf(document: CorpusDocument, paragraph: Paragraph): string[] {
    return this.topics.get(this.key(document, paragraph)) ?? [];
  }

  /** "CTOC/COP/WG.7/2012/6, para 41": how meeting reports number the paragraph. */
  reportCitationsOf(document: CorpusDocument, paragraph: Paragraph): string[] {
    return this.reportLabels.get(this.key(document, paragraph)) ?? [];
  }

  /** The same paragraph in the instrument's other copies. */
  otherCopies(document: CorpusDocument, paragraph: Paragraph): ParagraphRef[] {
    return (this.corpus.instruments.get(document.instrumentId) ?? [])
      .filter((d) => d !== document)
      .map((d) => ({ document: d, paragraph: paragraphByKey(d, paragraph.key)! }))
      .filter((r) => r.paragraph);
  }

  /** Every copy of the paragraph, this one first. */
  allCopies(ref: ParagraphRef): ParagraphRef[] {
    return [ref, ...this.otherCopies(ref.document, ref.paragraph)];
  }
}
