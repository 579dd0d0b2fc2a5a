// Agreed language in the editor: the closest corpus paragraphs to a text (the custom request and the
// command line), and, on a sentence that reuses agreed wording, code actions that cite it or put the
// agreed wording back.

import type { CodeAction, Range } from 'vscode-languageserver-types';
import { AgreedLanguageFinder } from '../agreed/finder';
import { type CitationStyle, formatCitation } from '../citations/format';
import type { Corpus } from '../corpus/corpus';
import type { AgreedLanguageResult } from '../protocol';
import { type CorpusUri, sourceRange } from './definition';
import type { CitationCache, TextDocumentLike } from './documents';

/** A sentence is offered its agreed wording from this share of words in order, and this many words. */
const OFFER_SCORE = 0.8;
const OFFER_WORDS = 8;

export class AgreedLanguageProvider {
  private finder: AgreedLanguageFinder | undefined;

  constructor(private readonly corpus: Corpus, private readonly citations: CitationCache, private readonly corpusUri: CorpusUri) {}

  /** Built on first use: start-up does not pay for it. */
  get index(): AgreedLanguageFinder {
    this.finder ??= new AgreedLanguageFinder(this.corpus);
    return this.finder;
  }

  find(text: string, limit: number, style: CitationStyle): AgreedLanguageResult[] {
    return this.index.find(text, limit).map(({ ref, score, words }) => ({
      citation: formatCitation(ref.document, ref.paragraph, style),
      text: ref.paragraph.text,
      score: Math.round(score * 1000) / 1000,
      uri: this.corpusUri(ref.paragraph.location.file),
      range: sourceRange(ref.paragraph.location),
      difference: words.map((w) => (w.found ? w.word : `[${w.word}]`)).join(' '),
    }));
  }

  /** "Cite agreed language: Resolution 6/3, para 9 (92 % same wording)" and "Use the agreed wording of …". */
  codeActions(document: TextDocumentLike, range: Range, style: CitationStyle): CodeAction[] {
    const span = sentenceAt(document, range);
    if (!span) return [];
    const sentence = document.getText().slice(span.start, span.end);
    const [best] = this.index.find(sentence, 1);
    if (!best) return [];
    // The reused stretch: lead-in words ("We recall that") and a tail of the drafter's own are not reuse.
    const first = best.words.findIndex((w) => w.found);
    const last = best.words.length - 1 - [...best.words].reverse().findIndex((w) => w.found);
    const found = best.words.filter((w) => w.found).length;
    const share = first < 0 ? 0 : found / (last - first + 1);
    if (share < OFFER_SCORE || found < OFFER_WORDS) return [];
    // Already cited in the sentence: nothing to offer.
    if (this.citations.get(document).some((c) => c.range.start >= span.start && c.range.end <= span.end + 40 && c.members.some((m) => m.target?.paragraph === best.ref.paragraph))) return [];
    const citation = formatCitation(best.ref.document, best.ref.paragraph, style);
    const end = document.positionAt(span.end);
    const whole = { start: document.positionAt(span.start), end };
    const agreed = best.ref.paragraph.text.replace(/[;:.,]\s*$/, '');
    return [
      { title: `Cite agreed language: ${citation} (${Math.round(share * 100)} % same wording)`, kind: 'quickfix', edit: { changes: { [document.uri]: [{ range: { start: end, end }, newText: ` (${citation})` }] } } },
      { title: `Use the agreed wording of ${citation}`, kind: 'refactor.rewrite', edit: { changes: { [document.uri]: [{ range: whole, newText: `${agreed} (${citation})` }] } } },
    ];
  }
}

/** The sentence around a cursor (or the selection itself): from the previous sentence end to the next. */
function sentenceAt(document: TextDocumentLike, range: Range): { start: number; end: number } | undefined {
  const text = document.getText();
  const a = document.offsetAt(range.start);
  const b = document.offsetAt(range.end);
  if (b > a) return { start: a, end: b };
  let start = a;
  while (start > 0 && !/[.;!?]/.test(text[start - 1]) && !(text[start - 1] === '\n' && text[start - 2] === '\n')) start--;
  let end = a;
  while (end < text.length && !/[.;!?]/.test(text[end]) && !(text[end] === '\n' && text[end + 1] === '\n')) end++;
  while (start < end && /\s/.test(text[start])) start++;
  return end - start > 20 ? { start, end } : undefined;
}
