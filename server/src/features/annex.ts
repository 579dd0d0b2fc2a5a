// The annex of cited paragraphs that background notes carry: in the order of first citation, every
// paragraph a draft cites (ranges expanded, each paragraph once) with its instrument's title, symbol
// and date, its full text, and the draft's lines that cite it; broken citations listed apart first.
// Rendered as Markdown (appended to a draft between markers), JSON or HTML.

import type { CitationStyle } from '../citations/format';
import { formatCitation } from '../citations/format';
import type { Citation, TextRange } from '../citations/model';
import { paragraphByKey, paragraphId } from '../corpus/corpus';
import { describeCitation } from './describe';
import type { CorpusDocument, Paragraph } from '../corpus/model';

/** Markers around an annex written into a draft; an annex between them is replaced when refreshed. */
export const ANNEX_START = '<!-- un-cite-annex:start -->';
export const ANNEX_END = '<!-- un-cite-annex:end -->';

export interface AnnexPlace {
  /** "line 12" in a Markdown draft, "¶9" in a Word draft. */
  where: string;
  /** The draft's line (or paragraph) that cites it, trimmed. */
  excerpt: string;
}

export interface AnnexEntry {
  citation: string;
  instrument: string;
  title: string;
  symbol?: string;
  /** The session or meeting and its dates, as the source gives them. */
  date?: string;
  /** The paragraph's text, its subparagraphs after it. */
  text: string;
  citedAt: AnnexPlace[];
}

export interface AnnexBroken {
  text: string;
  message: string;
  at: AnnexPlace;
}

export interface Annex {
  entries: AnnexEntry[];
  broken: AnnexBroken[];
}

const NOT_BROKEN = new Set(['resolved', 'out-of-corpus']);

/**
 * The annex of a draft's citations. `place` says where an offset of the draft is; citations inside
 * `exclude` (an annex already in the draft) are not the draft's own.
 */
export function buildAnnex(citations: Citation[], place: (offset: number) => AnnexPlace, style: CitationStyle, exclude?: TextRange): Annex {
  const entries = new Map<string, AnnexEntry>();
  const broken: AnnexBroken[] = [];
  for (const c of citations) {
    if (exclude && c.range.start >= exclude.start && c.range.end <= exclude.end) continue;
    const at = place(c.range.start);
    if (!NOT_BROKEN.has(c.status)) {
      broken.push({ text: c.text.replace(/\s+/g, ' '), message: describeCitation(c) ?? c.status, at });
      continue;
    }
    for (const m of c.members) {
      if (!m.target) continue;
      const { document: d, paragraph: p } = m.target;
      const key = paragraphId(m.target);
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = entryOf(d, p, style)));
      if (!entry.citedAt.some((x) => x.where === at.where)) entry.citedAt.push(at);
    }
  }
  return { entries: [...entries.values()], broken };
}

function entryOf(d: CorpusDocument, p: Paragraph, style: CitationStyle): AnnexEntry {
  const children = p.childKeys.map((k) => paragraphByKey(d, k)).filter((x): x is Paragraph => !!x);
  const text = [p.text, ...children.map((c) => `(${c.path[c.path.length - 1]}) ${c.text}`)].join('\n');
  return { citation: formatCitation(d, p, style), instrument: d.name, title: d.title, symbol: d.symbol, date: d.sessionName ?? d.dates, text, citedAt: [] };
}

/** "line 12" and the line's text, for a Markdown draft. */
export function linePlace(text: string): (offset: number) => AnnexPlace {
  return (offset) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    const line = text.slice(0, start).split('\n').length;
    return { where: `line ${line}`, excerpt: shorten(text.slice(start, end < 0 ? text.length : end).trim()) };
  };
}

/** The range of an annex already written into a draft, markers included. */
export function annexRange(text: string): TextRange | undefined {
  const start = text.indexOf(ANNEX_START);
  const end = text.indexOf(ANNEX_END, start + 1);
  return start >= 0 && end > start ? { start, end: end + ANNEX_END.length } : undefined;
}

function shorten(s: string): string {
  return s.length > 160 ? `${s.slice(0, 159).replace(/\s+\S*$/, '')}…` : s;
}

export function annexMarkdown(annex: Annex, title = 'Annex: paragraphs cited'): string {
  const lines = [ANNEX_START, '', `## ${title}`, ''];
  if (annex.broken.length) {
    lines.push('### Citations that could not be verified', '');
    for (const b of annex.broken) lines.push(`- ${b.at.where}: “${b.text}” — ${b.message}`);
    lines.push('');
  }
  if (!annex.entries.length) lines.push('*The draft cites no paragraph of the corpus.*', '');
  for (const e of annex.entries) {
    lines.push(`### ${e.citation}`, '');
    lines.push(`*${[`${e.instrument} — ${e.title}`, e.symbol, e.date].filter(Boolean).join(' · ')}*`, '');
    for (const l of e.text.split('\n')) lines.push(`> ${l}`, '>');
    lines.pop();
    lines.push('', 'Cited on:', '');
    for (const c of e.citedAt) lines.push(`- ${c.where}: “${c.excerpt}”`);
    lines.push('');
  }
  lines.push(ANNEX_END);
  return lines.join('\n');
}

export function annexHtml(annex: Annex, title = 'Annex: paragraphs cited'): string {
  const h = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const parts = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8"><title>' + h(title) + '</title></head><body>', `<h2>${h(title)}</h2>`];
  if (annex.broken.length) {
    parts.push('<h3>Citations that could not be verified</h3><ul>');
    for (const b of annex.broken) parts.push(`<li>${h(b.at.where)}: “${h(b.text)}” — ${h(b.message)}</li>`);
    parts.push('</ul>');
  }
  for (const e of annex.entries) {
    parts.push(`<section><h3>${h(e.citation)}</h3>`);
    parts.push(`<p><em>${h([`${e.instrument} — ${e.title}`, e.symbol, e.date].filter(Boolean).join(' · '))}</em></p>`);
    parts.push(`<blockquote>${e.text.split('\n').map((l) => `<p>${h(l)}</p>`).join('')}</blockquote>`);
    parts.push(`<p>Cited on:</p><ul>${e.citedAt.map((c) => `<li>${h(c.where)}: “${h(c.excerpt)}”</li>`).join('')}</ul></section>`);
  }
  parts.push('</body></html>', '');
  return parts.join('\n');
}
