// npm run bench — timings live here, never in tests. Prints a Markdown table and writes JSON to
// bench/results/. Ratios are measured side by side in one run on this (shared, noisy) machine.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCitationContext, findCitations } from '../server/src/citations/resolver';
import { scanCitations } from '../server/src/citations/scanner';
import { buildCorpus } from '../server/src/corpus/corpus';
import { readCorpusSources } from '../server/src/node/corpusFiles';
import { generateDraft } from './drafts';

interface Row { name: string; value: number; unit: string; note?: string }
const rows: Row[] = [];
const record = (name: string, value: number, unit: string, note?: string) => rows.push({ name, value: Number(value.toFixed(3)), unit, note });

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

// Corpus: read once, parse many times.
const dataDir = join(__dirname, '..', 'data');
const { sources } = readCorpusSources(dataDir);
const corpusMs = time(() => buildCorpus(sources), 20);
const corpus = buildCorpus(sources);
record('parse the whole corpus (4 files, 165 KB)', corpusMs, 'ms', `${corpus.documents.length} documents, ${corpus.indexEntries.length} index references`);

// Scanner and resolver throughput on generated drafts.
const context = createCitationContext(corpus);
for (const lines of [1_000, 10_000, 100_000]) {
  const draft = generateDraft(lines);
  const mb = Buffer.byteLength(draft) / 1e6;
  const scanMs = time(() => scanCitations(draft, context.aliases), lines >= 100_000 ? 3 : 7);
  const fullMs = time(() => findCitations(context, draft), lines >= 100_000 ? 3 : 7);
  const count = findCitations(context, draft).length;
  record(`scan ${lines.toLocaleString('en')} lines (${mb.toFixed(2)} MB, ${count.toLocaleString('en')} citations)`, scanMs, 'ms', `${(mb / (scanMs / 1000)).toFixed(1)} MB/s`);
  record(`scan + resolve ${lines.toLocaleString('en')} lines`, fullMs, 'ms', `${(mb / (fullMs / 1000)).toFixed(1)} MB/s`);
}

// Pathological inputs: time per input (linear-time patterns keep these near the plain rate).
const adversarial: [string, string][] = [
  ['5 MB line of "IVX."', 'IVX.'.repeat(1_250_000)],
  ['5 MB line of "(i)(ii)/5/3/("', '(i)(ii)/5/3/('.repeat(385_000)],
  ['5 MB of unclosed backticks and comments', '` <!-- ``` '.repeat(500_000)],
  ['5 MB of prose without citations', 'The quick brown fox jumps over the lazy dog. '.repeat(111_000)],
];
for (const [name, text] of adversarial) {
  const ms = time(() => findCitations(context, text), 3);
  record(`adversarial: ${name}`, ms, 'ms', `${(text.length / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
}

const table = ['| measurement | value | note |', '|---|---|---|', ...rows.map((r) => `| ${r.name} | ${r.value} ${r.unit} | ${r.note ?? ''} |`)].join('\n');
console.log(table);
const dir = join(__dirname, 'results');
mkdirSync(dir, { recursive: true });
const stamp = new Date().toISOString();
writeFileSync(join(dir, 'latest.json'), JSON.stringify({ when: stamp, node: process.version, rows }, null, 2) + '\n');
writeFileSync(join(dir, 'latest.md'), `# Benchmark (${stamp}, Node ${process.version})\n\n${table}\n`);
