import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Citation } from '../server/src/citations/model';
import { describeCitation } from '../server/src/features/describe';
import { createCitationContext, findCitations } from '../server/src/citations/resolver';
import { realCorpus } from './helpers';

const context = createCitationContext(realCorpus());

/** "see «VII.14» here" → the text without the marks, and the ranges the marks enclose. */
function marked(source: string): { text: string; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  let text = '';
  let open = -1;
  for (const ch of source) {
    if (ch === '«') open = text.length;
    else if (ch === '»') ranges.push([open, text.length]);
    else text += ch;
  }
  return { text, ranges };
}

/** "resolved resolution-5-3/9" or "unknown-paragraph X:25". */
function summary(c: Citation): string {
  const members = c.members.map((m) => (m.target ? `${m.target.document.id}/${m.target.paragraph.key}` : `X:${m.path.join('.')}`));
  const whole = c.members.length === 0 && c.documents.length ? c.documents[0].id : '';
  return [c.status, whole, ...members].filter(Boolean).join(' ');
}

function check(source: string, expected: string[]) {
  const { text, ranges } = marked(source);
  const found = findCitations(context, text);
  assert.deepEqual(found.map((c) => [c.range.start, c.range.end]), ranges, `ranges in ${JSON.stringify(text)}: found ${found.map((c) => JSON.stringify(c.text)).join(', ')}`);
  assert.deepEqual(found.map(summary), expected);
  for (const c of found) assert.equal(text.slice(c.range.start, c.range.end), c.text);
}

describe('forms drafters write', () => {
  const cases: [string, string[]][] = [
    ['«Resolution 5/3, para 9»', ['resolved resolution-5-3/9']],
    ['«resolution 5/3, paragraph 9»', ['resolved resolution-5-3/9']],
    ['«res. 5/3, para. 9»', ['resolved resolution-5-3/9']],
    ['«paragraph 9 of resolution 5/3»', ['resolved resolution-5-3/9']],
    ['«Decision 4/5 (j)(i)»', ['resolved decision-4-5/(j)(i)']],
    ['«decision 4/5, subpara. (e)»', ['resolved decision-4-5/(e)']],
    ['«decision 4/5, para (j) (ii)»', ['resolved decision-4-5/(j)(ii)']],
    ['«Resolution 6/3, PP 5»', ['resolved resolution-6-3/PP5']],
    ['«Resolution 6/3, para 9 (c)»', ['resolved resolution-6-3/9(c)']],
    ['as «the fifth preambular paragraph of resolution 6/3» says', ['resolved resolution-6-3/PP5']],
    ['«VII.14»', ['resolved wg-meeting-7/14']],
    ['«Part A I.38»', ['resolved wg-meeting-1/38']],
    ['«V.2.k» and «V.2(k)»', ['resolved wg-meeting-5/2(k)', 'resolved wg-meeting-5/2(k)']],
    ['«IX.8.a»', ['resolved wg-meeting-9/8(a)']],
    ['«V.5» is meeting V; «Part B V.5» is in «resolution 5/3»', ['resolved wg-meeting-5/5', 'resolved resolution-5-3/5', 'resolved resolution-5-3']],
    ['«Part B II.n.iii»', ['resolved decision-2-4/(n)(iii)']],
    ['«VI.PP.5»', ['resolved resolution-6-3/PP5']],
    ['«Part B VII.2» is also «Part B X.2»', ['resolved resolution-10-3/2', 'resolved resolution-10-3/2']],
    ['«III.k» and «IV.j.ii» can only be Part B', ['resolved decision-3-3/(k)', 'resolved decision-4-5/(j)(ii)']],
    ['«recommendation 14 of the seventh meeting»', ['resolved wg-meeting-7/14']],
    ['«recommendations 19–25 adopted at the third meeting»', ['resolved ' + [19, 20, 21, 22, 23, 24, 25].map((n) => `wg-meeting-3/${n}`).join(' ')]],
    ['«CTOC/COP/WG.7/2012/6, para 41»', ['resolved wg-meeting-1/38']],
    ['«CTOC/COP/2010/17»', ['resolved resolution-5-3']],
    ['«III.19–21»', ['resolved wg-meeting-3/19 wg-meeting-3/20 wg-meeting-3/21']],
    ['«I.21», «I.22», «I.25» and «I.27»', ['resolved wg-meeting-1/21', 'resolved wg-meeting-1/22', 'resolved wg-meeting-1/25', 'resolved wg-meeting-1/27']],
    ['«Resolution 5/3, paras 9 and 22»', ['resolved resolution-5-3/9 resolution-5-3/22']],
    ['«Resolution 5/3, paras. 3–5»', ['resolved resolution-5-3/3 resolution-5-3/4 resolution-5-3/5']],
    ['«Resolution 5/3, paras 3-5»', ['resolved resolution-5-3/3 resolution-5-3/4 resolution-5-3/5']],
    ['«Resolution 5/3, paras 3 to 5»', ['resolved resolution-5-3/3 resolution-5-3/4 resolution-5-3/5']],
    ['«Decision 2/4 (n)(i)–(iii)»', ['resolved decision-2-4/(n)(i) decision-2-4/(n)(ii) decision-2-4/(n)(iii)']],
    ['«resolutions 5/3» and «6/3»', ['resolved resolution-5-3', 'resolved resolution-6-3']],
    ['«Resolution 5/3»', ['resolved resolution-5-3']],
    ['in its «resolution 5/3» of 22 October 2010', ['resolved resolution-5-3']],
    ['Conference «decision 3/3»', ['resolved decision-3-3']],
    ['(«CTOC/COP/2005/8», «decision 2/4»)', ['resolved decision-2-4', 'resolved decision-2-4']],
    ['«subparagraphs (g) and (k) of decision 2/4»', ['resolved decision-2-4/(g) decision-2-4/(k)']],
    ['in line with «paragraphs 52 and 53 of the report on the meeting of the Working Group on the Smuggling of Migrants held in Vienna from 30 May to 1 June 2012»', ['resolved wg-meeting-1/49 wg-meeting-1/50']],
    ['at «the tenth meeting of the Working Group»', ['resolved wg-meeting-10']],
    ['«Resolu- tion 5/3, para 9» in the Organ- ized Crime Convention', ['resolved resolution-5-3/9']],
    ['«France draft resolution (2008), para 9 (a)»', ['resolved draft-resolution-france-2008/9(a)']],
    ['the «draft resolution submitted by France»', ['resolved draft-resolution-france-2008']],
  ];
  for (const [source, expected] of cases) test(source.replace(/[«»]/g, ''), () => check(source, expected));
});

describe('what is not a citation of the corpus', () => {
  const none = [
    'as set out in paragraph 9 above',
    'the present decision',
    'subparagraphs (g) and (k) above',
    'recommendation 11 of this note',
    'on 22/10/2010 the session ended',
    'three quarters (3/4) of States',
    'version 1.2.3 of the tool',
    'see section II.3 below, chapter IV.2 and Table I.1',
    'I.e. the States parties',
    'Sales No. E.10.IV.8',
    '`Resolution 5/3, para 9` in code',
    '[a link](https://example.org/VII.14) destination',
    '<https://example.org/V.5> autolink and https://example.org/I.38 URL',
    '<!-- VII.14 in a comment -->',
    '```\nResolution 5/3, para 9\n```',
    '    Resolution 5/3, para 9 (indented code)',
    '---\ntitle: Resolution 5/3, para 9\n---\nbody',
  ];
  for (const text of none) {
    test(JSON.stringify(text), () => assert.deepEqual(findCitations(context, text).map((c) => c.text), []));
  }

  test('treaty articles are recognised as outside the corpus', () => {
    check('«article 16, paragraph 5, of the Protocol», «art. 16, para. 1» and «article 32 of the Convention»', ['out-of-corpus', 'out-of-corpus', 'out-of-corpus']);
  });

  test('symbols and instruments of other bodies are outside the corpus', () => {
    check('«General Assembly resolution 55/25», «A/RES/55/25» and «CTOC/COP/2008/8».', ['out-of-corpus', 'out-of-corpus', 'out-of-corpus']);
  });
});

describe('Markdown: prose counts, code does not', () => {
  test('citations in link text, emphasis, lists, tables, block quotes and footnotes', () => {
    check(
      [
        '# Draft',
        '',
        'See [«VII.14»](https://example.org/x) and *«Resolution 5/3»*.',
        '',
        '- «I.38»',
        '',
        '| ref | note |',
        '|---|---|',
        '| «V.2.k» | yes |',
        '',
        '> «Decision 4/5 (j)(i)»',
        '',
        'Text.[^1]',
        '',
        '[^1]: «Part B V.5».',
      ].join('\n'),
      ['resolved wg-meeting-7/14', 'resolved resolution-5-3', 'resolved wg-meeting-1/38', 'resolved wg-meeting-5/2(k)', 'resolved decision-4-5/(j)(i)', 'resolved resolution-5-3/5'],
    );
  });
});

describe('classification and messages', () => {
  const first = (text: string) => findCitations(context, text)[0];

  test('a known instrument without such a paragraph says what exists and offers the closest', () => {
    const c = first('Resolution 5/3, para 25');
    assert.equal(c.status, 'unknown-paragraph');
    assert.equal(describeCitation(c), 'No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.');
    assert.equal(c.suggestions[0], 'Resolution 5/3, para 24');
  });

  test('a missing subparagraph names its parent\'s subparagraphs', () => {
    const c = first('Resolution 6/3, para 9 (d)');
    assert.equal(describeCitation(c), 'No paragraph 9 (d): paragraph 9 of Resolution 6/3 has subparagraphs (a)–(c).');
    assert.equal(c.suggestions[0], 'Resolution 6/3, para 9 (c)');
  });

  test('one bad member of a range is named', () => {
    const c = first('Decision 4/5 (j)(i)–(iii)');
    assert.equal(c.status, 'unknown-paragraph');
    assert.deepEqual(c.members.map((m) => !!m.target), [true, true, false]);
    assert.equal(describeCitation(c), 'No paragraph (j) (iii): paragraph (j) of Decision 4/5 has subparagraphs (i), (ii).');
  });

  test('an instrument the corpus does not hold is informational', () => {
    const c = first('resolution 7/1');
    assert.equal(c.status, 'unknown-instrument');
    assert.equal(describeCitation(c), 'Resolution 7/1 is not in the corpus (it holds Decision 1/6, Decision 2/4, Decision 3/3, Decision 4/5, Resolution 5/3, Resolution 6/3 and Resolution 10/3); the corpus may simply not include it.');
  });

  test('an instrument of the other kind is a warning with the instrument meant, in the writer\'s case', () => {
    const c = first('resolution 4/5');
    assert.equal(c.status, 'wrong-kind');
    assert.equal(describeCitation(c), '4/5 is a decision of the Conference, not a resolution: did you mean Decision 4/5?');
    assert.deepEqual(c.suggestions, ['decision 4/5']);
    assert.deepEqual(first('Decision 5/3, para 9').suggestions, ['Resolution 5/3, para 9']);
  });

  test('a paragraph of an excerpt says which paragraphs the corpus holds', () => {
    const c = first('Resolution 10/3, para 5');
    assert.equal(c.status, 'excerpt');
    assert.equal(describeCitation(c), 'The corpus reproduces only an excerpt of Resolution 10/3 (a preambular paragraph whose number it does not give and paragraph 2); paragraph 5 is not in it.');
  });

  test('a misprint-like form suggests the paragraph meant', () => {
    const c = first('Part B I.iii');
    assert.equal(c.status, 'misprint');
    assert.deepEqual(c.suggestions, ['Part B I.b.iii']);
    assert.equal(describeCitation(c), 'Decision 1/6 has no paragraph (iii); it has paragraphs (a)–(f), so this looks like a misprint of (b) (iii).');
  });

  test('report paragraphs without a meeting are ambiguous, with the candidates', () => {
    const c = first('paragraphs 52 and 53 of the report on the meeting of the Working Group');
    assert.equal(c.status, 'ambiguous');
    assert.deepEqual(c.candidates?.map((t) => `${t.document.id}/${t.paragraph.key}`), ['wg-meeting-1/49', 'wg-meeting-1/50']);
  });

  test('a range too long to be meant is malformed', () => {
    assert.equal(first('Resolution 5/3, paras 1–999').status, 'malformed');
  });

  test('a compendium section that does not exist is a warning (the compendium is whole in the corpus)', () => {
    const c = first('XI.3');
    assert.equal(c.status, 'unknown-section');
    assert.equal(describeCitation(first('Part B VIII.1')), 'The compendium has no section VIII in Part B: Part B has sections I–VII (VII, also written X, is resolution 10/3).');
    assert.equal(describeCitation(c), 'The compendium has no section XI: Part A has the meetings I–X.');
  });
});

describe('ranges of the parts', () => {
  test('instrument and paragraph parts are separate ranges', () => {
    const text = 'See paragraph 9 (c) of resolution 6/3 now.';
    const [c] = findCitations(context, text);
    assert.equal(text.slice(c.instrumentRange.start, c.instrumentRange.end), 'resolution 6/3');
    assert.deepEqual(c.items.map((i) => text.slice(i.range.start, i.range.end)), ['9 (c)']);
  });

  test('a compendium reference: the section and the rest', () => {
    const text = 'as in Part B II.n.iii.';
    const [c] = findCitations(context, text);
    assert.equal(text.slice(c.range.start, c.range.end), 'Part B II.n.iii');
    assert.equal(text.slice(c.instrumentRange.start, c.instrumentRange.end), 'Part B II');
    assert.equal(text.slice(c.items[0].range.start, c.items[0].range.end), 'n.iii');
  });

  test('each item of a list has its own range', () => {
    const text = 'Resolution 5/3, paras 9, 12–14 and 22';
    const [c] = findCitations(context, text);
    assert.deepEqual(c.items.map((i) => i.text), ['9', '12–14', '22']);
    assert.equal(c.members.length, 5);
  });

  test('ranges are UTF-16 offsets, right after emoji and accents', () => {
    const text = 'Délégués 🇫🇷 citent «VII.14».'.replace(/[«»]/g, '');
    const [c] = findCitations(context, text);
    assert.equal(text.slice(c.range.start, c.range.end), 'VII.14');
  });
});
