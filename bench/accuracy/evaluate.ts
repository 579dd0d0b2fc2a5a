// The accuracy benchmark: realistic drafts with hand-checked expectations (one TSV row per citation
// and per look-alike), compared with what the language service reads. Shared by `npm run accuracy`
// and the test that forbids losing a case the committed baseline gets right.

import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Citation } from '../../server/src/citations/model';
import { formatCitation } from '../../server/src/citations/format';
import type { ParagraphRef } from '../../server/src/corpus/corpus';
import { numberToRoman } from '../../server/src/corpus/text';
import type { LanguageService } from '../../server/src/service';

export const DRAFTS_DIR = join(__dirname, 'drafts');
export const BASELINE_FILE = join(__dirname, '..', 'accuracy-baseline.json');

/** What a row expects: paragraphs, a whole instrument, a flag, "outside the corpus", or nothing at all. */
export type Expectation =
  | { kind: 'targets'; targets: string[] }
  | { kind: 'whole'; name: string }
  | { kind: 'broken' }
  | { kind: 'excerpt' }
  | { kind: 'outside' }
  | { kind: 'none' };

export interface Row {
  file: string;
  line: number;
  text: string;
  expect: Expectation;
  raw: string;
}

export interface Outcome {
  row: Row;
  /** A citation (other than an out-of-corpus reading of a look-alike) covers the row's text. */
  recognised: boolean;
  right: boolean;
  /** What the service made of it, for the report. */
  got: string;
}

export interface FileResult {
  file: string;
  outcomes: Outcome[];
  /** Citations read where the expectations list nothing: false alarms unless outside the corpus. */
  unlisted: { line: number; text: string; got: string }[];
}

const PROBLEM_STATUSES = new Set(['unknown-paragraph', 'unknown-instrument', 'unknown-section', 'wrong-kind', 'report-paragraph', 'misprint', 'ambiguous', 'malformed']);

export function parseExpectations(file: string, tsv: string): Row[] {
  const rows: Row[] = [];
  tsv.split(/\r?\n/).forEach((lineText, i) => {
    if (!lineText.trim() || lineText.startsWith('#')) return;
    const cells = lineText.split('\t');
    if (cells.length < 3) throw new Error(`${file}.expect.tsv:${i + 1}: expected LINE<TAB>TEXT<TAB>EXPECT`);
    const [line, text, raw] = [Number(cells[0]), cells[1], cells.slice(2).join('\t').trim()];
    if (!Number.isInteger(line) || line < 1 || !text) throw new Error(`${file}.expect.tsv:${i + 1}: bad line number or empty text`);
    rows.push({ file, line, text, expect: parseExpect(raw, `${file}.expect.tsv:${i + 1}`), raw });
  });
  return rows;
}

function parseExpect(raw: string, where: string): Expectation {
  if (raw === 'broken' || raw === 'excerpt' || raw === 'outside' || raw === 'none') return { kind: raw };
  if (raw.startsWith('whole ')) return { kind: 'whole', name: raw.slice(6).trim() };
  const targets = raw.split(/\s*;\s*/).filter(Boolean);
  if (!targets.length) throw new Error(`${where}: empty expectation`);
  return { kind: 'targets', targets };
}

/** A paragraph in the benchmark's notation: "I.38", "Part B VI.9.a", "France 9.a". */
export function targetKey({ document, paragraph }: ParagraphRef): string {
  if (document.kind === 'draft-resolution') return `France ${paragraph.path.join('.')}`;
  return formatCitation(document, paragraph, 'compendium');
}

function wholeKey(c: Citation): string {
  const d = c.documents[0];
  if (!d) return '?';
  if (d.kind === 'wg-recommendations') return `meeting ${numberToRoman(d.session ?? 0).toUpperCase()}`;
  if (d.kind === 'draft-resolution') return 'France';
  return d.name;
}

/** What the service made of a citation, in the expectations' notation. */
export function describeReading(c: Citation): string {
  if (c.status === 'out-of-corpus') return 'outside';
  if (c.status === 'excerpt') return 'excerpt';
  if (PROBLEM_STATUSES.has(c.status)) return `broken (${c.status})`;
  if (!c.members.length) return `whole ${wholeKey(c)}`;
  return c.members.map((m) => (m.target ? targetKey(m.target) : '?')).join('; ');
}

function isRight(expect: Expectation, covering: Citation[]): boolean {
  const c = covering[0];
  switch (expect.kind) {
    case 'none':
      return covering.every((x) => x.status === 'out-of-corpus');
    case 'outside':
      return !!c && c.status === 'out-of-corpus';
    case 'excerpt':
      return !!c && c.status === 'excerpt';
    case 'broken':
      return covering.some((x) => PROBLEM_STATUSES.has(x.status));
    case 'whole':
      return !!c && c.status === 'resolved' && c.members.length === 0 && wholeKey(c) === expect.name;
    case 'targets': {
      // A list may be read as one citation or as one per member ("recs. IV.2 and IV.8"): every member counts.
      if (!c || covering.some((x) => x.status !== 'resolved' || !x.members.length)) return false;
      const got = new Set(covering.flatMap((x) => x.members.map((m) => (m.target ? targetKey(m.target) : '?'))));
      return got.size === expect.targets.length && expect.targets.every((t) => got.has(t));
    }
  }
}

export function evaluateFile(service: LanguageService, file: string, text: string, rows: Row[]): FileResult {
  const document = TextDocument.create(`file:///accuracy/${file}.md`, 'markdown', 1, text);
  const citations = service.getCitations(document);
  const used = new Set<Citation>();
  const outcomes = rows.map((row): Outcome => {
    const lineStart = document.offsetAt({ line: row.line - 1, character: 0 });
    const lineEnd = row.line < document.lineCount ? document.offsetAt({ line: row.line, character: 0 }) : text.length;
    const column = text.slice(lineStart, lineEnd).indexOf(row.text);
    if (column < 0) throw new Error(`${file}.md:${row.line}: "${row.text}" is not on that line`);
    const start = lineStart + column;
    const end = start + row.text.length;
    // Every citation touching the row's text, the one covering most of it first.
    const covering = citations
      .filter((c) => c.range.start < end && c.range.end > start)
      .sort((a, b) => overlap(b, start, end) - overlap(a, start, end));
    covering.forEach((c) => used.add(c));
    const recognised = covering.some((c) => row.expect.kind !== 'none' || c.status !== 'out-of-corpus');
    return { row, recognised, right: isRight(row.expect, covering), got: covering.length ? covering.map(describeReading).join(' | ') : 'nothing' };
  });
  const unlisted = citations
    .filter((c) => !used.has(c))
    .map((c) => ({ line: document.positionAt(c.range.start).line + 1, text: c.text.replace(/\s+/g, ' '), got: describeReading(c) }));
  return { file, outcomes, unlisted };
}

function overlap(c: Citation, start: number, end: number): number {
  return Math.min(c.range.end, end) - Math.max(c.range.start, start);
}

export function draftNames(dir = DRAFTS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expect.tsv'))
    .map((f) => basename(f, '.expect.tsv'))
    .sort();
}

export function evaluateAll(service: LanguageService, dir = DRAFTS_DIR): FileResult[] {
  return draftNames(dir).map((name) => {
    const rows = parseExpectations(name, readFileSync(join(dir, `${name}.expect.tsv`), 'utf8'));
    return evaluateFile(service, name, readFileSync(join(dir, `${name}.md`), 'utf8'), rows);
  });
}

export interface Summary {
  citations: number;
  recognised: number;
  resolvedRight: number;
  broken: number;
  brokenFlagged: number;
  lookAlikes: number;
  falseAlarms: number;
}

export function summarise(outcomes: Outcome[], unlisted: FileResult['unlisted']): Summary {
  const citations = outcomes.filter((o) => o.row.expect.kind !== 'none');
  const broken = outcomes.filter((o) => o.row.expect.kind === 'broken');
  const lookAlikes = outcomes.filter((o) => o.row.expect.kind === 'none');
  return {
    citations: citations.length,
    recognised: citations.filter((o) => o.recognised).length,
    resolvedRight: citations.filter((o) => o.right).length,
    broken: broken.length,
    brokenFlagged: broken.filter((o) => o.right).length,
    lookAlikes: lookAlikes.length,
    falseAlarms: lookAlikes.filter((o) => !o.right).length + unlisted.filter((u) => u.got !== 'outside').length,
  };
}

/** A case's stable name in the baseline: file, line and text. */
export function caseKey(o: Outcome): string {
  return `${o.row.file}:${o.row.line}:${o.row.text}`;
}

export interface Baseline {
  /** Case → right in the committed run. */
  cases: Record<string, boolean>;
  /** Unlisted readings (false alarms) in the committed run, per file. */
  unlisted: Record<string, number>;
}

export function toBaseline(results: FileResult[]): Baseline {
  const cases: Record<string, boolean> = {};
  const unlisted: Record<string, number> = {};
  for (const r of results) {
    for (const o of r.outcomes) cases[caseKey(o)] = o.right;
    unlisted[r.file] = r.unlisted.filter((u) => u.got !== 'outside').length;
  }
  return { cases, unlisted };
}

/** Cases right now but not in the baseline, and cases right in the baseline but not now. */
export function compare(results: FileResult[], baseline: Baseline): { gained: Outcome[]; lost: Outcome[]; newFalseAlarms: string[] } {
  const gained: Outcome[] = [];
  const lost: Outcome[] = [];
  const newFalseAlarms: string[] = [];
  for (const r of results) {
    for (const o of r.outcomes) {
      const before = baseline.cases[caseKey(o)];
      if (o.right && before !== true) gained.push(o);
      if (!o.right && before === true) lost.push(o);
    }
    const now = r.unlisted.filter((u) => u.got !== 'outside').length;
    if (now > (baseline.unlisted[r.file] ?? 0)) newFalseAlarms.push(`${r.file}: ${now} unlisted readings (baseline ${baseline.unlisted[r.file] ?? 0})`);
  }
  return { gained, lost, newFalseAlarms };
}
