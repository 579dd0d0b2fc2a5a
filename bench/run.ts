// npm run bench — timings live here, never in tests. Drives the real server (node dist/server.js
// --stdio) over JSON-RPC and the real command line, and reports in one run, side by side, as a
// Markdown table and JSON under bench/results/. Ratios to the protocol floor (a request the server
// answers trivially, measured in the same run) matter more than absolute numbers on this shared machine.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCitationContext, findCitations } from '../server/src/citations/resolver';
import { buildCorpus } from '../server/src/corpus/corpus';
import { readCorpusSources } from '../server/src/node/corpusFiles';
import { LspClient } from '../test/lspClient';
import { generateDraft } from './drafts';
import { packBench } from './pack';
import { writeSyntheticCorpus } from './syntheticCorpus';

interface Row {
  group: string;
  name: string;
  value: string;
  target?: string;
  met?: boolean;
}
const rows: Row[] = [];
const json: Record<string, unknown> = {};
const record = (group: string, name: string, value: string, extra: Partial<Row> = {}) => rows.push({ group, name, value, ...extra });

const ms = (n: number) => `${n.toFixed(2)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function coldStart(runs: number, args: string[] = []): Promise<{ initialize: number; firstDiagnostics: number; rss: number }> {
  const initialize: number[] = [];
  const first: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const client = await LspClient.start({ args });
    const t1 = now();
    client.open('file:///bench/small.md', 'See Resolution 5/3, para 25 and VII.14.\n');
    await client.diagnosticsFor('file:///bench/small.md', 1);
    const t2 = now();
    initialize.push(t1 - t0);
    first.push(t2 - t0);
    rss = Math.max(rss, rssOf(client.process.pid!));
    await client.stop();
  }
  return { initialize: percentile(initialize, 50), firstDiagnostics: percentile(first, 50), rss };
}

async function latencies(client: LspClient, uri: string, positions: { line: number; character: number }[], method: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const position = positions[i % positions.length];
    const t = now();
    await client.request(method, method === 'workspace/symbol' ? { query: '' } : { textDocument: { uri }, position });
    samples.push(now() - t);
  }
  return samples;
}

async function main() {
  // 1. Cold start with the seed corpus.
  const cold = await coldStart(5);
  record('start-up', 'spawn → initialize result (median of 5)', ms(cold.initialize));
  // A bare node started in the same run: the start-up floor on this machine today.
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    execFileSync(process.execPath, ['-e', '0']);
    bare.push(now() - t0);
  }
  const bareNode = percentile(bare, 50);
  const startRatio = cold.firstDiagnostics / bareNode;
  record('start-up', 'bare `node -e 0`, spawn → exit (median of 5)', ms(bareNode));
  record('start-up', 'spawn → first diagnostics for a small draft (median of 5)', `${ms(cold.firstDiagnostics)} (×${startRatio.toFixed(1)} bare node)`, { target: '≤ 1.5× bare node', met: startRatio <= 1.5 });
  json.bareNode = bareNode;
  record('memory', 'server RSS with the seed corpus loaded', `${cold.rss.toFixed(1)} MB`, { target: '< 80 MB', met: cold.rss < 80 });
  json.coldStart = cold;

  // 2. Request latency against the protocol floor.
  // Raise the size limit so the 100k-line draft (6.4 MB) is checked, not skipped.
  const client = await LspClient.start({ capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: { settings: { maxFileSize: 50_000_000 } } });
  const draft = generateDraft(1_000);
  const uri = 'file:///bench/latency.md';
  client.open(uri, draft);
  await client.request('textDocument/diagnostic', { textDocument: { uri } });
  const lines = draft.split('\n');
  const citationPositions = findCitations(createCitationContext(buildCorpus(readCorpusSources(join(__dirname, '..', 'data')).sources)), draft)
    .map((c) => {
      const before = draft.slice(0, c.range.start + 1);
      const line = before.split('\n').length - 1;
      return { line, character: c.range.start + 1 - (before.lastIndexOf('\n') + 1) };
    });
  const completionPositions = lines
    .map((text, line) => ({ line, character: text.indexOf('VII.') >= 0 ? text.indexOf('VII.') + 4 : -1 }))
    .filter((p) => p.character > 0);
  const N = 1_000;
  // Warm up each path, then measure.
  for (const m of ['workspace/symbol', 'textDocument/hover', 'textDocument/definition', 'textDocument/completion']) await latencies(client, uri, m === 'textDocument/completion' ? completionPositions : citationPositions, m, 100);
  const floor = await latencies(client, uri, citationPositions, 'workspace/symbol', N);
  const hover = await latencies(client, uri, citationPositions, 'textDocument/hover', N);
  const definition = await latencies(client, uri, citationPositions, 'textDocument/definition', N);
  const completion = await latencies(client, uri, completionPositions, 'textDocument/completion', N);
  const floorP99 = percentile(floor, 99);
  const floorP50 = percentile(floor, 50);
  record('latency', `no-op round trip (protocol floor), p50 / p99 over ${N}`, `${ms(floorP50)} / ${ms(floorP99)}`);
  for (const [name, samples, target] of [['hover', hover, 3], ['definition', definition, 3]] as const) {
    const p99 = percentile(samples, 99);
    record('latency', `${name} on ${citationPositions.length} varied citations, p50 / p99 over ${N}`, `${ms(percentile(samples, 50))} / ${ms(p99)} (×${(p99 / floorP99).toFixed(2)} floor p99)`, { target: `< ${target}× floor at p99`, met: p99 < target * floorP99 });
  }
  const completionP99 = percentile(completion, 99);
  record('latency', `completion after "VII." p50 / p99 over ${N}`, `${ms(percentile(completion, 50))} / ${ms(completionP99)} (×${(completionP99 / floorP99).toFixed(2)} floor p99)`, { target: '< 10 ms p99', met: completionP99 < 10 });
  json.latency = { floorP50, floorP99, hover: [percentile(hover, 50), percentile(hover, 99)], definition: [percentile(definition, 50), percentile(definition, 99)], completion: [percentile(completion, 50), completionP99] };

  // 3. Diagnostics after an edit, by draft size (pull, as VS Code does it: with the previous result id,
  // so a list that did not change is answered "unchanged"; the server's own time, no debounce).
  const sizes: Record<string, unknown> = {};
  type Report = { kind: string; resultId?: string };
  for (const n of [1_000, 10_000, 100_000]) {
    const text = generateDraft(n);
    // Warm up on a draft of the same size first: the first large scan pays for the JIT.
    client.open(`file:///bench/warm-${n}.md`, text);
    await client.request('textDocument/diagnostic', { textDocument: { uri: `file:///bench/warm-${n}.md` } });
    client.close(`file:///bench/warm-${n}.md`);
    const u = `file:///bench/draft-${n}.md`;
    client.open(u, text);
    let t = now();
    let resultId = (await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: u } })).resultId;
    const full = now() - t;
    // Type one character in the middle (inside a word of prose), as a user would; then a line break
    // there, which moves every later diagnostic (the whole list is sent again). Medians of 9.
    const line = Math.floor(n / 2) - (Math.floor(n / 2) % 15) + 9;
    const keystroke = async (insert: string) => {
      const samples: number[] = [];
      let kinds = '';
      for (let k = 0; k < 9; k++) {
        client.change(u, [{ range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: insert }]);
        t = now();
        const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId: resultId });
        samples.push(now() - t);
        resultId = report.resultId;
        kinds = report.kind;
      }
      return { ms: percentile(samples, 50), kind: kinds };
    };
    const typed = await keystroke('x');
    const newline = await keystroke('\n');
    // Hover right after a one-character edit (issue 13): the keystroke's own cost, median of 9.
    const hoverLine = 2; // "Resolution 5/3, para 9" near the top, far from the edit
    const hovers: number[] = [];
    for (let k = 0; k < 9; k++) {
      client.change(u, [{ range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: 'y' }]);
      t = now();
      await client.request('textDocument/hover', { textDocument: { uri: u }, position: { line: hoverLine, character: 14 } });
      hovers.push(now() - t);
    }
    const hoverAfterEdit = percentile(hovers, 50);
    sizes[n] = { full, edit: typed.ms, editKind: typed.kind, newline: newline.ms, hoverAfterEdit, mb: Buffer.byteLength(text) / 1e6 };
    record('keystroke', `${n.toLocaleString('en')}-line draft: hover right after a one-character edit (median of 9)`, ms(hoverAfterEdit));
    record('diagnostics', `${n.toLocaleString('en')}-line draft (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB): first scan / a character typed in prose (report "${typed.kind}") / a line break (every later diagnostic moves, "${newline.kind}")`, `${ms(full)} / ${ms(typed.ms)} / ${ms(newline.ms)}`, n === 10_000 ? { target: '< 100 ms after typing', met: typed.ms < 100 } : {});
    client.close(u);
  }
  json.diagnostics = sizes;
  {
    const small = sizes[1_000] as { edit: number; newline: number; hoverAfterEdit: number };
    const large = sizes[100_000] as { edit: number; newline: number; hoverAfterEdit: number };
    const hoverRatio = large.hoverAfterEdit / small.hoverAfterEdit;
    const editRatio = large.edit / small.edit;
    const newlineRatio = large.newline / small.newline;
    record('keystroke', 'hover after an edit: 100,000-line / 1,000-line draft', `×${hoverRatio.toFixed(1)}`, { target: '≤ 3×', met: hoverRatio <= 3 });
    record('keystroke', 'edit → diagnostics, a character typed in prose: 100,000-line / 1,000-line draft', `×${editRatio.toFixed(1)}`, { target: '≤ 3×', met: editRatio <= 3 });
    record('keystroke', 'edit → diagnostics, a line break (all 33k later diagnostics move and are sent): 100,000-line / 1,000-line draft', `×${newlineRatio.toFixed(1)}`, { target: '≤ 3×', met: newlineRatio <= 3 });
  }
  {
    // The floor under any keystroke in a JavaScript server: the edited text is a new string, copied
    // whole the first time it is read (a 100,000-line draft is 6.4 MB, two bytes a character here).
    const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
    const copy = (lines: number) => {
      let d = TextDocument.create('file:///copy.md', 'markdown', 1, generateDraft(lines));
      const samples: number[] = [];
      for (let k = 0; k < 9; k++) {
        const t0 = now();
        d = TextDocument.update(d, [{ range: { start: { line: 9, character: 4 }, end: { line: 9, character: 4 } }, text: 'x' }], d.version + 1);
        d.getText().charCodeAt(0);
        samples.push(now() - t0);
      }
      return percentile(samples, 50);
    };
    const small = copy(1_000);
    const large = copy(100_000);
    record('keystroke', "floor: TextDocument.update + first read of the edited text (in-process), 1,000 / 100,000 lines", `${ms(small)} / ${ms(large)} (×${(large / small).toFixed(0)})`);
    json.textCopyFloor = { small, large };
  }
  await client.stop();

  // 4. un-cite check over a folder of 1,000 drafts.
  const folder = mkdtempSync(join(tmpdir(), 'un-bench-drafts-'));
  let bytes = 0;
  for (let i = 0; i < 1_000; i++) {
    const text = generateDraft(60 + (i % 40));
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `draft-${String(i).padStart(4, '0')}.md`), text);
  }
  let t = now();
  execFileSync(process.execPath, [join(__dirname, '..', 'dist', 'cli.js'), 'check', folder, '--fail-on', 'none', '--format', 'json'], { stdio: ['ignore', 'ignore', 'ignore'] });
  const cliMs = now() - t;
  record('command line', `un-cite check, 1,000 drafts (${(bytes / 1e6).toFixed(1)} MB)`, `${ms(cliMs)} (${(bytes / 1e6 / (cliMs / 1000)).toFixed(1)} MB/s)`);
  json.cli = { ms: cliMs, bytes };

  // 5. A synthetic corpus 100× the seed size.
  const synthetic = writeSyntheticCorpus(100);
  t = now();
  const big = await coldStart(3, ['--corpus-dir', synthetic.dir]);
  const bigClient = await LspClient.start({ args: ['--corpus-dir', synthetic.dir] });
  const u = 'file:///bench/synthetic.md';
  bigClient.open(u, synthetic.sampleCitation);
  await bigClient.diagnosticsFor(u, 1);
  const bigHover = await latencies(bigClient, u, [{ line: 0, character: 3 }], 'textDocument/hover', 300);
  const bigFloor = await latencies(bigClient, u, [{ line: 0, character: 3 }], 'workspace/symbol', 300);
  await bigClient.stop();
  record('scale', `synthetic corpus ×100 (${(synthetic.bytes / 1e6).toFixed(1)} MB, ${synthetic.documents} documents): spawn → first diagnostics`, `${ms(big.firstDiagnostics)} (×${(big.firstDiagnostics / cold.firstDiagnostics).toFixed(1)} the seed corpus)`);
  record('scale', 'synthetic corpus ×100: server RSS', `${big.rss.toFixed(1)} MB (×${(big.rss / cold.rss).toFixed(1)})`);
  record('scale', 'synthetic corpus ×100: hover p50 / p99 over 300', `${ms(percentile(bigHover, 50))} / ${ms(percentile(bigHover, 99))} (×${(percentile(bigHover, 99) / percentile(bigFloor, 99)).toFixed(2)} floor p99)`);
  json.synthetic = { ...big, bytes: synthetic.bytes, documents: synthetic.documents, hover: [percentile(bigHover, 50), percentile(bigHover, 99)] };

  // 6. The quotation check: a 10k-line draft with a quotation every 15 lines, with and without the check.
  {
    const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
    const { createLanguageService } = require('../server/src/service') as typeof import('../server/src/service');
    const { toSettings } = require('../server/src/settings') as typeof import('../server/src/settings');
    const service = createLanguageService({ corpus: buildCorpus(readCorpusSources(join(__dirname, '..', 'data')).sources), corpusUri: (f) => f });
    const text = generateDraft(10_000);
    const quotes = (text.match(/"States parties are encouraged to share information" \(CTOC/g) ?? []).length;
    const time = (settings: unknown, runs = 5) => {
      service.settings = toSettings(settings);
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const d = TextDocument.create(`file:///q${i}-${JSON.stringify(settings).length}.md`, 'markdown', 1, text);
        service.getCitations(d);
        const t0 = now();
        service.getDiagnostics(d);
        samples.push(now() - t0);
      }
      return percentile(samples, 50);
    };
    const off = { diagnostics: { severity: { 'citation.quote-mismatch': 'off', 'citation.quote-elsewhere': 'off', 'citation.quote-bracket': 'off' } } };
    time({}, 2);
    const withQuotes = time({});
    const withoutQuotes = time(off);
    // The server's own work after typing one character, without the JSON-RPC transfer of thousands of diagnostics.
    let d = TextDocument.create('file:///typing.md', 'markdown', 1, text);
    service.settings = toSettings({});
    service.getDiagnostics(d);
    const typing: number[] = [];
    for (let i = 0; i < 20; i++) {
      d = TextDocument.update(d, [{ range: { start: { line: 5009, character: 4 }, end: { line: 5009, character: 4 } }, text: 'x' }], d.version + 1);
      const t0 = now();
      service.getDiagnostics(d);
      typing.push(now() - t0);
    }
    const diagnosticsCount = service.getDiagnostics(d).length;
    // Drafts that write "ibid." and "(para. 9)": carried-over references are relinked after an edit only
    // as far as a change can reach. Typing in prose, 1,000 against 100,000 lines, in-process, medians of 9.
    const carriedTyping = (lines: number) => {
      const withCarried = generateDraft(lines).replace(/A sentence without any reference at all/g, 'Ibid., para. 4 and (para. 9) say without any reference at all');
      let doc = TextDocument.create(`file:///carried-${lines}.md`, 'markdown', 1, withCarried);
      service.settings = toSettings({ maxFileSize: 50_000_000 });
      service.getDiagnostics(doc);
      const line = Math.floor(lines / 2) - (Math.floor(lines / 2) % 15) + 9;
      const samples: number[] = [];
      for (let k = 0; k < 9; k++) {
        const at = doc.offsetAt({ line, character: 70 });
        const from = doc.version;
        doc = TextDocument.update(doc, [{ range: { start: { line, character: 70 }, end: { line, character: 70 } }, text: 'y' }], from + 1);
        service.noteEdit(doc.uri, from, doc.version, { start: at, oldEnd: at, newEnd: at + 1 });
        const t0 = now();
        service.getDiagnostics(doc);
        samples.push(now() - t0);
      }
      service.forget(doc.uri);
      return percentile(samples, 50);
    };
    const carriedSmall = carriedTyping(1_000);
    const carriedLarge = carriedTyping(100_000);
    service.settings = toSettings({});
    record('keystroke', 'a draft with "ibid." and "(para. 9)" every 15 lines, in-process: typing in prose → diagnostics, 1,000 / 100,000 lines', `${ms(carriedSmall)} / ${ms(carriedLarge)} (×${(carriedLarge / carriedSmall).toFixed(1)})`, { target: '≤ 3×', met: carriedLarge / carriedSmall <= 3 });
    json.carriedTyping = { small: carriedSmall, large: carriedLarge };
    record('diagnostics', `10,000-line draft, in-process (no transport of its ${diagnosticsCount} diagnostics): after typing one character, median of 20`, ms(percentile(typing, 50)), { target: '< 100 ms', met: percentile(typing, 50) < 100 });
    json.typingInProcess = { median: percentile(typing, 50), diagnostics: diagnosticsCount };
    record('quotation check', `diagnostics of a 10,000-line draft with ${quotes} attributed quotations (citations already scanned): with / without the check`, `${ms(withQuotes)} / ${ms(withoutQuotes)}`);
    json.quotes = { withQuotes, withoutQuotes, quotes };
  }

  // 7. The scanner alone, and adversarial inputs (linear-time patterns keep these near the plain rate).
  const context = createCitationContext(buildCorpus(readCorpusSources(join(__dirname, '..', 'data')).sources));
  const big5 = generateDraft(80_000);
  t = now();
  findCitations(context, big5);
  const scanMs = now() - t;
  record('scanner', `scan + resolve a ${(big5.length / 1e6).toFixed(1)} MB draft in-process`, `${ms(scanMs)} (${(big5.length / 1e6 / (scanMs / 1000)).toFixed(1)} MB/s)`);
  for (const [name, text] of [
    ['5 MB line of "IVX."', 'IVX.'.repeat(1_250_000)],
    ['5 MB line of "(i)(ii)/5/3/("', '(i)(ii)/5/3/('.repeat(385_000)],
    ['5 MB of unclosed backticks and comments', '` <!-- ``` '.repeat(500_000)],
    ['5 MB of prose without citations', 'The quick brown fox jumps over the lazy dog. '.repeat(111_000)],
  ] as const) {
    t = now();
    findCitations(context, text);
    const took = now() - t;
    record('scanner', `adversarial: ${name}`, `${ms(took)} (${(text.length / 1e6 / (took / 1000)).toFixed(1)} MB/s)`);
  }

  // 8. Agreed language (issue 14): the finder against the protocol floor, the uncited-reuse check's
  // share of a 10,000-line draft's diagnostics, and lineage against start-up.
  {
    const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
    const { createLanguageService } = require('../server/src/service') as typeof import('../server/src/service');
    const { toSettings } = require('../server/src/settings') as typeof import('../server/src/settings');
    const { computeLineage } = require('../server/src/agreed/lineage') as typeof import('../server/src/agreed/lineage');
    const corpus = buildCorpus(readCorpusSources(join(__dirname, '..', 'data')).sources);
    const service = createLanguageService({ corpus, corpusUri: (f) => f });
    const paragraphs = corpus.documents.flatMap((d) => d.paragraphs).filter((p) => p.text.split(/\s+/).length >= 40);
    const sentence = (i: number) => paragraphs[i % paragraphs.length].text.split(/\s+/).slice(0, 60).join(' ').replace(/should/g, 'shall');
    service.findAgreedLanguage(sentence(0), 10);
    const finder: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = now();
      service.findAgreedLanguage(sentence(i), 10);
      finder.push(now() - t0);
    }
    const floor = (json.latency as { floorP99: number }).floorP99;
    const finderP99 = percentile(finder, 99);
    record('agreed language', 'finder, 60-word sentence, p50 / p99 over 300 (in-process, seed corpus)', `${ms(percentile(finder, 50))} / ${ms(finderP99)} (×${(finderP99 / floor).toFixed(2)} the protocol floor p99)`, { target: '≤ 5× floor', met: finderP99 <= 5 * floor });
    // The same on the synthetic corpus 100 times the seed's size.
    const bigCorpus = buildCorpus(readCorpusSources(synthetic.dir).sources);
    const bigService = createLanguageService({ corpus: bigCorpus, corpusUri: (f) => f });
    const bigSentence = (i: number) => sentence(i * 7);
    bigService.findAgreedLanguage(bigSentence(0), 10);
    const bigFinder: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = now();
      bigService.findAgreedLanguage(bigSentence(i), 10);
      bigFinder.push(now() - t0);
    }
    const bigP99 = percentile(bigFinder, 99);
    record('agreed language', 'finder, 60-word sentence, p50 / p99 over 100 (synthetic corpus ×100)', `${ms(percentile(bigFinder, 50))} / ${ms(bigP99)} (×${(bigP99 / floor).toFixed(2)} the protocol floor p99)`, { target: '≤ 25× floor', met: bigP99 <= 25 * floor });
    const text = generateDraft(10_000);
    // The draft's whole diagnostics (scan included), with and without the check, interleaved so that
    // the machine's drift hits both alike; medians of 9.
    const off = toSettings({ diagnostics: { severity: { 'citation.uncited-agreed-language': 'off' } } });
    const on = toSettings({});
    const samples = { on: [] as number[], off: [] as number[] };
    for (let i = 0; i < 18; i++) {
      const which = i % 2 ? 'on' : 'off';
      service.settings = which === 'on' ? on : off;
      const d = TextDocument.create(`file:///agreed-${i}.md`, 'markdown', 1, text);
      const t0 = now();
      service.getDiagnostics(d);
      samples[which].push(now() - t0);
      service.forget(d.uri);
    }
    const without = percentile(samples.off, 50);
    const withCheck = percentile(samples.on, 50);
    service.settings = toSettings({});
    record('agreed language', '10,000-line draft diagnostics, with / without the uncited-reuse check', `${ms(withCheck)} / ${ms(without)} (+${(((withCheck - without) / without) * 100).toFixed(0)} %)`, { target: '≤ +20 %', met: withCheck <= without * 1.2 });
    const t0 = now();
    computeLineage(corpus);
    const lineageMs = now() - t0;
    const startup = (json.coldStart as { firstDiagnostics: number } | undefined)?.firstDiagnostics;
    record('agreed language', 'lineage, computed once on first use', `${ms(lineageMs)}${startup ? ` (${((lineageMs / startup) * 100).toFixed(0)} % of spawn → first diagnostics, not paid at start-up)` : ''}`, { target: '≤ 30 % of start-up', met: !startup || lineageMs <= 0.3 * startup });
  }

  // 9. A corpus pack of 500,000 paragraphs (issue 13): start-up, memory, hover, definition and search.
  rows.push(...(await packBench()));

  const table = ['| group | measurement | value | target | met |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.group} | ${r.name} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`)].join('\n');
  console.log(table);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString();
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ when: stamp, node: process.version, rows, ...json }, null, 2) + '\n');
  writeFileSync(join(dir, 'latest.md'), `# Benchmark (${stamp}, Node ${process.version}, ${require('node:os').cpus().length} cores)\n\n${table}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
