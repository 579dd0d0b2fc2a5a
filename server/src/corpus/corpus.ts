// Builds the corpus from source texts: parses every file, links copies of one instrument,
// attaches report symbols from the thematic index and resolves the index's references.

import { appendAll } from '../util/arrays';
import { looksLikeCompendium, parseCompendium } from './compendium';
import type { CorpusDocument, CorpusProblem, Paragraph } from './model';
import { keyOf } from './labels';
import type { CorpusPack } from './pack';
import { parseStandalone } from './standalone';
import { parseUserDocument } from './userDocument';
import { comparableText, numberToRoman, splitLines } from './text';
import { type CompendiumRef, type ReportPair, type ThematicIndex, parseThematicIndex, refText, sectionKey } from './thematicIndex';

export interface SourceFile {
  /** Name shown to users and used in locations, e.g. "resolution-5-3.txt" (a user's file: its path). */
  file: string;
  text: string;
  /** A user's own document in the front-matter format (see userDocument.ts), not a built-in source. */
  user?: boolean;
}

/** A paragraph of one document. */
export interface ParagraphRef {
  document: CorpusDocument;
  paragraph: Paragraph;
}

export interface IndexEntry {
  ref: CompendiumRef;
  topic: string;
  target?: ParagraphRef;
}

export interface CopyDifference {
  instrumentId: string;
  key: string;
  documents: [string, string];
  /** Present in only one copy, or texts that differ after typographic normalisation. */
  kind: 'missing' | 'text' | 'footnote';
  detail: string;
}

/** "CTOC/COP/WG.7/2012/6, para 41" → I.38: a report's paragraph number and the paragraph it holds. */
export interface ReportParagraph {
  symbol: string;
  /** As the report numbers it: "41", "8 (e)". */
  label: string;
  target: ParagraphRef;
}

/**
 * Questions features ask the corpus. They answer in terms of documents and paragraphs; no feature
 * builds keys of its own.
 */
export interface CorpusQueries {
  /** An instrument's copies, the compendium's first ("resolution-5-3" → compendium copy, standalone copy). */
  instrument(id: string): CorpusDocument[];
  /** A compendium section: Part A meeting VII, Part B section V (resolution 5/3). */
  section(part: 'A' | 'B', number: number): CorpusDocument | undefined;
  paragraph(document: CorpusDocument, key: string): Paragraph | undefined;
  /** Every copy of a paragraph, this one first. */
  copiesOf(ref: ParagraphRef): ParagraphRef[];
  /** Thematic-index topics under which the paragraph (in any copy) is filed. */
  topicsOf(ref: ParagraphRef): string[];
  /** "CTOC/COP/WG.7/2012/6, para 41": how meeting reports number the paragraph. */
  reportCitationsOf(ref: ParagraphRef): string[];
}

/** Every paragraph of one copy of each instrument (the compendium's): what agreed language is compared with. */
export function citableParagraphs(corpus: Pick<Corpus, 'instruments'>): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  for (const copies of corpus.instruments.values()) for (const paragraph of copies[0].paragraphs) out.push({ document: copies[0], paragraph });
  return out;
}

/** One paragraph whatever the copy: "resolution-5-3#9". The only place this key is made. */
export function paragraphId(ref: ParagraphRef): string {
  return `${ref.document.instrumentId}#${ref.paragraph.key}`;
}

export interface Corpus extends CorpusQueries {
  documents: CorpusDocument[];
  byId: Map<string, CorpusDocument>;
  /** Instrument id → its copies, the compendium's first. */
  instruments: Map<string, CorpusDocument[]>;
  /** Compendium sections: "A:7" → Working Group meeting VII, "B:5" → Resolution 5/3. */
  sections: Map<string, CorpusDocument>;
  index?: ThematicIndex;
  indexEntries: IndexEntry[];
  /** Report symbol → report paragraph label → paragraph. */
  reportParagraphs: Map<string, Map<string, ReportParagraph>>;
  copyDifferences: CopyDifference[];
  problems: CorpusProblem[];
  /**
   * Corpus packs (pack.ts) served lazily: their instruments are found through `instrument(id)`, not
   * in `documents`/`instruments`, so features that list or scan every paragraph skip them.
   */
  packs: readonly CorpusPack[];
}

const keyIndexes = new WeakMap<CorpusDocument, Map<string, Paragraph>>();

export function paragraphByKey(document: CorpusDocument, key: string): Paragraph | undefined {
  let index = keyIndexes.get(document);
  if (!index || index.size !== document.paragraphs.length) {
    index = new Map(document.paragraphs.map((p) => [p.key, p]));
    keyIndexes.set(document, index);
  }
  return index.get(key);
}

/** The key a compendium path names in a document: ["2", "k"] → "2(k)", ["j", "ii"] → "(j)(ii)". */
export function keyForPath(document: CorpusDocument, path: string[]): string {
  return keyOf(path, document.kind === 'decision' ? 'lettered' : 'numbered');
}

/** "VII.14", "V.2.k", "Part B IV.j.ii": how the compendium labels a paragraph. */
export function compendiumLabel(document: CorpusDocument, paragraph: Paragraph): string | undefined {
  const c = document.origin.compendium;
  if (!c) return undefined;
  const text = `${numberToRoman(c.section).toUpperCase()}.${paragraph.path.join('.')}`;
  return c.part === 'B' ? `Part B ${text}` : text;
}

/**
 * What parsing the text sources gives, before the documents are linked: the part of `buildCorpus`
 * that depends on the texts alone, so a build-time snapshot can hold it (node/corpusSnapshot.ts).
 * Linking changes the documents (report symbols, aliases): link a fresh copy each time.
 */
export interface ParsedSources {
  documents: CorpusDocument[];
  userDocuments: { document: CorpusDocument; fieldLines: Record<string, number> }[];
  index?: ThematicIndex;
  problems: CorpusProblem[];
}

/** `packs`: corpus packs served alongside the sources (their eager documents join the lists here). */
export function buildCorpus(sources: SourceFile[], packs: readonly CorpusPack[] = []): Corpus {
  return linkCorpus(parseSources(sources), packs);
}

/** The sources parsed one by one, in order. */
export function parseSources(sources: SourceFile[]): ParsedSources {
  const problems: CorpusProblem[] = [];
  const documents: CorpusDocument[] = [];
  const userDocuments: ParsedSources['userDocuments'] = [];
  let index: ThematicIndex | undefined;

  for (const source of sources) {
    if (!source.text.trim()) {
      problems.push({ severity: 'error', code: 'empty-source', message: 'the file is empty', file: source.file });
      continue;
    }
    if (/\u0000/.test(source.text.slice(0, 8000))) {
      problems.push({ severity: 'error', code: 'binary-source', message: 'the file holds binary data, not text', file: source.file });
      continue;
    }
    if (source.user) {
      const parsed = parseUserDocument(source.text, source.file);
      appendAll(problems, parsed.problems);
      if (parsed.document) userDocuments.push({ document: parsed.document, fieldLines: parsed.fieldLines });
      continue;
    }
    const lines = splitLines(source.text);
    if (looksLikeCompendium(lines)) {
      const parsed = parseCompendium(lines, source.file);
      appendAll(documents, parsed.documents);
      appendAll(problems, parsed.problems);
      const [from, to] = parsed.indexLines;
      if (from < to) {
        index = parseThematicIndex(lines, from, to, source.file);
        appendAll(problems, index.problems);
      }
    } else {
      const parsed = parseStandalone(lines, source.file);
      if (parsed.document) documents.push(parsed.document);
      appendAll(problems, parsed.problems);
    }
  }

  return { documents, userDocuments, index, problems };
}

/** Sources parsed in two parts (the built-in ones, then users'), as if parsed in one: the later index wins. */
export function concatParsed(a: ParsedSources, b: ParsedSources): ParsedSources {
  return { documents: [...a.documents, ...b.documents], userDocuments: [...a.userDocuments, ...b.userDocuments], index: b.index ?? a.index, problems: [...a.problems, ...b.problems] };
}

/** Links parsed sources (and packs) into the corpus; takes ownership of `parsed`, whose documents it changes. */
export function linkCorpus(parsed: ParsedSources, packs: readonly CorpusPack[] = []): Corpus {
  const { documents, userDocuments, index, problems } = parsed;
  for (const u of acceptUserDocuments(documents, userDocuments, problems)) documents.push(u);
  for (const pack of packs) appendAll(documents, packedDocuments(pack, documents, problems));

  const byId = new Map<string, CorpusDocument>();
  for (const d of documents) {
    if (byId.has(d.id)) problems.push({ severity: 'error', code: 'duplicate-document', message: `two documents have the id ${d.id}`, file: d.origin.file });
    else byId.set(d.id, d);
  }
  const unique = [...byId.values()];
  const instruments = new Map<string, CorpusDocument[]>();
  for (const d of unique) instruments.set(d.instrumentId, [...(instruments.get(d.instrumentId) ?? []), d]);
  for (const copies of instruments.values()) copies.sort((a, b) => Number(!a.origin.compendium) - Number(!b.origin.compendium));

  const sections = new Map<string, CorpusDocument>();
  for (const d of unique) {
    const c = d.origin.compendium;
    if (!c) continue;
    sections.set(sectionKey(c.part, c.section), d);
    // Part B is also cited by session number ("X.2" for resolution 10/3 in section VII).
    if (c.part === 'B' && d.session !== undefined && !sections.has(sectionKey('B', d.session))) sections.set(sectionKey('B', d.session), d);
  }
  if (index) attachSymbols(index, sections, instruments);

  // The index's entries and the copies' differences are read by few features (topics, the corpus
  // check): found on first read, not on start-up.
  let indexEntries: IndexEntry[] | undefined;
  const entries = () => (indexEntries ??= (index?.topics ?? []).flatMap((topic) => topic.references.map((ref) => ({ ref, topic: topic.name, target: resolveCompendiumRef(sections, ref) }))));
  let copyDifferences: CopyDifference[] | undefined;
  const reportParagraphs = index ? buildReportParagraphs(index, sections, problems) : new Map();

  return {
    documents: unique,
    byId,
    instruments,
    sections,
    index,
    get indexEntries() {
      return entries();
    },
    reportParagraphs,
    get copyDifferences() {
      return (copyDifferences ??= compareCopies(instruments));
    },
    problems,
    packs,
    ...queries(instruments, sections, entries, reportParagraphs, packs),
  };
}

/**
 * A pack's eager documents, except those whose instrument the text sources (or an earlier pack)
 * already hold: the texts' copies win, and one warning says how many were set aside.
 */
function packedDocuments(pack: CorpusPack, held: CorpusDocument[], problems: CorpusProblem[]): CorpusDocument[] {
  const instruments = new Set(held.map((d) => d.instrumentId));
  const ids = new Set(held.map((d) => d.id));
  const all = pack.eagerDocuments();
  const kept = all.filter((d) => !instruments.has(d.instrumentId) && !ids.has(d.id));
  if (kept.length < all.length) {
    const names = [...new Set(all.filter((d) => !kept.includes(d)).map((d) => d.name))];
    problems.push({ severity: 'warning', code: 'pack-duplicate', message: `${names.length} instrument(s) of the pack ${pack.name} are also in the text sources (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}); the texts' copies are used`, file: pack.name });
  }
  return kept;
}

/** The corpus's answers, over its maps; topic and report lookups are built on first use. */
function queries(instruments: Map<string, CorpusDocument[]>, sections: Map<string, CorpusDocument>, indexEntries: () => IndexEntry[], reportParagraphs: Map<string, Map<string, ReportParagraph>>, packs: readonly CorpusPack[]): CorpusQueries {
  let topics: Map<string, string[]> | undefined;
  let reports: Map<string, string[]> | undefined;
  // The sources' copy wins; then the first pack that has the instrument (read on demand).
  const packed = (id: string) => {
    for (const pack of packs) {
      const found = pack.instrument(id);
      if (found.length) return found;
    }
    return [];
  };
  const instrument = (id: string) => instruments.get(id) ?? packed(id);
  return {
    instrument,
    section: (part, number) => sections.get(sectionKey(part, number)),
    paragraph: (document, key) => paragraphByKey(document, key),
    copiesOf: (ref) => [
      ref,
      ...instrument(ref.document.instrumentId)
        .filter((d) => d !== ref.document && d.id !== ref.document.id)
        .map((d) => ({ document: d, paragraph: paragraphByKey(d, ref.paragraph.key)! }))
        .filter((r) => r.paragraph),
    ],
    topicsOf: (ref) => {
      if (!topics) {
        topics = new Map();
        for (const entry of indexEntries()) {
          if (!entry.target) continue;
          const list = topics.get(paragraphId(entry.target)) ?? [];
          if (!list.includes(entry.topic)) list.push(entry.topic);
          topics.set(paragraphId(entry.target), list);
        }
      }
      return topics.get(paragraphId(ref)) ?? [];
    },
    reportCitationsOf: (ref) => {
      if (!reports) {
        reports = new Map();
        for (const [symbol, byLabel] of reportParagraphs) {
          for (const r of byLabel.values()) reports.set(paragraphId(r.target), [...(reports.get(paragraphId(r.target)) ?? []), `${symbol}, para ${r.label}`]);
        }
      }
      return reports.get(paragraphId(ref)) ?? [];
    },
  };
}

/**
 * Users' documents join the corpus unless they clash with it: an id or an instrument the built-in
 * corpus (or an earlier user document) has is refused; an alias it already uses is dropped.
 * Each clash is a problem at the front-matter line that causes it.
 */
function acceptUserDocuments(builtIn: CorpusDocument[], users: { document: CorpusDocument; fieldLines: Record<string, number> }[], problems: CorpusProblem[]): CorpusDocument[] {
  const ids = new Map(builtIn.map((d) => [d.id, d]));
  const instruments = new Map(builtIn.map((d) => [d.instrumentId, d]));
  const aliases = new Map<string, CorpusDocument>();
  for (const d of builtIn) for (const a of d.aliases) aliases.set(a.toLowerCase(), d);
  const accepted: CorpusDocument[] = [];
  for (const { document: d, fieldLines } of users) {
    const file = d.origin.file;
    const clash = (code: string, message: string, field: string) => problems.push({ severity: 'error', code, message, file, line: fieldLines[field] ?? 0, user: true });
    const sameId = ids.get(d.id);
    if (sameId) {
      clash('id-clash', `id "${d.id}" is already used by ${sameId.origin.user ? sameId.origin.file : `the built-in ${sameId.name}`}; this document is not loaded`, 'id');
      continue;
    }
    const sameInstrument = instruments.get(d.instrumentId);
    if (sameInstrument) {
      clash('instrument-clash', `${d.name} is already in the ${sameInstrument.origin.user ? `document ${sameInstrument.origin.file}` : 'built-in corpus'}; this document is not loaded`, d.kind === 'wg-recommendations' ? 'meeting' : 'number');
      continue;
    }
    d.aliases = d.aliases.filter((a) => {
      const other = aliases.get(a.toLowerCase());
      if (!other || other === d) return true;
      clash('alias-clash', `alias "${a}" already names ${other.origin.user ? other.origin.file : `the built-in ${other.name}`}; it is ignored here`, 'aliases');
      return false;
    });
    for (const a of d.aliases) aliases.set(a.toLowerCase(), d);
    ids.set(d.id, d);
    instruments.set(d.instrumentId, d);
    accepted.push(d);
  }
  return accepted;
}

/** Gives each document the report symbol the index prints beside its references. */
function attachSymbols(index: ThematicIndex, sections: Map<string, CorpusDocument>, instruments: Map<string, CorpusDocument[]>) {
  for (const [key, symbol] of index.sectionSymbols) {
    const d = sections.get(key);
    if (!d) continue;
    for (const copy of instruments.get(d.instrumentId) ?? [d]) {
      copy.symbol ??= symbol;
      if (!copy.aliases.includes(symbol)) copy.aliases.push(symbol);
    }
  }
}

export function resolveCompendiumRef(sections: Map<string, CorpusDocument>, ref: Pick<CompendiumRef, 'part' | 'section' | 'path'>): ParagraphRef | undefined {
  const document = sections.get(sectionKey(ref.part, ref.section));
  if (!document) return undefined;
  const paragraph = paragraphByKey(document, keyForPath(document, ref.path));
  return paragraph ? { document, paragraph } : undefined;
}

/** Report paragraph numbers of the Working Group's reports, from the index's own pairs. */
function buildReportParagraphs(index: ThematicIndex, sections: Map<string, CorpusDocument>, problems: CorpusProblem[]) {
  const map = new Map<string, Map<string, ReportParagraph>>();
  for (const pair of index.pairs) {
    if (pair.ref.part !== 'A' || pair.column !== 'paragraphs') continue;
    const target = resolveCompendiumRef(sections, pair.ref);
    const symbol = pair.symbol ?? index.sectionSymbols.get(sectionKey('A', pair.ref.section));
    if (!target || !symbol) continue;
    const label = reportLabel(pair.printed);
    const byLabel = map.get(symbol) ?? new Map<string, ReportParagraph>();
    const existing = byLabel.get(label);
    if (existing && existing.target.paragraph !== target.paragraph) {
      problems.push({
        severity: 'warning',
        code: 'index-report-conflict',
        message: `${symbol}, para ${label} is paired with both ${compendiumLabel(existing.target.document, existing.target.paragraph)} and ${pair.ref.text}`,
        file: target.document.origin.file,
        line: pair.ref.line,
      });
      continue;
    }
    byLabel.set(label, { symbol, label, target });
    map.set(symbol, byLabel);
  }
  return map;
}

/** ["8", "e"] → "8 (e)". */
export function reportLabel(path: string[]): string {
  return [path[0], ...path.slice(1).map((p) => `(${p})`)].join(' ');
}

function compareCopies(instruments: Map<string, CorpusDocument[]>): CopyDifference[] {
  const out: CopyDifference[] = [];
  for (const [instrumentId, copies] of instruments) {
    for (let k = 1; k < copies.length; k++) {
      const [a, b] = [copies[0], copies[k]];
      const ids: [string, string] = [a.id, b.id];
      const keys = new Set([...a.paragraphs, ...b.paragraphs].map((p) => p.key));
      for (const key of keys) {
        const pa = paragraphByKey(a, key);
        const pb = paragraphByKey(b, key);
        if (!pa || !pb) {
          out.push({ instrumentId, key, documents: ids, kind: 'missing', detail: `only in ${(pa ? a : b).id}` });
          continue;
        }
        const ta = comparableText(pa.text);
        const tb = comparableText(pb.text);
        if (ta !== tb) out.push({ instrumentId, key, documents: ids, kind: 'text', detail: firstDifference(ta, tb) });
        // Footnote numbers differ between copies by design; what the footnotes say should not.
        const fa = pa.footnotes.map((f) => comparableText(f.text) || `(footnote ${f.marker} not printed)`);
        const fb = pb.footnotes.map((f) => comparableText(f.text) || `(footnote ${f.marker} not printed)`);
        fa.forEach((text, k) => {
          if (text !== fb[k]) out.push({ instrumentId, key, documents: ids, kind: 'footnote', detail: `in footnote ${k + 1} of the paragraph: "${text}" vs "${fb[k] ?? '(none)'}"` });
        });
        if (fb.length > fa.length) out.push({ instrumentId, key, documents: ids, kind: 'footnote', detail: `${b.id} has ${fb.length - fa.length} more footnote(s)` });
      }
    }
  }
  return out;
}

function firstDifference(a: string, b: string): string {
  const wa = a.split(' ');
  const wb = b.split(' ');
  let i = 0;
  while (i < wa.length && i < wb.length && wa[i] === wb[i]) i++;
  return `from word ${i + 1}: "${wa.slice(i, i + 6).join(' ')}" vs "${wb.slice(i, i + 6).join(' ')}"`;
}

export { refText };
export type { CompendiumRef, ReportPair };
