// The declaration of reused text that UN offices ask drafters to make: for every paragraph of a
// draft, the closest precedent(s) in the corpus, the share of the paragraph's words taken from each
// (in order) and the word difference. As Markdown (a table and the differences), JSON or CSV.

import type { AgreedLanguageFinder } from '../agreed/finder';
import { type CitationStyle, formatCitation } from '../citations/format';
import type { TextRange } from '../citations/model';
import { blocks } from '../citations/scanner';
import type { AnnexPlace } from './annex';

export interface ProvenanceRow {
  /** "line 12" or "¶9". */
  where: string;
  opening: string;
  words: number;
  precedents: { citation: string; share: number; difference: string }[];
}

/** A precedent is named when at least this share of the paragraph's words come from it. */
const MIN_SHARE = 0.3;
/** Shorter paragraphs (headings, captions) are not declared; a precedent shares at least this many words. */
const MIN_WORDS = 12;
const MIN_SHARED = 8;

export function provenance(finder: AgreedLanguageFinder, text: string, skip: TextRange[], place: (offset: number) => AnnexPlace, style: CitationStyle): ProvenanceRow[] {
  const rows: ProvenanceRow[] = [];
  for (const block of blocks(text, 0, text.length)) {
    if (skip.some((r) => r.start <= block.start && r.end >= block.end)) continue; // code, comments, an annex
    const prose = text.slice(block.start, block.end);
    if (/^\s{0,3}(?:#|---|\||<!--)/.test(prose)) continue; // headings, rules, tables, comments
    const found = finder.find(prose, 3);
    const words = found[0]?.words.length ?? 0;
    if (words < MIN_WORDS) continue;
    const at = place(block.start);
    rows.push({
      where: at.where,
      opening: at.excerpt.length > 60 ? `${at.excerpt.slice(0, 59).replace(/\s+\S*$/, '')}…` : at.excerpt,
      words,
      precedents: found
        .filter((m) => m.score >= MIN_SHARE && m.words.filter((w) => w.found).length >= MIN_SHARED)
        .slice(0, 2)
        .map((m) => ({ citation: formatCitation(m.ref.document, m.ref.paragraph, style), share: Math.round(m.score * 1000) / 1000, difference: m.words.map((w) => (w.found ? w.word : `[${w.word}]`)).join(' ') })),
    });
  }
  return rows;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

export function provenanceMarkdown(rows: ProvenanceRow[], title = 'Provenance of reused text'): string {
  const lines = [`# ${title}`, '', 'For each paragraph of the draft: the closest precedent in the corpus and the share of the paragraph’s words taken from it, in order. In the word differences, [bracketed] words are the draft’s own.', ''];
  lines.push('| paragraph | opening words | precedent | share of words |', '|---|---|---|---|');
  for (const r of rows) {
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    if (!r.precedents.length) lines.push(`| ${r.where} | ${cell(r.opening)} | — | 0 % |`);
    for (const [i, p] of r.precedents.entries()) lines.push(`| ${i ? '' : r.where} | ${i ? '' : cell(r.opening)} | ${cell(p.citation)} | ${pct(p.share)} |`);
  }
  const reused = rows.filter((r) => r.precedents.length);
  if (reused.length) {
    lines.push('', '## Word differences', '');
    for (const r of reused) lines.push(`- ${r.where} (${r.precedents[0].citation}, ${pct(r.precedents[0].share)}): ${r.precedents[0].difference}`);
  }
  return `${lines.join('\n')}\n`;
}

export function provenanceCsv(rows: ProvenanceRow[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const out = ['paragraph,opening,words,precedent,share,difference'];
  for (const r of rows) {
    if (!r.precedents.length) out.push([q(r.where), q(r.opening), r.words, '""', 0, '""'].join(','));
    for (const p of r.precedents) out.push([q(r.where), q(r.opening), r.words, q(p.citation), p.share, q(p.difference)].join(','));
  }
  return `${out.join('\n')}\n`;
}
