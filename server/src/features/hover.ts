// Hover: the instrument, the cited paragraph's exact text and what surrounds it; for a broken
// citation, what is wrong and what exists. All corpus and document text is escaped.

import { paragraphTitle } from '../citations/format';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Citation, CitationMember } from '../citations/model';
import { describeCitation } from './describe';
import { compendiumLabel, paragraphByKey } from '../corpus/corpus';
import type { CorpusDocument, Paragraph } from '../corpus/model';
import type { CorpusQueries, ParagraphRef } from '../corpus/corpus';
import { type CitationCache, type TextDocumentLike, contains, toRange } from './documents';
import { escapeMarkdown, quote } from './markdown';

/** Members shown in full before the rest of a long range or list is folded into labels. */
export const MEMBERS_SHOWN = 5;

export class HoverProvider {
  constructor(
    private readonly citations: CitationCache,
    private readonly corpus: CorpusQueries,
    /** Paragraphs of other instruments with the same wording, named with their year, oldest first. */
    private readonly lineage?: (ref: ParagraphRef) => string[],
  ) {}

  provideHover(document: TextDocumentLike, position: Position): Hover | undefined {
    const offset = document.offsetAt(position);
    const citation = this.citations.at(document, offset);
    if (!citation) return undefined;
    // On one item of a list, show that item; elsewhere, the whole citation.
    const item = citation.items.find((i) => contains(i.range, offset) && citation.items.length > 1);
    const members = item ? citation.members.filter((m) => m.item === item) : citation.members;
    return {
      contents: { kind: 'markdown', value: this.render(citation, members, citation.antecedent && document.positionAt(citation.antecedent.range.start).line) },
      range: toRange(document, item ? item.range : citation.range),
    };
  }

  render(citation: Citation, members: CitationMember[], antecedentLine?: number): string {
    const parts: string[] = [];
    // "ibid.", "(para. 9)": say where the instrument was named, so a wrong antecedent shows at once.
    if (citation.antecedent) parts.push(`*${escapeMarkdown(citation.text.replace(/\s+/g, ' '))}* refers to ${escapeMarkdown(citation.antecedent.text.replace(/\s+/g, ' '))}, named on line ${(antecedentLine ?? 0) + 1}`);
    const document = citation.documents[0];
    if (citation.status === 'out-of-corpus' || !document) {
      parts.push(`**${escapeMarkdown(citation.text.replace(/\s+/g, ' '))}** — ${citation.status === 'out-of-corpus' ? 'not in the corpus' : escapeMarkdown(statusTitle(citation))}`);
      const description = describeCitation(citation);
      if (description) parts.push(escapeMarkdown(description));
      if (citation.suggestions.length) parts.push(`Did you mean ${citation.suggestions.map((s) => `*${escapeMarkdown(s)}*`).join(' or ')}?`);
      return parts.join('\n\n');
    }
    parts.push(this.instrumentHeader(document));
    if (citation.status !== 'resolved') {
      parts.push(`⚠ ${escapeMarkdown(describeCitation(citation) ?? statusTitle(citation))}`);
      if (citation.suggestions.length) parts.push(`Did you mean ${citation.suggestions.map((s) => `*${escapeMarkdown(s)}*`).join(' or ')}?`);
      for (const c of citation.candidates ?? []) parts.push(this.paragraphBlock(c.document, c.paragraph));
    }
    if (members.length === 0 && citation.status === 'resolved') parts.push(this.wholeDocument(citation, document));
    const resolved = members.filter((m) => m.target);
    resolved.slice(0, MEMBERS_SHOWN).forEach((m) => {
      if (m.inferred) parts.push(`Report paragraph ${escapeMarkdown(m.path.join(' '))} is inferred: every pair the thematic index prints for this report differs by the same offset.`);
      parts.push(this.paragraphBlock(m.target!.document, m.target!.paragraph));
    });
    if (resolved.length > MEMBERS_SHOWN) {
      const rest = resolved.slice(MEMBERS_SHOWN).map((m) => m.target!.paragraph.label);
      parts.push(`… and ${rest.length} more: ${escapeMarkdown(rest.join(', '))}`);
    }
    return parts.join('\n\n');
  }

  private instrumentHeader(d: CorpusDocument): string {
    const facts = [d.sessionName && `${d.kind === 'wg-recommendations' ? 'Working Group on the Smuggling of Migrants' : d.kind === 'draft-resolution' ? 'Conference of the Parties, draft' : 'Conference of the Parties'}, ${d.sessionName}`, d.symbol, d.dates && d.kind === 'draft-resolution' ? `issued ${d.dates}` : undefined]
      .filter(Boolean)
      .map((s) => escapeMarkdown(s!));
    const title = d.title && d.kind !== 'wg-recommendations' ? ` — *${escapeMarkdown(d.title)}*` : '';
    return `**${escapeMarkdown(d.name)}**${title}${facts.length ? `  \n${facts.join(' · ')}` : ''}`;
  }

  private wholeDocument(citation: Citation, d: CorpusDocument): string {
    const count = (kind: string) => d.paragraphs.filter((p) => p.kind === kind).length;
    const pp = count('preambular');
    const parts = [`${count('operative')} ${d.kind === 'wg-recommendations' ? 'recommendations' : 'paragraphs'}`, pp ? `${pp} preambular` : '', count('subparagraph') ? `${count('subparagraph')} subparagraphs` : ''].filter(Boolean);
    const lines = [`${escapeMarkdown(parts.join(', '))}${d.origin.excerpt ? ' (the corpus reproduces an excerpt)' : ''}.`];
    if (d.opening) lines.push(quote(d.opening));
    const copies = citation.documents.map((c) => `${escapeMarkdown(c.origin.file)}, line ${c.origin.heading.start.line + 1}`);
    lines.push(`Source: ${copies.join(' · ')}`);
    return lines.join('\n\n');
  }

  private paragraphBlock(d: CorpusDocument, p: Paragraph): string {
    const label = compendiumLabel(d, p);
    const lines = [`**${escapeMarkdown(paragraphTitle(d, p))}**${label ? ` · ${escapeMarkdown(label)}` : ''}`, quote(p.text)];
    for (const key of p.childKeys) {
      const child = paragraphByKey(d, key);
      if (child) lines.push(quote(`(${child.path[child.path.length - 1]}) ${child.text}`));
    }
    const notes: string[] = [];
    const topics = this.corpus.topicsOf({ document: d, paragraph: p });
    if (topics.length) notes.push(`Thematic index: ${topics.map(escapeMarkdown).join('; ')}`);
    const reports = this.corpus.reportCitationsOf({ document: d, paragraph: p });
    if (reports.length) notes.push(`Also cited as ${reports.map(escapeMarkdown).join('; ')}`);
    const lineage = this.lineage?.(({ document: d, paragraph: p })) ?? [];
    if (lineage.length) notes.push(`Same wording also in: ${lineage.map(escapeMarkdown).join(' → ')}`);
    const all = this.corpus.copiesOf({ document: d, paragraph: p });
    const copies = all.map((c) => `${escapeMarkdown(c.document.origin.file)}, line ${c.paragraph.location.start.line + 1}${all.length > 1 && !c.document.origin.compendium ? ' (standalone copy)' : ''}`);
    notes.push(`Source: ${copies.join(' · ')}`);
    return [...lines, notes.join('  \n')].join('\n\n');
  }
}


function statusTitle(c: Citation): string {
  switch (c.status) {
    case 'unknown-paragraph': return 'no such paragraph';
    case 'unknown-instrument': return 'not in the corpus';
    case 'unknown-section': return 'no such section of the compendium';
    case 'wrong-kind': return 'wrong kind of instrument';
    case 'report-paragraph': return 'a report paragraph without a recommendation';
    case 'excerpt': return 'not in the excerpt the corpus holds';
    case 'misprint': return 'looks like a misprint';
    case 'ambiguous': return 'ambiguous';
    case 'malformed': return 'cannot be read';
    default: return c.status;
  }
}
