// The quotation check: a quotation attributed to a citation must be the cited paragraph's words
// (editorial ellipses and brackets allowed). Reports misquotes with the first difference, quotes
// that come from another paragraph, and brackets that change an obligation; offers fixes.

import type { Hover, Position } from 'vscode-languageserver-types';
import { formatCitation } from '../citations/format';
import type { Citation, TextRange } from '../citations/model';
import { shiftCitation, shiftRange } from '../citations/shift';
import { blockAround, blocks } from '../citations/scanner';
import { type Corpus, type ParagraphRef, compendiumLabel, paragraphByKey, paragraphId } from '../corpus/corpus';
import { type Difference, explainDifference, matchQuote, meaningChange, parseQuote } from '../quotes/compare';
import { type Quotation, findQuotations } from '../quotes/detect';
import { PhraseIndex, paragraphWords } from '../quotes/phraseIndex';
import type { DiagnosticCode, Settings } from '../settings';
import type { DiagnosticChecker, Finding } from './diagnostics';
import { type CitationCache, type TextDocumentLike, contains, toRange } from './documents';
import { escapeMarkdown } from './markdown';
import { detach } from '../util/strings';

export interface QuoteFinding {
  code: Extract<DiagnosticCode, 'citation.quote-mismatch' | 'citation.quote-elsewhere' | 'citation.quote-bracket'>;
  quotation: Quotation;
  range: TextRange;
  message: string;
  /** A replacement that fixes it: the source's exact words, or the right citation. */
  fix?: { title: string; range: TextRange; newText: string };
  diff?: Difference;
  source?: ParagraphRef;
}

const QUOTE_CODES = ['citation.quote-mismatch', 'citation.quote-elsewhere', 'citation.quote-bracket'] as const;

export class QuoteChecker {
  private index: PhraseIndex | undefined;

  constructor(private readonly corpus: Corpus, private readonly citations: CitationCache) {}

  /** Findings of the latest version of each document. */
  private readonly byDocument = new Map<string, { text: string; quotations: Quotation[]; findings: QuoteFinding[] }>();
  /** The latest region checked per document, shared by the check and the uncited-reuse hint that reads its quotations. */
  private readonly lastRegion = new Map<string, { text: string; region: TextRange; findings: QuoteFinding[]; quoted: TextRange[] }>();
  /** Findings by quotation and citation text, relative to the quotation: unchanged quotes are not matched again. */
  private readonly byQuote = new Map<string, { at: number; findings: QuoteFinding[] }>();

  check(document: TextDocumentLike): QuoteFinding[] {
    return this.whole(document).findings;
  }

  /** The whole document's quotations and findings, once per version. */
  private whole(document: TextDocumentLike): { quotations: Quotation[]; findings: QuoteFinding[] } {
    const text = document.getText();
    const known = this.byDocument.get(document.uri);
    if (known && known.text === text) return known;
    const quotations = findQuotations(text, this.citations.get(document));
    const result = { text, quotations, findings: this.findingsOf(text, quotations) };
    this.byDocument.set(document.uri, result);
    return result;
  }

  /**
   * The attributed quotations of one block, in document offsets. Quotations never cross a blank line,
   * so the block is read alone (a hover or a keystroke costs its paragraph, not the document); one
   * that refers to a footnote is read with the whole document, where the footnote is.
   */
  private blockQuotations(document: TextDocumentLike, text: string, block: TextRange): Quotation[] {
    const blockText = text.slice(block.start, block.end);
    if (!/["“”]|^\s*>/m.test(blockText)) return [];
    if (blockText.includes('[^')) return this.whole(document).quotations.filter((q) => q.range.start >= block.start && q.range.start < block.end);
    const citations = this.citations.between(document, block.start, block.end).map((c) => shiftCitation(c, -block.start));
    return findQuotations(blockText, citations).map((q) => ({ ...q, range: shiftRange(q.range, block.start), content: shiftRange(q.content, block.start), citation: shiftCitation(q.citation, block.start) }));
  }

  /** The findings of the quotations in `region` (whole blocks), block by block. */
  checkRegion(document: TextDocumentLike, region: TextRange): { findings: QuoteFinding[]; quoted: TextRange[] } {
    const text = document.getText();
    const last = this.lastRegion.get(document.uri);
    if (last && last.text === text && last.region.start === region.start && last.region.end === region.end) return last;
    const quotations = blocks(text, region.start, region.end).flatMap((block) => this.blockQuotations(document, text, block));
    const result = { text, region, findings: this.findingsOf(text, quotations), quoted: quotations.map((q) => q.range) };
    this.lastRegion.set(document.uri, result);
    return result;
  }

  /** Each quotation's findings, matched again only when the quotation or its citation changed. */
  private findingsOf(text: string, quotations: Quotation[]): QuoteFinding[] {
    const findings: QuoteFinding[] = [];
    for (const q of quotations) {
      const key = detach(`${text.slice(q.range.start, q.citation.range.end > q.range.end ? q.citation.range.end : q.range.end)}\u0000${q.citation.text}\u0000${q.citation.range.start - q.range.start}`);
      let cached = this.byQuote.get(key);
      if (!cached) {
        cached = { at: q.range.start, findings: this.checkOne(q) };
        if (this.byQuote.size > 5_000) this.byQuote.clear();
        this.byQuote.set(key, cached);
      }
      const by = q.range.start - cached.at;
      for (const f of cached.findings) findings.push(by === 0 ? { ...f, quotation: q } : moveFinding(f, q, by));
    }
    return findings;
  }

  /** Where the document's attributed quotations are (found once per version, with the check); in `region` only if given. */
  attributedQuotations(document: TextDocumentLike, region?: TextRange): TextRange[] {
    if (region) return this.checkRegion(document, region).quoted;
    return this.whole(document).quotations.map((q) => q.range);
  }

  forget(uri: string): void {
    this.byDocument.delete(uri);
    this.lastRegion.delete(uri);
  }

  checkOne(q: Quotation): QuoteFinding[] {
    const parsed = parseQuote(q.text);
    if (parsed.literal.length < 2) return [];
    const cited = sourcesOf(q.citation);
    for (const ref of cited) {
      const match = matchQuoteIn(parsed, ref);
      if (!match) continue;
      // Found where cited: only a bracket that changes an obligation is worth saying.
      return match.brackets
        .map((b) => ({ b, change: meaningChange(b) }))
        .filter((x) => x.change)
        .map(({ b, change }) => ({
          code: 'citation.quote-bracket' as const,
          quotation: q,
          range: { start: q.content.start + b.start, end: q.content.start + b.end },
          message: `${change} (${label(ref)}).`,
          source: ref,
        }));
    }
    this.index ??= new PhraseIndex(this.corpus);
    const citedKeys = new Set(cited.map(paragraphId));
    const found = this.index.find(parsed);
    const elsewhere = found.filter((h) => !citedKeys.has(paragraphId(h.ref)));
    // Only words distinctive to one paragraph (or to two that repeat each other) name another source;
    // a phrase found in many (the Protocol's title) is compared with the cited paragraph instead.
    const distinct = new Set(found.map((h) => paragraphId(h.ref)));
    if (elsewhere.length && distinct.size <= 2) {
      const real = elsewhere[0].ref;
      const newCitation = rewriteLike(q.citation, real);
      return [{
        code: 'citation.quote-elsewhere',
        quotation: q,
        range: q.range,
        message: `This quotation is from ${label(real)}, not from ${q.citation.text.replace(/\s+/g, ' ')}.`,
        fix: { title: `Cite ${newCitation} instead`, range: q.citation.range, newText: newCitation },
        source: real,
      }];
    }
    // A misquote: explain against the cited paragraph it is closest to.
    let best: { ref: ParagraphRef; diff: Difference; same: number } | undefined;
    for (const ref of cited) {
      const diff = explainDifference(parsed, paragraphWords(ref.paragraph));
      if (!diff) continue;
      const same = diff.parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.words.length, 0);
      if (!best || same > best.same) best = { ref, diff, same };
    }
    if (!best) {
      return [{ code: 'citation.quote-mismatch', quotation: q, range: q.range, message: `The quoted words are not in ${q.citation.text.replace(/\s+/g, ' ')}.`, source: cited[0] }];
    }
    const w = paragraphWords(best.ref.paragraph);
    const exact = best.ref.paragraph.text.slice(w[best.diff.first].start, w[best.diff.last].end);
    const blockQuote = q.content.start !== q.range.start + 1;
    return [{
      code: 'citation.quote-mismatch',
      quotation: q,
      range: q.range,
      message: `Misquotation of ${label(best.ref)}: ${best.diff.description}.`,
      fix: { title: 'Replace the quotation with the source text', range: q.content, newText: blockQuote ? `> ${exact}` : exact },
      diff: best.diff,
      source: best.ref,
    }];
  }

  /** The quotation check as a checker of the diagnostics pipeline. */
  readonly checker: DiagnosticChecker = {
    name: 'quotations',
    codes: QUOTE_CODES,
    check: (document: TextDocumentLike, _settings: Settings, region?: TextRange): Finding[] =>
      (region ? this.checkRegion(document, region).findings : this.check(document)).map((f) => ({
        range: f.range,
        code: f.code,
        message: f.message,
        fixes: f.fix ? [f.fix] : [],
      })),
    // A footnote reference or definition attributes quotations in other blocks.
    reachesAcross: (oldText: string, newText: string) => oldText.includes('[^') || newText.includes('[^'),
  };

  /** The finding on the quotation at `offset`: its block's quotations only. */
  private findingAt(document: TextDocumentLike, offset: number): QuoteFinding | undefined {
    const text = document.getText();
    const q = this.blockQuotations(document, text, blockAround(text, offset, offset)).find((x) => contains(x.range, offset) && !contains(x.citation.range, offset));
    return q && this.findingsOf(text, [q])[0];
  }

  /** On a checked quotation: the word-level difference from the source. */
  hover(document: TextDocumentLike, position: Position): Hover | undefined {
    const offset = document.offsetAt(position);
    const f = this.findingAt(document, offset);
    if (!f) return undefined;
    const lines = [`**${escapeMarkdown(f.message)}**`];
    if (f.diff) {
      const rendered = f.diff.parts.map((p) => {
        const t = escapeMarkdown(p.words.join(' '));
        return p.kind === 'same' ? t : p.kind === 'source' ? `~~${t}~~` : `**${t}**`;
      });
      lines.push(`Word by word (~~source only~~, **quotation only**):\n\n${rendered.join(' ')}`);
    }
    if (f.source) lines.push(`Source (${escapeMarkdown(label(f.source))}):\n\n> ${escapeMarkdown(f.source.paragraph.text)}`);
    return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toRange(document, f.quotation.range) };
  }
}

/** A finding moved with its quotation (same text further on in the document). */
function moveFinding(f: QuoteFinding, q: Quotation, by: number): QuoteFinding {
  return { ...f, quotation: q, range: shiftRange(f.range, by), fix: f.fix && { ...f.fix, range: shiftRange(f.fix.range, by) } };
}

/** The paragraphs a citation points at, with their subparagraphs (a chapeau's list is part of it). */
function sourcesOf(c: Citation): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  for (const m of c.members) {
    if (!m.target) continue;
    out.push(m.target);
    for (const key of m.target.paragraph.childKeys) {
      const child = paragraphByKey(m.target.document, key);
      if (child) out.push({ document: m.target.document, paragraph: child });
    }
  }
  return out;
}

function matchQuoteIn(parsed: ReturnType<typeof parseQuote>, ref: ParagraphRef) {
  return matchQuote(parsed, paragraphWords(ref.paragraph));
}

/** "X.11" or "Resolution 5/3, para 6": a paragraph named in a message as it would be cited. */
function label(ref: ParagraphRef): string {
  return formatCitation(ref.document, ref.paragraph, 'full');
}

/** The right paragraph written the way the wrong citation was written. */
function rewriteLike(c: Citation, real: ParagraphRef): string {
  if (c.instrument.type === 'compendium') {
    const l = compendiumLabel(real.document, real.paragraph);
    if (l) return l;
  }
  if (c.instrument.type === 'meeting' && real.document.kind === 'wg-recommendations') return formatCitation(real.document, real.paragraph, 'words');
  if (/^(res|dec)\./i.test(c.text)) return formatCitation(real.document, real.paragraph, 'abbreviated');
  return formatCitation(real.document, real.paragraph, real.document.kind === 'wg-recommendations' ? 'compendium' : 'full');
}
