// Diagnostics: one pipeline of checkers (citations, quotations, and any later check), each turning a
// document into diagnostics with a stable code, a precise range and a message; the pipeline applies
// what is common once: the enabled switch, the size limit, severities, suppression comments, and a
// cache per document version and settings.

import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { Citation, TextRange } from '../citations/model';
import { findSuppressions } from '../citations/suppressions';
import type { DiagnosticCode, SeveritySetting, Settings } from '../settings';
import { describeCitation } from './describe';
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

/** A finding before severities and suppressions, in offsets: the pipeline decides whether and how it is shown. */
export interface Finding {
  code: DiagnosticCode;
  range: TextRange;
  message: string;
  suggestions?: string[];
  /** Other edits that fix the problem (the source's exact words for a misquote). */
  fixes?: { title: string; range: TextRange; newText: string }[];
}

/**
 * One check of a document. `codes` lets the pipeline skip a checker whose codes are all off.
 * Findings sit inside one block (text between blank lines) and depend on that block alone, unless
 * `reachesAcross` says an edit may change findings in other blocks too; so after an edit the pipeline
 * asks only for the rescanned blocks (`region`) and keeps the rest.
 */
export interface DiagnosticChecker {
  readonly name: string;
  readonly codes: readonly DiagnosticCode[];
  /** The findings in `region` (whole blocks), or in the whole document. */
  check(document: TextDocumentLike, settings: Settings, region?: TextRange): Finding[];
  /** Whether replacing `oldText` by `newText` (the edited blocks) can change findings outside them. */
  reachesAcross?(oldText: string, newText: string): boolean;
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

  check(document: TextDocumentLike, _settings: Settings, region?: TextRange): Finding[] {
    const out: Finding[] = [];
    const citations = region ? this.citations.between(document, region.start, region.end).filter((c) => c.range.start >= region.start) : this.citations.get(document);
    for (const c of citations) {
      const code = codeOf(c);
      if (!code) continue;
      const failing = c.members.find((m) => m.problem);
      const range = failing && c.items.length > 1 ? failing.item.range : c.range;
      out.push({ range, code, message: describeCitation(c) ?? `${c.text}: ${c.status}`, suggestions: c.suggestions });
    }
    return out;
  }
}

/** A shown diagnostic and where its range starts in the text, to keep or move it after an edit. */
interface Placed {
  start: number;
  /** Where its fixes start: a fix may sit in another block (a footnote's citation). */
  fixes?: number[];
  diagnostic: Diagnostic;
}

interface Known {
  version: number;
  text: string;
  settings: Settings;
  diagnostics: Diagnostic[];
  placed: Placed[];
  /** Checked whole and not built on: too large, or silenced by an "un-cite-disable" comment. */
  whole?: boolean;
}

/**
 * Runs every checker once per document version and settings, then applies what is common to all.
 * After an edit it checks only the blocks the scan redid and keeps every other diagnostic: the same
 * objects when no line moved (so an unchanged list is seen as unchanged), moved by lines otherwise.
 */
export class DiagnosticsPipeline {
  private readonly cache = new Map<string, Known>();

  constructor(
    private readonly checkers: readonly DiagnosticChecker[],
    /** What changed between versions; without it every version is checked whole. */
    private readonly citations?: Pick<CitationCache, 'changeSince'>,
  ) {}

  run(document: TextDocumentLike, settings: Settings): Diagnostic[] {
    if (!settings.diagnostics.enabled) return [];
    const text = document.getText();
    const known = this.cache.get(document.uri);
    if (known && known.version === document.version && known.settings === settings && known.text === text) return known.diagnostics;
    const next = (known && known.settings === settings && this.update(document, text, settings, known)) || this.compute(document, text, settings);
    this.cache.set(document.uri, next);
    return next.diagnostics;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    for (const checker of this.checkers) checker.forget?.(uri);
  }

  private active(settings: Settings): DiagnosticChecker[] {
    return this.checkers.filter((checker) => checker.codes.some((code) => severityOf(settings, code))); // switched off: no work
  }

  private compute(document: TextDocumentLike, text: string, settings: Settings): Known {
    const known = (diagnostics: Diagnostic[], placed?: Placed[]): Known => ({ version: document.version, text, settings, diagnostics, placed: placed ?? [], whole: !placed });
    if (text.length > settings.maxFileSize) {
      const severity = severityOf(settings, 'document.too-large');
      return known(severity ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code: 'document.too-large', source: SOURCE, message: `This document has ${text.length.toLocaleString('en')} characters, more than the ${settings.maxFileSize.toLocaleString('en')} set in unCitations.maxFileSize: citations are not checked.` }] : []);
    }
    const suppressions = findSuppressions(text);
    if (suppressions.file) return known([]);
    const placed = this.place(document, settings, undefined).filter((p) => !suppressions.lines.has(p.diagnostic.range.start.line));
    return known(placed.map((p) => p.diagnostic), placed);
  }

  /**
   * The diagnostics after an edit from those of the version before, when the edit stays inside its
   * blocks for every checker; undefined when it may not (the whole document is checked instead).
   */
  private update(document: TextDocumentLike, text: string, settings: Settings, known: Known): Known | undefined {
    if (known.whole || text.length > settings.maxFileSize) return undefined;
    const change = this.citations?.changeSince(document, known.version);
    if (!change) return undefined;
    const oldSpan = known.text.slice(change.start, change.oldEnd);
    const newSpan = text.slice(change.start, change.newEnd);
    // A suppression comment typed or deleted changes lines outside the blocks, or the whole file.
    if (oldSpan.includes('un-cite-disable') || newSpan.includes('un-cite-disable')) return undefined;
    const checkers = this.active(settings);
    if (checkers.some((c) => c.reachesAcross?.(oldSpan, newSpan))) return undefined;

    const region = { start: change.start, end: change.newEnd };
    const fresh = this.place(document, settings, region, checkers);
    const delta = change.newEnd - change.oldEnd;
    const lines = lineBreaks(newSpan) - lineBreaks(oldSpan);
    const placed: Placed[] = [];
    // A kept diagnostic's fix in the edited blocks would be stale: check the whole document then.
    // (Closures made once, not per diagnostic: a keystroke in a long draft walks thousands.)
    const edited = (offset: number) => offset >= change.start && offset < change.oldEnd;
    if (known.placed.some((p) => !edited(p.start) && p.fixes?.some(edited))) return undefined;
    // What lies after the edited blocks moves by `delta` characters and `lines` lines; what lies before stays.
    const after = (offset: number) => offset >= change.oldEnd;
    const move = (p: Placed, by: number): Placed => {
      if (!by && !lines) return p;
      if (!after(p.start) && !p.fixes?.some(after)) return p;
      return { start: after(p.start) ? p.start + by : p.start, fixes: p.fixes?.map((f) => (after(f) ? f + by : f)), diagnostic: moveLines(p.diagnostic, lines, after(p.start), p.fixes?.map(after) ?? []) };
    };
    let i = 0;
    for (; i < known.placed.length && known.placed[i].start < change.start; i++) placed.push(move(known.placed[i], delta));
    const replaced = i;
    while (i < known.placed.length && known.placed[i].start < change.oldEnd) i++;
    // A diagnostic of the edited blocks that reads as before stays the same object.
    const previous = new Map<string, Diagnostic>();
    for (let k = replaced; k < i; k++) previous.set(JSON.stringify(known.placed[k].diagnostic), known.placed[k].diagnostic);
    for (const p of fresh) placed.push({ ...p, diagnostic: previous.get(JSON.stringify(p.diagnostic)) ?? p.diagnostic });
    for (; i < known.placed.length; i++) placed.push(move(known.placed[i], delta));
    // Unchanged diagnostics are the same objects: an unchanged list is returned as the same list.
    const same = placed.length === known.placed.length && placed.every((p, k) => p.diagnostic === known.placed[k].diagnostic);
    const diagnostics = same ? known.diagnostics : placed.map((p) => p.diagnostic);
    return { version: document.version, text, settings, diagnostics, placed };
  }

  /** Each active checker's findings (in `region`, or everywhere) as diagnostics, in document order. */
  private place(document: TextDocumentLike, settings: Settings, region: TextRange | undefined, checkers = this.active(settings)): Placed[] {
    const out: Placed[] = [];
    for (const checker of checkers) {
      for (const f of checker.check(document, settings, region)) {
        const severity = severityOf(settings, f.code);
        if (!severity) continue;
        const data: DiagnosticData = { suggestions: f.suggestions ?? [] };
        if (f.fixes) data.fixes = f.fixes.map((x) => ({ title: x.title, range: toRange(document, x.range), newText: x.newText }));
        out.push({ start: f.range.start, fixes: f.fixes?.map((x) => x.range.start), diagnostic: { range: toRange(document, f.range), severity, code: f.code, source: SOURCE, message: f.message, data } });
      }
    }
    // In document order, whichever checker found them (stable: ties keep the checkers' order).
    return out.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
  }
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A diagnostic `by` lines further on: its range if `range`, and the fixes marked in `fixes`. */
function moveLines(d: Diagnostic, by: number, range: boolean, fixes: boolean[]): Diagnostic {
  if (!by) return d;
  const move = (r: Range): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });
  const data = d.data as DiagnosticData;
  return { ...d, range: range ? move(d.range) : d.range, data: data.fixes ? { ...data, fixes: data.fixes.map((f, k) => (fixes[k] ? { ...f, range: move(f.range) } : f)) } : data };
}
