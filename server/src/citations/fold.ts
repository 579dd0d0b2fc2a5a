// A view of the text with words rejoined where a line break or PDF copy split them ("resolu-
// tion", "Organ- ized"), so patterns match across the split; offsets map back to the original.

import type { TextRange } from './model';

export interface FoldedText {
  text: string;
  /** Original offset of each folded character; undefined when nothing was folded. */
  map?: Int32Array;
}

// A hyphen between lower-case letters, followed by spaces or one line break (and a block-quote marker).
const SPLIT_WORD = /(?<=[a-z])-[ \t]*(?:\r?\n[ \t]*(?:>[ \t]*)*|[ \t]+)(?=[a-z])/g;

export function fold(text: string): FoldedText {
  SPLIT_WORD.lastIndex = 0;
  if (!SPLIT_WORD.test(text)) return { text };
  SPLIT_WORD.lastIndex = 0; // matchAll starts where test() stopped
  const map = new Int32Array(text.length + 1);
  let out = '';
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(SPLIT_WORD)) {
    const chunk = text.slice(last, m.index);
    for (let i = 0; i < chunk.length; i++) map[n + i] = last + i;
    out += chunk;
    n += chunk.length;
    last = m.index! + m[0].length;
  }
  const tail = text.slice(last);
  for (let i = 0; i < tail.length; i++) map[n + i] = last + i;
  out += tail;
  map[out.length] = text.length;
  return { text: out, map: map.subarray(0, out.length + 1) };
}

/** The original range of a folded range. */
export function unfold(folded: FoldedText, range: TextRange): TextRange {
  if (!folded.map || range.end <= range.start) return folded.map ? { start: folded.map[range.start], end: folded.map[range.start] } : range;
  return { start: folded.map[range.start], end: folded.map[range.end - 1] + 1 };
}
