// Word drafts (issue 16): the text of a .docx as the checker reads it, and `un-cite check` on Word
// files, with documents built in the test itself.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDocx } from '../server/src/word/docx';
import { comment, deleted, docx, field, footnoteRef, inserted, paragraph, run, table } from './docx';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const DISTINCT = 'smuggling of migrants and trafficking in persons are distinct crimes';

/** A note on a draft, with a table, a footnote, a tracked change, a comment, a field and broken citations. */
function reviewDraft(): Uint8Array {
  return docx(
    [
      paragraph(run('Background note')),
      paragraph(run('The Conference recalled that "'), run(DISTINCT), run('"'), footnoteRef(1), run('.')),
      table(['Topic', 'Source'], ['Liaison officers', 'CTOC/COP/WG.7/2012/6, para 41'], ['Training', 'VII.99']),
      paragraph(run('See Resolution 6/3, '), deleted('para 9'), inserted('para 30'), run(' and '), comment('I.38'), run('.')),
      paragraph(field('HYPERLINK "https://example.org/VII.98"', 'the website'), run(' and Resolution 5/3, para 25.')),
      paragraph(),
    ],
    { 1: 'Resolution 5/3, para. 7.' },
  );
}

describe('the text of a Word document', () => {
  test('body paragraphs and table cells in order, notes after; insertions in, deletions, comments and field codes out', () => {
    const word = readDocx(reviewDraft());
    assert.deepEqual(word.places.map((p) => `${p.label} ${word.text.slice(p.start, p.end)}`), [
      '¶1 Background note',
      `¶2 The Conference recalled that "${DISTINCT}"[^1].`,
      '¶3 Topic',
      '¶4 Source',
      '¶5 Liaison officers',
      '¶6 CTOC/COP/WG.7/2012/6, para 41',
      '¶7 Training',
      '¶8 VII.99',
      '¶9 See Resolution 6/3, para 30 and I.38.',
      '¶10 the website and Resolution 5/3, para 25.',
      '¶11 ',
      'footnote 1 Resolution 5/3, para. 7.',
    ]);
  });

  test('what is not a Word document is a clear error', () => {
    assert.throws(() => readDocx(new Uint8Array(Buffer.from('Resolution 5/3, para 9'))), /not a Word document: a \.docx file is a zip package/);
    assert.throws(() => readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /encrypted Word document or an old \.doc file/);
    assert.throws(() => readDocx(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8])), /damaged zip package/);
  });
});

describe('un-cite check on Word documents', () => {
  const folder = mkdtempSync(join(tmpdir(), 'un-word-'));
  writeFileSync(join(folder, 'review.docx'), reviewDraft());
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', timeout: 60_000 });

  test('findings as draft.docx:¶paragraph:column, quotations checked too', () => {
    const r = cli(['check', 'review.docx', '--fail-on', 'none']);
    assert.equal(r.stdout, [
      'review.docx:¶2:30: warning citation.quote-elsewhere This quotation is from Resolution 5/3, para 6, not from Resolution 5/3, para. 7.',
      'review.docx:¶8:1: error citation.unknown-paragraph No paragraph 99: Working Group recommendations, seventh meeting has recommendations 1–22.',
      'review.docx:¶9:5: error citation.unknown-paragraph No paragraph 30: Resolution 6/3 has operative paragraphs 1–22 and preambular paragraphs PP 1–7.',
      'review.docx:¶10:17: error citation.unknown-paragraph No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.',
      '',
    ].join('\n'));
    assert.equal(r.status, 0);
  });

  test('JSON and SARIF carry the paragraph and its first words', () => {
    const json = JSON.parse(cli(['check', 'review.docx', '--format', 'json']).stdout);
    assert.deepEqual(json.findings[2], { file: 'review.docx', paragraph: '¶9', column: 5, endColumn: 28, snippet: 'See Resolution 6/3, para 30 and I.38.', severity: 'error', code: 'citation.unknown-paragraph', message: 'No paragraph 30: Resolution 6/3 has operative paragraphs 1–22 and preambular paragraphs PP 1–7.' });
    const sarif = JSON.parse(cli(['check', 'review.docx', '--format', 'sarif']).stdout);
    const location = sarif.runs[0].results[2].locations[0];
    assert.deepEqual(location.physicalLocation.region, { startLine: 9, startColumn: 5, endColumn: 28, snippet: { text: 'See Resolution 6/3, para 30 and I.38.' } });
    assert.deepEqual(location.logicalLocations, [{ name: '¶9', kind: 'paragraph' }]);
  });

  test('folders include .docx files (not Word lock files); a damaged one is an error, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'un-word-folder-'));
    writeFileSync(join(dir, 'good.docx'), docx([paragraph(run('VII.14 is cited well.'))]));
    writeFileSync(join(dir, '~$good.docx'), 'lock');
    writeFileSync(join(dir, 'bad.docx'), 'this is not a zip');
    const r = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, 'bad.docx: error: not a Word document: a .docx file is a zip package, and this is not one\n1 file checked, 0 findings, 1 file error\n');
    assert.equal(r.status, 2);
  });
});

describe('un-cite annex', () => {
  const folder = mkdtempSync(join(tmpdir(), 'un-annex-'));
  writeFileSync(join(folder, 'note.md'), [
    '# Note',
    '',
    'See paras 3–4 of resolution 5/3 and VII.14.',
    '',
    'Again VII.14, and Resolution 5/3, para 25, and Resolution 5/3, para 3.',
    '',
  ].join('\n'));
  writeFileSync(join(folder, 'review.docx'), reviewDraft());
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', timeout: 60_000 });

  test('every cited paragraph once, in the order first cited, with the lines citing it; broken ones first', () => {
    const json = JSON.parse(cli(['annex', 'note.md', '--format', 'json']).stdout);
    assert.deepEqual(json.entries.map((e: { citation: string; citedAt: { where: string }[] }) => `${e.citation} @ ${e.citedAt.map((c) => c.where).join(', ')}`), [
      'Resolution 5/3, para 3 @ line 3, line 5',
      'Resolution 5/3, para 4 @ line 3',
      'VII.14 @ line 3, line 5',
    ]);
    assert.equal(json.entries[0].symbol, 'CTOC/COP/2010/17');
    assert.match(json.entries[0].text, /^Decides to strengthen international, regional and bilateral cooperation/);
    assert.deepEqual(json.broken.map((b: { text: string; at: { where: string } }) => `${b.at.where} ${b.text}`), ['line 5 Resolution 5/3, para 25']);
  });

  test('Markdown between markers, in the chosen style; HTML escapes', () => {
    const md = cli(['annex', 'note.md', '--style', 'compendium']).stdout;
    assert.match(md, /^<!-- un-cite-annex:start -->\n\n## Annex: paragraphs cited\n\n### Citations that could not be verified\n\n- line 5: “Resolution 5\/3, para 25” — No paragraph 25/);
    assert.match(md, /### Part B V\.3\n\n\*Resolution 5\/3 — Implementation of the Protocol/);
    assert.match(md, /### VII\.14\n[^#]*Cited on:\n\n- line 3: “See paras 3–4 of resolution 5\/3 and VII\.14\.”\n- line 5: “Again VII\.14, and Resolution 5\/3, para 25, and Resolution 5\/3, para 3\.”\n/);
    assert.match(md, /<!-- un-cite-annex:end -->\n$/);
    const html = cli(['annex', 'note.md', '--format', 'html']).stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h3>VII\.14<\/h3>/);
  });

  test('a Word draft: paragraphs named as Word counts them', () => {
    const json = JSON.parse(cli(['annex', 'review.docx', '--format', 'json']).stdout);
    assert.deepEqual(json.entries.map((e: { citation: string; citedAt: { where: string }[] }) => `${e.citation} @ ${e.citedAt.map((c) => c.where).join(', ')}`), ['I.38 @ ¶6, ¶9', 'Resolution 5/3, para 7 @ footnote 1']);
    assert.deepEqual(json.broken.map((b: { at: { where: string } }) => b.at.where), ['¶8', '¶9', '¶10']);
  });

  test('a file that cannot be read: exit 2', () => {
    const r = cli(['annex', 'missing.docx']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.docx: error: no such file or folder/);
  });
});
