// The grammar table's examples and every form issue 12 names, each read through the real resolver:
// a row's examples are its tests, so a new abbreviation is a new row plus examples that must pass.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { describeReading } from '../bench/accuracy/evaluate';
import { readFileSync } from 'node:fs';
import { INSTRUMENT_DESIGNATORS, OTHER_BODIES, PARAGRAPH_DESIGNATORS, RECOMMENDATION_DESIGNATORS, allExamples, rowSource } from '../server/src/citations/grammar';
import { README, readmeWithTable } from '../scripts/forms-table';
import type { Citation } from '../server/src/citations/model';
import { describe as describeFailure, describeCitation } from '../server/src/features/describe';
import { createCitationContext, findCitations } from '../server/src/citations/resolver';
import { createLanguageService } from '../server/src/service';
import { realCorpus } from './helpers';

const context = createCitationContext(realCorpus());

/** What a text reads as, in the accuracy benchmark's notation, with the citation that covers it. */
function reading(text: string): { got: string; citations: Citation[] } {
  const citations = findCitations(context, text);
  if (citations.length === 0) return { got: 'none', citations };
  const readings = citations.map(describeReading);
  if (readings.every((r) => r === 'outside')) return { got: 'outside', citations };
  if (readings.some((r) => r.startsWith('broken'))) return { got: 'broken', citations };
  return { got: readings.filter((r) => r !== 'outside').join('; '), citations };
}

function expectReading(text: string, expected: string): void {
  const { got, citations } = reading(text);
  assert.equal(got, expected, `${JSON.stringify(text)} read as ${got}: ${citations.map((c) => JSON.stringify(c.text)).join(', ')}`);
  // A citation is read to its last word (a body prefix such as "COP" may stay outside it).
  if (expected !== 'none' && expected !== 'outside' && citations.length === 1 && /[\d)]$/.test(text)) {
    assert.equal(citations[0].range.end, text.length, `${JSON.stringify(text)} ends at ${citations[0].range.end}`);
  }
}

describe('the grammar table', () => {
  test('every variant a row lists is matched by its pattern (the README shows these)', () => {
    for (const row of [...INSTRUMENT_DESIGNATORS, ...PARAGRAPH_DESIGNATORS, ...RECOMMENDATION_DESIGNATORS, ...OTHER_BODIES]) {
      const pattern = new RegExp(`^(?:${rowSource(row)})`);
      // Tried before a number (some variants look ahead for one), whole or after a prefix word ("COP res.").
      const matches = (v: string) => pattern.exec(`${v} 1`)?.[0] === v;
      for (const variant of row.written) assert.ok(matches(variant) || matches(variant.replace(/^\S+ /, '')), `${row.id}: "${variant}" is not matched by its pattern`);
    }
  });

  test('README shows the table as the grammar has it', () => {
    assert.equal(readFileSync(README, 'utf8'), readmeWithTable(readFileSync(README, 'utf8')), 'README.md is out of date: npm run forms:readme');
  });
});

describe('every example of the grammar table', () => {
  for (const { row, text, expect } of allExamples()) {
    test(`${row}: ${text} → ${expect}`, () => expectReading(text, expect));
  }
});

describe('issue 12: forms that must work', () => {
  const cases: [string, string][] = [
    // Operative and preambular shorthand after any instrument form.
    ['Res. 6/3, OP13', 'Part B VI.13'],
    ['res. 6/3, op. 7', 'Part B VI.7'],
    ['COP res. 6/3, op. 2', 'Part B VI.2'],
    ['Resolution 6/3, OP 9', 'Part B VI.9'],
    ['Res 6/3 OP 9(b)', 'Part B VI.9.b'],
    ['resolution 5/3, PP1', 'Part B V.PP.1'],
    ['ops 3 and 21 of res. 5/3', 'Part B V.3; Part B V.21'],
    ['PP3 of resolution 6/3', 'Part B VI.PP.3'],
    ['§ 24 of resolution 5/3', 'Part B V.24'],
    ['resolution 5/3, §§ 3–5', 'Part B V.3; Part B V.4; Part B V.5'],
    ['operative paragraph 9 of resolution 5/3', 'Part B V.9'],
    ['preambular paragraph 3 of resolution 6/3', 'Part B VI.PP.3'],
    ['resolution 6/3, OP 19–20', 'Part B VI.19; Part B VI.20'],
    ['Resolution 6/3, op. 9 (c)', 'Part B VI.9.c'],
    // Abbreviations without a full stop, body prefixes.
    ['res 5/3 op 9', 'Part B V.9'],
    ['COP res 6/3, paras 2-4', 'Part B VI.2; Part B VI.3; Part B VI.4'],
    ['COP decision 2/4', 'whole Decision 2/4'],
    ['Conference resolution 5/3', 'whole Resolution 5/3'],
    ['dec 4/5 (j)(i)', 'Part B IV.j.i'],
    // Bare session numbers with a designator.
    ['6/3 OP15', 'Part B VI.15'],
    ['5/3 op. 3', 'Part B V.3'],
    ['6/3 PP7', 'Part B VI.PP.7'],
    ['para. 9(a) of 6/3', 'Part B VI.9.a'],
    ['4/5 para (k)', 'none'], // a bare number needs a designator right after it, and (k) is not one
    ['on 5/3/2010 the Conference', 'none'],
    ['a score of 9/10 overall', 'none'],
    ['6/3 of the votes', 'none'],
    // Report symbol + recommendation.
    ['CTOC/COP/WG.7/2023/5, recommendation 11', 'X.11'],
    ['CTOC/COP/WG.7/2023/5, rec. 11', 'X.11'],
    ['CTOC/COP/WG.7/2021/5, recs. 3 and 5', 'VIII.3; VIII.5'],
    // Ranges that repeat the prefix or use words.
    ['X.7–X.14', ['X.7', 'X.8', 'X.9', 'X.10', 'X.11', 'X.12', 'X.13', 'X.14'].join('; ')],
    ['X.7 to X.14', ['X.7', 'X.8', 'X.9', 'X.10', 'X.11', 'X.12', 'X.13', 'X.14'].join('; ')],
    ['recs. III.19 to III.25', ['III.19', 'III.20', 'III.21', 'III.22', 'III.23', 'III.24', 'III.25'].join('; ')],
    ['recommendation 18 to recommendation 28 of the first meeting', Array.from({ length: 11 }, (_, i) => `I.${18 + i}`).join('; ')],
    ["the third meeting's recommendations 19–25", Array.from({ length: 7 }, (_, i) => `III.${19 + i}`).join('; ')],
    ['X.7–X.17', 'broken'], // every member is checked: meeting X has 16
    // Ordinals in words or digits, before or after.
    ['recommendation 6 of the 3rd meeting', 'III.6'],
    ['the fifth meeting, recommendation 2 (k)', 'V.2.k'],
    ['recommendation no. 4 of the second meeting', 'II.4'],
    ['recommendation n° 4 of the second meeting', 'II.4'],
    // French-influenced designators.
    ['resolution 6/3, par. 12', 'Part B VI.12'],
    ['decision 2/4, al. (b)', 'Part B II.b'],
    ['decision 2/4, al. b)', 'Part B II.b'],
    ['decision 3/3, letter (d)', 'Part B III.d'],
    ['the resolution 6/3', 'whole Resolution 6/3'],
    ['resolution 6/3 in its paragraph 4', 'Part B VI.4'],
    ['resolution 6/3 (§ 12)', 'Part B VI.12'],
    ['resolution 6/3, § 9, al. a)', 'Part B VI.9.a'],
    ['recommendations 3 à 5 of the sixth meeting', 'VI.3; VI.4; VI.5'],
    // Compendium numbers with a hyphen; a designator before a compendium number.
    ['VIII-4', 'VIII.4'],
    ['Rec. IX-2', 'IX.2'],
    ['recommendations IV-3 and IV-5', 'IV.3; IV.5'],
    ['recommendation I.20', 'I.20'],
    ['recs. I.18 and I.20', 'I.18; I.20'],
    ['WG recommendation I.24', 'I.24'],
    // A pinpoint separated from its instrument by a date or a title.
    ['resolution 6/3 of 19 October 2012, in particular paragraph 11', 'Part B VI.11'],
    ['decision 2/4, entitled "Implementation of the Protocol against the Smuggling of Migrants", subparagraph (c)', 'Part B II.c'],
    // Look-alikes never resolve.
    ['Module IV.2', 'none'],
    ['Exercise III.19', 'none'],
    ['Chapter VII.14 of the manual', 'none'],
    ['Lesson III.4', 'none'],
    ['Figure VI.1', 'none'],
    ['Box II.3', 'none'],
    ['Case study I.4', 'none'],
    ['items II.3 refer to this checklist', 'none'],
    ['see II.3 refer to this checklist', 'none'],
    ['### I.1 Why this programme', 'none'],
    ['- [ ] II.3 Handouts copied', 'none'],
    ['recommendation 14 of the seventh meeting of the Working Group on Firearms', 'none'],
    ['OP7bis of resolution 6/3', 'whole Resolution 6/3'], // the draft's own OP7bis is not read as paragraph 7
    ['PP2ter and OP6alt', 'none'],
    // Other bodies: recognised as outside, a body named before the number decides.
    ['HRC resolution 5/1', 'outside'],
    ['GA resolution 73/195', 'outside'],
    ['CAC/COSP resolution 6/3', 'outside'],
    ['CND resolution 5/3', 'outside'],
    ['resolution 4/3 of the Conference of the States Parties to the United Nations Convention against Corruption', 'outside'],
    ['Security Council resolution 2240 (2015), para. 7', 'outside'],
    ['ECOSOC resolution 2005/20', 'outside'],
    ['resolution 55/25', 'outside'], // no Conference has held 55 sessions
    // Drafts by their sponsor's adjective; meetings by the Working Group's possessive.
    ['the French draft, op. 5', 'France 5'],
    ["the Working Group's eighth meeting", 'whole meeting VIII'],
    ['the Working Group at its tenth meeting, recommendation 4 (b)', 'X.4.b'],
    ['Decision 4/5, supra note 9, subpara. (i)', 'Part B IV.i'],
    // Meetings by year; lists of subparagraphs after a compendium number; an owner's own paragraph.
    ['the Working Group (2018, rec. 4(c))', 'V.4.c'],
    ["The Working Group's 2020 recommendations", 'whole meeting VII'],
    ['the Working Group (2016, rec. 4)', 'broken'],
    ['recommendations V.2 (a), (c) and (k)', 'V.2.a; V.2.c; V.2.k'],
    ['subparagraphs (a) to (c) of resolution 6/3, para. 9', 'Part B VI.9.a; Part B VI.9.b; Part B VI.9.c'],
    ['decision 1/6 ((c) and (d))', 'Part B I.c; Part B I.d'],
    ['draft resolution submitted by France on 9 October 2008, para. 9 (c)', 'France 9.c'],
    ["that decision's subparagraph (j)(ii)", 'none'], // carried: nothing named before it here
    ['Division VI.2 of the ministry', 'none'],
    ['Chamber IV.2 ruled', 'none'],
    // A designator decides the part; a dash used as a parenthesis is not a range.
    ['Rec. V.6', 'broken'],
    ['recommendation V.6', 'broken'],
    ['IX.9 (a) — and discuss', 'IX.9.a'],
    ['VI.7 — 20 min — then', 'VI.7'],
    ['Part B V.6', 'Part B V.6'],
    // Report paragraphs: inferred where the index's pairs share one offset.
    ['CTOC/COP/WG.7/2012/6, para 29', 'I.26'],
  ];
  for (const [text, expected] of cases) test(`${text} → ${expected}`, () => expectReading(text, expected));
});

describe('issue 12: precision', () => {
  const first = (text: string) => findCitations(context, text)[0];

  test('a bare compendium number only Part B has is ambiguous, naming both readings, with fixes to each', () => {
    const c = first('V.6');
    assert.equal(c.status, 'ambiguous');
    assert.match(describeCitation(c)!, /V\.6 is not a recommendation of the Working Group's fifth meeting \(it has recommendations 1–5\); in Part B it is Resolution 5\/3, paragraph 6\. Write "Part B V\.6"/);
    assert.equal(c.suggestions[0], 'Part B V.6');
    assert.ok(c.suggestions.includes('V.5'), c.suggestions.join(', '));
  });

  test('missing sections and a decision cited as a resolution are warnings with fixes', () => {
    assert.equal(first('XI.1').status, 'unknown-section');
    assert.equal(first('Part B VIII.1').status, 'unknown-section');
    const d = first('decision 5/3');
    assert.equal(d.status, 'wrong-kind');
    assert.deepEqual(d.suggestions, ['resolution 5/3']);
  });

  test('an unknown Working Group report is information naming the reports the corpus holds', () => {
    const c = first('CTOC/COP/WG.7/2014/5, para 10');
    assert.equal(c.status, 'unknown-instrument');
    assert.match(describeCitation(c)!, /CTOC\/COP\/WG\.7\/2014\/5 is not a Working Group report the corpus holds; it holds CTOC\/COP\/WG\.7\/2012\/6 \(first meeting\), /);
  });

  test('a report paragraph the index maps to no recommendation is information, never an error', () => {
    const c = first('CTOC/COP/WG.7/2015/6, para 2');
    assert.equal(c.status, 'report-paragraph');
    assert.match(describeCitation(c)!, /the corpus holds only the recommendations of this report/);
  });

  test('no message prints "undefined"', () => {
    for (const text of ['resolution 5/3, PP 2', 'resolution 6/3, PP 9', 'Part B VI.PP.9', 'V.6', 'XI.1', 'decision 5/3', 'CTOC/COP/WG.7/2014/5, para 10', 'Rec. V.6', 'X.7–X.17', 'resolution 10/3, PP 3']) {
      for (const c of findCitations(context, text)) assert.doesNotMatch(`${describeCitation(c) ?? ''} ${c.members.map((m) => (m.problem ? describeFailure(m.problem) : '')).join(' ')}`, /undefined/, text);
    }
  });
});

describe('issue 12: carried-over references', () => {
  const cases: [string, string][] = [
    ['In resolution 6/3 the Conference urged States to act («para. 9»).', 'Part B VI.9'],
    ['Decision 4/5 welcomed the model law («subparagraph (j)(i)»).', 'Part B IV.j.i'],
    ['Resolution 5/3 asked for reports; «paragraph 22 of the same resolution» set a timetable.', 'Part B V.22'],
    ['See decision 2/4, para (c). «Ibid., para. (d)».', 'Part B II.d'],
    ['See resolution 5/3, para 9. «Ibid.»', 'Part B V.9'],
    ['Text[^1] and more[^2].\n\n[^1]: Resolution 6/3, para 4.\n[^2]: «Id.»', 'Part B VI.4'],
    ['Text[^1] and more[^2].\n\n[^1]: Resolution 6/3, para 4.\n\n[^2]: «Ibid., OP 5».', 'Part B VI.5'],
    ['The report of the first meeting (CTOC/COP/WG.7/2012/6) is clear: see «report para. 41».', 'I.38'],
    ['Decisions 1/6, 2/4 and decision 4/5 all matter («subparagraph (j)(i)»).', 'Part B IV.j.i'],
    // In running text, after the instrument: designators without brackets, possessives, "of the resolution".
    ['Resolution 6/3 is more specific. Its «paragraph 9» urges States to act.', 'Part B VI.9'],
    ['Resolution 6/3 restates I.3; «OP 9 (b)» restates I.12.', 'Part B VI.9.b'],
    ['Resolution 6/3 is recalled. «Paragraph 6 of the resolution» restates I.3.', 'Part B VI.6'],
    ['Resolution 10/3 is short. Its «second operative paragraph» encourages an integrated strategy.', 'Part B VII.2'],
    ['The seventh meeting of the Working Group focused on technology; its «recommendation 13» concerns data.', 'VII.13'],
  ];
  for (const [source, expected] of cases) {
    test(`${source.replace(/\n/g, '⏎')} → ${expected}`, () => {
      const start = source.indexOf('«');
      const text = source.replace('«', '').replace('»', '');
      const end = source.indexOf('»') - 1;
      const c = findCitations(context, text).find((x) => x.range.start === start && x.range.end === end);
      assert.ok(c, `no citation at ${JSON.stringify(text.slice(start, end))}: ${findCitations(context, text).map((x) => JSON.stringify(x.text)).join(', ')}`);
      assert.equal(describeReading(c), expected);
    });
  }

  test('two antecedents that both fit leave it unread', () => {
    const text = 'Resolutions 5/3 and resolution 6/3 both speak of it (para. 9).';
    assert.ok(!findCitations(context, text).some((c) => c.text === 'para. 9'));
    const other = 'CAC/COSP resolution 6/3 and COP resolution 6/3 differ (para. 4).';
    assert.ok(!findCitations(context, other).some((c) => c.text === 'para. 4'));
  });

  test("the draft's own labels stay unread in running text", () => {
    for (const text of [
      'Resolution 6/3 is close; the language they want is in OP12, which our OP8 already mirrors.',
      'Resolution 6/3 is close, and we use it in OP16.',
      '| OP10 | res. 5/3, OP 4 |',
      'Resolution 5/3 matters, see paragraph 9 above and OP 4 bis.',
    ]) {
      const own = findCitations(context, text).filter((c) => /^(?:OP ?(?:8|10|16)|paragraph 9|OP 4)$/.test(c.text));
      assert.deepEqual(own.map((c) => c.text), [], text);
    }
  });

  test('nothing named before: unread', () => {
    assert.deepEqual(findCitations(context, 'As noted (para. 9), this matters. Ibid.'), []);
  });

  test('hover says where the instrument came from', () => {
    const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
    const doc = TextDocument.create('file:///carried.md', 'markdown', 1, '# Note\n\nIn resolution 6/3 the Conference\nurged States to act (para. 9).\n');
    const hover = service.getHover(doc, { line: 3, character: 23 });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value.split('\n\n')[0], /^\*para\\\. 9\* refers to resolution 6\/3, named on line 3$/);
    assert.match(value, /\*\*Resolution 6\/3, paragraph 9\*\*/);
  });
});
