// `un-cite show`, `un-cite search` and `un-cite corpus`: the corpus from a terminal.

import { type CitationStyle, formatCitation, paragraphTitle } from '../citations/format';
import { countParagraphs } from '../corpus/check';
import { compendiumLabel } from '../corpus/corpus';
import { describeCitation } from '../features/describe';
import type { LanguageService } from '../service';
import { isAbsolute, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Prints the paragraphs a citation names, or why it names none. Returns the exit code. */
export function show(service: LanguageService, citationText: string, out: (s: string) => void, dataDirLabel: string): number {
  const citations = service.getCitations(TextDocument.create('untitled:show', 'markdown', 1, citationText));
  if (citations.length === 0) {
    out(`"${citationText}" is not a citation un-cite recognises. Try forms like "Resolution 5/3, para 9", "VII.14" or "CTOC/COP/WG.7/2012/6, para 41".\n`);
    return 1;
  }
  let code = 0;
  for (const c of citations) {
    if (c.status !== 'resolved') {
      out(`${c.text}: ${describeCitation(c) ?? c.status}\n`);
      if (c.suggestions.length) out(`  did you mean: ${c.suggestions.join(' | ')}\n`);
      for (const cand of c.candidates ?? []) out(`  candidate: ${paragraphTitle(cand.document, cand.paragraph)}\n`);
      code = 1;
      continue;
    }
    if (c.members.length === 0) {
      for (const d of c.documents) out(`${d.name} — ${d.title}\n  ${[d.sessionName, d.symbol].filter(Boolean).join(' · ')}\n  ${where(d.origin.file, dataDirLabel)}:${d.origin.heading.start.line + 1}\n`);
      continue;
    }
    for (const m of c.members) {
      const { document: d, paragraph: p } = m.target!;
      const label = compendiumLabel(d, p);
      const name = formatCitation(d, p, d.kind === 'wg-recommendations' ? 'words' : 'full');
      const lineage = service.lineageOf({ document: d, paragraph: p });
      out(`${name}${label && label !== name ? ` (${label})` : ''}\n${p.text}\n  ${where(p.location.file, dataDirLabel)}:${p.location.start.line + 1}:${p.location.start.character + 1}\n${lineage.length ? `  same wording also in: ${lineage.join(' → ')}\n` : ''}\n`);
    }
  }
  return code;
}

/** A built-in file under data/, or a user's document by its path from here. */
function where(file: string, dataDirLabel: string): string {
  return isAbsolute(file) ? relative(process.cwd(), file) || file : `${dataDirLabel}/${file}`;
}

export function search(service: LanguageService, words: string, limit: number, style: CitationStyle, out: (s: string) => void): number {
  const hits = service.search(words, limit, style);
  if (hits.length === 0) {
    out(`No paragraph matches "${words}".\n`);
    return 1;
  }
  for (const r of hits) out(`${r.citation}\n  ${r.snippet}\n`);
  return 0;
}

export function corpusTable(service: LanguageService, out: (s: string) => void): number {
  const rows = service.corpus.documents.map((d) => {
    const c = countParagraphs(d);
    return [d.id, d.name, d.symbol ?? '—', String(c.preambular || '—'), String(c.operative), String(c.subparagraphs || '—')];
  });
  const header = ['id', 'document', 'symbol', 'PP', 'paragraphs', 'subparagraphs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  out(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  const problems = service.summary().problems;
  if (problems.length) out(`\nCorpus problems:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  return problems.length ? 2 : 0;
}
