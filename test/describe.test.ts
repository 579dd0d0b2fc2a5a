// Failures are facts and describe() words them: every kind of failure, from a draft line where the
// real corpus can produce it, to the exact sentence users see in diagnostics, hover and the preview.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Failure, FailureKind } from '../server/src/citations/model';
import { createCitationContext, findCitations } from '../server/src/citations/resolver';
import { describe as describeFailure, describeCitation } from '../server/src/features/describe';
import { realCorpus } from './helpers';

const context = createCitationContext(realCorpus());

type Example =
  /** A draft line whose first failing citation fails this way. */
  | { draft: string; message: string }
  /** A failure the real corpus cannot produce from a draft, built by hand; `why` says why. */
  | { failure: Failure; why: string; message: string };

/** One example per kind; `satisfies` makes a kind without an example (or a stale one) a type error. */
const EXAMPLES = {
  'not-a-range': { draft: 'See V.3–VI.4.', message: '"V.3–VI.4" is not a range.' },
  'range-across-levels': { draft: 'Resolution 5/3, paras 9 (c)–10 (a)', message: `"9 (c)–10 (a)" is not a range of one paragraph's siblings (or is longer than 200).` },
  'not-in-excerpt': { draft: 'resolution 10/3, para 5', message: 'The corpus reproduces only an excerpt of Resolution 10/3 (a preambular paragraph whose number it does not give and paragraph 2); paragraph 5 is not in it.' },
  misprint: { draft: 'Part B I.iii', message: 'Decision 1/6 has no paragraph (iii); it has paragraphs (a)–(f), so this looks like a misprint of (b) (iii).' },
  'unknown-preambular': { draft: 'resolution 6/3, PP 9', message: 'Resolution 6/3 has no preambular paragraph 9: it has preambular paragraphs PP 1–7.' },
  'unknown-parent': { draft: 'Resolution 6/3, para 40 (a)', message: 'Resolution 6/3 has no paragraph 40; it has operative paragraphs 1–22 and preambular paragraphs PP 1–7.' },
  'unknown-paragraph': { draft: 'Resolution 6/3, para 9 (d)', message: 'No paragraph 9 (d): paragraph 9 of Resolution 6/3 has subparagraphs (a)–(c).' },
  'unmapped-report-paragraph': { draft: 'CTOC/COP/WG.7/2012/6, para 99', message: 'The thematic index maps no recommendation to paragraph 99 of CTOC/COP/WG.7/2012/6 (it maps paragraphs 5–56); the corpus holds only the recommendations of this report, not its other paragraphs.' },
  'other-body-session': { draft: 'resolution 55/25, para 3', message: `Resolution 55/25 is numbered as another body's (the Conference has not held 55 sessions); it is not in the corpus.` },
  'document-gone': {
    failure: { kind: 'document-gone' },
    why: 'aliases are read from the corpus itself, so a draft names a vanished document only across a corpus reload',
    message: 'This document is no longer in the corpus.',
  },
  'unknown-meeting': { draft: 'the eleventh meeting of the Working Group', message: `The corpus holds the recommendations of the Working Group's meetings I–X, not of its eleventh meeting.` },
  'meeting-year-several': {
    failure: { kind: 'meeting-year-several', year: 2012, count: 2 },
    why: 'the Working Group met once a year in every year the corpus holds',
    message: 'The Working Group met 2 times in 2012: say which meeting.',
  },
  'meeting-year-none': { draft: 'the Working Group (1999, rec. 4)', message: 'The corpus holds no meeting of the Working Group held in 1999 (it holds meetings held in 2012, 2013, 2015, 2017, 2018, 2019, 2020, 2021, 2022, 2023).' },
  'other-body': { draft: 'General Assembly resolution 55/25', message: 'General Assembly resolution 55/25 is not in the corpus, which holds Conference of the Parties instruments and Working Group recommendations.' },
  'treaty-provision': { draft: 'article 16, paragraph 5,\nof the Protocol', message: 'A treaty provision (article 16, paragraph 5, of the Protocol); treaties are not in the corpus.' },
  'carried-unread': {
    failure: { kind: 'carried-unread' },
    why: 'a carried reference is linked to its antecedent or dropped before anyone sees it',
    message: 'A reference to an earlier citation.',
  },
  'wrong-kind': { draft: 'resolution 4/5', message: '4/5 is a decision of the Conference, not a resolution: did you mean Decision 4/5?' },
  'unknown-instrument': { draft: 'resolution 5/4, para 2', message: 'Resolution 5/4 is not in the corpus (it holds Decision 1/6, Decision 2/4, Decision 3/3, Decision 4/5, Resolution 5/3, Resolution 6/3 and Resolution 10/3); the corpus may simply not include it. Did you mean Resolution 5/3?' },
  'section-number-in-part-b': { draft: 'V.6', message: `V.6 is not a recommendation of the Working Group's fifth meeting (it has recommendations 1–5); in Part B it is Resolution 5/3, paragraph 6. Write "Part B V.6" for the resolution or V.5 for a recommendation.` },
  'unknown-section': { draft: 'Part B VIII.1', message: 'The compendium has no section VIII in Part B: Part B has sections I–VII (VII, also written X, is resolution 10/3).' },
  'unknown-meeting-report': { draft: 'paragraph 5 of the report on the twelfth meeting of the Working Group', message: 'No meeting of the Working Group in the corpus is its twelfth.' },
  'report-unnamed': { draft: 'paragraphs 52 and 53 of the report on the meeting of the Working Group', message: `Which meeting's report? Say which (e.g. "held in Vienna from 30 May to 1 June 2012" or "the first meeting"); the corpus holds reports of meetings I–X. Reports with these paragraph numbers: CTOC/COP/WG.7/2012/6.` },
  'report-numbering-unknown': { draft: 'CTOC/COP/WG.7/2023/5, para 3', message: 'The corpus does not know the paragraph numbers of CTOC/COP/WG.7/2023/5: its recommendations are cited by their own numbers (e.g. X.3).' },
  'unknown-report': { draft: 'CTOC/COP/WG.7/2014/5, para 10', message: 'CTOC/COP/WG.7/2014/5 is not a Working Group report the corpus holds; it holds CTOC/COP/WG.7/2012/6 (first meeting), CTOC/COP/WG.7/2013/5 (second meeting), CTOC/COP/WG.7/2015/6 (third meeting), CTOC/COP/WG.7/2017/5 (fourth meeting), CTOC/COP/WG.7/2018/3 (fifth meeting), CTOC/COP/WG.7/2019/6 (sixth meeting), CTOC/COP/WG.7/2020/4 (seventh meeting), CTOC/COP/WG.7/2021/5 (eighth meeting), CTOC/COP/WG.7/2022/4 (ninth meeting) and CTOC/COP/WG.7/2023/5 (tenth meeting).' },
  'unknown-symbol': { draft: 'CTOC/COP/2008/8', message: 'CTOC/COP/2008/8 is not in the corpus.' },
  'session-report-paragraphs': { draft: 'CTOC/COP/2010/17, para 3', message: 'The paragraphs of the session report CTOC/COP/2010/17 are not in the corpus; it holds what that session adopted: Resolution 5/3.' },
} satisfies Record<FailureKind, Example>;

const KINDS = Object.keys(EXAMPLES) as FailureKind[];

describe('every failure kind has its words', () => {
  for (const kind of KINDS) {
    const example: Example = EXAMPLES[kind];
    test(kind, () => {
      if ('failure' in example) {
        assert.equal(describeFailure(example.failure), example.message, `${kind} (built by hand: ${example.why})`);
        return;
      }
      const failing = findCitations(context, example.draft).find((c) => c.failure);
      assert.ok(failing, `"${example.draft}" should fail to resolve`);
      assert.equal(failing.failure!.kind, kind, `"${example.draft}" should fail as ${kind}`);
      assert.equal(describeCitation(failing), example.message, `the words for "${example.draft}"`);
    });
  }

  test('a resolved citation has nothing to describe', () => {
    const [c] = findCitations(context, 'Resolution 5/3, para 9');
    assert.equal(c.failure, undefined);
    assert.equal(describeCitation(c), undefined);
  });

  test("a failing paragraph is the citation's failure, so the member and the citation say the same", () => {
    const [c] = findCitations(context, 'Resolution 5/3, paras 9 and 25');
    const failing = c.members.find((m) => m.problem)!;
    assert.equal(c.failure, failing.problem);
    assert.equal(describeFailure(failing.problem!), 'No paragraph 25: Resolution 5/3 has operative paragraphs 1–24 and preambular paragraph PP 1.');
  });

  test('a kind describe() does not know is an error, not an empty message', () => {
    assert.throws(() => describeFailure({ kind: 'no-such-kind' } as unknown as Failure), /no description for failure/);
  });
});
