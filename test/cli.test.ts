// The `un-cite` command line, run as users run it: node dist/cli.js with real files.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const CLI = join(__dirname, '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'un-cli-'));
  mkdirSync(join(dir, 'drafts', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'drafts', 'a.md'), 'See Resolution 5/3, para 25 and VII.14.\n');
  writeFileSync(join(dir, 'drafts', 'sub', 'b.md'), '# B\n\nPart B I.iii <!-- un-cite-disable-line -->\nresolution 7/1\n');
  writeFileSync(join(dir, 'drafts', 'clean.markdown'), 'Only good ones: I.38, decision 4/5 (j)(i).\n');
  writeFileSync(join(dir, 'drafts', 'notes.txt'), 'VII.99 in a text file is not searched in folders\n');
  return dir;
}

describe('un-cite check', () => {
  test('prints findings like a compiler and exits 1 on errors', () => {
    const r = run(['check', 'drafts'], workspace());
    assert.equal(r.stdout, [
      'drafts/a.md:1:5: error citation.unknown-paragraph No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.',
      'drafts/sub/b.md:4:1: information citation.unknown-instrument Resolution 7/1 is not in the corpus (it holds Decision 1/6, Decision 2/4, Decision 3/3, Decision 4/5, Resolution 5/3, Resolution 6/3 and Resolution 10/3); the corpus may simply not include it.',
      '',
    ].join('\n'));
    assert.equal(r.stderr, '3 files checked, 2 findings\n');
    assert.equal(r.code, 1);
  });

  test('negotiation shorthand and carried-over references are checked in the command line too (issue 12)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'un-cli-'));
    writeFileSync(join(dir, 'brief.md'), [
      '# Brief',
      '',
      'Res. 6/3, OP23 does not exist; 6/3 OP15 does.',
      '',
      'Resolution 5/3 asks for laws (para. 27).',
      '',
      'Rec. V.6 and decision 5/3 and V.6.',
      '',
    ].join('\n'));
    const r = run(['check', 'brief.md', '--fail-on', 'warning'], dir);
    assert.equal(r.stdout, [
      'brief.md:3:1: error citation.unknown-paragraph No paragraph 23: Resolution 6/3 has operative paragraphs 1–22 and preambular paragraphs PP 1–7.',
      'brief.md:5:31: error citation.unknown-paragraph No paragraph 27: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.',
      'brief.md:7:1: error citation.unknown-paragraph No paragraph 6: Working Group recommendations, fifth meeting has recommendations 1–5.',
      'brief.md:7:14: warning citation.wrong-kind 5/3 is a resolution of the Conference, not a decision: did you mean Resolution 5/3?',
      'brief.md:7:31: warning citation.ambiguous V.6 is not a recommendation of the Working Group\'s fifth meeting (it has recommendations 1–5); in Part B it is Resolution 5/3, paragraph 6. Write "Part B V.6" for the resolution or V.5 for a recommendation.',
      '',
    ].join('\n'));
    assert.equal(r.code, 1);
  });

  test('the quotation check runs in the command line too', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'quote.md'), '"the principle of non-punishment of smuggled migrants for the fact of being smuggled" (X.11)\n');
    const r = run(['check', 'quote.md'], dir);
    assert.equal(r.stdout, 'quote.md:1:1: warning citation.quote-mismatch Misquotation of X.11: source has "non-liability", quote has "non-punishment".\n');
    assert.equal(r.code, 0, 'a warning is below the default --fail-on error');
  });

  test('--fail-on sets the threshold; a clean file exits 0', () => {
    const dir = workspace();
    assert.equal(run(['check', 'drafts/sub/b.md'], dir).code, 0, 'information is below the default threshold');
    assert.equal(run(['check', 'drafts/sub/b.md', '--fail-on', 'information'], dir).code, 1);
    assert.equal(run(['check', 'drafts/clean.markdown'], dir).code, 0);
  });

  test('globs', () => {
    const r = run(['check', 'drafts/**/*.md', '--fail-on', 'none'], workspace());
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '2 files checked, 2 findings\n');
  });

  test('--format json', () => {
    const r = run(['check', 'drafts/a.md', '--format', 'json'], workspace());
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.findings, [{ file: 'drafts/a.md', line: 1, column: 5, endLine: 1, endColumn: 28, severity: 'error', code: 'citation.unknown-paragraph', message: 'No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.' }]);
    assert.deepEqual(json.summary, { files: 1, findings: 1, errors: 0 });
  });

  test('--format sarif is SARIF 2.1.0 with rules, levels and regions', () => {
    const log = JSON.parse(run(['check', 'drafts', '--format', 'sarif'], workspace()).stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'un-cite');
    assert.ok(run0.tool.driver.rules.some((r: { id: string }) => r.id === 'citation.unknown-paragraph'));
    assert.deepEqual(run0.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [['citation.unknown-paragraph', 'error'], ['citation.unknown-instrument', 'note']]);
    assert.deepEqual(run0.results[0].locations[0].physicalLocation, { artifactLocation: { uri: 'drafts/a.md' }, region: { startLine: 1, startColumn: 5, endLine: 1, endColumn: 28 } });
    assert.equal(run0.invocations[0].executionSuccessful, true);
  });

  test('clear errors for missing files, binary files, folders without Markdown; exit 2', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
    mkdirSync(join(dir, 'empty'));
    const r = run(['check', 'missing.md', 'binary.md', 'empty', 'drafts/clean.markdown'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, [
      'missing.md: error: no such file or folder',
      'binary.md: error: binary file, not text; not checked',
      'empty: error: this folder holds no Markdown or Word files (.md, .markdown, .docx)',
      '1 file checked, 0 findings, 3 file errors',
      '',
    ].join('\n'));
  });

  test('unreadable files', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, () => {
    const dir = workspace();
    chmodSync(join(dir, 'drafts', 'a.md'), 0o000);
    assert.match(run(['check', 'drafts/a.md'], dir).stderr, /drafts\/a\.md: error: permission denied/);
  });

  test('a usage error exits 2 with help', () => {
    const r = run(['check', '--format', 'xml', 'x.md'], workspace());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /argument 'xml' is invalid\. Allowed choices are text, json, sarif/);
  });
});

describe('un-cite show, search, corpus', () => {
  test('show prints the paragraph and where it is', () => {
    const r = run(['show', 'Decision 4/5 (j)(ii)'], tmpdir());
    assert.equal(r.code, 0);
    assert.equal(r.stdout, [
      'Decision 4/5, para (j) (ii) (Part B IV.j.ii)',
      'Welcomed also the efforts undertaken to provide guidance and information on best practices in the areas of training and capacity-building, as well as awareness-raising strategies to prevent and combat the smuggling of migrants;',
      '  data/compendium-smuggling-of-migrants-2024.txt:688:4',
      '  same wording also in: Decision 3/3, para (l) (2006) → Draft resolution submitted by France (2008), para 9 (d) (2008)',
      '',
      '',
    ].join('\n'));
  });

  test('show explains a citation that does not resolve, exit 1', () => {
    const r = run(['show', 'VII.99'], tmpdir());
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'VII.99: No paragraph 99: Working Group recommendations, seventh meeting has recommendations 1–22.\n  did you mean: VII.9 | VII.19 | VII.1\n');
  });

  test('show of something that is no citation', () => {
    const r = run(['show', 'hello'], tmpdir());
    assert.equal(r.code, 1);
    assert.match(r.stdout, /"hello" is not a citation un-cite recognises/);
  });

  test('search ranks paragraphs and shows the citation to use', () => {
    const r = run(['search', 'non-liability', '--limit', '2', '--style', 'words'], tmpdir());
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^recommendation 11 of the tenth meeting\n  …d to respect the principle of non-liability of smuggled migrants/);
  });

  test('corpus lists the documents', () => {
    const r = run(['corpus'], tmpdir());
    assert.equal(r.code, 0);
    assert.match(r.stdout, /resolution-6-3\s+Resolution 6\/3\s+CTOC\/COP\/2012\/15\s+7\s+22\s+3/);
    assert.equal(r.stdout.trim().split('\n').length, 22);
  });
});
