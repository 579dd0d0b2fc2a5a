// Users' own documents: Markdown with a small front matter, then paragraphs numbered as drafters
// number them. The same paragraph parser as the built-in corpus reads the body.
//
//   ---
//   id: resolution-12-2              required; letters, digits, "-", "."
//   kind: resolution                 resolution | decision | draft-resolution | wg-recommendations | document
//   number: 12/2                     resolutions and decisions: session/number
//   body: General Assembly           optional: another body's resolution or decision, cited as
//                                    "General Assembly resolution 70/1" (Security Council, Human
//                                    Rights Council, Economic and Social Council … as the name is written)
//   meeting: 11                      Working Group recommendations: the meeting
//   title: Smuggling of migrants     required
//   symbol: CTOC/COP/2024/15         optional
//   date: 2024-10-18                 optional
//   aliases: [Resolution 12/2 of 2024, draft 12/2]    optional, or one "- alias" per line
//   ---
//   PP 1 Recalling its resolution 5/3,
//   1. Urges States parties …
//   (a) To consider …
//   (i) …

import { instrumentAliases, instrumentName, makeDocument, meetingAliases, otherBodyInstrumentId } from './instruments';
import type { CorpusDocument, CorpusProblem, DocumentKind } from './model';
import { parseBody } from './paragraphs';
import { numberToOrdinal, splitLines } from './text';

export type UserKind = DocumentKind | 'document';
const KINDS: UserKind[] = ['resolution', 'decision', 'draft-resolution', 'wg-recommendations', 'document'];

interface Field {
  value: string | string[];
  line: number;
}

export interface ParsedUserDocument {
  document?: CorpusDocument;
  problems: CorpusProblem[];
  /** Where each front-matter field sits (zero-based line), for precise diagnostics later. */
  fieldLines: Record<string, number>;
}

export function parseUserDocument(text: string, file: string): ParsedUserDocument {
  const lines = splitLines(text);
  const problems: CorpusProblem[] = [];
  const problem = (code: string, message: string, line = 0, severity: 'error' | 'warning' = 'error') => problems.push({ severity, code, message, file, line, user: true });
  if (!/^---\s*$/.test(lines[0] ?? '')) {
    problem('missing-front-matter', 'a corpus document starts with a front matter between "---" lines (id, kind, title …)');
    return { problems, fieldLines: {} };
  }
  const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  if (close < 0) {
    problem('unclosed-front-matter', 'the front matter has no closing "---" line');
    return { problems, fieldLines: {} };
  }
  const fields = readFields(lines, 1, close, file, problems);
  const fieldLines = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.line]));
  const str = (name: string) => (typeof fields[name]?.value === 'string' ? (fields[name].value as string) : undefined);
  for (const required of ['id', 'kind', 'title']) if (!str(required)) problem('missing-field', `the front matter has no "${required}:" field`, close);
  const id = str('id');
  const kind = str('kind') as UserKind | undefined;
  const title = str('title') ?? '';
  if (id && !/^[a-z0-9][a-z0-9.-]{0,80}$/i.test(id)) problem('bad-field', `id "${id}" may use only letters, digits, "-" and "."`, fields.id.line);
  if (kind && !KINDS.includes(kind)) problem('bad-field', `kind "${kind}" is not one of ${KINDS.join(', ')}`, fields.kind.line);
  if (!id || !kind || !KINDS.includes(kind) || !title || problems.some((p) => p.code === 'bad-field')) return { problems, fieldLines };

  const aliases = Array.isArray(fields.aliases?.value) ? (fields.aliases.value as string[]) : str('aliases') ? [str('aliases')!] : [];
  let instrumentId = id;
  let name = title;
  let session: number | undefined;
  let compendium: CorpusDocument['origin']['compendium'];
  const builtAliases: string[] = [];
  if (kind === 'resolution' || kind === 'decision') {
    const m = /^(\d{1,3})\/(\d{1,4})$/.exec(str('number') ?? '');
    if (!m) {
      problem(fields.number ? 'bad-field' : 'missing-field', `a ${kind} needs "number: session/number" (e.g. 12/2)`, fields.number?.line ?? close);
      return { problems, fieldLines };
    }
    session = Number(m[1]);
    const body = str('body')?.trim();
    if (body !== undefined && !/^[A-Z][A-Za-z’' -]{1,80}$/.test(body)) {
      problem('bad-field', `body "${body}" should be the body's name as drafters write it, e.g. "General Assembly"`, fields.body.line);
      return { problems, fieldLines };
    }
    if (body) {
      // Another body's instrument: the scanner reads "General Assembly resolution 70/1" by itself.
      name = `${body.replace(/\s+/g, ' ')} ${kind} ${m[1]}/${m[2]}`;
      instrumentId = otherBodyInstrumentId(name);
    } else {
      instrumentId = `${kind}-${m[1]}-${m[2]}`;
      name = instrumentName(kind, session, Number(m[2]));
      builtAliases.push(...instrumentAliases(kind, session, Number(m[2])));
    }
  } else if (kind === 'wg-recommendations') {
    const meeting = Number(str('meeting'));
    if (!Number.isInteger(meeting) || meeting < 1) {
      problem(fields.meeting ? 'bad-field' : 'missing-field', 'Working Group recommendations need "meeting: N"', fields.meeting?.line ?? close);
      return { problems, fieldLines };
    }
    session = meeting;
    instrumentId = `wg-meeting-${meeting}`;
    name = `Working Group recommendations, ${numberToOrdinal(meeting)} meeting`;
    builtAliases.push(...meetingAliases(meeting));
    compendium = { part: 'A', section: meeting };
  }
  const scheme = kind === 'decision' ? 'lettered' : 'numbered';
  const body = parseBody(lines, close + 1, lines.length, { file, scheme, preambular: kind === 'resolution' || kind === 'draft-resolution', opening: kind !== 'wg-recommendations' && kind !== 'document' });
  for (const p of body.problems) problems.push({ ...p, user: true });
  if (body.paragraphs.length === 0) problem('no-paragraphs', 'no numbered paragraphs found after the front matter ("1.", "(a)", "PP 1" …)', close, 'warning');
  const heading = { file, start: { line: 0, character: 0 }, end: { line: close, character: 3 } };
  const document = makeDocument({
    id,
    instrumentId,
    kind,
    name,
    title,
    aliases: [...builtAliases, ...aliases, ...(kind === 'draft-resolution' || kind === 'document' ? [title] : [])],
    session,
    dates: str('date'),
    heading,
    compendium,
    body,
  });
  document.symbol = str('symbol');
  if (str('body') && (kind === 'resolution' || kind === 'decision')) document.body = str('body')!.trim().replace(/\s+/g, ' ');
  if (document.symbol && !document.aliases.includes(document.symbol)) document.aliases.push(document.symbol);
  document.origin.user = true;
  return { document, problems, fieldLines };
}

/** "key: value", "key: [a, b]", or "key:" followed by "- item" lines. */
function readFields(lines: string[], from: number, to: number, file: string, problems: CorpusProblem[]): Record<string, Field> {
  const fields: Record<string, Field> = {};
  let listKey: string | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i].replace(/\s+#.*$/, '');
    if (!line.trim()) continue;
    const item = /^\s+-\s+(.+)$/.exec(line);
    if (item && listKey) {
      (fields[listKey].value as string[]).push(unquote(item[1]));
      continue;
    }
    const m = /^([A-Za-z][\w-]{0,30}):\s*(.*)$/.exec(line);
    if (!m) {
      problems.push({ severity: 'error', code: 'bad-front-matter', message: `cannot read "${line.trim()}" (expected "key: value")`, file, line: i, user: true });
      continue;
    }
    const [, key, raw] = m;
    if (fields[key]) problems.push({ severity: 'warning', code: 'duplicate-field', message: `"${key}:" appears twice; the last one counts`, file, line: i, user: true });
    listKey = undefined;
    if (raw === '') {
      fields[key] = { value: [], line: i };
      listKey = key;
    } else if (/^\[.*\]$/.test(raw.trim())) {
      fields[key] = { value: raw.trim().slice(1, -1).split(',').map((s) => unquote(s.trim())).filter(Boolean), line: i };
    } else {
      fields[key] = { value: unquote(raw.trim()), line: i };
    }
  }
  return fields;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}
