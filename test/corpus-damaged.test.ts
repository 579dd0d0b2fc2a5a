import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildCorpus } from '../server/src/corpus/corpus';
import { loadCorpus } from '../server/src/node/corpusFiles';
import { DATA_DIR, dataText } from './helpers';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('damaged sources give clear problems, never an exception', () => {
  test('an empty file', () => {
    const c = buildCorpus([{ file: 'empty.txt', text: '' }]);
    assert.deepEqual(c.documents, []);
    assert.deepEqual(c.problems, [{ severity: 'error', code: 'empty-source', message: 'the file is empty', file: 'empty.txt' }]);
  });

  test('binary garbage', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const c = buildCorpus([{ file: 'garbage.bin', text: bytes.toString('latin1') }]);
    assert.deepEqual(codes(c.problems), ['binary-source']);
  });

  test('text that is no UN document', () => {
    const c = buildCorpus([{ file: 'notes.txt', text: 'Shopping list\n\n1. milk\n2. bread\n' }]);
    assert.deepEqual(c.documents, []);
    assert.equal(c.problems[0].code, 'unrecognised-document');
    assert.match(c.problems[0].message, /no "Decision n\/m", "Resolution n\/m" or "…: draft resolution" heading/);
  });

  test('a truncated compendium keeps what it holds and says what is missing', () => {
    const text = dataText('compendium-smuggling-of-migrants-2024.txt');
    const cut = text.slice(0, text.indexOf('24. States parties should consider adapting their responses'));
    const c = buildCorpus([{ file: 'compendium.txt', text: cut }]);
    assert.deepEqual(c.documents.map((d) => d.id), ['wg-meeting-1', 'wg-meeting-2', 'wg-meeting-3', 'wg-meeting-4', 'wg-meeting-5', 'wg-meeting-6']);
    assert.equal(c.byId.get('wg-meeting-6')!.paragraphs.length, 23);
    assert.ok(c.problems.some((p) => p.code === 'missing-part' && /Part B is missing/.test(p.message)));
    assert.ok(c.problems.some((p) => p.code === 'missing-index'));
  });

  test('shuffled numbering is reported at the line where it happens', () => {
    const text = ['## Resolution 9/9', '', '### Title', '', '*The Conference of the Parties to the Convention,*', '', '1. *Urges* one;', '', '3. *Urges* three;', '', '2. *Urges* two;', '', '3. *Urges* three again.'].join('\n');
    const c = buildCorpus([{ file: 'shuffled.txt', text }]);
    const d = c.byId.get('resolution-9-9.standalone')!;
    assert.deepEqual(d.paragraphs.map((p) => p.key), ['1', '3', '2']);
    assert.deepEqual(c.problems.map((p) => `${p.code}@${p.line}`), ['numbering-gap@8', 'numbering-gap@10', 'numbering-gap@12', 'duplicate-paragraph@12']);
    assert.equal(c.problems[0].message, 'paragraph 3 follows paragraph 1');
    assert.equal(c.problems[3].severity, 'error');
  });

  test('a subparagraph out of sequence is named', () => {
    const text = ['## Decision 9/1', '', 'Title', '', 'The Conference of the Parties:', '', '(a) Decides one;', '', '(c) Decides three.'].join('\n');
    const c = buildCorpus([{ file: 'd.txt', text }]);
    assert.deepEqual(c.problems.map((p) => [p.code, p.line, p.message]), [['numbering-gap', 8, 'paragraph (c) follows paragraph (a)']]);
  });

  test('a 5 MB line of label-like noise parses without hanging', () => {
    const noise = '(a) 1. (iv) PP 5 ¹²<sup>3</sup> *x* [y](z) '.repeat(120_000);
    const started = Date.now();
    const c = buildCorpus([{ file: 'noise.txt', text: `## Resolution 9/2\n\nTitle\n\n1. ${noise}\n` }]);
    assert.equal(c.byId.get('resolution-9-2.standalone')!.paragraphs.length, 1);
    assert.ok(Date.now() - started < 20_000, 'parsing stays linear');
  });
});

describe('loading corpus files', () => {
  const copyData = () => {
    const dir = mkdtempSync(join(tmpdir(), 'un-corpus-'));
    for (const f of ['corpus.json', 'compendium-smuggling-of-migrants-2024.txt', 'decision-4-5.txt', 'resolution-5-3.txt', 'draft-resolution-france-2008.txt']) copyFileSync(join(DATA_DIR, f), join(dir, f));
    return dir;
  };

  test('a missing source file is one clear problem and the rest still loads', () => {
    const dir = copyData();
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ sources: [{ file: 'decision-4-5.txt' }, { file: 'gone.txt' }] }));
    const c = loadCorpus(dir);
    assert.deepEqual(c.documents.map((d) => d.id), ['decision-4-5.standalone']);
    assert.deepEqual(c.problems.map((p) => [p.code, p.message]), [['missing-source', 'cannot read gone.txt: ENOENT']]);
  });

  test('a manifest cannot name files outside the corpus folder', () => {
    const dir = copyData();
    mkdirSync(join(dir, 'inner'));
    writeFileSync(join(dir, 'inner', 'corpus.json'), JSON.stringify({ sources: [{ file: '../decision-4-5.txt' }, { file: '/etc/passwd' }] }));
    const c = loadCorpus(join(dir, 'inner'));
    assert.deepEqual(c.documents, []);
    assert.deepEqual(codes(c.problems), ['source-outside-corpus', 'source-outside-corpus']);
  });

  test('a missing or broken manifest is a problem, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'un-corpus-'));
    assert.equal(loadCorpus(dir).problems[0].code, 'missing-manifest');
    writeFileSync(join(dir, 'corpus.json'), '{ not json');
    assert.equal(loadCorpus(dir).problems[0].code, 'missing-manifest');
  });
});
