// Paragraph lists as drafters write them after "para", "paras", "subparagraphs" …:
// "9", "9 (c)", "(j)(i)", "PP 5", "3–5", "(j)(i)–(iii)", "9 and 22", "I.21, I.22 and I.27".
// Parsed with sticky regexes from a given offset; each piece is bounded, so parsing is linear.

import { expandRange, isSmallRoman } from '../corpus/labels';
import type { ItemProblem, LabelItem } from './model';

/** Longest range we expand ("paras 1–300" is a typo, not 300 citations). */
export const MAX_RANGE = 200;

// "PP 5", "9 (c)(ii)", "(j) (ii)": one label. Brackets hold a letter or a small roman numeral.
const BRACKET = String.raw`\([a-z]{1,5}\)`;
// "b)", "ii)": half brackets, as French and Spanish drafting writes subparagraphs ("al. b)").
const HALF = String.raw`(?:[a-z]|[ivx]{1,4})\)`;
// A number is not a label when a negotiation suffix or a letter follows ("OP7bis", "7a").
const LABEL = new RegExp(String.raw`(?:(PP)\s?(\d{1,3})(?![\d\w])|(\d{1,3})(?![\d/]|[A-Za-z])((?:\s?(?:${BRACKET}|,?\s?(?:al\.|letter|point)\s${BRACKET})){0,3})|((?:${BRACKET}|${HALF})(?:\s?(?:${BRACKET}|${HALF})){0,2}))`, 'y');
const BRACKET_VALUE = /\(?([a-z]{1,5})\)/g;
// "–", "—", "-" or " to " between the ends of a range.
// "18 to recommendation 28", "3 à 5": a range's end may repeat the designator.
const RANGE = /\s?(?:[–—-]|\s+(?:to|à|through)\s+(?:(?:recommendations?|recs?\.|paragraphs?|paras?\.?|ops?\.?|OP|§)\s{0,2})?)\s?/y;
// ", ", " and ", ", and ", " & " between items.
const SEPARATOR = /(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)/y;

interface Label {
  path: string[];
  /** How many bracket groups the label is made of, when it has no number ("(i)" → 1). */
  bracketsOnly: number;
}

function readLabel(text: string, at: number): { label: Label; end: number } | undefined {
  LABEL.lastIndex = at;
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const brackets = (s: string | undefined) => {
    const out: string[] = [];
    if (!s) return out;
    BRACKET_VALUE.lastIndex = 0;
    for (let b = BRACKET_VALUE.exec(s); b; b = BRACKET_VALUE.exec(s)) out.push(b[1]);
    return out;
  };
  if (m[1]) return { label: { path: ['PP', m[2]], bracketsOnly: 0 }, end: LABEL.lastIndex };
  if (m[3]) return { label: { path: [m[3], ...brackets(m[4])], bracketsOnly: 0 }, end: LABEL.lastIndex };
  const parts = brackets(m[5]);
  return { label: { path: parts, bracketsOnly: parts.length }, end: LABEL.lastIndex };
}

export interface LabelListOptions {
  /** Accept bare numbers ("9") — after "para", not directly after an instrument name. */
  numbers: boolean;
  /** Path prefix for items written as brackets only, e.g. ["9"] in "para 9 (a) and (b)". */
  prefix?: string[];
}

/**
 * Reads a list of labels starting exactly at `at`. Returns the items and the offset after the
 * last one; no items when nothing label-like starts there.
 */
export function readLabelList(text: string, at: number, options: LabelListOptions): { items: LabelItem[]; end: number } {
  const items: LabelItem[] = [];
  let pos = at;
  let previous: string[] | undefined = options.prefix;
  for (;;) {
    const first = readLabel(text, pos);
    if (!first || (!options.numbers && first.label.bracketsOnly === 0 && first.label.path[0] !== 'PP')) break;
    const start = pos;
    let end = first.end;
    const from = completePath(first.label, previous);
    let paths = [from];
    let problem: ItemProblem | undefined;
    RANGE.lastIndex = end;
    const dash = RANGE.exec(text);
    if (dash) {
      const second = readLabel(text, RANGE.lastIndex);
      if (second) {
        end = second.end;
        const to = second.label.path[0] === 'PP' || second.label.bracketsOnly === 0
          ? (from[0] === 'PP' && second.label.path[0] !== 'PP' ? ['PP', second.label.path[0]] : second.label.path)
          : [...from.slice(0, from.length - second.label.bracketsOnly), ...second.label.path];
        const expanded = expandPaths(from, to);
        if (expanded) paths = expanded;
        else {
          paths = [from, to];
          problem = { kind: 'range-across-levels', written: text.slice(start, end), limit: MAX_RANGE };
        }
      }
    }
    items.push({ range: { start, end }, text: text.slice(start, end), paths, problem });
    previous = paths[paths.length - 1];
    pos = end;
    SEPARATOR.lastIndex = pos;
    const sep = SEPARATOR.exec(text);
    if (!sep) break;
    const next = readLabel(text, SEPARATOR.lastIndex);
    // A separator must lead to another label of the same kind ("9, 12" but not "9, and decision").
    if (!next || (!options.numbers && next.label.bracketsOnly === 0 && next.label.path[0] !== 'PP')) break;
    pos = SEPARATOR.lastIndex;
  }
  return { items, end: items.length ? items[items.length - 1].range.end : at };
}

/** "(b)" after "8 (a)" is 8 (b); "(ii)" after "(j) (i)" is (j) (ii); "(c)" after "(n) (iii)" is (c). */
function completePath(label: Label, previous: string[] | undefined): string[] {
  if (label.bracketsOnly === 0 || !previous) return label.path;
  const first = label.path[0];
  // Replace the level of the same kind: romans replace a roman level, letters a letter level.
  for (let level = previous.length - 1; level >= 0; level--) {
    const component = previous[level];
    const romanLevel = level > 0 && /^[a-z]/.test(previous[level - 1]) && isSmallRoman(component);
    const letterLevel = /^[a-z]+$/.test(component) && !romanLevel;
    if ((romanLevel && isSmallRoman(first)) || (letterLevel && !isSmallRoman(first)) || (letterLevel && label.bracketsOnly > 1)) {
      return [...previous.slice(0, level), ...label.path];
    }
  }
  return /^\d+$/.test(previous[0]) ? [previous[0], ...label.path] : label.path;
}

function expandPaths(from: string[], to: string[]): string[][] | undefined {
  if (from.length !== to.length || from.slice(0, -1).join('.') !== to.slice(0, -1).join('.')) return undefined;
  const level = from.length - 1;
  const roman = level > 0 && /^[a-z]/.test(from[level - 1]);
  const values = expandRange(from[level], to[level], { roman, limit: MAX_RANGE });
  return values?.map((v) => [...from.slice(0, -1), v]);
}
