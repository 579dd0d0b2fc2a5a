import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { formatCitation } from '../server/src/citations/format';
import { createLanguageService } from '../server/src/service';
import { realCorpus } from './helpers';

const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
let n = 0;
const doc = (text: string) => TextDocument.create(`file:///quote-${++n}.md`, 'markdown', 1, text);
const quoteDiagnostics = (text: string): Diagnostic[] => service.getDiagnostics(doc(text)).filter((d) => String(d.code).startsWith('citation.quote'));
const brief = (text: string) => quoteDiagnostics(text).map((d) => `${d.code}: ${d.message}`);

const I18 = 'States parties should respect the fundamental human rights of smuggled migrants';

describe('quotations that match their source', () => {
  const exact: [string, string][] = [
    ['straight quotes, citation after', `"${I18}" (I.18)`],
    ['curly quotes', `“${I18}” (I.18)`],
    ['citation before: "states that"', 'Resolution 5/3, para 6 states that "smuggling of migrants and trafficking in persons are distinct crimes"'],
    ['split across lines', `"States parties should respect the\nfundamental human rights of smuggled migrants" (I.18)`],
    ['emphasis and a footnote marker in the quote', '"*Bears in mind* that smuggling of migrants<sup>3</sup> and trafficking in persons are distinct crimes" (Resolution 5/3, para 6)'],
    ['a leading capital changed to fit the sentence', `they agreed that "states parties should respect the fundamental human rights of smuggled migrants" (I.18)`],
    ['an ellipsis for omitted words', '"States parties should respect … smuggled migrants, irrespective of their migration status" (I.18)'],
    ['three dots and a bracketed ellipsis', '"States parties should respect ... human rights [...] of smuggled migrants" (I.18)'],
    ['a bracket that changes no obligation', '"[States] should respect the fundamental human rights of smuggled migrants" (I.18)'],
    ['a member of a cited range', '"States should consider establishing jurisdiction" (III.1–3)'],
    ['a subparagraph of the cited chapeau', '"Promoting effective international cooperation, including mutual legal assistance" (V.2)'],
    ['a > block quote ending with the citation', `> ${I18},\n> irrespective of their migration status\n> — I.18`],
    ['a quote that contains a citation-like string is not attributed', 'The form "Resolution 5/3, para 9" is common, as is "VII.14".'],
    ['an unattributed quotation is not checked', '"Anything at all, misquoted or not."'],
  ];
  for (const [name, text] of exact) test(name, () => assert.deepEqual(brief(text), []));
});

describe('misquotations', () => {
  test('a changed word names the first difference, with a fix to the source words', () => {
    const [d] = quoteDiagnostics('"the principle of non-punishment of smuggled migrants for the fact of being smuggled" (X.11)');
    assert.equal(d.message, 'Misquotation of X.11: source has "non-liability", quote has "non-punishment".');
    assert.equal(d.code, 'citation.quote-mismatch');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 85 } });
    assert.deepEqual((d.data as { fixes: { newText: string }[] }).fixes.map((f) => f.newText), ['the principle of non-liability of smuggled migrants for the fact of being smuggled']);
  });

  test('a dropped word', () => assert.deepEqual(brief('"States parties should respect the fundamental rights of smuggled migrants" (I.18)'), ['citation.quote-mismatch: Misquotation of I.18: quote leaves out "human".']));

  test('an added word', () => assert.deepEqual(brief('"States parties should fully respect the fundamental human rights of smuggled migrants" (I.18)'), ['citation.quote-mismatch: Misquotation of I.18: quote adds "fully".']));

  test('should → must', () => assert.deepEqual(brief('"States parties must respect the fundamental human rights of smuggled migrants" (I.18)'), ['citation.quote-mismatch: Misquotation of I.18: source has "should", quote has "must".']));

  test('a bracket that hides a change of obligation is an information', () => {
    const [d] = quoteDiagnostics('"States parties [must] respect the fundamental human rights of smuggled migrants" (I.18)');
    assert.equal(d.code, 'citation.quote-bracket');
    assert.equal(d.severity, 3);
    assert.equal(d.message, '"[must]" replaces "should" in the source: "should" becomes "must" (I.18).');
    assert.deepEqual([d.range.start.character, d.range.end.character], [16, 22]);
  });

  test('a quotation from another paragraph names where it really is, with a fix to the citation', () => {
    const text = '"the principle of non-liability of smuggled migrants for the fact of being smuggled" (I.18)';
    const [d] = quoteDiagnostics(text);
    assert.equal(d.code, 'citation.quote-elsewhere');
    assert.equal(d.message, 'This quotation is from X.11, not from I.18.');
    const action = service.getCodeActions(doc(text), d.range, [d]).find((a) => a.kind === 'quickfix')!;
    assert.equal(action.title, 'Cite X.11 instead');
    assert.deepEqual(Object.values(action.edit!.changes!)[0], [{ range: { start: { line: 0, character: 86 }, end: { line: 0, character: 90 } }, newText: 'X.11' }]);
  });

  test('hover on a misquote shows the word-level difference', () => {
    const d = doc('"States parties must respect the fundamental human rights of smuggled migrants" (I.18)');
    const value = (service.getHover(d, { line: 0, character: 10 })!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Misquotation of I\\\.18\\: source has \\"should\\", quote has \\"must\\"\\\.\*\*/);
    assert.match(value, /States parties ~~should~~ \*\*must\*\* respect the fundamental human rights of smuggled migrants/);
  });

  test('the quick fix replaces the quotation with the exact source words', () => {
    const text = '"States parties must respect the fundamental human rights of smuggled migrants" (I.18)';
    const d = doc(text);
    const diags = service.getDiagnostics(d);
    const fix = service.getCodeActions(d, diags[0].range, diags).find((a) => a.title === 'Replace the quotation with the source text')!;
    const [edit] = Object.values(fix.edit!.changes!)[0];
    const fixed = TextDocument.applyEdits(d, [edit]);
    assert.equal(fixed, `"${I18}" (I.18)`);
    assert.deepEqual(quoteDiagnostics(fixed), []);
  });
});

describe('no false alarms on exact quotations of the whole corpus', () => {
  test('the first sentence of every citable paragraph, quoted verbatim and attributed, is accepted', () => {
    let checked = 0;
    const alarms: string[] = [];
    for (const d of realCorpus().documents) {
      for (const p of d.paragraphs) {
        if (p.path[1]?.startsWith('?')) continue; // no number to cite it by
        const sentence = /^.*?[.;:](?=\s|$)|^.*$/.exec(p.text)![0];
        const citation = d.kind === 'draft-resolution' ? `France draft resolution (2008), para ${p.label.replace(/\) \(/g, ')(')}` : formatCitation(d, p, 'full');
        const text = `As agreed, "${sentence}" (${citation}).`;
        const found = quoteDiagnostics(text);
        checked++;
        if (found.length) alarms.push(`${d.id} ${p.key}: ${found.map((f) => f.message).join('; ')}`);
      }
    }
    assert.deepEqual(alarms, []);
    // Every paragraph but resolution 10/3's unnumbered preambular one: 439 of the 440.
    assert.equal(checked, realCorpus().documents.reduce((n, d) => n + d.paragraphs.length, 0) - 1);
  });
});

describe('quotations attributed the ways real drafts attribute them (issue 12)', () => {
  const DISTINCT = 'smuggling of migrants and trafficking in persons are distinct crimes';

  test('by a footnote: "…"[^4] with [^4]: Resolution 5/3, para. 6.', () => {
    assert.deepEqual(brief(`They recalled that "${DISTINCT}"[^4].\n\n[^4]: Resolution 5/3, para. 6.`), []);
    assert.deepEqual(brief(`They recalled that "${DISTINCT}".[^4]\n\n[^4]: See Resolution 5/3, para. 7.`), [
      'citation.quote-elsewhere: This quotation is from Resolution 5/3, para 6, not from Resolution 5/3, para. 7.',
    ]);
  });

  test('by a clause before the quote that names who speaks', () => {
    assert.deepEqual(brief(`In paragraph 6 of resolution 5/3, the Conference "bears in mind that ${DISTINCT}".`), []);
    assert.deepEqual(brief(`In paragraph 6 of resolution 5/3, the Conference "bears in mind that smuggling of migrants and trafficking in persons are identical crimes".`), [
      'citation.quote-mismatch: Misquotation of Resolution 5/3, para 6: source has "distinct", quote has "identical".',
    ]);
  });

  test('by the last line of a block quote, with lead-in words', () => {
    assert.deepEqual(brief(`> ${I18}\n> — WG recommendation I.18`), []);
    assert.deepEqual(brief(`> ${I18}\n> (Working Group on the Smuggling of Migrants, recommendation I.18)`), []);
    assert.deepEqual(brief(`> ${I18}\n> (Working Group on the Smuggling of Migrants, recommendation I.19)`), ['citation.quote-elsewhere: This quotation is from I.18, not from recommendation I.19.']);
  });

  test('by a parenthesis holding several citations: compared with each', () => {
    assert.deepEqual(brief('"the need to provide migrants with humane treatment and full protection" (Resolution 6/3, para 2; resolution 5/3, para. 7)'), []);
  });

  test('spliced from two paragraphs without an ellipsis: a misquote', () => {
    const [d] = quoteDiagnostics(`"${DISTINCT} that may in some cases share some features to develop or strengthen, as appropriate, laws" (Resolution 5/3, paras 5–6)`);
    assert.equal(d?.code, 'citation.quote-mismatch');
  });

  test('a phrase found in many paragraphs (the Protocol\'s title) is compared with the cited paragraph, not sent elsewhere', () => {
    const codes = quoteDiagnostics('"the Protocol against the Smuggling of Migrants by Land, Sea and Air" (I.18)').map((d) => d.code);
    assert.deepEqual(codes, ['citation.quote-mismatch']);
  });
});
