// Corpus packs (`un-cite pack`): a packed corpus reads back exactly as the parsers give it, the real
// server serves a pack lazily (hover, definition, diagnostics, search, symbols), users' documents
// pack the same way, and a damaged pack is a clear corpus problem while the server goes on serving.
// Run `npm run build` first: the server tests drive dist/server.js and dist/cli.js.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, LocationLink, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { buildCorpus } from '../server/src/corpus/corpus';
import type { CorpusDocument } from '../server/src/corpus/model';
import { CorpusPack } from '../server/src/corpus/pack';
import { type ByteSink, type ByteSource, PackError } from '../server/src/corpus/packFormat';
import { PackWriter } from '../server/src/corpus/packWriter';
import { loadCorpus, readCorpusSources } from '../server/src/node/corpusFiles';
import { openPackFile, packDirectory } from '../server/src/node/packFiles';
import type { CorpusSearchResult } from '../server/src/protocol';
import { DATA_DIR } from './helpers';
import { LspClient } from './lspClient';

const CLI = join(__dirname, '..', 'dist', 'cli.js');

/** A pack in memory, for the reader's own tests. */
class MemoryBytes implements ByteSource, ByteSink {
  bytes = new Uint8Array(0);
  get size() {
    return this.bytes.length;
  }
  read(offset: number, length: number): Uint8Array {
    if (offset + length > this.bytes.length) throw new PackError('past the end');
    return this.bytes.slice(offset, offset + length);
  }
  append(b: Uint8Array): number {
    const at = this.bytes.length;
    this.writeAt(at, b);
    return at;
  }
  writeAt(offset: number, b: Uint8Array): void {
    if (offset + b.length > this.bytes.length) {
      const next = new Uint8Array(offset + b.length);
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes.set(b, offset);
  }
}

function packInMemory(documents: CorpusDocument[]): MemoryBytes {
  const memory = new MemoryBytes();
  const writer = new PackWriter(memory);
  for (const d of documents) writer.addDocument(d);
  writer.finish();
  return memory;
}

/** A corpus folder of standalone resolutions renumbered from resolution 5/3, each with a word of its own. */
function syntheticFolder(count: number): string {
  const seed = readFileSync(join(DATA_DIR, 'resolution-5-3.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'un-pack-src-'));
  const sources: { file: string }[] = [];
  for (let n = 1; n <= count; n++) {
    const file = `resolution-12-${n}.txt`;
    writeFileSync(join(dir, file), seed.replace('## Resolution 5/3', `## Resolution 12/${n}`).replace('to prosecute migrant smugglers', `to prosecute migrant smugglers in zorblandia${n}`));
    sources.push({ file });
  }
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ sources }));
  return dir;
}

describe('a pack reads back as the parsers give it', () => {
  test('every paragraph of data/: key, label, path, kind, parent, children, exact text, footnotes and location', () => {
    const corpus = loadCorpus(DATA_DIR);
    const out = join(mkdtempSync(join(tmpdir(), 'un-pack-data-')), 'data.uncpack');
    const result = packDirectory(DATA_DIR, out);
    assert.equal(result.documents, corpus.documents.length);
    const { packs, problems } = openPackFile(out);
    assert.deepEqual(problems, []);
    const pack = packs[0];
    assert.equal(pack.paragraphCount, corpus.documents.reduce((n, d) => n + d.paragraphs.length, 0));
    let compared = 0;
    for (let i = 0; i < pack.documentCount; i++) {
      const packed = pack.document(i)!;
      const parsed = corpus.byId.get(packed.id)!;
      assert.ok(parsed, `${packed.id} is a document buildCorpus gives`);
      for (const field of ['instrumentId', 'kind', 'name', 'title', 'session', 'sessionName', 'dates', 'year', 'symbol', 'opening'] as const) assert.deepEqual(packed[field], parsed[field], `${packed.id}: ${field}`);
      assert.deepEqual(packed.aliases, parsed.aliases, `${packed.id}: aliases`);
      assert.deepEqual(packed.origin.compendium, parsed.origin.compendium, `${packed.id}: compendium section`);
      assert.deepEqual(packed.origin.heading, { ...parsed.origin.heading, file: join(DATA_DIR, parsed.origin.heading.file) }, `${packed.id}: heading`);
      assert.equal(packed.paragraphs.length, parsed.paragraphs.length, `${packed.id}: paragraph count`);
      parsed.paragraphs.forEach((p, k) => {
        const q = packed.paragraphs[k];
        assert.deepEqual(q, { ...p, location: { ...p.location, file: join(DATA_DIR, p.location.file) } }, `${packed.id} ${p.key}: the packed paragraph is the parsed one`);
        compared++;
      });
    }
    assert.equal(compared, pack.paragraphCount);
  });

  test('an instrument is found by its id, the compendium copy first, and an unknown one is not', () => {
    const corpus = loadCorpus(DATA_DIR);
    const pack = CorpusPack.open(packInMemory(corpus.documents), { name: 'memory' });
    assert.deepEqual(pack.instrument('resolution-5-3').map((d) => d.id), ['resolution-5-3', 'resolution-5-3.standalone']);
    assert.deepEqual(pack.instrument('resolution-5-4'), []);
    assert.equal(pack.has('decision-4-5'), true);
  });

  test('an instrument both in the texts and in a pack is the texts\', with one warning', () => {
    const corpus = loadCorpus(DATA_DIR);
    const pack = CorpusPack.open(packInMemory(corpus.documents), { name: 'data.uncpack' });
    const both = buildCorpus(readCorpusSources(DATA_DIR).sources, [pack]);
    assert.equal(both.documents.length, corpus.documents.length);
    assert.ok(both.documents.every((d) => corpus.byId.get(d.id)?.origin.file === d.origin.file), 'every document is the parsed text');
    assert.deepEqual(both.problems.filter((p) => p.code.startsWith('pack') || p.code === 'duplicate-document').map((p) => `${p.severity} ${p.message.slice(0, 60)}`), [`warning ${corpus.instruments.size} instrument(s) of the pack data.uncpack are also in the te`]);
  });

  test('search finds a lazily read paragraph by its words, and not an eager document twice', () => {
    const dir = syntheticFolder(3);
    const corpus = loadCorpus(dir);
    const pack = CorpusPack.open(packInMemory(corpus.documents), { name: 'memory' });
    const hits = pack.search('zorblandia2 smugglers', 5);
    assert.deepEqual(hits.map((h) => `${h.document.name} ${h.paragraph.key}`), ['Resolution 12/2 5']);
    assert.match(hits[0].paragraph.text, /prosecute migrant smugglers in zorblandia2/);
    assert.equal(pack.search('zorbland', 5).length, 3, 'the last word is read as a prefix (as typed)');
    assert.deepEqual(CorpusPack.open(packInMemory(loadCorpus(DATA_DIR).documents), { name: 'm' }).search('smuggled migrants', 5), [], 'the compendium is eager: the in-memory index has it');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a damaged pack is refused with a message that says why', () => {
  const good = () => packInMemory(loadCorpus(DATA_DIR).documents);
  const open = (m: MemoryBytes) => () => CorpusPack.open(m, { name: 'x' });

  test('truncated, garbage, another version, a damaged header', () => {
    const truncated = good();
    truncated.bytes = truncated.bytes.slice(0, Math.floor(truncated.bytes.length / 2));
    assert.throws(open(truncated), /truncated: [\d,]+ of [\d,]+ bytes/);
    const garbage = new MemoryBytes();
    garbage.bytes = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    assert.throws(open(garbage), /not a corpus pack/);
    const tiny = new MemoryBytes();
    tiny.bytes = new Uint8Array(10);
    assert.throws(open(tiny), /too short to be a corpus pack/);
    const version = good();
    version.bytes[8] = 9;
    assert.throws(open(version), /format version 9; this version of UN Citations reads version 1/);
    const header = good();
    header.bytes[100] ^= 0xff;
    assert.throws(open(header), /header is damaged/);
  });

  test('a damaged document is left out and reported once; the others are served', () => {
    const corpus = loadCorpus(DATA_DIR);
    const m = good();
    const problems: string[] = [];
    const pack = CorpusPack.open(m, { name: 'x', onProblem: (p) => problems.push(p) });
    // Damage the middle of the standalone resolution 5/3's block.
    const index = corpus.documents.findIndex((d) => d.id === 'resolution-5-3.standalone');
    const probe = CorpusPack.open(good(), { name: 'y' });
    const at = (probe as unknown as { docOffset: Float64Array; docLength: Uint32Array }).docOffset[index] + 40;
    m.bytes[at] ^= 0xff;
    assert.equal(pack.document(index), undefined);
    assert.equal(pack.document(index), undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /cannot be read \(checksum mismatch\)/);
    assert.ok(pack.instrument('decision-4-5').length > 0, 'other documents are still served');
  });
});

describe('the server serves a pack lazily', () => {
  let source: string;
  let served: string;
  let client: LspClient;

  before(async () => {
    source = syntheticFolder(40);
    served = mkdtempSync(join(tmpdir(), 'un-pack-served-'));
    const run = spawnSync(process.execPath, [CLI, 'pack', source, '--out', join(served, 'corpus.uncpack')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /40 documents, 1,000 paragraphs/);
    client = await LspClient.start({ args: ['--corpus-dir', served] });
  });
  after(async () => {
    await client.stop();
    rmSync(source, { recursive: true, force: true });
    rmSync(served, { recursive: true, force: true });
  });

  test('hover shows the exact text, definition goes to the source, an unknown paragraph is flagged', async () => {
    const parsed = loadCorpus(source).byId.get('resolution-12-17.standalone')!.paragraphs.find((p) => p.key === '9')!;
    const uri = 'file:///pack/draft.md';
    client.open(uri, 'As Resolution 12/17, para 9 says, and Resolution 12/17, para 99 does not.\n');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), ['citation.unknown-paragraph: No paragraph 99: Resolution 12/17 has operative paragraphs 1–24 and preambular paragraph PP 1.']);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Resolution 12\/17\*\*/);
    assert.ok(value.replace(/\\/g, '').includes(parsed.text), `hover quotes the paragraph's exact text: ${parsed.text}`);
    const definition = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 8 } });
    assert.deepEqual(definition.map((l) => [l.targetUri, l.targetRange]), [[pathToFileURL(join(source, 'resolution-12-17.txt')).href, { start: parsed.location.start, end: parsed.location.end }]]);
  });

  test('corpus search and workspace symbols find a packed paragraph by its words', async () => {
    const hits = await client.request<CorpusSearchResult[]>('unCitations/search', { query: 'zorblandia23 prosecute' });
    assert.deepEqual(hits.map((h) => h.citation), ['Resolution 12/23, para 5']);
    assert.match(hits[0].text, /in zorblandia23;$/);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'zorblandia31' });
    assert.deepEqual(symbols.map((s) => s.containerName), ['Resolution 12/31']);
    assert.deepEqual(await client.request<SymbolInformation[]>('workspace/symbol', { query: '' }), []);
  });
});

describe('users pack their own documents the same way', () => {
  test("a workspace's .un-citations/corpus.uncpack serves its documents after the texts are gone", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'un-pack-user-'));
    const corpusDir = join(folder, '.un-citations', 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    copyFileSync(join(__dirname, 'fixtures', 'resolution-12-2.md'), join(corpusDir, 'resolution-12-2.md'));
    const run = spawnSync(process.execPath, [CLI, 'pack', corpusDir], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const pack = join(folder, '.un-citations', 'corpus.uncpack');
    assert.match(run.stdout, /corpus\.uncpack: 1 documents/);
    // The texts move away (kept elsewhere); the pack alone serves them.
    const kept = mkdtempSync(join(tmpdir(), 'un-pack-kept-'));
    copyFileSync(join(corpusDir, 'resolution-12-2.md'), join(kept, 'resolution-12-2.md'));
    rmSync(corpusDir, { recursive: true });
    assert.ok(readFileSync(pack).length > 0);
    const client = await LspClient.start({ workspaceFolder: folder });
    try {
      const uri = pathToFileURL(join(folder, 'draft.md')).href;
      client.open(uri, 'Resolution 12/2, para 1 and Resolution 12/2, para 7.\n');
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(diagnostics.map((d) => d.code), ['citation.unknown-paragraph']);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      assert.match((hover.contents as MarkupContent).value, /Urges States parties to strengthen search and rescue at sea/);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
      rmSync(kept, { recursive: true, force: true });
    }
  });
});

describe('a pack written while the server runs', () => {
  test('is picked up from the file watcher\'s event: the draft is checked again against it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'un-pack-watch-'));
    mkdirSync(join(folder, '.un-citations'), { recursive: true });
    const texts = mkdtempSync(join(tmpdir(), 'un-pack-watch-texts-'));
    copyFileSync(join(__dirname, 'fixtures', 'resolution-12-2.md'), join(texts, 'resolution-12-2.md'));
    const client = await LspClient.start({ workspaceFolder: folder });
    try {
      const uri = pathToFileURL(join(folder, 'draft.md')).href;
      client.open(uri, 'Resolution 12/2, para 1.\n');
      assert.equal((await client.diagnosticsFor(uri, 1)).length, 1); // not in the corpus yet
      const pack = join(folder, '.un-citations', 'mine.uncpack');
      const run = spawnSync(process.execPath, [CLI, 'pack', texts, '--out', pack], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(pack).href, type: 1 }] });
      await client.until(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 'the draft rechecked against the new pack');
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
      rmSync(texts, { recursive: true, force: true });
    }
  });
});

describe('a damaged pack in a corpus folder', () => {
  test('is a corpus problem shown like the others, and the server still answers', async () => {
    const source = syntheticFolder(2);
    const served = mkdtempSync(join(tmpdir(), 'un-pack-damaged-'));
    packDirectory(source, join(served, 'a-good.uncpack'));
    const bytes = readFileSync(join(served, 'a-good.uncpack'));
    writeFileSync(join(served, 'b-truncated.uncpack'), bytes.subarray(0, bytes.length - 1000));
    writeFileSync(join(served, 'c-garbage.uncpack'), 'this is not a pack at all, only text in a file named like one\n'.repeat(20));
    const client = await LspClient.start({ args: ['--corpus-dir', served] });
    try {
      await client.until(() => client.notifications.some((n) => n.method === 'window/showMessage'), 'the corpus problem message');
      const message = client.notifications.find((n) => n.method === 'window/showMessage')!.params as { message: string };
      assert.match(message.message, /2 corpus file problem\(s\); serving what could be read\. .*b-truncated\.uncpack is not a usable corpus pack: it is truncated: [\d,]+ of [\d,]+ bytes/);
      await client.until(() => client.notifications.some((n) => n.method === 'window/logMessage' && /c-garbage/.test(JSON.stringify(n.params))), 'the garbage pack logged');
      assert.match(JSON.stringify(client.notifications.filter((n) => n.method === 'window/logMessage')), /c-garbage\.uncpack is not a usable corpus pack: it is not a corpus pack/);
      const uri = 'file:///pack/damaged.md';
      client.open(uri, 'Resolution 12/2, para 9.\n');
      assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      assert.match((hover.contents as MarkupContent).value, /Resolution 12\/2, paragraph 9/);
    } finally {
      await client.stop();
      rmSync(source, { recursive: true, force: true });
      rmSync(served, { recursive: true, force: true });
    }
  });
});

describe("other bodies' instruments (General Assembly resolutions and the like)", () => {
  const ga = (number: string, paragraphs: string[]) =>
    `---\nid: a-res-${number.replace('/', '-')}\nkind: resolution\nbody: General Assembly\nnumber: ${number}\ntitle: Resolution ${number} of the General Assembly\n---\n${paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n\n')}\n`;
  const texts = [
    { file: '/w/ga-70-1.md', text: ga('70/1', ['Adopts the 2030 Agenda for Sustainable Development.', 'Decides that the Agenda applies to all countries.']), user: true },
    { file: '/w/ga-55-25.md', text: ga('55/25', ['Adopts the United Nations Convention against Transnational Organized Crime.']).replace('title:', 'symbol: A/RES/55/25\ntitle:'), user: true },
  ];

  test('are cited by their own names, in every form the scanner reads, and flagged when a paragraph is not there', () => {
    const { createLanguageService } = require('../server/src/service') as typeof import('../server/src/service');
    const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
    const service = createLanguageService({ corpus: buildCorpus([...readCorpusSources(DATA_DIR).sources, ...texts]), corpusUri: (f) => f });
    const read = (line: string) => {
      const d = TextDocument.create(`file:///ga-${Math.random()}.md`, 'markdown', 1, `${line}\n`);
      return service.getCitations(d).map((c) => `${c.text} → ${c.status} ${c.members.map((m) => m.target?.paragraph.key ?? '-').join(',')}`);
    };
    assert.deepEqual(read('General Assembly resolution 70/1, para 2'), ['General Assembly resolution 70/1, para 2 → resolved 2']);
    assert.deepEqual(read('paragraph 1 of General Assembly resolution 70/1'), ['paragraph 1 of General Assembly resolution 70/1 → resolved 1']);
    assert.deepEqual(read('UNGA res. 70/1, paras. 1 and 2'), ['UNGA res. 70/1, paras. 1 and 2 → resolved 1,2']);
    assert.deepEqual(read('resolution 70/1 of the General Assembly, paragraph 2'), ['resolution 70/1 of the General Assembly, paragraph 2 → resolved 2']);
    assert.deepEqual(read('A/RES/55/25, para 1'), ['A/RES/55/25, para 1 → resolved 1']);
    assert.deepEqual(read('General Assembly resolution 70/2, para 1'), ['General Assembly resolution 70/2, para 1 → out-of-corpus ']);
    const d = TextDocument.create('file:///ga-broken.md', 'markdown', 1, 'General Assembly resolution 70/1, para 9\n');
    assert.deepEqual(service.getDiagnostics(d).map((x) => x.message), ['No paragraph 9: General Assembly resolution 70/1 has paragraphs 1, 2.']);
  });

  test('a body that is not a name is a problem in the document', () => {
    const corpus = buildCorpus([{ file: '/w/bad.md', text: ga('70/1', ['Text.']).replace('body: General Assembly', 'body: 42!'), user: true }]);
    assert.deepEqual(corpus.problems.filter((p) => p.user).map((p) => [p.code, p.line]), [['bad-field', 3]]);
  });

  test('packed, they are read lazily and still found by their names', () => {
    const corpus = buildCorpus(texts);
    const memory = packInMemory(corpus.documents);
    const pack = CorpusPack.open(memory, { name: 'ga.uncpack' });
    // Not among the documents read at open: found by id when a citation asks.
    assert.deepEqual(pack.eagerDocuments().map((d) => d.id), ['a-res-55-25']); // a symbol is an alias: read at open
    const served = buildCorpus([], [pack]);
    assert.equal(served.instrument('general-assembly-resolution-70-1')[0]?.paragraphs[1].text, 'Decides that the Agenda applies to all countries.');
  });
});
