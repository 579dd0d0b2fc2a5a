// Agreed language (issue 14): the finder's accuracy on perturbed corpus paragraphs, the request over
// stdio, the code actions on a sentence that reuses agreed wording, and the command line.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PERTURBATIONS, agreedAccuracy } from '../bench/accuracy/agreed';
import { createLanguageService } from '../server/src/service';
import { realCorpus } from './helpers';
import { LspClient } from './lspClient';

const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
const I18 = 'States parties should respect the fundamental human rights of smuggled migrants, irrespective of their migration status, nationality, gender, ethnicity, age or religion.';

describe('finding agreed language', () => {
  test('every paragraph of 18 words or more, perturbed five ways, comes back first (≥ 95 % each way)', () => {
    const result = agreedAccuracy(realCorpus());
    assert.ok(result.paragraphs > 300, `${result.paragraphs} paragraphs`);
    for (const how of PERTURBATIONS) {
      const { right, total } = result.perPerturbation[how];
      assert.ok(right / total >= 0.95, `${how}: ${right}/${total}; misses: ${JSON.stringify(result.misses.filter((m) => m.how === how).slice(0, 3))}`);
    }
  });

  test('a changed verb, dropped words and lost capitals still find the paragraph, with the score and word difference', () => {
    const [best] = service.findAgreedLanguage('states parties shall respect the human rights of smuggled migrants irrespective of their migration status', 3);
    assert.equal(best.citation, 'I.18');
    assert.equal(best.text, I18);
    assert.equal(best.score, 0.933);
    assert.equal(best.difference, 'states parties [shall] respect the human rights of smuggled migrants irrespective of their migration status');
    assert.match(best.uri, /compendium-smuggling-of-migrants-2024\.txt$/);
  });

  test('unrelated UN prose finds nothing close', () => {
    for (const prose of [
      'The proposed programme budget for the biennium provides for a net reduction of posts in the regional commissions.',
      'Parties to the Paris Agreement should communicate nationally determined contributions every five years.',
      'The peacekeeping mission will draw down its uniformed personnel by the end of the mandate period.',
    ]) {
      const [best] = service.findAgreedLanguage(prose, 1);
      assert.ok(!best || best.score < 0.6, `${prose} → ${best?.citation} ${best?.score}`);
    }
  });
});

describe('code actions on a sentence that reuses agreed wording', () => {
  test('cite it, or put the agreed wording back', () => {
    const text = '# Draft\n\nWe recall that States parties shall respect the fundamental human rights of smuggled migrants, irrespective of their migration status.\n';
    const doc = TextDocument.create('file:///agreed.md', 'markdown', 1, text);
    const cursor = doc.positionAt(text.indexOf('fundamental'));
    const actions = service.getCodeActions(doc, { start: cursor, end: cursor }, []);
    assert.deepEqual(actions.map((a) => a.title), ['Cite agreed language: I.18 (94 % same wording)', 'Use the agreed wording of I.18']);
    const cite = actions[0].edit!.changes!['file:///agreed.md'][0];
    assert.equal(cite.newText, ' (I.18)');
    assert.equal(doc.offsetAt(cite.range.start), text.indexOf('status.') + 'status'.length);
    assert.match(actions[1].edit!.changes!['file:///agreed.md'][0].newText, /^States parties should respect the fundamental human rights of smuggled migrants, irrespective of their migration status, nationality, gender, ethnicity, age or religion \(I\.18\)$/);
    // Already cited: nothing to offer. Prose: nothing either.
    const cited = TextDocument.create('file:///agreed2.md', 'markdown', 1, text.replace('status.', 'status (I.18).'));
    assert.deepEqual(service.getCodeActions(cited, { start: cursor, end: cursor }, []).filter((a) => /agreed/.test(a.title)), []);
    const prose = TextDocument.create('file:///agreed3.md', 'markdown', 1, 'The budget for the biennium provides for a reduction of posts in the regional commissions.\n');
    assert.deepEqual(service.getCodeActions(prose, { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, []), []);
  });
});

describe('over stdio and on the command line', () => {
  test('unCitations/agreedLanguage answers { citation, text, score, uri, range }, best first', async () => {
    const client = await LspClient.start();
    try {
      const results = await client.request<{ citation: string; text: string; score: number; uri: string; range: { start: { line: number } } }[]>('unCitations/agreedLanguage', { text: 'smuggled migrants irrespective of their migration status nationality gender ethnicity age or religion', limit: 2 });
      assert.equal(results.length, 2);
      assert.equal(results[0].citation, 'I.18');
      assert.equal(results[0].score, 1);
      assert.equal(typeof results[0].range.start.line, 'number');
      assert.deepEqual(await client.request('unCitations/agreedLanguage', { text: 42 }), []);
    } finally {
      await client.stop();
    }
  });

  test('un-cite precedent, as text and as JSON', () => {
    const cli = join(__dirname, '..', 'dist', 'cli.js');
    const text = spawnSync(process.execPath, [cli, 'precedent', 'States parties shall respect the fundamental human rights of smuggled migrants', '--limit', '1'], { encoding: 'utf8' });
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^I\.18 — 91 % same wording\n {2}States parties should respect/);
    const json = JSON.parse(spawnSync(process.execPath, [cli, 'precedent', 'States parties shall respect the fundamental human rights of smuggled migrants', '--format', 'json', '--style', 'words'], { encoding: 'utf8' }).stdout);
    assert.equal(json[0].citation, 'recommendation 18 of the first meeting');
    assert.ok(json.length >= 2);
  });
});
