// The accuracy benchmark as a gate: hand-checked drafts in bench/accuracy/drafts are read by the real
// service, and no case the committed baseline reads right may be lost, nor a false alarm added.
// `npm run accuracy` prints the table; `npm run accuracy -- --update` records a new baseline.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { BASELINE_FILE, type Baseline, compare, evaluateAll, summarise } from '../bench/accuracy/evaluate';
import { createLanguageService } from '../server/src/service';
import { realCorpus } from './helpers';

describe('accuracy benchmark', () => {
  const service = createLanguageService({ corpus: realCorpus(), corpusUri: (f) => `file:///data/${f}` });
  const results = evaluateAll(service);
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;

  test('the drafts hold at least 250 citations and 80 look-alikes, every one in the baseline', () => {
    const all = summarise(results.flatMap((r) => r.outcomes), results.flatMap((r) => r.unlisted));
    assert.ok(all.citations >= 250, `${all.citations} citations`);
    assert.ok(all.lookAlikes >= 80, `${all.lookAlikes} look-alikes`);
    const missing = results.flatMap((r) => r.outcomes).filter((o) => !(`${o.row.file}:${o.row.line}:${o.row.text}` in baseline.cases));
    assert.deepEqual(missing.map((o) => `${o.row.file}:${o.row.line}`), [], 'cases missing from bench/accuracy-baseline.json: run npm run accuracy -- --update');
  });

  test('no case read right in the baseline is lost, and no false alarm is added', () => {
    const { lost, newFalseAlarms } = compare(results, baseline);
    assert.deepEqual(lost.map((o) => `${o.row.file}.md:${o.row.line} ${o.row.text}: expected ${o.row.raw}, got ${o.got}`), []);
    assert.deepEqual(newFalseAlarms, []);
  });
});
