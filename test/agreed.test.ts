// Agreed language (issue 14): the finder's accuracy on perturbed corpus paragraphs, the request over
// stdio, the code actions on a sentence that reuses agreed wording, and the command line.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PERTURBATIONS, agreedAccuracy } from '../bench/accuracy/agreed';
import { createLanguageService } from '../server/src/service';
import { toSettings } from '../server/src/settings';
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

  test('the uncited-reuse hint and the agreed-language code actions, over stdio', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///stdio/agreed.md';
      const text = 'We believe that States parties should respect the fundamental human rights of smuggled migrants, irrespective of their migration status, and more.\n';
      client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      const hint = diagnostics.find((d) => d.code === 'citation.uncited-agreed-language');
      assert.ok(hint, JSON.stringify(diagnostics));
      assert.equal(hint.message, 'These 16 words are agreed language from I.18, which this paragraph does not cite.');
      const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: hint.range, context: { diagnostics: [hint] } });
      assert.deepEqual(actions.map((a) => a.title), ['Cite I.18', 'Cite agreed language: I.18 (100 % same wording)', 'Use the agreed wording of I.18']); // the hint's range is the reused stretch itself
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

describe('agreed language reused without a citation', () => {
  const hints = (text: string, settings?: Parameters<typeof toSettings>[0]) => {
    const s = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    if (settings) s.settings = toSettings(settings);
    return s.getDiagnostics(TextDocument.create(`file:///reuse-${Math.random()}.md`, 'markdown', 1, text)).filter((d) => d.code === 'citation.uncited-agreed-language');
  };

  test('a sentence reproducing 12 words or more of a paragraph, uncited: information, with a fix that cites it', () => {
    const text = 'We believe that States parties should respect the fundamental human rights of smuggled migrants, irrespective of their migration status, and more.\n';
    const [d] = hints(text);
    assert.equal(d.severity, 3);
    assert.equal(d.message, 'These 16 words are agreed language from I.18, which this paragraph does not cite.');
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 135 } });
    assert.deepEqual((d.data as { fixes: unknown[] }).fixes, [{ title: 'Cite I.18', range: { start: { line: 0, character: 145 }, end: { line: 0, character: 145 } }, newText: ' (I.18)' }]);
    const actions = service.getCodeActions(TextDocument.create('file:///reuse-fix.md', 'markdown', 1, text), d.range, [d]);
    assert.equal(actions[0].title, 'Cite I.18');
  });

  test('cited in the same paragraph, quoted with attribution, in code, or shorter than minWords: no hint', () => {
    const reused = 'States parties should respect the fundamental human rights of smuggled migrants, irrespective of their migration status';
    assert.deepEqual(hints(`${reused}.\nSee recommendation 18 of the first meeting.\n`), []);
    assert.deepEqual(hints(`They agreed that "${reused}" (I.18).\n`), []);
    assert.deepEqual(hints(`\`\`\`\n${reused}\n\`\`\`\n`), []);
    assert.equal(hints(`${reused}.\n`, { agreedLanguage: { minWords: 20 } }).length, 0);
    assert.equal(hints(`${reused}.\n`, { agreedLanguage: { minWords: 8 } }).length, 1);
  });

  test('common phrases and unrelated UN prose draw no hint', () => {
    const prose = [
      'States parties are encouraged to consider the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime, in their national plans.',
      'The proposed programme budget for the biennium 2026–2027 provides for a net reduction of 42 posts in the regional commissions and the Department of Economic and Social Affairs.',
      'Parties to the Paris Agreement are invited to communicate their nationally determined contributions every five years, informed by the outcomes of the global stocktake.',
      'The Security Council decides to extend the mandate of the peacekeeping mission until 31 December and requests the Secretary-General to report every ninety days on its implementation.',
      'Non-governmental organizations in consultative status with the Economic and Social Council submitted written statements on the rights of migrant workers and members of their families.',
    ].join('\n\n');
    assert.deepEqual(hints(prose).map((d) => d.message), []);
  });
});

describe('lineage: the same wording in other instruments', () => {
  test('hover shows it, oldest first, with years; un-cite show prints it', () => {
    const doc = TextDocument.create('file:///lineage.md', 'markdown', 1, 'See I.11 and Resolution 6/3, para 9 (a).');
    const i11 = (service.getHover(doc, { line: 0, character: 5 })!.contents as { value: string }).value;
    assert.match(i11, /Same wording also in: Resolution 6\/3, para 9 \\\(a\\\) \\\(2012\\\)/);
    const para9a = (service.getHover(doc, { line: 0, character: 20 })!.contents as { value: string }).value;
    assert.match(para9a, /Same wording also in: I\\\.11 \\\(2012\\\)/);
    const shown = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli.js'), 'show', 'I.11'], { encoding: 'utf8' }).stdout;
    assert.match(shown, /same wording also in: Resolution 6\/3, para 9 \(a\) \(2012\)/);
  });
});

describe('the provenance declaration', () => {
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  const run = (format: string) => spawnSync(process.execPath, [cli, 'provenance', join(__dirname, '..', 'examples', 'background-note.md'), '--format', format], { encoding: 'utf8' });

  test('every paragraph of 12 words or more, its closest precedents and the share of its words from each', () => {
    const rows = JSON.parse(run('json').stdout) as { where: string; words: number; precedents: { citation: string; share: number; difference: string }[] }[];
    assert.ok(rows.length >= 3);
    assert.ok(rows.every((r) => r.words >= 12));
    const quoted = rows.find((r) => r.precedents[0]?.citation === 'X.12');
    assert.ok(quoted && quoted.precedents[0].share > 0.8, JSON.stringify(rows.map((r) => [r.where, r.precedents[0]?.citation, r.precedents[0]?.share])));
    assert.match(quoted.precedents[0].difference, /\[/);
  });

  test('as Markdown and CSV', () => {
    const md = run('md').stdout;
    assert.match(md, /^# Provenance of reused text: .*background-note\.md\n/);
    assert.match(md, /\| line \d+ \| .* \| X\.12 \| \d+ % \|/);
    const csv = run('csv').stdout.split('\n');
    assert.equal(csv[0], 'paragraph,opening,words,precedent,share,difference');
    assert.ok(csv.some((l) => /,"X\.12",0\.\d+,/.test(l)));
  });
});
