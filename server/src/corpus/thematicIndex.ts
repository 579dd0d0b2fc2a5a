// The compendium's thematic index: topics → compendium references, and the meeting reports'
// own paragraph numbers. The PDF table arrives as tab-separated rows whose columns are sometimes
// collapsed onto one line (several meetings in one row) or shifted; we read each row as cells,
// classify every cell by what it holds, and pair references with report numbers by order.

import { appendAll } from '../util/arrays';
import type { CorpusProblem } from './model';
import { expandRange, isSmallRoman } from './labels';
import { numberToRoman, romanToNumber } from './text';

/** A compendium reference: "V.2.k" = Part A, section 5, path ["2", "k"]. */
export interface CompendiumRef {
  part: 'A' | 'B';
  /** Section number (the roman numeral's value). */
  section: number;
  path: string[];
  /** As printed, or as expanded from a range ("III.20" from "III.19–21"). */
  text: string;
  /** Zero-based source line. */
  line: number;
}

export interface IndexTopic {
  name: string;
  line: number;
  references: CompendiumRef[];
}

/** One reference paired with what the row's report columns print for it. */
export interface ReportPair {
  ref: CompendiumRef;
  /** Symbol of the report printed in the row for this reference's section, if any. */
  symbol?: string;
  /** Instrument named in the row ("Decision 1/6"), for Part B. */
  instrument?: string;
  /** The printed paragraph or recommendation number, as a path: ["41"], ["8", "e"], ["b", "iii"]. */
  printed: string[];
  /** Which column it came from. */
  column: 'paragraphs' | 'recommendations';
}

export interface ThematicIndex {
  topics: IndexTopic[];
  pairs: ReportPair[];
  /** "A:1" → "CTOC/COP/WG.7/2012/6", "B:4" → "CTOC/COP/2008/19": report symbol per compendium section. */
  sectionSymbols: Map<string, string>;
  /** "B:4" → "Decision 4/5": the instrument the index names for a Part B section. */
  sectionInstruments: Map<string, string>;
  problems: CorpusProblem[];
}

const COMPONENT = String.raw`(?:\d{1,3}|[a-z]{1,5})`;
/** "VI.PP.1–7", "IX.8.a–c", "II.n.iii", "V.2.k", "I.c–f". */
const REF = new RegExp(String.raw`\b([IVX]{1,6})\.((?:PP\.)?${COMPONENT}(?:\.${COMPONENT}){0,2})(?:\s{0,2}[–-]\s{0,2}(${COMPONENT})\b)?`, 'g');
const SEPARATORS = /^(?:[\s,;]|\band\b)*$/;
const SYMBOL = /\b[A-Z]{1,6}(?:\/[A-Z0-9.]{1,12}){1,6}\b/g;
const INSTRUMENT = /\b(Decision|Resolution) (\d{1,2})\/(\d{1,3})\b/g;

export function sectionKey(part: 'A' | 'B', section: number): string {
  return `${part}:${section}`;
}

export function refText(part: 'A' | 'B', section: number, path: string[]): string {
  return `${numberToRoman(section).toUpperCase()}.${path.join('.')}`;
}

function stripTags(cell: string): string {
  return cell.replace(/<\/?u>/g, '').trim();
}

/** Parses a cell of references; undefined when the cell holds anything else. */
export function parseRefCell(cell: string, part: 'A' | 'B', line: number): CompendiumRef[] | undefined {
  const refs: CompendiumRef[] = [];
  let rest = '';
  let last = 0;
  for (const m of cell.matchAll(REF)) {
    rest += cell.slice(last, m.index);
    last = m.index! + m[0].length;
    const section = romanToNumber(m[1]);
    if (section === undefined) return undefined;
    const path = m[2].split('.');
    if (!m[3]) {
      refs.push({ part, section, path, text: m[0], line });
      continue;
    }
    const expanded = expandRange(path[path.length - 1], m[3]);
    if (!expanded) return undefined;
    for (const value of expanded) {
      const p = [...path.slice(0, -1), value];
      refs.push({ part, section, path: p, text: refText(part, section, p), line });
    }
  }
  rest += cell.slice(last);
  return refs.length > 0 && SEPARATORS.test(rest) ? refs : undefined;
}

/**
 * Report paragraph columns: "24, 25, 28 and 30", "7 (d) and 8 (e) and (f)", "8 (a)–(c)",
 * "PP 1–7; 6, 7", "(n) (iii)". A bare "(f)" continues the number before it.
 */
export function parsePrintedNumbers(cell: string): string[][] | undefined {
  const out: string[][] = [];
  const re = /(PP\s{0,2})?(\d{1,3})?((?:\s{0,2}\([a-z]{1,5}\))*)(?:\s{0,2}[–-]\s{0,2}(\d{1,3}|\([a-z]{1,5}\)))?/y;
  let i = 0;
  let previous: string[] = [];
  while (i < cell.length) {
    const sep = /(?:[\s,;]|and\b)+/y;
    sep.lastIndex = i;
    const s = sep.exec(cell);
    if (s && s[0].length) {
      i += s[0].length;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(cell);
    if (!m || m[0].length === 0) return undefined;
    const start = i;
    i += m[0].length;
    let letters = [...m[3].matchAll(/\(([a-z]{1,5})\)/g)].map((x) => x[1]);
    // Only the first bracket may be a letter; later ones nest as romans ("(j) (ii)"). In
    // "(a) and (b) (b), (f)" the second "(b)" starts the next group of a collapsed row.
    const nested = letters.findIndex((l, k) => k > 0 && !isSmallRoman(l));
    if (nested > 0) {
      const consumed = m[3].split(')').slice(0, nested).join(')') + ')';
      letters = letters.slice(0, nested);
      i = start + (m[1]?.length ?? 0) + (m[2]?.length ?? 0) + consumed.length;
      m[4] = '';
    }
    let path: string[];
    if (m[1]) path = ['PP', m[2] ?? ''];
    else if (m[2]) path = [m[2], ...letters];
    else path = [...inheritedPrefix(previous, letters[0]), ...letters];
    if (m[4]) {
      const to = m[4].replace(/[()]/g, '');
      const expanded = expandRange(path[path.length - 1], to);
      if (!expanded) return undefined;
      for (const v of expanded) out.push([...path.slice(0, -1), v]);
    } else {
      out.push(path);
    }
    previous = path;
  }
  return out;
}

/**
 * What a bare bracket continues: "(f)" after "8 (e)" is 8 (f); "(ii)" after "(j) (i)" is (j) (ii);
 * "(c)" after "(n) (iii)" is a new top-level (c).
 */
function inheritedPrefix(previous: string[], first: string): string[] {
  const isRomanLevel = (k: number) => k > 0 && /^[a-z]/.test(previous[k - 1] ?? '') && isSmallRoman(previous[k]);
  const romanAt = previous.findIndex((_, k) => isRomanLevel(k));
  if (romanAt > 0 && isSmallRoman(first)) return previous.slice(0, romanAt);
  const letterAt = previous.findIndex((c) => /^[a-z]+$/.test(c));
  return letterAt >= 0 ? previous.slice(0, letterAt) : previous.filter((c) => /^\d+$/.test(c));
}

interface Row {
  line: number;
  refs: CompendiumRef[];
  refsCell: number;
  symbols: string[];
  instruments: string[];
  paragraphs?: string[][];
  recommendations?: string[][];
}

export function parseThematicIndex(lines: string[], from: number, to: number, file: string): ThematicIndex {
  const problems: CorpusProblem[] = [];
  const topics: IndexTopic[] = [];
  const rows: Row[] = [];
  let topic: IndexTopic | undefined;
  let part: 'A' | 'B' = 'A';

  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line.includes('\t')) continue; // headings, notes and the back cover are not table rows
    const cells = line.split('\t').map(stripTags);
    if (cells[0] === 'Topic' || cells.some((c) => c === 'Document symbol')) continue;
    const row: Row = { line: i, refs: [], refsCell: -1, symbols: [], instruments: [] };
    cells.forEach((raw, index) => {
      // A collapsed row can switch parts inside one cell: "Part A III.17 V.4.b Part B V.4".
      const segments = raw.split(/(?=\bPart [AB]\b)/);
      if (segments.length > 1 && segments.every((seg) => /^Part [AB]\b/.test(seg) || !seg.trim())) {
        const refs: CompendiumRef[] = [];
        for (const seg of segments) {
          part = seg.startsWith('Part A') ? 'A' : 'B';
          const parsed = seg.slice(6).trim() ? parseRefCell(seg.slice(6).trim(), part, i) : [];
          if (!parsed) break;
          appendAll(refs, parsed);
        }
        if (refs.length) {
          appendAll(row.refs, refs);
          row.refsCell = index;
          return;
        }
      }
      let cell = raw;
      const partMatch = /^Part ([AB])\b\s*/.exec(cell);
      if (partMatch) {
        part = partMatch[1] as 'A' | 'B';
        cell = cell.slice(partMatch[0].length);
      }
      if (!cell) return;
      const refs = parseRefCell(cell, part, i);
      if (refs) {
        appendAll(row.refs, refs);
        row.refsCell = index;
        return;
      }
      if (/CTOC\//.test(cell)) {
        appendAll(row.symbols, (cell.match(SYMBOL) ?? []));
        return;
      }
      if (/\b(?:Decision|Resolution) \d/.test(cell)) {
        appendAll(row.instruments, [...cell.matchAll(INSTRUMENT)].map((m) => m[0]));
        return;
      }
      if (/\d|\(/.test(cell) && /^[\dPa-z\s,;()–-]+$/.test(cell)) {
        const numbers = parsePrintedNumbers(cell);
        if (!numbers) {
          problems.push({ severity: 'warning', code: 'index-unreadable-cell', message: `cannot read "${cell}"`, file, line: i });
          return;
        }
        // Columns after the references: symbol, resolution/decision, paragraphs, recommendations.
        const offset = row.refsCell >= 0 ? index - row.refsCell : -1;
        if (offset === 3) row.paragraphs = numbers;
        else if (offset === 4) row.recommendations = numbers;
        return;
      }
      if (index <= 1 && /^[A-Z]/.test(cell)) {
        if (!topic || topic.name !== cell) {
          topic = { name: cell, line: i, references: [] };
          topics.push(topic);
        }
        return;
      }
      problems.push({ severity: 'warning', code: 'index-unreadable-cell', message: `cannot read "${cell}"`, file, line: i });
    });
    if (row.refs.length === 0) continue;
    if (!topic) {
      problems.push({ severity: 'warning', code: 'index-orphan-row', message: 'references before any topic', file, line: i });
      continue;
    }
    appendAll(topic.references, row.refs);
    rows.push(row);
  }

  const { pairs, sectionSymbols, sectionInstruments } = pairRows(rows, problems, file);
  return { topics: mergeTopics(topics), pairs, sectionSymbols, sectionInstruments, problems };
}

/** A topic printed twice (continued on the next page) is one topic. */
function mergeTopics(topics: IndexTopic[]): IndexTopic[] {
  const byName = new Map<string, IndexTopic>();
  for (const t of topics) {
    const existing = byName.get(t.name);
    if (existing) appendAll(existing.references, t.references);
    else byName.set(t.name, { ...t, references: [...t.references] });
  }
  return [...byName.values()].filter((t) => t.references.length > 0);
}

/** Groups a row's references by section, in order of appearance. */
function groupBySection(refs: CompendiumRef[]): CompendiumRef[][] {
  const groups: CompendiumRef[][] = [];
  for (const r of refs) {
    const g = groups[groups.length - 1];
    if (g && g[0].part === r.part && g[0].section === r.section) g.push(r);
    else groups.push([r]);
  }
  return groups;
}

function pairRows(rows: Row[], problems: CorpusProblem[], file: string) {
  // Which column each Working Group meeting's report numbers go in, decided by the rows that
  // hold a single meeting (the report of some meetings numbers its paragraphs, others only
  // repeat the recommendation numbers).
  const votes = new Map<number, { paragraphs: number; recommendations: number }>();
  for (const row of rows) {
    const groups = groupBySection(row.refs);
    if (groups.length !== 1 || groups[0][0].part !== 'A') continue;
    const v = votes.get(groups[0][0].section) ?? { paragraphs: 0, recommendations: 0 };
    if (row.paragraphs && !row.recommendations) v.paragraphs++;
    if (row.recommendations && !row.paragraphs) v.recommendations++;
    votes.set(groups[0][0].section, v);
  }
  const columnOf = (ref: CompendiumRef): 'paragraphs' | 'recommendations' => {
    if (ref.part === 'B') return 'paragraphs';
    const v = votes.get(ref.section);
    return v && v.recommendations > v.paragraphs ? 'recommendations' : 'paragraphs';
  };

  const pairs: ReportPair[] = [];
  const symbolVotes = new Map<string, Map<string, number>>();
  const instrumentVotes = new Map<string, Map<string, number>>();
  const vote = (table: Map<string, Map<string, number>>, key: string, value: string) => {
    const m = table.get(key) ?? new Map<string, number>();
    m.set(value, (m.get(value) ?? 0) + 1);
    table.set(key, m);
  };

  for (const row of rows) {
    const groups = groupBySection(row.refs);
    const symbolFor = new Map<CompendiumRef[], string>();
    if (row.symbols.length === groups.length) {
      groups.forEach((g, k) => {
        symbolFor.set(g, row.symbols[k]);
        vote(symbolVotes, sectionKey(g[0].part, g[0].section), row.symbols[k]);
      });
    }
    const partB = groups.filter((g) => g[0].part === 'B');
    const instrumentFor = new Map<CompendiumRef[], string>();
    if (partB.length > 0 && row.instruments.length === partB.length) {
      partB.forEach((g, k) => {
        instrumentFor.set(g, row.instruments[k]);
        vote(instrumentVotes, sectionKey('B', g[0].section), row.instruments[k]);
      });
    }
    const streams = { paragraphs: [...(row.paragraphs ?? [])], recommendations: [...(row.recommendations ?? [])] };
    // Part B numbers sit beside the instrument's name; rows whose Part B columns slid onto other
    // lines (the collapsed rows) print none for them.
    const printsFor = (r: CompendiumRef) => r.part === 'A' || row.instruments.length > 0;
    const wanted = { paragraphs: 0, recommendations: 0 };
    for (const r of row.refs) if (printsFor(r)) wanted[columnOf(r)]++;
    const printedAny = streams.paragraphs.length + streams.recommendations.length > 0;
    if (!printedAny) continue;
    if (wanted.paragraphs !== streams.paragraphs.length || wanted.recommendations !== streams.recommendations.length) {
      problems.push({
        severity: 'warning',
        code: 'index-row-mismatch',
        message: `row lists ${row.refs.length} references but its report columns print ${streams.paragraphs.length} paragraph and ${streams.recommendations.length} recommendation numbers: cannot pair them`,
        file,
        line: row.line,
      });
      continue;
    }
    for (const g of groups) {
      for (const ref of g) {
        if (!printsFor(ref)) continue;
        const column = columnOf(ref);
        pairs.push({ ref, symbol: symbolFor.get(g), instrument: instrumentFor.get(g), printed: streams[column].shift()!, column });
      }
    }
  }

  const winner = (table: Map<string, Map<string, number>>) =>
    new Map([...table].map(([k, m]) => [k, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
  return { pairs, sectionSymbols: winner(symbolVotes), sectionInstruments: winner(instrumentVotes) };
}
