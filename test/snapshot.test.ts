// The compiled corpus snapshot (dist/corpus.snapshot, node/corpusSnapshot.ts): the server takes
// it instead of parsing data/ only when it was made from exactly those sources, and what it serves
// is what parsing serves. Run `npm run build` first: the last tests read dist/.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateDraft } from '../bench/drafts';
import { ReuseIndex } from '../server/src/agreed/reuse';
import { type Corpus, type ParagraphRef, citableParagraphs, paragraphId } from '../server/src/corpus/corpus';
import type { CorpusDocument } from '../server/src/corpus/model';
import { createWorkspaceService } from '../server/src/node/corpora';
import { readCorpusSources } from '../server/src/node/corpusFiles';
import { SNAPSHOT_FILE, readBuiltinCorpus, writeCorpusSnapshot } from '../server/src/node/corpusSnapshot';
import type { LanguageService } from '../server/src/service';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { LspClient } from './lspClient';

const DATA = join(__dirname, '..', 'data');
const DIST = join(__dirname, '..', 'dist');
const BUILD = 'test-build';
const temp = mkdtempSync(join(tmpdir(), 'un-snapshot-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of data/ with its snapshot beside it, to edit or damage. */
function dataCopy(name: string): { data: string; snapshot: string } {
  const data = join(temp, name, 'data');
  cpSync(DATA, data, { recursive: true });
  const snapshot = join(temp, name, SNAPSHOT_FILE);
  writeCorpusSnapshot(data, snapshot, BUILD);
  return { data, snapshot };
}

/** Plain data for a deep comparison: maps as entries, a key left undefined as absent (JSON keeps none). */
function plain(value: unknown): unknown {
  if (value instanceof Map) return [...value].map(([k, v]) => [k, plain(v)]);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
  return value;
}

const refId = (ref: ParagraphRef | undefined) => ref && `${ref.document.id}#${ref.paragraph.key}`;

/** Everything the features read of a corpus, with documents named by id where they are referred to. */
function shape(corpus: Corpus) {
  const ids = (docs: CorpusDocument[]) => docs.map((d) => d.id);
  // A reference must be to the corpus's own document and paragraph object, not a copy.
  const own = (ref: ParagraphRef | undefined) => {
    if (ref) assert.ok(corpus.byId.get(ref.document.id) === ref.document && ref.document.paragraphs.includes(ref.paragraph), `${refId(ref)} is not the corpus's own`);
    return refId(ref);
  };
  return plain({
    documents: corpus.documents,
    byId: [...corpus.byId.keys()],
    instruments: [...corpus.instruments].map(([id, docs]) => [id, ids(docs)]),
    sections: [...corpus.sections].map(([key, d]) => [key, d.id]),
    index: corpus.index,
    indexEntries: corpus.indexEntries.map((e) => ({ ref: e.ref, topic: e.topic, target: own(e.target) })),
    reportParagraphs: [...corpus.reportParagraphs].map(([symbol, byLabel]) => [symbol, [...byLabel].map(([label, r]) => [label, r.symbol, r.label, own(r.target)])]),
    copyDifferences: corpus.copyDifferences,
    problems: corpus.problems,
    topics: corpus.documents.flatMap((d) => d.paragraphs.map((p) => corpus.topicsOf({ document: d, paragraph: p }))),
    reports: corpus.documents.flatMap((d) => d.paragraphs.map((p) => corpus.reportCitationsOf({ document: d, paragraph: p }))),
  });
}

/** A draft that reuses agreed language without citing it, and cites broken and sound paragraphs. */
function drafts(corpus: Corpus): string[] {
  const reused = citableParagraphs(corpus).filter((r) => r.paragraph.text.split(' ').length > 30).slice(0, 5);
  const prose = reused.map((r) => `The delegation proposes that ${r.paragraph.text.split(' ').slice(2, 20).join(' ')} as agreed.`).join('\n\n');
  return [readFileSync(join(__dirname, '..', 'examples', 'background-note.md'), 'utf8'), generateDraft(200), `${prose}\n\nSee Resolution 5/3, para 99 and VII.14.\n`];
}

let drafted = 0;
function diagnosticsOf(service: LanguageService, text: string) {
  service.settings = DEFAULT_SETTINGS;
  // A new document each time: diagnostics are kept per document and version.
  return service.getDiagnostics(TextDocument.create(`file:///draft-${++drafted}.md`, 'markdown', 1, text));
}

describe('the compiled corpus snapshot', () => {
  const parsed = () => createWorkspaceService(DATA, readCorpusSources(DATA), undefined, []);
  const snapshot = join(temp, SNAPSHOT_FILE);
  writeCorpusSnapshot(DATA, snapshot, BUILD);

  test('is taken for the sources it was made from', () => {
    assert.equal(readBuiltinCorpus(DATA, snapshot, BUILD).snapshot, 'used');
  });

  test('serves the corpus that parsing data/ serves: documents, index, links, problems', () => {
    const fromSnapshot = createWorkspaceService(DATA, readBuiltinCorpus(DATA, snapshot, BUILD), undefined, []);
    assert.deepStrictEqual(shape(fromSnapshot.corpus), shape(parsed().corpus));
  });

  test('every corpus made from it is fresh: linking one does not change the next', () => {
    const builtin = readBuiltinCorpus(DATA, snapshot, BUILD);
    const first = createWorkspaceService(DATA, builtin, undefined, []);
    const second = createWorkspaceService(DATA, builtin, undefined, []);
    assert.notEqual(first.corpus.documents[0], second.corpus.documents[0]);
    assert.deepStrictEqual(shape(second.corpus), shape(parsed().corpus));
  });

  test('holds the uncited-reuse index the built-in corpus would build', () => {
    const builtin = readBuiltinCorpus(DATA, snapshot, BUILD);
    const corpus = createWorkspaceService(DATA, builtin, undefined, []).corpus;
    const k = DEFAULT_SETTINGS.agreedLanguage.minWords;
    assert.ok(builtin.reuseIndex, 'the snapshot has a reuse index');
    const restored = new ReuseIndex(corpus, k, undefined, builtin.reuseIndex);
    const built = new ReuseIndex(corpus, k);
    assert.deepStrictEqual(restored.save(corpus), built.save(corpus));
    // And finds the same runs, with the paragraphs' words read on demand.
    for (const ref of citableParagraphs(corpus).slice(0, 40)) {
      const words = `we recall that ${ref.paragraph.text} and more`.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
      assert.deepStrictEqual(restored.runs(words).map((r) => [paragraphId(r.ref), r.from, r.to]), built.runs(words).map((r) => [paragraphId(r.ref), r.from, r.to]));
    }
    // Another minimum of words builds its own index: the saved one is refused.
    assert.deepStrictEqual(new ReuseIndex(corpus, k + 3, undefined, builtin.reuseIndex).save(corpus), new ReuseIndex(corpus, k + 3).save(corpus));
  });

  test('gives drafts the same diagnostics, uncited agreed language included', () => {
    const fromSnapshot = createWorkspaceService(DATA, readBuiltinCorpus(DATA, snapshot, BUILD), undefined, []);
    const fromText = parsed();
    for (const draft of drafts(fromText.corpus)) {
      const expected = diagnosticsOf(fromText, draft);
      assert.deepStrictEqual(diagnosticsOf(fromSnapshot, draft), expected);
    }
    const reuse = diagnosticsOf(fromSnapshot, drafts(fromText.corpus)[2]).filter((d) => d.code === 'citation.uncited-agreed-language');
    assert.ok(reuse.length >= 3, `the reuse hint fires on the third draft (${reuse.length})`);
  });

  test("users' own documents load on top of it, as on top of parsed sources", () => {
    const folder = join(temp, 'workspace');
    mkdirSync(join(folder, '.un-citations', 'corpus'), { recursive: true });
    cpSync(join(__dirname, 'fixtures', 'resolution-12-2.md'), join(folder, '.un-citations', 'corpus', 'resolution-12-2.md'));
    const fromSnapshot = createWorkspaceService(DATA, readBuiltinCorpus(DATA, snapshot, BUILD), folder, []);
    const fromText = createWorkspaceService(DATA, readCorpusSources(DATA), folder, []);
    assert.ok(fromText.corpus.byId.has('resolution-12-2'), 'the user document is loaded');
    assert.deepStrictEqual(shape(fromSnapshot.corpus), shape(fromText.corpus));
    for (const draft of drafts(fromText.corpus)) assert.deepStrictEqual(diagnosticsOf(fromSnapshot, draft), diagnosticsOf(fromText, draft));
  });
});

describe('a snapshot that does not fit is not taken', () => {
  test('a source changed since: the sources are parsed, the edit is served', () => {
    const { data, snapshot } = dataCopy('edited');
    const file = join(data, 'resolution-5-3.txt');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/smuggling/, 'smuggglingx');
    assert.notEqual(edited, text);
    writeFileSync(file, edited);
    const builtin = readBuiltinCorpus(data, snapshot, BUILD);
    assert.equal(builtin.snapshot, 'sources changed');
    assert.equal(builtin.parsed, undefined);
    const corpus = createWorkspaceService(data, builtin, undefined, []).corpus;
    assert.ok(corpus.byId.get('resolution-5-3.standalone')!.paragraphs.some((p) => p.text.includes('smuggglingx')), 'the edited text is served');
  });

  test('a source added to the manifest, or one gone missing, changes the sources too', () => {
    const { data, snapshot } = dataCopy('manifest');
    const manifest = JSON.parse(readFileSync(join(data, 'corpus.json'), 'utf8'));
    manifest.sources = manifest.sources.slice(1);
    writeFileSync(join(data, 'corpus.json'), JSON.stringify(manifest));
    assert.equal(readBuiltinCorpus(data, snapshot, BUILD).snapshot, 'sources changed');
  });

  test('another build, another format, a damaged or missing file: parsed, no exception', () => {
    const { data, snapshot } = dataCopy('damaged');
    assert.equal(readBuiltinCorpus(data, snapshot, 'another').snapshot, 'another build');
    const good = readFileSync(snapshot);
    const eol = good.indexOf(10);
    const [, , , format, , jsonLength] = good.toString('latin1', 0, eol).split(' ');
    const json = good.subarray(eol + 1, eol + 1 + Number(jsonLength));
    const key = good.subarray(eol + 1 + Number(jsonLength));
    /** A file of the right layout around the given parts. */
    const file = (body: Buffer | string, options: { format?: number; sourceKey?: Buffer } = {}) => {
      const bytes = Buffer.from(body);
      const k = options.sourceKey ?? key;
      return Buffer.concat([Buffer.from(`un-citations corpus snapshot ${options.format ?? format} ${BUILD} ${bytes.length} ${k.length}\n`), bytes, k]);
    };
    const parsed = JSON.parse(json.toString('utf8'));
    const cases: [Buffer | string, string][] = [
      [good.subarray(0, good.length / 2), 'damaged'],
      [good.subarray(0, eol), 'another format'],
      ['', 'another format'],
      ['{"format": 1}', 'another format'],
      [file(json, { format: Number(format) + 1 }), 'another format'],
      [file(json, { sourceKey: Buffer.concat([key, Buffer.from('x')]) }), 'sources changed'],
      [file(json.subarray(0, json.length - 3)), 'damaged'],
      [file('null'), 'damaged'],
      [file(JSON.stringify({ ...parsed, parsed: { documents: 'no' } })), 'damaged'],
      [file(JSON.stringify({ ...parsed, parsed: { ...parsed.parsed, documents: [null] } })), 'damaged'],
    ];
    const expected = shape(createWorkspaceService(data, readCorpusSources(data), undefined, []).corpus);
    for (const [text, why] of cases) {
      writeFileSync(snapshot, text);
      const builtin = readBuiltinCorpus(data, snapshot, BUILD);
      assert.match(builtin.snapshot, new RegExp(`^${why}`), String(text).slice(0, 40));
      assert.deepStrictEqual(shape(createWorkspaceService(data, builtin, undefined, []).corpus), expected);
    }
    rmSync(snapshot);
    assert.match(readBuiltinCorpus(data, snapshot, BUILD).snapshot, /^unreadable \(ENOENT\)/);
  });
});

describe('the built server (dist/)', () => {
  test("dist/corpus.snapshot was made from data/ as it is now, by dist's build", async () => {
    const client = await LspClient.start();
    try {
      await client.until(() => client.notifications.some((n) => n.method === 'window/logMessage'), 'the load message');
      const message = (client.notifications.find((n) => n.method === 'window/logMessage')!.params as { message: string }).message;
      assert.match(message, /\(snapshot: used\)/, `${message} — run npm run build after editing data/`);
    } finally {
      await client.stop();
    }
  });

  test('a code cache made for another bundle, or damaged, is not taken: the server compiles as usual', async () => {
    const dist = join(temp, 'dist-cache');
    cpSync(DIST, dist, { recursive: true });
    const cache = readFileSync(join(dist, 'server-main.cache'));
    assert.match(cache.toString('latin1', 0, 17), /^[0-9a-f]{16}\n$/, 'the cache is headed by its bundle tag');
    for (const damaged of [Buffer.concat([Buffer.from('0123456789abcdef\n'), cache.subarray(17)]), cache.subarray(0, 17 + 1000), Buffer.from('garbage')]) {
      writeFileSync(join(dist, 'server-main.cache'), damaged);
      const client = await LspClient.start({ nodeArgs: [join(dist, 'server.js')], args: ['--corpus-dir', DATA] });
      try {
        client.open('file:///tmp/draft.md', 'See Resolution 5/3, para 99 and VII.14.\n');
        const diagnostics = await client.diagnosticsFor('file:///tmp/draft.md', 1);
        assert.deepStrictEqual(diagnostics.map((d) => d.code), ['citation.unknown-paragraph']);
      } finally {
        await client.stop();
      }
    }
  });

  test('with a damaged snapshot it parses data/ and publishes the same diagnostics', async () => {
    const dist = join(temp, 'dist');
    cpSync(DIST, dist, { recursive: true });
    const good = readFileSync(join(dist, SNAPSHOT_FILE));
    writeFileSync(join(dist, SNAPSHOT_FILE), good.subarray(0, good.length - 100));
    const text = 'See Resolution 5/3, para 99 and VII.14.\n';
    const diagnostics = async (client: LspClient) => {
      client.open('file:///tmp/draft.md', text);
      return (await client.diagnosticsFor('file:///tmp/draft.md', 1)).map((d) => [d.code, d.message, d.range]);
    };
    // The copy runs in place of dist/server.js; data/ is named, as it is not beside the copy.
    const damaged = await LspClient.start({ nodeArgs: [join(dist, 'server.js')], args: ['--corpus-dir', DATA] });
    const normal = await LspClient.start();
    try {
      assert.deepStrictEqual(await diagnostics(damaged), await diagnostics(normal));
      const message = (damaged.notifications.find((n) => n.method === 'window/logMessage')!.params as { message: string }).message;
      assert.match(message, /\(snapshot: damaged/);
      assert.ok(!damaged.stderr.join('').includes('Error'), damaged.stderr.join(''));
    } finally {
      await damaged.stop();
      await normal.stop();
    }
  });
});
