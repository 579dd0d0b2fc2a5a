// Code actions: quick fixes that replace a broken citation with the closest valid ones, and
// rewrites of a resolved citation into its other forms ("VII.14" ↔ "recommendation 14 of the
// seventh meeting", "CTOC/COP/WG.7/2012/6, para 41" ↔ "I.38", "Resolution 5/3, para 9" ↔ "Part B V.9").

import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { CITATION_STYLES, formatCitation } from '../citations/format';
import type { Citation } from '../citations/model';
import type { CorpusQueries } from '../corpus/corpus';
import type { DiagnosticData } from './diagnostics';
import { type CitationCache, type TextDocumentLike, toRange } from './documents';

export class CodeActionProvider {
  constructor(private readonly citations: CitationCache, private readonly corpus: CorpusQueries) {}

  provideCodeActions(document: TextDocumentLike, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const data = diagnostic.data as DiagnosticData | undefined;
      for (const fix of data?.fixes ?? []) {
        actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: [{ range: fix.range, newText: fix.newText }] } } });
      }
      if (!data?.suggestions?.length) continue;
      const citation = this.citations.at(document, document.offsetAt(diagnostic.range.start));
      if (!citation) continue;
      data.suggestions.forEach((suggestion, i) =>
        actions.push({
          title: `Replace with "${suggestion}"`,
          kind: 'quickfix',
          diagnostics: [diagnostic],
          isPreferred: i === 0,
          edit: { changes: { [document.uri]: [{ range: toRange(document, citation.range), newText: suggestion }] } },
        }),
      );
    }
    const citation = this.citations.at(document, document.offsetAt(range.start));
    if (citation && citation.status === 'resolved') {
      for (const form of this.alternatives(citation)) {
        actions.push({
          title: `Rewrite as "${form}"`,
          kind: 'refactor.rewrite',
          edit: { changes: { [document.uri]: [{ range: toRange(document, citation.range), newText: form }] } },
        });
      }
    }
    return actions;
  }

  /** Other ways to write the same single-paragraph citation. */
  alternatives(citation: Citation): string[] {
    if (citation.members.length !== 1 || !citation.members[0].target) return [];
    const target = citation.members[0].target;
    const primary = this.corpus.copiesOf(target).find((c) => c.document.origin.compendium) ?? target;
    const forms = new Set<string>();
    for (const style of CITATION_STYLES) forms.add(formatCitation(primary.document, primary.paragraph, style));
    for (const report of this.corpus.reportCitationsOf(primary)) forms.add(report);
    forms.delete(citation.text);
    return [...forms].filter((f) => f.replace(/\s+/g, ' ') !== citation.text.replace(/\s+/g, ' '));
  }
}
