// Names, ids and aliases of instruments, derived from what the source prints in their headings.

import type { CorpusDocument, DocumentKind, DocumentOrigin, SourceRange } from './model';
import type { ParsedBody } from './paragraphs';
import { numberToOrdinal, numberToRoman } from './text';

/** "Decision 4/5" → {type: 'decision', session: 4, number: 5}. */
export const INSTRUMENT_HEADING = /^\s{0,3}(?:#{1,6}\s{1,3})?\**\s{0,2}(Decision|Resolution)\s{1,3}(\d{1,2})\/(\d{1,3})\s{0,2}\**\s*$/;

export function instrumentId(type: 'decision' | 'resolution', session: number, number: number): string {
  return `${type}-${session}-${number}`;
}

/**
 * The id of another body's instrument from its name as citations write it ("General Assembly
 * resolution 70/1" → "general-assembly-resolution-70-1"): the scanner's name and the corpus's id meet here.
 */
export function otherBodyInstrumentId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function instrumentName(type: 'decision' | 'resolution', session: number, number: number): string {
  return `${type === 'decision' ? 'Decision' : 'Resolution'} ${session}/${number}`;
}

/** What drafters write for a Conference instrument; matched case-insensitively. */
export function instrumentAliases(type: 'decision' | 'resolution', session: number, number: number): string[] {
  const n = `${session}/${number}`;
  const abbreviations = type === 'decision' ? ['dec.', 'dec'] : ['res.', 'res'];
  return [`${type} ${n}`, ...abbreviations.map((a) => `${a} ${n}`), `conference ${type} ${n}`, `COP ${type} ${n}`];
}

export function meetingAliases(meeting: number): string[] {
  const ordinal = numberToOrdinal(meeting);
  return [
    `Part A ${numberToRoman(meeting).toUpperCase()}`,
    `${ordinal} meeting of the Working Group`,
    `${ordinal} meeting of the Working Group on the Smuggling of Migrants`,
    `recommendations of the ${ordinal} meeting`,
  ];
}

export interface InstrumentDocumentInput {
  id: string;
  instrumentId: string;
  kind: DocumentKind;
  name: string;
  title: string;
  aliases: string[];
  session?: number;
  sessionName?: string;
  dates?: string;
  heading: SourceRange;
  compendium?: DocumentOrigin['compendium'];
  body: ParsedBody;
}

export function makeDocument(input: InstrumentDocumentInput): CorpusDocument {
  const year = input.dates ? Number(/(\d{4})\s*$/.exec(input.dates)?.[1]) || undefined : undefined;
  return {
    id: input.id,
    instrumentId: input.instrumentId,
    kind: input.kind,
    name: input.name,
    title: input.title,
    session: input.session,
    sessionName: input.sessionName,
    dates: input.dates,
    year,
    aliases: input.aliases,
    opening: input.body.opening,
    paragraphs: input.body.paragraphs,
    origin: { file: input.heading.file, heading: input.heading, compendium: input.compendium, excerpt: input.body.excerpt },
  };
}

/** The range of a whole (trimmed) line. */
export function lineRange(lines: string[], line: number, file: string): SourceRange {
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  return { file, start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}

/** The next line at or after `from` that is not blank, or -1. */
export function nextNonBlank(lines: string[], from: number, to = lines.length): number {
  for (let i = from; i < to; i++) if (lines[i].trim()) return i;
  return -1;
}
