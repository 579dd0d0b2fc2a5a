// Single-instrument documents: a decision or resolution printed on its own ("## Decision 4/5"),
// or a draft resolution in the UN's document layout ("France:* draft resolution").

import type { CorpusDocument, CorpusProblem } from './model';
import { INSTRUMENT_HEADING, instrumentAliases, instrumentId, instrumentName, lineRange, makeDocument, nextNonBlank } from './instruments';
import { parseBody } from './paragraphs';
import { normalizeSpace, ordinalToNumber, stripMarkup } from './text';

export interface ParsedStandalone {
  document?: CorpusDocument;
  problems: CorpusProblem[];
}

/** "France:* draft resolution" → sponsor "France". */
const DRAFT_HEADING = /^\s{0,3}([A-Z][A-Za-z ,'’-]{1,120}?):?\**\s{0,2}(?:revised\s+)?draft (resolution|decision)\s*$/;

export function parseStandalone(lines: string[], file: string): ParsedStandalone {
  const instrumentLine = lines.findIndex((l) => INSTRUMENT_HEADING.test(l));
  if (instrumentLine >= 0) return parseInstrument(lines, instrumentLine, file);
  const draftLine = lines.findIndex((l) => DRAFT_HEADING.test(l));
  if (draftLine >= 0) return parseDraft(lines, draftLine, file);
  return {
    problems: [{ severity: 'error', code: 'unrecognised-document', message: 'no "Decision n/m", "Resolution n/m" or "…: draft resolution" heading found; nothing to cite in this file', file }],
  };
}

function parseInstrument(lines: string[], headingLine: number, file: string): ParsedStandalone {
  const m = INSTRUMENT_HEADING.exec(lines[headingLine])!;
  const type = m[1].toLowerCase() as 'decision' | 'resolution';
  const session = Number(m[2]);
  const number = Number(m[3]);
  const titleLine = nextNonBlank(lines, headingLine + 1);
  const title = titleLine >= 0 ? normalizeSpace(stripMarkup(lines[titleLine].replace(/^#{1,6}\s*/, ''))) : '';
  const body = parseBody(lines, titleLine + 1, lines.length, { file, scheme: type === 'decision' ? 'lettered' : 'numbered', preambular: type === 'resolution', opening: true });
  const id = instrumentId(type, session, number);
  const document = makeDocument({
    id: `${id}.standalone`,
    instrumentId: id,
    kind: type,
    name: instrumentName(type, session, number),
    title,
    aliases: instrumentAliases(type, session, number),
    session,
    heading: lineRange(lines, headingLine, file),
    body,
  });
  return { document, problems: body.problems };
}

function parseDraft(lines: string[], headingLine: number, file: string): ParsedStandalone {
  const m = DRAFT_HEADING.exec(lines[headingLine])!;
  const sponsor = m[1].trim();
  const type = m[2] as 'resolution' | 'decision';
  const titleLine = nextNonBlank(lines, headingLine + 1);
  const title = titleLine >= 0 ? normalizeSpace(stripMarkup(lines[titleLine])) : '';
  // The masthead above the heading: date of issue, session and its dates.
  const masthead = lines.slice(0, headingLine);
  const issued = masthead.map((l) => /^\s*(\d{1,2} [A-Z][a-z]+ \d{4})\s*$/.exec(l)?.[1]).find(Boolean);
  const sessionLine = masthead.map((l) => /^\s*([A-Z][a-z]+(?:-[a-z]+)?) session\s*$/.exec(l)?.[1]).find(Boolean);
  const sessionDates = masthead.map((l) => /^\s*[A-Z][a-z]+, (\d.{2,40}\d{4})\s*$/.exec(l)?.[1]).find(Boolean);
  const session = sessionLine ? ordinalToNumber(sessionLine) : undefined;
  const year = Number(/(\d{4})$/.exec(issued ?? sessionDates ?? '')?.[1]) || undefined;
  const slug = sponsor.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const id = `draft-${type}-${slug}${year ? `-${year}` : ''}`;
  const body = parseBody(lines, titleLine + 1, lines.length, { file, scheme: type === 'decision' ? 'lettered' : 'numbered', preambular: type === 'resolution', opening: true });
  const yearNote = year ? ` (${year})` : '';
  const document = makeDocument({
    id,
    instrumentId: id,
    kind: 'draft-resolution',
    name: `Draft ${type} submitted by ${sponsor}${yearNote}`,
    title,
    aliases: draftAliases(sponsor, type, yearNote),
    session,
    sessionName: sessionLine ? `${sessionLine} session${sessionDates ? `, ${sessionDates}` : ''}` : undefined,
    dates: issued,
    heading: lineRange(lines, headingLine, file),
    body,
  });
  return { document, problems: body.problems };
}

/** Adjectives drafters use for a sponsor ("the French draft"); other sponsors are named as written. */
const DEMONYMS: Record<string, string> = {
  France: 'French', Italy: 'Italian', Mexico: 'Mexican', Germany: 'German', Spain: 'Spanish', Canada: 'Canadian', Egypt: 'Egyptian',
  Morocco: 'Moroccan', Nigeria: 'Nigerian', Brazil: 'Brazilian', Argentina: 'Argentine', Austria: 'Austrian', Japan: 'Japanese',
  China: 'Chinese', India: 'Indian', Australia: 'Australian', Turkey: 'Turkish', Türkiye: 'Turkish', Greece: 'Greek', Libya: 'Libyan',
  Tunisia: 'Tunisian', Senegal: 'Senegalese', Colombia: 'Colombian', Ecuador: 'Ecuadorian', Norway: 'Norwegian', Sweden: 'Swedish',
};

/** "France draft resolution (2008)", "the French draft", "draft resolution presented by France", "France's draft". */
function draftAliases(sponsor: string, type: string, yearNote: string): string[] {
  const demonym = DEMONYMS[sponsor];
  return [
    `${sponsor} draft ${type}${yearNote}`,
    `${sponsor} draft ${type}`,
    `draft ${type} submitted by ${sponsor}`,
    `draft ${type} presented by ${sponsor}`,
    `draft ${type} proposed by ${sponsor}`,
    `draft ${type} by ${sponsor}`,
    `draft ${type} of ${sponsor}`,
    `${sponsor}'s draft ${type}`,
    `${sponsor}’s draft ${type}`,
    `${sponsor}'s draft`,
    `${sponsor}’s draft`,
    `${sponsor}: draft ${type}`,
    `${sponsor} draft`,
    `${sponsor}'s ${yearNote.replace(/[() ]/g, '')} draft ${type}`,
    `${sponsor}’s ${yearNote.replace(/[() ]/g, '')} draft ${type}`,
    ...(demonym ? [`${demonym} draft ${type}${yearNote}`, `${demonym} draft ${type} of ${yearNote.replace(/[() ]/g, '')}`, `${demonym} draft ${type}`, `${demonym} draft`] : []),
  ].filter((a) => !/ of $/.test(a));
}
