import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Citation } from '../server/src/citations/model';
import { createCitationContext, findCitations } from '../server/src/citations/resolver';
import { realCorpus } from './helpers';
import { randomText, rng } from './random';

const context = createCitationContext(realCorpus());
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 400);

function assertWellFormed(text: string, citations: Citation[], seed: string) {
  let previousEnd = 0;
  for (const c of citations) {
    const where = `${seed}: ${JSON.stringify(c.text)} in ${JSON.stringify(text.slice(0, 200))}`;
    assert.ok(c.range.start >= previousEnd, `sorted, not overlapping (${where})`);
    assert.ok(c.range.start < c.range.end && c.range.end <= text.length, `inside the text (${where})`);
    assert.equal(text.slice(c.range.start, c.range.end), c.text, `slices back (${where})`);
    assert.ok(c.instrumentRange.start >= c.range.start && c.instrumentRange.end <= c.range.end, `instrument part inside (${where})`);
    for (const item of c.items) {
      assert.ok(item.range.start >= c.range.start && item.range.end <= c.range.end, `item inside (${where})`);
      assert.equal(text.slice(item.range.start, item.range.end), item.text, `item slices back (${where})`);
    }
    assert.ok(c.status, `classified (${where})`);
    previousEnd = c.range.end;
  }
}

describe('property: any text, any edit', () => {
  test(`random drafts never throw and every range slices back (seed ${SEED}, ${ROUNDS} rounds)`, () => {
    const random = rng(SEED);
    for (let round = 0; round < ROUNDS; round++) {
      let text = randomText(random, 1 + Math.floor(random() * 60));
      const label = `seed ${SEED} round ${round}`;
      assertWellFormed(text, findCitations(context, text), label);
      // A few random edits: delete a span, insert a fragment.
      for (let e = 0; e < 3; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = Math.floor(random() * 8);
        text = text.slice(0, at) + randomText(random, Math.floor(random() * 3)) + text.slice(at + cut);
        assertWellFormed(text, findCitations(context, text), `${label} edit ${e}`);
      }
    }
  });
});

describe('adversarial inputs complete (their time is measured by npm run bench)', () => {
  const inputs: [string, () => string][] = [
    ['a 5 MB single line of roman numerals and dots', () => 'IVX.'.repeat(1_300_000)],
    ['a 5 MB line of parentheses and slashes', () => '(i)(ii)/5/3/('.repeat(400_000)],
    ['a 2 MB line of "para 1, 2, 3 …"', () => 'Resolution 5/3, paras ' + Array.from({ length: 300_000 }, (_, i) => String(i % 30)).join(', ')],
    ['unclosed backticks and comments everywhere', () => '` <!-- ``` '.repeat(200_000)],
    ['a 1 MB line of carried-over references with nothing before them', () => 'the same resolution, para ibid., (para. 9) '.repeat(25_000)],
    ['a 1 MB line of designators and half brackets', () => 'res 5/3, § 9, al. b) OP 1, PP 2 à 3 to recommendation '.repeat(20_000)],
    ['a 1 MB block-quote line of dashes before a citation', () => `> ${'a-'.repeat(10)}\n> ${'-'.repeat(1_000_000)} I.18`],
    ['binary bytes', () => Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
  ];
  for (const [name, make] of inputs) {
    test(name, () => {
      const text = make();
      assertWellFormed(text, findCitations(context, text), name);
    });
  }

  test('100,000 citations in one file are all found', () => {
    const text = 'VII.14 and Resolution 5/3, para 9; '.repeat(50_000);
    const found = findCitations(context, text);
    assert.equal(found.length, 100_000);
    assert.ok(found.every((c) => c.status === 'resolved'));
  });
});
