// Diagnostics: one pipeline of checkers (citations, quotations, and any later check), each turning a
// document into diagnostics with a stable code, a precise range and a message; the pipeline applies
// what is common once: the enabled switch, the size limit, severities, suppression comments, and a
// cache per document version and settings.

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

/** A finding before severities and suppressions: the pipeline decides whether and how it is shown. */
export interface Finding {
  code: DiagnosticCode;
  range: Range;
  message: string;
  data: DiagnosticData;
}

/** One check of a document. `codes` lets the pipeline skip a checker whose codes are all off. */
export interface DiagnosticChecker {
  readonly name: string;
  readonly codes: readonly DiagnosticCode[];
  check(document: TextDocumentLike, settings: Settings): Finding[];
  /** Drops what the checker keeps for a closed document. */
  forget?(uri: string): void;
}

export function codeOf(c: Citation): DiagnosticCode | undefined {
  return c.status === 'resolved' ? undefined : (`citation.${c.status}` as DiagnosticCode);
}

export function severityOf(settings: Settings, code: DiagnosticCode): DiagnosticSeverity | undefined {
  const s = settings.diagnostics.severity[code];
  return s === 'off' ? undefined : SEVERITY[s];
}

/** Unresolved citations: one finding each, on the failing item of a list where there is one. */
export class CitationChecker implements DiagnosticChecker {
  readonly name = 'citations';
  readonly codes: readonly DiagnosticCode[] = [
    'citation.unknown-paragraph', 'citation.unknown-instrument', 'citation.unknown-section', 'citation.wrong-kind', 'citation.report-paragraph',
    'citation.excerpt', 'citation.misprint', 'citation.ambiguous', 'citation.malformed', 'citation.out-of-corpus',
  ];

  constructor(private readonly citations: CitationCache) {}

  check(document: TextDocumentLike): Finding[] {
    const out: Finding[] = [];
    for (const c of this.citations.get(document)) {
      const code = codeOf(c);
      if (!code) continue;
      const failing = c.members.find((m) => m.problem);
      const range = toRange(document, failing && c.items.length > 1 ? failing.item.range : c.range);
      out.push({ range, code, message: c.message ?? `${c.text}: ${c.status}`, data: { suggestions: c.suggestions } });
    }
    return out;
  }
}

/** Runs every checker once per document version and settings, then applies what is common to all. */
export class DiagnosticsPipeline {
  private readonly cache = new Map<string, { version: number; text: string; settings: Settings; diagnostics: Diagnostic[] }>();

  constructor(private readonly checkers: readonly DiagnosticChecker[]) {}

  run(document: TextDocumentLike, settings: Settings): Diagnostic[] {
    if (!settings.diagnostics.enabled) return [];
    const text = document.getText();
    const known = this.cache.get(document.uri);
    if (known && known.version === document.version && known.settings === settings && known.text === text) return known.diagnostics;
    const diagnostics = this.compute(document, text, settings);
    this.cache.set(document.uri, { version: document.version, text, settings, diagnostics });
    return diagnostics;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    for (const checker of this.checkers) checker.forget?.(uri);
  }

  private compute(document: TextDocumentLike, text: string, settings: Settings): Diagnostic[] {
    if (text.length > settings.maxFileSize) {
      const severity = severityOf(settings, 'document.too-large');
      return severity ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code: 'document.too-large', source: SOURCE, message: `This document has ${text.length.toLocaleString('en')} characters, more than the ${settings.maxFileSize.toLocaleString('en')} set in unCitations.maxFileSize: citations are not checked.` }] : [];
    }
    const suppressions = findSuppressions(text);
    if (suppressions.file) return [];
    const out: Diagnostic[] = [];
    for (const checker of this.checkers) {
      if (checker.codes.every((code) => !severityOf(settings, code))) continue; // switched off: no work
      for (const f of checker.check(document, settings)) {
        const severity = severityOf(settings, f.code);
        if (!severity || suppressions.lines.has(f.range.start.line)) continue;
        out.push({ range: f.range, severity, code: f.code, source: SOURCE, message: f.message, data: f.data });
      }
    }
    // In document order, whichever checker found them (stable: ties keep the checkers' order).
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
