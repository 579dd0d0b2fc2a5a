// The corpus check: every anomaly the parsers and the cross-checks find, each with a stable id so
// a reviewed allow-list can explain the ones that are real features of the source.

import { type Corpus, resolveCompendiumRef } from './corpus';
import type { CorpusDocument } from './model';

export interface Anomaly {
  /** Stable id for the allow-list: "<code>@<file>:<line>" plus a detail where one line holds several. */
  id: string;
  code: string;
  message: string;
  file: string;
  line?: number;
}

export interface DocumentCounts {
  id: string;
  name: string;
  symbol?: string;
  preambular: number;
  operative: number;
  subparagraphs: number;
}

export interface CheckReport {
  counts: DocumentCounts[];
  indexReferences: number;
  indexResolved: number;
  topics: number;
  reportParagraphs: number;
  anomalies: Anomaly[];
}

export function countParagraphs(d: CorpusDocument): DocumentCounts {
  const count = (kind: string) => d.paragraphs.filter((p) => p.kind === kind).length;
  return { id: d.id, name: d.name, symbol: d.symbol, preambular: count('preambular'), operative: count('operative'), subparagraphs: count('subparagraph') };
}

export function checkCorpus(corpus: Corpus): CheckReport {
  const anomalies: Anomaly[] = [];
  const add = (a: Omit<Anomaly, 'id'>, detail = '') =>
    anomalies.push({ ...a, id: `${a.code}@${a.file}${a.line !== undefined ? `:${a.line + 1}` : ''}${detail ? `#${detail}` : ''}` });

  for (const p of corpus.problems) add({ code: p.code, message: p.message, file: p.file, line: p.line });

  const indexFile = corpus.index ? [...corpus.sections.values()][0]?.origin.file ?? '' : '';
  for (const entry of corpus.indexEntries) {
    if (entry.target) continue;
    const printed = corpus.index?.pairs.find((p) => p.ref === entry.ref);
    const hint = printed
      ? `; the row's own column prints ${printed.instrument ? `${printed.instrument} ` : ''}${formatPrinted(printed.printed)}, i.e. ${entry.ref.text.split('.')[0]}.${printed.printed.join('.')}`
      : '';
    add({ code: 'index-unresolved', message: `"${entry.ref.text}" (Part ${entry.ref.part}, topic "${entry.topic}") names no paragraph${hint}`, file: indexFile, line: entry.ref.line }, entry.ref.text);
  }

  checkPrintedNumbers(corpus, indexFile, add);

  for (const diff of corpus.copyDifferences) {
    const first = corpus.byId.get(diff.documents[0]);
    add({ code: `copy-${diff.kind}`, message: `${first?.name ?? diff.instrumentId} ${diff.key}: the copies ${diff.documents.join(' and ')} differ ${diff.detail}`, file: first?.origin.file ?? '' }, `${diff.instrumentId}/${diff.key}`);
  }

  return {
    counts: corpus.documents.map(countParagraphs),
    indexReferences: corpus.indexEntries.length,
    indexResolved: corpus.indexEntries.filter((e) => e.target).length,
    topics: corpus.index?.topics.length ?? 0,
    reportParagraphs: [...corpus.reportParagraphs.values()].reduce((n, m) => n + m.size, 0),
    anomalies,
  };
}

/**
 * The index prints, beside each reference, the number the report or instrument gives it. For
 * Part A those are report paragraphs (a fixed offset from the recommendation number within one
 * report) or the recommendation numbers themselves; for Part B the instrument's own labels.
 */
function checkPrintedNumbers(corpus: Corpus, file: string, add: (a: Omit<Anomaly, 'id'>, detail?: string) => void) {
  const pairs = corpus.index?.pairs ?? [];
  const offsets = reportOffsets(corpus);
  for (const pair of pairs) {
    const { ref, printed } = pair;
    const expected = (() => {
      if (ref.part === 'B' || pair.column === 'recommendations') return ref.path;
      const offset = offsets.get(ref.section);
      return offset === undefined ? undefined : [String(Number(ref.path[0]) + offset), ...ref.path.slice(1)];
    })();
    if (!expected || expected.join('.') === printed.join('.')) continue;
    const target = resolveCompendiumRef(corpus.sections, ref);
    if (!target) continue; // reported as index-unresolved, with what the row prints
    const column = pair.column === 'paragraphs' ? (ref.part === 'A' ? 'report paragraph' : 'paragraph') : 'recommendation';
    add(
      {
        code: 'index-printed-number',
        message: `${ref.text} (Part ${ref.part}) is printed with ${column} ${formatPrinted(printed)} where ${formatPrinted(expected)} was expected`,
        file,
        line: ref.line,
      },
      ref.text,
    );
  }
}

/** ["8", "e"] → "8 (e)"; ["b", "iii"] → "(b) (iii)"; ["PP", "5"] → "PP 5". */
function formatPrinted(path: string[]): string {
  if (path[0] === 'PP') return path.join(' ');
  return path.map((p) => (/^\d+$/.test(p) ? p : `(${p})`)).join(' ');
}

/** Per Working Group meeting, the most common difference between report paragraph and recommendation number. */
export function reportOffsets(corpus: Corpus): Map<number, number> {
  const tallies = new Map<number, Map<number, number>>();
  for (const pair of corpus.index?.pairs ?? []) {
    if (pair.ref.part !== 'A' || pair.column !== 'paragraphs') continue;
    const diff = Number(pair.printed[0]) - Number(pair.ref.path[0]);
    if (!Number.isFinite(diff)) continue;
    const t = tallies.get(pair.ref.section) ?? new Map<number, number>();
    t.set(diff, (t.get(diff) ?? 0) + 1);
    tallies.set(pair.ref.section, t);
  }
  return new Map([...tallies].map(([section, t]) => [section, [...t].sort((a, b) => b[1] - a[1])[0][0]]));
}
