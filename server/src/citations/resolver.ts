// Resolves scanned citations against the corpus and classifies each: resolved, a known instrument
// without such a paragraph, an instrument the corpus does not hold, an excerpt, a misprint-like
// form, an ambiguous reference, or a reference outside the corpus. A failure is returned as facts
// (what exists, what is close); features/describe.ts puts them into words.

import { distance } from 'fastest-levenshtein';
import { type Corpus, type ParagraphRef, keyForPath, paragraphByKey, reportLabel } from '../corpus/corpus';
import { otherBodyInstrumentId } from '../corpus/instruments';
import { isSmallRoman } from '../corpus/labels';
import type { CorpusDocument, Paragraph } from '../corpus/model';
import { letterIndex, numberToRoman, romanToNumber } from '../corpus/text';
import { sectionKey } from '../corpus/thematicIndex';
import { writePath } from './format';
import type { Citation, CitationMember, CitationStatus, InstrumentName, LabelItem, ScannedCitation } from './model';
import { type Linker, antecedentOf, linkAntecedents } from './antecedents';
import { shiftCitation } from './shift';
import { type AliasTable, buildAliasTable, scanCitations } from './scanner';

/** What resolving needs besides the corpus, built once per corpus. */
export interface CitationContext {
  corpus: Corpus;
  aliases: AliasTable;
  /** Resolutions by citation text: drafts cite the same paragraphs again and again. */
  cache: Map<string, Citation>;
}

/** Sessions above this cannot be the Conference's (it meets every two years since 2004). */
const MAX_CONFERENCE_SESSION = 30;

/** Entries kept in a context's cache before it starts afresh (bounds memory on huge drafts). */
const CACHE_LIMIT = 20_000;

export function createCitationContext(corpus: Corpus): CitationContext {
  // Drafts and users' documents are known by their aliases ("France draft resolution (2008)",
  // "Resolution 12/2 of 2024"); built-in instruments have structured names the scanner reads.
  const aliases = corpus.documents
    .filter((d) => d.kind === 'draft-resolution' || d.kind === 'document' || d.origin.user)
    .flatMap((d) => d.aliases.filter((a) => !/\//.test(a) || d.kind === 'draft-resolution' || d.kind === 'document').map((alias) => ({ alias, documentId: d.id })));
  return { corpus, aliases: buildAliasTable(aliases), cache: new Map() };
}

/** Scans and resolves every citation in a text. */
export function findCitations(context: CitationContext, text: string): Citation[] {
  return linkCitations(context, text, scanCitations(text, context.aliases).map((c) => resolveCitation(context, c)));
}

/** Carried-over references ("ibid.", "(para. 9)") resolved through their antecedents; unlinked ones dropped. */
export function linkCitations(context: CitationContext, text: string, citations: Citation[]): Citation[] {
  const linker = createLinker(context);
  return linkAntecedents(text, citations, linker.link, linker.holds);
}

/** How a carried-over reference is read once its antecedent is known: as that instrument's citation. */
export function createLinker(context: CitationContext): Linker {
  const link = (carried: Citation, instrument: InstrumentName, antecedent: Citation, items: LabelItem[]) =>
    resolveCitation(context, {
      range: { ...carried.range },
      text: carried.text,
      instrument,
      instrumentRange: { ...carried.instrumentRange },
      items: items === carried.items ? carried.items.map((i) => ({ ...i, range: { ...i.range } })) : items.map((i) => ({ ...i, range: { ...carried.range }, text: carried.text })),
      reportNumbering: carried.reportNumbering || (carried.instrument.type === 'carried' && carried.instrument.form === 'previous' ? antecedent.reportNumbering : undefined),
      partA: antecedent.partA,
      antecedent: antecedentOf(antecedent),
    });
  return {
    link,
    holds: (carried, antecedent) => carried.items.length === 0 || antecedent.instrument.type === 'external' || link(carried, antecedent.instrument, antecedent, carried.items).status === 'resolved',
    same: (a, b) => a === b || (!!a && !!b && linkKey(a) === linkKey(b)),
  };
}

/** What a link reads as: the same key, the same citation for every feature. */
function linkKey(c: Citation): string {
  return JSON.stringify([c.range, c.instrument, c.antecedent, c.status, c.partA, c.reportNumbering, c.items.map((i) => [i.paths, i.range]), c.members.map((m) => m.target && [m.target.document.id, m.target.paragraph.key])]);
}

/** Resolves one citation; the same text resolves the same way, so earlier answers are reused with the new ranges. */
export function resolveCitation(context: CitationContext, scanned: ScannedCitation): Citation {
  // A carried reference reads as its antecedent says: "(para. 9)" is 5/3's or 6/3's paragraph 9.
  const key = scanned.antecedent ? `${JSON.stringify(scanned.instrument)}\u0000${scanned.text}\u0000${scanned.items.map((i) => i.paths.join('.')).join(',')}` : `${scanned.instrument.type}\u0000${scanned.partA ? 'A' : ''}${scanned.text}`;
  const known = context.cache.get(key);
  if (known) return relocate(known, scanned);
  const resolved = resolveUncached(context.corpus, scanned);
  if (context.cache.size >= CACHE_LIMIT) context.cache.clear();
  context.cache.set(key, resolved);
  return shiftCitation(resolved, 0);
}

/** A cached resolution moved to where this occurrence of the same text sits (always a new object: callers may move it in place). */
function relocate(known: Citation, scanned: ScannedCitation): Citation {
  return shiftCitation(known, scanned.range.start - known.range.start);
}

function resolveUncached(corpus: Corpus, scanned: ScannedCitation): Citation {
  const base = { ...scanned, documents: [] as CorpusDocument[], members: [] as CitationMember[], suggestions: [] as string[] };
  const i = scanned.instrument;
  switch (i.type) {
    case 'conference': {
      // "resolution 55/25": no Conference of the Parties has had 30 sessions; that is another body's numbering.
      if (i.session > MAX_CONFERENCE_SESSION) return { ...base, status: 'out-of-corpus', failure: { kind: 'other-body-session', instrument: i.kind === 'decision' ? 'decision' : 'resolution', session: i.session, number: i.number } };
      // "6/3 OP15" names no kind: whichever the corpus holds.
      const kind = i.kind !== 'any' ? i.kind : corpus.instrument(`decision-${i.session}-${i.number}`).length ? 'decision' : 'resolution';
      const id = `${kind}-${i.session}-${i.number}`;
      // Asked, not looked up in the map: a corpus pack answers for the instruments it holds.
      const copies = corpus.instrument(id);
      if (!copies.length) return unknownInstrument(corpus, base, kind, i.session, i.number);
      return withMembers(base, copies, 'instrument');
    }
    case 'alias': {
      const d = corpus.byId.get(i.documentId);
      return d ? withMembers(base, corpus.instruments.get(d.instrumentId) ?? [d], 'instrument') : { ...base, status: 'unknown-instrument', failure: { kind: 'document-gone' } };
    }
    case 'meeting': {
      const d = meetingDocument(corpus, i.meeting);
      // A meeting named as a whole ("the eleventh meeting of the Working Group") is an event, not a broken citation.
      if (!d) return { ...base, status: scanned.items.length ? 'unknown-instrument' : 'out-of-corpus', failure: { kind: 'unknown-meeting', meeting: i.meeting, held: meetingNumbers(corpus) } };
      return withMembers(base, [d], 'instrument');
    }
    case 'meeting-year': {
      const held = corpus.documents.filter((d) => d.kind === 'wg-recommendations' && d.dates?.includes(String(i.year)));
      if (held.length === 1) return withMembers(base, held, 'compendium');
      const years = corpus.documents.filter((d) => d.kind === 'wg-recommendations').map((d) => d.dates?.match(/\d{4}/)?.[0]).filter((y): y is string => !!y);
      return { ...base, status: held.length ? 'ambiguous' : base.items.length ? 'unknown-instrument' : 'out-of-corpus', failure: held.length ? { kind: 'meeting-year-several', year: i.year, count: held.length } : { kind: 'meeting-year-none', year: i.year, held: [...new Set(years)] } };
    }
    case 'compendium':
      return resolveCompendium(corpus, base, i.part, i.section);
    case 'meeting-report':
      return resolveMeetingReport(corpus, base, i.meeting, i.dates);
    case 'symbol':
      return resolveSymbol(corpus, base, i.symbol);
    case 'external': {
      // Another body's instrument the user's corpus (or a pack) holds; otherwise outside the corpus.
      const copies = corpus.instrument(otherBodyInstrumentId(i.name));
      if (copies.length) return withMembers(base, copies, 'instrument');
      return { ...base, status: 'out-of-corpus', failure: { kind: 'other-body', name: i.name } };
    }
    case 'treaty':
      return { ...base, status: 'out-of-corpus', failure: { kind: 'treaty-provision', written: scanned.text } };
    case 'carried':
      // Never shown: linkCitations replaces it with its antecedent's reading or drops it.
      return { ...base, status: 'ambiguous', failure: { kind: 'carried-unread' } };
  }
}

type Base = Omit<Citation, 'status'>;
type Style = 'instrument' | 'compendium';

function meetingDocument(corpus: Corpus, meeting: number): CorpusDocument | undefined {
  return corpus.documents.find((d) => d.kind === 'wg-recommendations' && d.session === meeting);
}

/** The Working Group meetings whose recommendations the corpus holds, ascending. */
function meetingNumbers(corpus: Corpus): number[] {
  return corpus.documents.filter((d) => d.kind === 'wg-recommendations').map((d) => d.session!).sort((a, b) => a - b);
}

function unknownInstrument(corpus: Corpus, base: Base, kind: 'resolution' | 'decision', session: number, number: number): Citation {
  const held = corpus.documents.filter((d) => d.kind === 'resolution' || d.kind === 'decision');
  const names = [...new Set(held.map((d) => d.name))];
  const written = `${kind} ${session}/${number}`;
  const close = names.filter((n) => n.toLowerCase() === `${kind === 'resolution' ? 'decision' : 'resolution'} ${session}/${number}` || distance(n.toLowerCase(), written) <= 1);
  const suggestions = close.map((n) => base.text.slice(0, base.instrumentRange.start - base.range.start) + n.replace(/^\w/, (c) => (base.text[base.instrumentRange.start - base.range.start] === c.toLowerCase() ? c.toLowerCase() : c)));
  const swapped = corpus.instrument(`${kind === 'resolution' ? 'decision' : 'resolution'}-${session}-${number}`).length > 0;
  if (swapped) {
    const right = `${kind === 'resolution' ? 'decision' : 'resolution'} ${session}/${number}`;
    const instrumentText = base.text.slice(base.instrumentRange.start - base.range.start, base.instrumentRange.end - base.range.start);
    const fixed = base.text.slice(0, base.instrumentRange.start - base.range.start) + (/^[A-Z]/.test(instrumentText) ? capitalise(right) : right) + base.text.slice(base.instrumentRange.end - base.range.start);
    return { ...base, status: 'wrong-kind', failure: { kind: 'wrong-kind', written: kind, session, number }, suggestions: [fixed] };
  }
  return {
    ...base,
    status: 'unknown-instrument',
    failure: { kind: 'unknown-instrument', instrument: kind, session, number, held: names, close },
    suggestions: base.items.length ? [] : suggestions,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Without "Part A/B", a reference is Part A when it resolves there. Forms only Part B has (III.k,
 * VI.PP.5) are Part B. A number that only Part B has ("V.6": meeting V has 1–5) is ambiguous, never
 * silently Part B; a designator ("recommendation V.6") makes it Part A.
 */
function resolveCompendium(corpus: Corpus, base: Base, part: 'A' | 'B' | undefined, section: number): Citation {
  const docA = corpus.sections.get(sectionKey('A', section));
  const docB = corpus.sections.get(sectionKey('B', section));
  const resolvesIn = (d: CorpusDocument | undefined) => !!d && base.items.every((item) => item.paths.every((p) => paragraphByKey(d, keyForPath(d, p))));
  const roman = numberToRoman(section).toUpperCase();
  let d: CorpusDocument | undefined;
  if (part === 'A' || base.partA) d = docA;
  else if (part === 'B') d = docB;
  else if (resolvesIn(docA)) d = docA;
  else if (resolvesIn(docB) && docA && base.items.every((item) => item.paths.every((p) => /^\d+$/.test(p[0]) && p.length === 1))) {
    const inA = withMembers(base, [docA], 'compendium');
    const b = withMembers(base, corpus.instruments.get(docB!.instrumentId) ?? [docB!], 'compendium');
    const written = base.items[0].text;
    const closestA = (inA.members.find((m) => m.problem)?.suggestions ?? []).slice(0, 1);
    return {
      ...base,
      documents: b.documents,
      status: 'ambiguous',
      failure: { kind: 'section-number-in-part-b', section, written, meeting: docA, resolution: docB!, paragraphs: b.members.flatMap((m) => (m.target ? [m.target.paragraph] : [])), closest: closestA },
      suggestions: [`Part B ${roman}.${written}`, ...closestA.map((s) => `${roman}.${s}`)],
      candidates: b.members.flatMap((m) => (m.target ? [m.target] : [])),
    };
  } else d = resolvesIn(docB) ? docB : docA ?? docB;
  if (!d) {
    return { ...base, status: 'unknown-section', failure: { kind: 'unknown-section', section, part: part ?? (base.partA ? 'A' : undefined), meetings: meetingNumbers(corpus) } };
  }
  const copies = corpus.instruments.get(d.instrumentId) ?? [d];
  return withMembers(base, copies, 'compendium');
}

function resolveMeetingReport(corpus: Corpus, base: Base, meeting: number | undefined, dates: string | undefined): Citation {
  const normalizedDates = dates?.replace(/\s+/g, ' ').replace(/^from /, '').trim();
  const meetings = corpus.documents.filter((d) => d.kind === 'wg-recommendations');
  const byDates = normalizedDates ? meetings.find((d) => d.dates?.replace(/-/g, '–') === normalizedDates.replace(/-/g, '–')) : undefined;
  const d = meeting !== undefined ? meetingDocument(corpus, meeting) : byDates;
  if (!d) {
    if (meeting !== undefined || normalizedDates) {
      return { ...base, status: 'unknown-instrument', failure: { kind: 'unknown-meeting-report', meeting, dates: meeting !== undefined ? undefined : normalizedDates } };
    }
    const candidates = meetings.filter((m) => m.symbol && corpus.reportParagraphs.has(m.symbol) && reportTargets(corpus, m.symbol, base.items).every(Boolean));
    return {
      ...base,
      status: 'ambiguous',
      failure: { kind: 'report-unnamed', firstDates: meetings[0]?.dates, meetings: meetingNumbers(corpus), candidates: candidates.map((c) => c.symbol!) },
      candidates: candidates.flatMap((c) => reportTargets(corpus, c.symbol!, base.items).filter((t): t is ParagraphRef => !!t)),
    };
  }
  return reportMembers(corpus, { ...base, documents: [d] }, d);
}

function resolveSymbol(corpus: Corpus, base: Base, symbol: string): Citation {
  const documents = corpus.documents.filter((d) => d.symbol === symbol);
  if (documents.length === 0) {
    const reports = corpus.documents.filter((d) => d.kind === 'wg-recommendations' && d.symbol);
    if (/^CTOC\/COP\/WG\.7\//.test(symbol) && reports.length && base.items.length) {
      // A Working Group report the corpus does not hold: say which it holds.
      return { ...base, status: 'unknown-instrument', failure: { kind: 'unknown-report', symbol, held: reports.map((d) => ({ symbol: d.symbol!, meeting: d.session ?? 0 })) } };
    }
    return { ...base, status: 'out-of-corpus', failure: { kind: 'unknown-symbol', symbol } };
  }
  // A user's own document, or another body's instrument whose symbol is its own ("A/RES/70/1").
  const own = documents.find((d) => d.kind === 'document' || d.body);
  if (own) return withMembers(base, [own], 'instrument');
  const meeting = documents.find((d) => d.kind === 'wg-recommendations');
  if (meeting) {
    if (!base.items.length) return { ...base, documents: [meeting], status: 'resolved' };
    // "CTOC/COP/WG.7/2023/5, recommendation 11": the meeting's own numbering.
    if (!base.reportNumbering) return withMembers(base, [meeting], 'compendium');
    return reportMembers(corpus, { ...base, documents: [meeting] }, meeting);
  }
  const instruments = [...new Set(documents.map((d) => d.instrumentId))].map((id) => corpus.instruments.get(id)!).flat();
  if (base.items.length) {
    return { ...base, documents: instruments, status: 'out-of-corpus', failure: { kind: 'session-report-paragraphs', symbol, adopted: [...new Set(instruments.map((d) => d.name))] } };
  }
  return { ...base, documents: instruments, status: 'resolved' };
}

function reportTargets(corpus: Corpus, symbol: string, items: LabelItem[]): (ParagraphRef | undefined)[] {
  const map = corpus.reportParagraphs.get(symbol);
  return items.flatMap((item) => item.paths.map((p) => map?.get(reportLabel(p))?.target));
}

/** "paragraphs 52 and 53 of the report …": report numbers, mapped through the thematic index. */
function reportMembers(corpus: Corpus, base: Base, meeting: CorpusDocument): Citation {
  const symbol = meeting.symbol;
  const map = symbol ? corpus.reportParagraphs.get(symbol) : undefined;
  if (!map) {
    return {
      ...base,
      status: 'ambiguous',
      failure: { kind: 'report-numbering-unknown', symbol, meeting: meeting.session ?? 0, example: base.items[0]?.paths[0]?.join('.') ?? '1' },
    };
  }
  const known = [...map.values()].map((r) => Number(r.label.split(' ')[0])).filter(Number.isFinite).sort((a, b) => a - b);
  const offset = reportOffset(map);
  const members: CitationMember[] = base.items.flatMap((item) =>
    item.paths.map((path): CitationMember => {
      const hit = map.get(reportLabel(path));
      if (hit) return { item, path, target: hit.target, suggestions: [] };
      // Every pair the index prints for this report shares one offset: the unprinted ones follow it.
      const inferred = offset !== undefined && path.length === 1 && /^\d+$/.test(path[0]) ? paragraphByKey(meeting, String(Number(path[0]) - offset)) : undefined;
      if (inferred) return { item, path, target: { document: meeting, paragraph: inferred }, inferred: true, suggestions: [] };
      return { item, path, problem: { kind: 'unmapped-report-paragraph', symbol: symbol!, label: reportLabel(path), first: known[0], last: known[known.length - 1] }, suggestions: [] };
    }),
  );
  const failing = members.find((m) => m.problem);
  return { ...base, members, status: failing ? 'report-paragraph' : 'resolved', failure: failing?.problem };
}

/** The one difference between report paragraph and recommendation numbers, when all printed pairs share it. */
function reportOffset(map: Map<string, { label: string; target: ParagraphRef }>): number | undefined {
  const offsets = new Set<number>();
  for (const r of map.values()) {
    const path = r.target.paragraph.path;
    if (!/^\d+$/.test(r.label) || path.length !== 1 || !/^\d+$/.test(path[0])) continue;
    offsets.add(Number(r.label) - Number(path[0]));
    if (offsets.size > 1) return undefined;
  }
  return offsets.size === 1 ? [...offsets][0] : undefined;
}

/** Resolves the paragraph list of a citation in the first copy of an instrument. */
function withMembers(base: Base, copies: CorpusDocument[], style: Style): Citation {
  const d = copies[0];
  const members: CitationMember[] = base.items.flatMap((item) => item.paths.map((path) => member(d, item, path, style)));
  const status = worst(members, d);
  const failing = members.find((m) => m.problem);
  let suggestions: string[] = [];
  if (failing && base.items.length === 1 && base.items[0].paths.length === 1 && failing.suggestions.length) {
    const item = base.items[0];
    suggestions = failing.suggestions.map((s) => base.text.slice(0, item.range.start - base.range.start) + s + base.text.slice(item.range.end - base.range.start));
  }
  return { ...base, documents: copies, members, status, failure: failing?.problem, suggestions };
}

function worst(members: CitationMember[], d: CorpusDocument): CitationStatus {
  const failing = members.filter((m) => m.problem);
  if (failing.length === 0) return 'resolved';
  if (failing.some((m) => m.item.problem)) return 'malformed';
  if (d.origin.excerpt) return 'excerpt';
  if (failing.every((m) => m.suggestions.length && isMisprint(d, m.path))) return 'misprint';
  return 'unknown-paragraph';
}

function member(d: CorpusDocument, item: LabelItem, path: string[], style: Style): CitationMember {
  if (item.problem) return { item, path, problem: item.problem, suggestions: [] };
  const target = paragraphByKey(d, keyForPath(d, path));
  if (target) return { item, path, target: { document: d, paragraph: target }, suggestions: [] };
  const write = (p: Paragraph) => writeLabel(d, p, style);
  if (d.origin.excerpt) return { item, path, problem: { kind: 'not-in-excerpt', document: d, path }, suggestions: [] };
  const misprints = misprintCandidates(d, path);
  if (misprints.length) return { item, path, problem: { kind: 'misprint', document: d, path, intended: misprints }, suggestions: misprints.map(write) };
  if (path[0] === 'PP') {
    // Preambular paragraphs are one level of their own: "PP 2" is not a child of a paragraph "PP".
    const preambular = d.paragraphs.filter((p) => p.kind === 'preambular' && /^\d+$/.test(p.path[1] ?? ''));
    const near = preambular.filter((p) => Math.abs(Number(p.path[1]) - Number(path[1])) <= 2).slice(0, 3);
    return { item, path, problem: { kind: 'unknown-preambular', document: d, number: path[1] }, suggestions: near.map(write) };
  }
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length ? paragraphByKey(d, keyForPath(d, parentPath)) : undefined;
  if (parentPath.length && !parent) {
    return { item, path, problem: { kind: 'unknown-parent', document: d, parentPath }, suggestions: closest(d, undefined, parentPath[0]).map(write) };
  }
  return { item, path, problem: { kind: 'unknown-paragraph', document: d, path, parent }, suggestions: closest(d, parent, path[path.length - 1]).map(write) };
}

/** "Part B I.iii" where decision 1/6 has (b) (iii): the same last label one level deeper. */
function misprintCandidates(d: CorpusDocument, path: string[]): Paragraph[] {
  const last = path[path.length - 1];
  return d.paragraphs.filter((p) => p.kind === 'subparagraph' && p.path.length === path.length + 1 && p.path[p.path.length - 1] === last && p.path.slice(0, path.length - 1).join('.') === path.slice(0, -1).join('.'));
}

function isMisprint(d: CorpusDocument, path: string[]): boolean {
  return misprintCandidates(d, path).length > 0;
}

/** The closest existing labels at one level: nearest numbers, or nearest letters / numerals. */
function closest(d: CorpusDocument, parent: Paragraph | undefined, wanted: string): Paragraph[] {
  const level = d.paragraphs.filter((p) => p.parentKey === parent?.key && p.kind !== 'preambular' && !p.path[1]?.startsWith('?'));
  const value = (s: string) => (/^\d+$/.test(s) ? Number(s) : romanToNumber(s) !== undefined && isSmallRoman(s) && parent ? romanToNumber(s)! : letterIndex(s) ?? NaN);
  const score = (p: Paragraph) => {
    const label = p.path[p.path.length - 1];
    const numeric = Math.abs(value(label) - value(wanted));
    return Math.min(Number.isFinite(numeric) ? numeric : 99, distance(label, wanted) + 0.5);
  };
  return level.map((p) => ({ p, s: score(p) })).filter((x) => x.s <= 3).sort((a, b) => a.s - b.s).slice(0, 3).map((x) => x.p);
}

/** A paragraph written the way the citation writes it: "9 (c)" or "I.b.iii". */
function writeLabel(d: CorpusDocument, p: Paragraph, style: Style): string {
  return writePath(d, p.path, style);
}
