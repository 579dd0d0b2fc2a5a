// README's table of written forms, generated from the grammar table (server/src/citations/grammar.ts).
// `npm run forms:readme` rewrites it between the markers; a test fails when README and the grammar differ.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FormRow, INSTRUMENT_DESIGNATORS, OTHER_BODIES, PARAGRAPH_DESIGNATORS, RECOMMENDATION_DESIGNATORS } from '../server/src/citations/grammar';

export const README = join(__dirname, '..', 'README.md');
export const START = '<!-- forms-table:start (generated from server/src/citations/grammar.ts: npm run forms:readme) -->';
export const END = '<!-- forms-table:end -->';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function row(group: string, r: FormRow): string {
  const examples = r.examples.map(([text, reads]) => `${code(text)} → ${reads === 'none' ? 'not a citation' : reads}`).join(' · ');
  return `| ${group} | ${r.meaning} | ${r.written.length ? r.written.map(code).join(', ') : '—'} | ${examples} |`;
}

export function formsTable(): string {
  return [
    '| designator | means | written as | examples (→ what they read as) |',
    '|---|---|---|---|',
    ...INSTRUMENT_DESIGNATORS.map((r) => row('instrument', r)),
    ...PARAGRAPH_DESIGNATORS.map((r) => row('paragraph', r)),
    ...RECOMMENDATION_DESIGNATORS.map((r) => row('recommendation', r)),
    ...OTHER_BODIES.map((r) => row('other body', r)),
  ].join('\n');
}

export function readmeWithTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${formsTable()}\n${readme.slice(end)}`;
}

if (process.argv.includes('--write')) {
  writeFileSync(README, readmeWithTable(readFileSync(README, 'utf8')));
  console.log('README.md: forms table written');
}
