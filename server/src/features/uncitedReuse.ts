// The uncited-reuse hint: a sentence that reproduces agreed language (unCitations.agreedLanguage.
// minWords consecutive words of a corpus paragraph) with no citation of that paragraph in the same
// sentence or Markdown paragraph. Code, comments, attributed quotations and users' own corpus
// documents are not hinted. A checker of the diagnostics pipeline; its quick fix appends the citation.

import { ReuseIndex } from '../agreed/reuse';
import { formatCitation } from '../citations/format';
import type { TextRange } from '../citations/model';
import { blocks } from '../citations/scanner';
import { type Corpus, paragraphId } from '../corpus/corpus';
import { findQuotations } from '../quotes/detect';
import type { DiagnosticCode, Settings } from '../settings';
import type { DiagnosticChecker, Finding } from './diagnostics';
import { type CitationCache, type TextDocumentLike, toRange } from './documents';

const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_END = /[.;!?](?=\s|$)/g;

export class UncitedReuseChecker implements DiagnosticChecker {
  readonly name = 'uncited agreed language';
  readonly codes: readonly DiagnosticCode[] = ['citation.uncited-agreed-language'];
  private index: ReuseIndex | undefined;

  constructor(private readonly corpus: Corpus, private readonly citations: CitationCache, private readonly excluded: (document: TextDocumentLike) => TextRange[]) {}

  check(document: TextDocumentLike, settings: Settings): Finding[] {
    if (/\/\.un-citations\/corpus\//.test(document.uri)) return []; // a corpus document is the source itself
    const k = settings.agreedLanguage.minWords;
    if (!this.index || this.index.k !== k) this.index = new ReuseIndex(this.corpus, k);
    const index = this.index;
    const text = document.getText();
    const all = this.citations.get(document);
    // Text that is not the drafter's prose to hint: code, comments, links, and quotations already attributed.
    const skipped = [...this.excluded(document), ...findQuotations(text, all).map((q) => q.range)].sort((a, b) => a.start - b.start);
    const out: Finding[] = [];
    for (const block of blocks(text, 0, text.length)) {
      const words: { word: string; start: number; end: number }[] = [];
      WORD.lastIndex = block.start;
      let s = 0;
      for (let m = WORD.exec(text); m && m.index < block.end; m = WORD.exec(text)) {
        const start = m.index;
        while (s < skipped.length && skipped[s].end <= start) s++;
        if (s < skipped.length && skipped[s].start <= start) continue;
        words.push({ word: m[0].toLowerCase(), start, end: start + m[0].length });
      }
      if (words.length < k) continue;
      for (const run of index.runs(words.map((w) => w.word))) {
        const from = words[run.from].start;
        const to = words[run.to - 1].end;
        const id = paragraphId(run.ref);
        const cited = this.citations.between(document, block.start, block.end).some((c) => c.members.some((m) => m.target && paragraphId(m.target) === id));
        if (cited) continue;
        const citation = formatCitation(run.ref.document, run.ref.paragraph, settings.citationStyle);
        // The citation goes after the sentence that holds the run's end.
        SENTENCE_END.lastIndex = to;
        const next = SENTENCE_END.exec(text);
        const end = next && next.index < block.end ? next.index : block.end;
        const at = document.positionAt(end);
        out.push({
          code: 'citation.uncited-agreed-language',
          range: toRange(document, { start: from, end: to }),
          message: `These ${run.to - run.from} words are agreed language from ${citation}, which this paragraph does not cite.`,
          data: { suggestions: [], fixes: [{ title: `Cite ${citation}`, range: { start: at, end: at }, newText: ` (${citation})` }] },
        });
      }
    }
    return out;
  }
}
