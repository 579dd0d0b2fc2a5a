// npm run corpus:check — counts, index cross-check, copy comparison; exits 1 on any anomaly that
// data/corpus-allowlist.json does not explain, or on an allow-list entry that no longer occurs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCorpus } from '../server/src/corpus/check';
import { loadCorpus } from '../server/src/node/corpusFiles';

const dataDir = join(__dirname, '..', 'data');
const started = process.hrtime.bigint();
const corpus = loadCorpus(dataDir);
const parseMs = Number(process.hrtime.bigint() - started) / 1e6;
const report = checkCorpus(corpus);
const allow = JSON.parse(readFileSync(join(dataDir, 'corpus-allowlist.json'), 'utf8')) as { anomalies: { id: string; reason: string }[] };
const explained = new Map(allow.anomalies.map((a) => [a.id, a.reason]));

const rows = report.counts.map((c) => `| ${c.id} | ${c.name} | ${c.symbol ?? '—'} | ${c.preambular || '—'} | ${c.operative} | ${c.subparagraphs || '—'} |`);
console.log('| id | document | symbol | PP | paragraphs | subparagraphs |\n|---|---|---|---|---|---|\n' + rows.join('\n'));
console.log(`\nthematic index: ${report.topics} topics, ${report.indexReferences} references, ${report.indexResolved} resolve`);
console.log(`meeting-report paragraph numbers known: ${report.reportParagraphs}`);
console.log(`copies compared: ${[...corpus.instruments.values()].filter((c) => c.length > 1).map((c) => c[0].name).join(', ')}`);
console.log(`parsed in ${parseMs.toFixed(1)} ms\n`);

let unexplained = 0;
for (const a of report.anomalies) {
  const reason = explained.get(a.id);
  if (reason) console.log(`  allowed  ${a.id}: ${a.message}\n           reason: ${reason}`);
  else {
    unexplained++;
    console.log(`  ANOMALY  ${a.id}: ${a.message}`);
  }
}
const seen = new Set(report.anomalies.map((a) => a.id));
const stale = allow.anomalies.filter((a) => !seen.has(a.id));
for (const s of stale) console.log(`  STALE    allow-list entry ${s.id} no longer occurs; remove it`);
console.log(`\n${report.anomalies.length} anomalies, ${report.anomalies.length - unexplained} explained, ${unexplained} unexplained, ${stale.length} stale allow-list entries`);
process.exit(unexplained + stale.length > 0 ? 1 : 0);
