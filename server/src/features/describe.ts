// Prose at the edge: the resolver returns failures as facts (model.ts `Failure`) and this is the
// one place that says them in words, so diagnostics, hover, the preview, the annex and the
// command line all print the same sentence for the same failure.

import { writePath } from '../citations/format';
import type { Citation, Failure } from '../citations/model';
import { isSmallRoman } from '../corpus/labels';
import type { CorpusDocument, Paragraph } from '../corpus/model';
import { letterIndex, numberToOrdinal, numberToRoman, romanToNumber } from '../corpus/text';

/** A failure's words, kept per failure object: cached resolutions share it across every occurrence. */
const described = new WeakMap<Failure, string>();

/** What is wrong with a citation (or, for one outside the corpus, what it is); undefined when nothing is. */
export function describeCitation(c: Citation): string | undefined {
  return c.failure && describe(c.failure);
}

/** One sentence for a failure, e.g. "No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1." */
export function describe(f: Failure): string {
  let text = described.get(f);
  if (text === undefined) described.set(f, (text = sentence(f)));
  return text;
}

function sentence(f: Failure): string {
  switch (f.kind) {
    // What one paragraph of a list lacks: a clause, made a sentence.
    case 'not-a-range':
    case 'range-across-levels':
    case 'not-in-excerpt':
    case 'misprint':
    case 'unknown-preambular':
    case 'unknown-parent':
    case 'unknown-paragraph':
    case 'unmapped-report-paragraph':
      return `${capitalise(memberClause(f))}.`;
    case 'other-body-session':
      return `${capitalise(f.instrument)} ${f.session}/${f.number} is numbered as another body's (the Conference has not held ${f.session} sessions); it is not in the corpus.`;
    case 'document-gone':
      return 'This document is no longer in the corpus.';
    case 'unknown-meeting':
      return `The corpus holds the recommendations of the Working Group's meetings ${span(f.held)}, not of its ${numberToOrdinal(f.meeting)} meeting.`;
    case 'meeting-year-several':
      return `The Working Group met ${f.count} times in ${f.year}: say which meeting.`;
    case 'meeting-year-none':
      return `The corpus holds no meeting of the Working Group held in ${f.year} (it holds meetings held in ${f.held.join(', ')}).`;
    case 'other-body':
      return `${f.name} is not in the corpus, which holds Conference of the Parties instruments and Working Group recommendations.`;
    case 'treaty-provision':
      return `A treaty provision (${f.written.replace(/\s+/g, ' ')}); treaties are not in the corpus.`;
    case 'carried-unread':
      return 'A reference to an earlier citation.';
    case 'wrong-kind': {
      const actual = f.written === 'resolution' ? 'decision' : 'resolution';
      return `${f.session}/${f.number} is a ${actual} of the Conference, not a ${f.written}: did you mean ${capitalise(actual)} ${f.session}/${f.number}?`;
    }
    case 'unknown-instrument':
      return `${capitalise(f.instrument)} ${f.session}/${f.number} is not in the corpus (it holds ${listNames(f.held)}); the corpus may simply not include it.${f.close.length ? ` Did you mean ${f.close.join(' or ')}?` : ''}`;
    case 'section-number-in-part-b': {
      const roman = upperRoman(f.section);
      const inPartB = f.paragraphs.map((p) => writePath(f.resolution, p.path, 'instrument')).join(', ');
      const orRecommendation = f.closest.length ? ` or ${f.closest.map((s) => `${roman}.${s}`).join(' / ')} for a recommendation` : '';
      return `${roman}.${f.written} is not a recommendation of the Working Group's ${numberToOrdinal(f.section)} meeting (it has ${describeLevel(f.meeting, undefined)}); in Part B it is ${f.resolution.name}, paragraph ${inPartB}. Write "Part B ${roman}.${f.written}" for the resolution${orRecommendation}.`;
    }
    case 'unknown-section': {
      const has = f.part === 'B' ? 'Part B has sections I–VII (VII, also written X, is resolution 10/3)' : `Part A has the meetings ${span(f.meetings)}`;
      return `The compendium has no section ${upperRoman(f.section)}${f.part ? ` in Part ${f.part}` : ''}: ${has}.`;
    }
    case 'unknown-meeting-report':
      return `No meeting of the Working Group in the corpus ${f.meeting !== undefined ? `is its ${numberToOrdinal(f.meeting)}` : `was held ${f.dates}`}.`;
    case 'report-unnamed':
      return `Which meeting's report? Say which (e.g. "held in Vienna from ${f.firstDates ?? '…'}" or "the first meeting"); the corpus holds reports of meetings ${span(f.meetings)}.${f.candidates.length ? ` Reports with these paragraph numbers: ${f.candidates.join(', ')}.` : ''}`;
    case 'report-numbering-unknown':
      return `The corpus does not know the paragraph numbers of ${f.symbol ?? 'this report'}: its recommendations are cited by their own numbers (e.g. ${upperRoman(f.meeting)}.${f.example}).`;
    case 'unknown-report':
      return `${f.symbol} is not a Working Group report the corpus holds; it holds ${listNames(f.held.map((r) => `${r.symbol} (${numberToOrdinal(r.meeting)} meeting)`))}.`;
    case 'unknown-symbol':
      return `${f.symbol} is not in the corpus.`;
    case 'session-report-paragraphs':
      return `The paragraphs of the session report ${f.symbol} are not in the corpus; it holds what that session adopted: ${listNames(f.adopted)}.`;
    default:
      return unreachable(f);
  }
}

type MemberKinds = 'not-a-range' | 'range-across-levels' | 'not-in-excerpt' | 'misprint' | 'unknown-preambular' | 'unknown-parent' | 'unknown-paragraph' | 'unmapped-report-paragraph';

/** What one cited paragraph lacks, as a clause: "no paragraph 25: Resolution 5/3 has …". */
function memberClause(f: Extract<Failure, { kind: MemberKinds }>): string {
  switch (f.kind) {
    case 'not-a-range':
      return `"${f.written}" is not a range`;
    case 'range-across-levels':
      return `"${f.written}" is not a range of one paragraph's siblings (or is longer than ${f.limit})`;
    case 'not-in-excerpt': {
      const d = f.document;
      const held = d.paragraphs.map((p) => (p.path[1]?.startsWith('?') ? 'a preambular paragraph whose number it does not give' : `paragraph ${p.label}`));
      return `the corpus reproduces only an excerpt of ${d.name} (${listNames(held)}); paragraph ${writePath(d, f.path, 'instrument')} is not in it`;
    }
    case 'misprint': {
      const d = f.document;
      const intended = f.intended.map((p) => writePath(d, p.path, 'instrument')).join(' or ');
      return `${d.name} has no paragraph ${writePath(d, f.path, 'instrument')}; it has ${describeLevel(d, undefined)}, so this looks like a misprint of ${intended}`;
    }
    case 'unknown-preambular': {
      const d = f.document;
      const preambular = d.paragraphs.filter((p) => p.kind === 'preambular' && /^\d+$/.test(p.path[1] ?? ''));
      const has = preambular.length ? `preambular paragraph${preambular.length > 1 ? 's' : ''} ${compress(preambular.map((p) => p.path[1])).map((x) => `PP ${x}`).join(', ')}` : 'no numbered preambular paragraphs';
      return `${d.name} has no preambular paragraph ${f.number}: it has ${has}`;
    }
    case 'unknown-parent':
      return `${f.document.name} has no paragraph ${writePath(f.document, f.parentPath, 'instrument')}; it has ${describeLevel(f.document, undefined)}`;
    case 'unknown-paragraph': {
      const d = f.document;
      const siblings = describeLevel(d, f.parent);
      const where = f.parent ? `paragraph ${f.parent.label} of ${d.name} has ${siblings}` : `${d.name} has ${siblings}`;
      return `no paragraph ${writePath(d, f.path, 'instrument')}: ${where}`;
    }
    case 'unmapped-report-paragraph':
      return `the thematic index maps no recommendation to paragraph ${f.label} of ${f.symbol} (it maps paragraphs ${f.first}–${f.last}); the corpus holds only the recommendations of this report, not its other paragraphs`;
    default:
      return unreachable(f);
  }
}

/** A new failure kind without words here fails to compile. */
function unreachable(f: never): never {
  throw new Error(`no description for failure ${JSON.stringify(f)}`);
}

/** "operative paragraphs 1–24 and PP 1", "paragraphs (a)–(k)", "recommendations 1–55", "subparagraphs (a)–(c)". */
export function describeLevel(d: CorpusDocument, parent: Paragraph | undefined): string {
  const children = d.paragraphs.filter((p) => p.parentKey === parent?.key);
  if (parent && children.length === 0) return 'no subparagraphs';
  const operative = children.filter((p) => p.kind !== 'preambular');
  const preambular = children.filter((p) => p.kind === 'preambular' && !p.path[1].startsWith('?'));
  const labels = compress(operative.map((p) => p.path[p.path.length - 1]));
  const wrap = (s: string) => (/^\d/.test(s) ? s : s.replace(/([a-z]+)/g, '($1)'));
  const noun = parent ? 'subparagraphs' : d.kind === 'wg-recommendations' ? 'recommendations' : preambular.length ? 'operative paragraphs' : 'paragraphs';
  const pp = preambular.length ? ` and preambular paragraph${preambular.length > 1 ? 's' : ''} ${compress(preambular.map((p) => p.path[1])).map((s) => `PP ${s}`).join(', ')}` : '';
  return `${noun} ${labels.map(wrap).join(', ')}${pp}`;
}

/** ["1","2","3","5"] → ["1–3", "5"]; letters and romans likewise. */
function compress(values: string[]): string[] {
  const out: string[] = [];
  const value = (s: string) => (/^\d+$/.test(s) ? Number(s) : isSmallRoman(s) && values.some((v) => v.length > 1) ? romanToNumber(s)! : letterIndex(s) ?? NaN);
  let runStart = 0;
  for (let k = 1; k <= values.length; k++) {
    if (k < values.length && value(values[k]) === value(values[k - 1]) + 1) continue;
    const run = values.slice(runStart, k);
    out.push(run.length >= 3 ? `${run[0]}–${run[run.length - 1]}` : run.join(', '));
    runStart = k;
  }
  return out.filter(Boolean);
}

/** Meetings I–X, from their ascending numbers. */
function span(meetings: number[]): string {
  return meetings.length ? `${upperRoman(meetings[0])}–${upperRoman(meetings[meetings.length - 1])}` : '(none)';
}

function upperRoman(n: number): string {
  return numberToRoman(n).toUpperCase();
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
