// The corpus pack at the UN's whole record's scale (issue 13): a synthetic corpus of 500,000
// paragraphs (packCorpus.ts) packed once with `un-cite pack`, then served by the real server
// (`node dist/server.js --stdio --corpus-dir DIR`, DIR holding only the pack). In one run, side by
// side: bare `node -e 0` spawn against spawn → first diagnostics, RSS, the no-op round trip against
// hover and definition on varied packed citations, and full-text search. Run alone with
// `npx tsx bench/pack.ts` (after `npm run build`).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../test/lspClient';
import { writePackCorpus } from './packCorpus';

export interface PackRow {
  group: string;
  name: string;
  value: string;
  target?: string;
  met?: boolean;
}

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const ms = (n: number) => `${n.toFixed(2)} ms`;

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** Position of the first character of each citation in a draft of one citation per line. */
function positions(lines: string[]): { line: number; character: number }[] {
  return lines.map((_, line) => ({ line, character: 1 }));
}

export async function packBench(): Promise<PackRow[]> {
  const rows: PackRow[] = [];
  const record = (name: string, value: string, extra: Partial<PackRow> = {}) => rows.push({ group: 'corpus pack', name, value, ...extra });

  // 1. Generate and pack once.
  let t = now();
  const corpus = writePackCorpus(500_000);
  const generated = now() - t;
  const served = mkdtempSync(join(tmpdir(), 'un-pack-served-'));
  const packFile = join(served, 'corpus.uncpack');
  try {
    t = now();
    execFileSync(process.execPath, [CLI, 'pack', corpus.dir, '--out', packFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    const build = now() - t;
    const size = statSync(packFile).size;
    record(`synthetic corpus: ${corpus.paragraphs.toLocaleString('en')} paragraphs in ${corpus.documents.toLocaleString('en')} instruments (${(corpus.bytes / 1e6).toFixed(0)} MB of text, generated in ${(generated / 1000).toFixed(1)} s): un-cite pack`, `${(build / 1000).toFixed(1)} s, ${(size / 1e6).toFixed(1)} MB`);

    // 2. Start-up: bare node against the server with the pack, interleaved so drift hits both alike.
    const args = ['--corpus-dir', served];
    const bare: number[] = [];
    const firstDiagnostics: number[] = [];
    for (let i = 0; i < 7; i++) {
      t = now();
      spawnSync(process.execPath, ['-e', '0']);
      bare.push(now() - t);
      t = now();
      const c = await LspClient.start({ args });
      c.open('file:///bench/pack-start.md', `See ${corpus.citations[i]} and ${corpus.citations[i + 7]}.\n`);
      await c.diagnosticsFor('file:///bench/pack-start.md', 1);
      firstDiagnostics.push(now() - t);
      await c.stop();
    }
    const bareMedian = percentile(bare, 50);
    const startMedian = percentile(firstDiagnostics, 50);
    record('bare `node -e 0` spawn (median of 7)', ms(bareMedian));
    record('spawn → first diagnostics with the pack (median of 7)', `${ms(startMedian)} (×${(startMedian / bareMedian).toFixed(2)} bare node)`, { target: '≤ 3× bare node', met: startMedian <= 3 * bareMedian });

    // 3. Latency: one client, a draft citing varied packed paragraphs (one per line, spread over the corpus).
    const client = await LspClient.start({ args });
    const lines = corpus.citations.map((c, i) => (i % 5 === 4 ? `${c.replace(/\d+$/, '99')} is not there.` : `${c} says so.`));
    const uri = 'file:///bench/pack-latency.md';
    client.open(uri, `${lines.join('\n')}\n`);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const flagged = diagnostics.filter((d) => d.code === 'citation.unknown-paragraph').length;
    const at = positions(lines);
    const N = 1_000;
    const time = async (method: string, params: (i: number) => unknown, count: number) => {
      const samples: number[] = [];
      for (let i = 0; i < count; i++) {
        const s = now();
        await client.request(method, params(i));
        samples.push(now() - s);
      }
      return samples;
    };
    const at_ = (i: number) => ({ textDocument: { uri }, position: at[(i * 7) % at.length] });
    const queries = corpus.queries.map((q, i) => (i % 4 === 3 ? ['smuggling of migrants by sea', 'international cooperation', 'States parties migrants', 'technical assistance', 'human rights of smuggled migrants'][i % 5] : q));
    const search = (i: number) => ({ query: queries[(i * 11) % queries.length], limit: 20 });
    // Warm each path first.
    await time('workspace/symbol', () => ({ query: '' }), 100);
    await time('textDocument/hover', at_, 100);
    await time('textDocument/definition', at_, 100);
    await time('unCitations/search', search, 30);
    const floor = await time('workspace/symbol', () => ({ query: '' }), N);
    const hover = await time('textDocument/hover', at_, N);
    const definition = await time('textDocument/definition', at_, N);
    const searches = await time('unCitations/search', search, 300);
    const rss = rssOf(client.process.pid!);
    await client.stop();

    const floorP99 = percentile(floor, 99);
    record(`no-op round trip (workspace/symbol, empty query), p50 / p99 over ${N}`, `${ms(percentile(floor, 50))} / ${ms(floorP99)}`);
    for (const [name, samples] of [['hover', hover], ['definition', definition]] as const) {
      const p99 = percentile(samples, 99);
      record(`${name} on ${lines.length} varied packed citations (${flagged} flagged as unknown paragraphs), p50 / p99 over ${N}`, `${ms(percentile(samples, 50))} / ${ms(p99)} (×${(p99 / floorP99).toFixed(2)} floor p99)`, { target: '≤ 3× floor at p99', met: p99 <= 3 * floorP99 });
    }
    const searchP99 = percentile(searches, 99);
    record(`full-text search (unCitations/search) over ${queries.length} varied queries, p50 / p99 over 300`, `${ms(percentile(searches, 50))} / ${ms(searchP99)}`, { target: '≤ 100 ms p99', met: searchP99 <= 100 });
    record('server RSS after the requests above', `${rss.toFixed(1)} MB`, { target: '≤ 300 MB', met: rss <= 300 });
  } finally {
    rmSync(served, { recursive: true, force: true });
    rmSync(corpus.dir, { recursive: true, force: true });
  }
  return rows;
}

if (require.main === module) {
  packBench().then(
    (rows) => {
      console.log(['| group | measurement | value | target | met |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.group} | ${r.name} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`)].join('\n'));
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
