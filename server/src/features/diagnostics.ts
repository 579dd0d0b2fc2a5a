// Diagnostics: one per citation the resolver could not resolve, with a stable code, a precise
// range (the failing item where there is one) and the resolver's message; severities from settings.

import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { Citation } from '../citations/model';
import { findSuppressions } from '../citations/suppressions';
import type { DiagnosticCode, SeveritySetting, Settings } from '../settings';
import { type CitationCache, type TextDocumentLike, toRange } from './documents';

export const SOURCE = 'un-citations';

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** What quick fixes need, carried in `Diagnostic.data`. */
export interface DiagnosticData {
  /** Whole-citation replacements. */
  suggestions: string[];
  /** Other edits that fix the problem (the source's exact words for a misquote). */
  fixes?: { title: string; range: Range; newText: string }[];
}

export function codeOf(c: Citation): DiagnosticCode | undefined {
  return c.status === 'resolved' ? undefined : (`citation.${c.status}` as DiagnosticCode);
}

export function severityOf(settings: Settings, code: DiagnosticCode): DiagnosticSeverity | undefined {
  const s = settings.diagnostics.severity[code];
  return s === 'off' ? undefined : SEVERITY[s];
}

export class DiagnosticsProvider {
  constructor(private readonly citations: CitationCache) {}

  provideDiagnostics(document: TextDocumentLike, settings: Settings, extra: Diagnostic[] = []): Diagnostic[] {
    if (!settings.diagnostics.enabled) return [];
    const text = document.getText();
    if (text.length > settings.maxFileSize) {
      const severity = severityOf(settings, 'document.too-large');
      return severity ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code: 'document.too-large', source: SOURCE, message: `This document has ${text.length.toLocaleString('en')} characters, more than the ${settings.maxFileSize.toLocaleString('en')} set in unCitations.maxFileSize: citations are not checked.` }] : [];
    }
    const suppressions = findSuppressions(text);
    if (suppressions.file) return [];
    const out: Diagnostic[] = [];
    for (const c of this.citations.get(document)) {
      const code = codeOf(c);
      const severity = code && severityOf(settings, code);
      if (!code || !severity) continue;
      const failing = c.members.find((m) => m.problem);
      const range = toRange(document, failing && c.items.length > 1 ? failing.item.range : c.range);
      if (suppressions.lines.has(range.start.line)) continue;
      const data: DiagnosticData = { suggestions: c.suggestions };
      out.push({ range, severity, code, source: SOURCE, message: c.message ?? `${c.text}: ${c.status}`, data });
    }
    for (const d of extra) if (!suppressions.lines.has(d.range.start.line)) out.push(d);
    return out;
  }
}
