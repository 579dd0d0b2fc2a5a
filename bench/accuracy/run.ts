// `npm run accuracy`: recognised / resolved right / broken flagged / false alarms per draft and
// overall, then the cases gained and lost against bench/accuracy-baseline.json.
// `--update` writes the baseline; `--verbose` lists every case the service gets wrong.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspaceService } from '../../server/src/node/corpora';
import { readCorpusSources } from '../../server/src/node/corpusFiles';
import { PERTURBATIONS, agreedAccuracy } from './agreed';
import { BASELINE_FILE, type Baseline, type Summary, compare, evaluateAll, summarise, toBaseline } from './evaluate';

const dataDir = join(__dirname, '..', '..', 'data');
const args = new Set(process.argv.slice(2));
const service = createWorkspaceService(dataDir, readCorpusSources(dataDir), undefined, []);
const results = evaluateAll(service);

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const row = (name: string, s: Summary) =>
  `| ${name} | ${s.citations} | ${s.recognised} (${pct(s.recognised, s.citations)}) | ${s.resolvedRight} (${pct(s.resolvedRight, s.citations)}) | ${s.brokenFlagged}/${s.broken} | ${s.lookAlikes} | ${s.falseAlarms} |`;

const lines = ['| draft | citations | recognised | read right | broken flagged | look-alikes | false alarms |', '|---|---|---|---|---|---|---|'];
for (const r of results) lines.push(row(r.file, summarise(r.outcomes, r.unlisted)));
lines.push(row('**overall**', summarise(results.flatMap((r) => r.outcomes), results.flatMap((r) => r.unlisted))));
console.log(lines.join('\n'));

// Agreed language (issue 14): top-1 of every paragraph of 18+ words, perturbed five ways.
const agreed = agreedAccuracy(service.corpus);
console.log(`\nAgreed language: ${agreed.paragraphs} paragraphs of 18 words or more, each perturbed five ways; the paragraph found first:\n`);
console.log('| perturbation | found first |\n|---|---|');
let agreedRight = 0;
let agreedTotal = 0;
for (const how of PERTURBATIONS) {
  const { right, total } = agreed.perPerturbation[how];
  agreedRight += right;
  agreedTotal += total;
  console.log(`| ${how} | ${right}/${total} (${pct(right, total)}) |`);
}
console.log(`| **overall** | ${agreedRight}/${agreedTotal} (${pct(agreedRight, agreedTotal)}) |`);

if (args.has('--verbose')) {
  for (const m of agreed.misses) console.log(`  ✗ agreed language: ${m.paragraph} (${m.how}) — found ${m.got} first`);
  for (const r of results) {
    for (const o of r.outcomes.filter((x) => !x.right)) console.log(`  ✗ ${r.file}.md:${o.row.line}  ${o.row.text}  — expected ${o.row.raw}, got ${o.got}`);
    for (const u of r.unlisted.filter((x) => x.got !== 'outside')) console.log(`  ? ${r.file}.md:${u.line}  ${u.text}  — not in the expectations, read as ${u.got}`);
  }
}

if (args.has('--update')) {
  writeFileSync(BASELINE_FILE, `${JSON.stringify(toBaseline(results), null, 1)}\n`);
  console.log(`\nbaseline written: ${BASELINE_FILE}`);
} else if (existsSync(BASELINE_FILE)) {
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
  const { gained, lost, newFalseAlarms } = compare(results, baseline);
  console.log(`\nagainst the baseline: ${gained.length} gained, ${lost.length} lost${newFalseAlarms.length ? `, more false alarms in ${newFalseAlarms.length} draft(s)` : ''}`);
  for (const o of gained) console.log(`  + ${o.row.file}.md:${o.row.line}  ${o.row.text}`);
  for (const o of lost) console.log(`  - ${o.row.file}.md:${o.row.line}  ${o.row.text}  (expected ${o.row.raw}, got ${o.got})`);
  for (const f of newFalseAlarms) console.log(`  ! ${f}`);
  if (lost.length || newFalseAlarms.length) process.exitCode = 1;
}
