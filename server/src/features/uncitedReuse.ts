// The uncited-reuse hint: a sentence that reproduces agreed language (unCitations.agreedLanguage.
// minWords consecutive words of a corpus paragraph) with no citation of that paragraph in the same
// sentence or Markdown paragraph. Code, comments, attributed quotations and users' own corpus
// documents are not hinted. A checker of the diagnostics pipeline; its quick fix appends the citation.
// Each block's reused runs are kept by the block's text, so a keystroke recomputes only its block.

import { WORD_CHARS } from '../agreed/finder';
import { ReuseIndex, type SavedReuseIndex } from '../agreed/reuse';
import { formatCitation } from '../citations/format';
import type { TextRange } from '../citations/model';
import { blocks } from '../citations/scanner';
import { type Corpus, type ParagraphRef, paragraphId } from '../corpus/corpus';
import type { DiagnosticCode, Settings } from '../settings';
import type { DiagnosticChecker, Finding } from './diagnostics';
import type { CitationCache, TextDocumentLike } from './documents';

const WORD = new RegExp(`[${WORD_CHARS}]+`, 'g');
const SENTENCE_END = /[.;!?](?=\s|$)/g;
/** A quotation followed by a footnote reference is attributed by that footnote. */
const FOOTNOTED_QUOTE = /["“][^"”\n]{1,2000}["”][.,;]?\[\^/g;

/** A reused run inside a block, in offsets relative to the block; `end` is where the citation would go. */
interface BlockRun {
  ref: ParagraphRef;
  from: number;
  to: number;
  words: number;
  end: number;
}

export class UncitedReuseChecker implements DiagnosticChecker {
  readonly name = 'uncited agreed language';
  readonly codes: readonly DiagnosticCode[] = ['citation.uncited-agreed-language'];
  private index: ReuseIndex | undefined;
  /** Per document, the runs of its latest version's blocks by text: memory follows the open documents' size. */
  private readonly byDocument = new Map<string, Map<string, BlockRun[]>>();

  constructor(
    private readonly corpus: Corpus,
    private readonly citations: CitationCache,
    /** Code, comments, links, and attributed quotations (the quotation check's): not prose to hint. */
    private readonly notProse: (document: TextDocumentLike, region?: TextRange) => TextRange[],
    /** The index saved for this corpus at build time (the corpus snapshot's), taken when `k` matches. */
    private readonly saved?: SavedReuseIndex,
  ) {}

  check(document: TextDocumentLike, settings: Settings, region?: TextRange): Finding[] {
    if (/\/\.un-citations\/corpus\//.test(document.uri)) return []; // a corpus document is the source itself
    const k = settings.agreedLanguage.minWords;
    if (!this.index || this.index.k !== k) {
      this.index = new ReuseIndex(this.corpus, k, undefined, this.saved);
      this.byDocument.clear();
    }
    const previous = this.byDocument.get(document.uri);
    // After an edit only the edited blocks are read: the others' runs stay remembered beside theirs.
    const remembered = region && previous ? previous : new Map<string, BlockRun[]>();
    const text = document.getText();
    const excluded = this.notProse(document, region);
    const out: Finding[] = [];
    let e = 0;
    for (const block of blocks(text, region?.start ?? 0, region?.end ?? text.length)) {
      while (e < excluded.length && excluded[e].end <= block.start) e++;
      const inBlock: TextRange[] = [];
      for (let j = e; j < excluded.length && excluded[j].start < block.end; j++) inBlock.push({ start: Math.max(excluded[j].start, block.start) - block.start, end: Math.min(excluded[j].end, block.end) - block.start });
      const blockText = text.slice(block.start, block.end);
      const runs = this.runsOf(blockText, inBlock, previous, remembered);
      if (!runs.length) continue;
      const cited = new Set(this.citations.between(document, block.start, block.end).flatMap((c) => c.members.flatMap((m) => (m.target ? [paragraphId(m.target)] : []))));
      for (const run of runs) {
        if (cited.has(paragraphId(run.ref))) continue;
        const citation = formatCitation(run.ref.document, run.ref.paragraph, settings.citationStyle);
        const at = block.start + run.end;
        out.push({
          code: 'citation.uncited-agreed-language',
          range: { start: block.start + run.from, end: block.start + run.to },
          message: `These ${run.words} words are agreed language from ${citation}, which this paragraph does not cite.`,
          fixes: [{ title: `Cite ${citation}`, range: { start: at, end: at }, newText: ` (${citation})` }],
        });
      }
    }
    // Blocks edited away stay remembered until the next full check; bounded all the same.
    this.byDocument.set(document.uri, remembered.size > 50_000 ? new Map() : remembered);
    return out;
  }

  forget(uri: string): void {
    this.byDocument.delete(uri);
  }

  /** The block's reused runs, from the previous version when the block (and what of it is not prose) is unchanged. */
  private runsOf(blockText: string, excluded: TextRange[], previous: Map<string, BlockRun[]> | undefined, remembered: Map<string, BlockRun[]>): BlockRun[] {
    const key = excluded.length ? `${excluded.map((r) => `${r.start}-${r.end}`).join(',')}\u0000${blockText}` : blockText;
    const runs = previous?.get(key) ?? this.compute(blockText, excluded);
    remembered.set(key, runs);
    return runs;
  }

  /** The runs of one block's prose (offsets relative to the block; `excluded` is not prose). */
  private compute(blockText: string, excluded: TextRange[]): BlockRun[] {
    const index = this.index!;
    // Quotations attributed by a footnote ('"…"[^4]') are the quotation check's too.
    const skipped = [...excluded];
    if (blockText.includes('[^')) {
      for (const m of blockText.matchAll(FOOTNOTED_QUOTE)) skipped.push({ start: m.index!, end: m.index! + m[0].length });
      skipped.sort((a, b) => a.start - b.start);
    }
    // Words as parallel arrays: a block's words are many, and objects for each would be garbage at once.
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let s = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(blockText); m; m = WORD.exec(blockText)) {
      const start = m.index;
      while (s < skipped.length && skipped[s].end <= start) s++;
      if (s < skipped.length && skipped[s].start <= start) continue;
      words.push(m[0].toLowerCase());
      starts.push(start);
      ends.push(start + m[0].length);
    }
    if (words.length < index.k) return [];
    return index.runs(words).map((run) => {
      const to = ends[run.to - 1];
      SENTENCE_END.lastIndex = to;
      const next = SENTENCE_END.exec(blockText);
      return { ref: run.ref, from: starts[run.from], to, words: run.to - run.from, end: next ? next.index : blockText.length };
    });
  }
}
