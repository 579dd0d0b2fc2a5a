// The TextMate injection grammar, tokenised with vscode-textmate + vscode-oniguruma inside VS Code's
// real Markdown grammar (from the tm-grammars package): citations get separate scopes for the
// instrument and the paragraph, and nothing inside code does.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, type IGrammar, Registry, parseRawGrammar } from 'vscode-textmate';

const root = join(__dirname, '..');
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'text.html.markdown') return parseRawGrammar(readFileSync(require.resolve('tm-grammars/grammars/markdown.json'), 'utf8'), 'markdown.json');
      if (scope === 'text.un-citations.injection') {
        const path = join(root, 'syntaxes', 'un-citations.injection.tmLanguage.json');
        return parseRawGrammar(readFileSync(path, 'utf8'), path);
      }
      return null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['text.un-citations.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
});

/** The scopes of UN citations on each token of the lines, as "text: scope" for tokens that have one. */
function citationTokens(...lines: string[]): string[] {
  let state = INITIAL;
  const out: string[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const ours = token.scopes.filter((s) => s.endsWith('.un-citation') && !s.startsWith('meta.'));
      if (ours.length) out.push(`${line.slice(token.startIndex, token.endIndex)}: ${ours.join(' ')}`);
    }
    state = result.ruleStack;
  }
  return out;
}

const INSTRUMENT = 'entity.name.type.instrument.un-citation';
const PARAGRAPH = 'constant.numeric.paragraph.un-citation';

describe('TextMate injection grammar', () => {
  test('instrument and paragraph are separate scopes', () => {
    assert.deepEqual(citationTokens('See Resolution 5/3, para 9 (c) here.'), [`Resolution 5/3: ${INSTRUMENT}`, `, para 9 (c): ${PARAGRAPH}`]);
  });

  test('compendium references', () => {
    assert.deepEqual(citationTokens('As in VII.14 and Part B II.n.iii.'), [`VII: ${INSTRUMENT}`, `14: ${PARAGRAPH}`, `Part B II: ${INSTRUMENT}`, `n: ${PARAGRAPH}`, `.iii: ${PARAGRAPH}`]);
  });

  test('paragraph first, then the instrument', () => {
    assert.deepEqual(citationTokens('paragraph 9 of resolution 5/3'), [`paragraph 9: ${PARAGRAPH}`, `resolution 5/3: ${INSTRUMENT}`]);
  });

  test('report symbols and recommendations in words', () => {
    assert.deepEqual(citationTokens('CTOC/COP/WG.7/2012/6, para 41 and recommendation 14 of the seventh meeting'), [
      `CTOC/COP/WG.7/2012/6: ${INSTRUMENT}`,
      `, para 41: ${PARAGRAPH}`,
      `recommendation 14: ${PARAGRAPH}`,
      `seventh meeting: ${INSTRUMENT}`,
    ]);
  });

  test('inside emphasis, lists and block quotes', () => {
    assert.deepEqual(citationTokens('- *Decision 4/5 (j)(i)*', '> V.2.k'), [`Decision 4/5: ${INSTRUMENT}`, ` (j)(i): ${PARAGRAPH}`, `V: ${INSTRUMENT}`, `2: ${PARAGRAPH}`, `.k: ${PARAGRAPH}`]);
  });

  test('nothing in inline code or fenced code', () => {
    assert.deepEqual(citationTokens('`Resolution 5/3, para 9`'), []);
    assert.deepEqual(citationTokens('```', 'VII.14 and Resolution 5/3', '```', 'after VII.14'), [`VII: ${INSTRUMENT}`, `14: ${PARAGRAPH}`]);
  });

  test('no false positives on dates and section numbers', () => {
    assert.deepEqual(citationTokens('On 22/10/2010, see version 1.2.3'), []);
  });
});
