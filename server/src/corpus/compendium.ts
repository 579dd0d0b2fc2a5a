// The compendium: Part A (Working Group meetings), Part B (Conference sessions), then the index.
// Sections are found by their headings ("VII. Seventh meeting, 8 and 9 September 2020"); the
// table of contents repeats them with dot leaders and page numbers, which we skip.

import { appendAll } from '../util/arrays';
import type { CorpusDocument, CorpusProblem } from './model';
import { INSTRUMENT_HEADING, instrumentAliases, instrumentId, instrumentName, lineRange, makeDocument, meetingAliases, nextNonBlank } from './instruments';
import { collectFootnotes, parseBody } from './paragraphs';
import { normalizeSpace, numberToOrdinal, numberToRoman, ordinalToNumber, romanToNumber, stripMarkup } from './text';

export interface ParsedCompendium {
  documents: CorpusDocument[];
  /** Lines of the thematic index: [start, end). Empty when the file has none. */
  indexLines: [number, number];
  problems: CorpusProblem[];
}

const PART_A_HEADING = /^A\.\s+Recommendations adopted by the Working Group\b/;
const PART_B_HEADING = /^B\.\s+Resolutions and decisions adopted by the Conference of the Parties\b/;
const INDEX_HEADING = /^\**\s*(?:Thematic index of\b|THEMATIC INDEX\s*$)/;
/** "VII. Seventh meeting, 8 and 9 September 2020" → roman, ordinal, meeting|session, dates. */
const SECTION_HEADING = /^([IVXLC]{1,7})\.\s+([A-Z][a-z]+(?:-[a-z]+)?)\s+(meeting|session),\s+(.{1,80}?)\s*$/;

function isTableOfContents(line: string): boolean {
  return line.includes('\t') || /\.{4,}/.test(line);
}

/** True when the text looks like the compendium (so a loader can tell the formats apart). */
export function looksLikeCompendium(lines: string[]): boolean {
  return lines.some((l) => PART_A_HEADING.test(l) && !isTableOfContents(l)) || lines.some((l) => PART_B_HEADING.test(l) && !isTableOfContents(l));
}

export function parseCompendium(lines: string[], file: string): ParsedCompendium {
  const problems: CorpusProblem[] = [];
  const find = (re: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i]) && !isTableOfContents(lines[i])) return i;
    return -1;
  };
  const partA = find(PART_A_HEADING);
  const partB = find(PART_B_HEADING, Math.max(partA, 0));
  const index = find(INDEX_HEADING, Math.max(partB, partA, 0));
  const end = index >= 0 ? index : lines.length;
  if (partA < 0) problems.push({ severity: 'error', code: 'missing-part', message: 'no "A. Recommendations adopted by the Working Group" heading: Part A is missing', file });
  if (partB < 0) problems.push({ severity: 'error', code: 'missing-part', message: 'no "B. Resolutions and decisions adopted by the Conference" heading: Part B is missing', file });
  if (index < 0) problems.push({ severity: 'warning', code: 'missing-index', message: 'no thematic index found', file });

  // Section headings in each part, in order.
  const sections: { line: number; part: 'A' | 'B'; ordinal: number; number: number; sessionName: string; dates: string }[] = [];
  for (let i = Math.max(0, Math.min(...[partA, partB].filter((x) => x >= 0), end)); i < end; i++) {
    const m = SECTION_HEADING.exec(lines[i]);
    if (!m || isTableOfContents(lines[i])) continue;
    const part = partB >= 0 && i > partB ? 'B' : 'A';
    const ordinal = romanToNumber(m[1]);
    const number = ordinalToNumber(m[2]);
    if (ordinal === undefined || number === undefined) {
      problems.push({ severity: 'warning', code: 'unreadable-heading', message: `cannot read section heading "${lines[i]}"`, file, line: i });
      continue;
    }
    if ((part === 'A') !== (m[3] === 'meeting')) {
      problems.push({ severity: 'warning', code: 'unexpected-heading', message: `a ${m[3]} heading in Part ${part}`, file, line: i });
    }
    sections.push({ line: i, part, ordinal, number, sessionName: `${m[2]} ${m[3]}, ${m[4]}`, dates: m[4] });
  }

  const documents: CorpusDocument[] = [];
  const footnotes = collectFootnotes(lines, 0, end);
  sections.forEach((section, k) => {
    const next = sections[k + 1];
    const sectionEnd = next ? next.line : end;
    // Part A ends where Part B begins.
    const bodyEnd = section.part === 'A' && partB > section.line && partB < sectionEnd ? partB : sectionEnd;
    const heading = lineRange(lines, section.line, file);
    const compendium = { part: section.part, section: section.ordinal };
    if (section.part === 'A') {
      const body = parseBody(lines, section.line + 1, bodyEnd, { file, scheme: 'numbered', preambular: false, opening: false, footnotes });
      appendAll(problems, body.problems);
      documents.push(makeDocument({
        id: `wg-meeting-${section.number}`,
        instrumentId: `wg-meeting-${section.number}`,
        kind: 'wg-recommendations',
        name: `Working Group recommendations, ${numberToOrdinal(section.number)} meeting`,
        title: `Recommendations adopted by the Working Group on the Smuggling of Migrants at its ${numberToOrdinal(section.number)} meeting`,
        aliases: meetingAliases(section.number),
        session: section.number,
        sessionName: section.sessionName,
        dates: section.dates,
        heading,
        compendium,
        body,
      }));
      return;
    }
    // Part B: "Decision 1/6" or "Resolution 5/3", then the title, then the text.
    const nameLine = nextNonBlank(lines, section.line + 1, bodyEnd);
    const m = nameLine >= 0 ? INSTRUMENT_HEADING.exec(lines[nameLine]) : null;
    if (!m) {
      problems.push({ severity: 'error', code: 'missing-instrument', message: `section ${numberToRoman(section.ordinal).toUpperCase()} of Part B names no decision or resolution`, file, line: section.line });
      return;
    }
    const type = m[1].toLowerCase() as 'decision' | 'resolution';
    const session = Number(m[2]);
    const number = Number(m[3]);
    if (session !== section.number) {
      problems.push({ severity: 'warning', code: 'session-mismatch', message: `${m[1]} ${session}/${number} printed under the ${section.sessionName}`, file, line: nameLine });
    }
    const titleLine = nextNonBlank(lines, nameLine + 1, bodyEnd);
    const title = titleLine >= 0 ? normalizeSpace(stripMarkup(lines[titleLine])) : '';
    const body = parseBody(lines, titleLine + 1, bodyEnd, { file, scheme: type === 'decision' ? 'lettered' : 'numbered', preambular: type === 'resolution', opening: true, footnotes });
    appendAll(problems, body.problems);
    const id = instrumentId(type, session, number);
    const romanLabels = new Set([numberToRoman(section.ordinal), numberToRoman(session)].map((r) => `Part B ${r.toUpperCase()}`));
    documents.push(makeDocument({
      id,
      instrumentId: id,
      kind: type,
      name: instrumentName(type, session, number),
      title,
      aliases: [...instrumentAliases(type, session, number), ...romanLabels],
      session,
      sessionName: section.sessionName,
      dates: section.dates,
      heading: lineRange(lines, nameLine, file),
      compendium,
      body,
    }));
  });
  return { documents, indexLines: index >= 0 ? [index, lines.length] : [lines.length, lines.length], problems };
}
