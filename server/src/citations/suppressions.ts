// Comments that silence diagnostics, honoured by the editor and the command line alike:
//   <!-- un-cite-disable -->            the whole file
//   <!-- un-cite-disable-line -->       citations on the same line
//   <!-- un-cite-disable-next-line -->  citations on the next line

import { lineOffsets } from './markdownRegions';

export interface Suppressions {
  file: boolean;
  /** Zero-based lines whose citations are silenced. */
  lines: Set<number>;
}

const DIRECTIVE = /<!--\s*un-cite-disable(-next-line|-line)?\s*-->/g;

export function findSuppressions(text: string): Suppressions {
  const result: Suppressions = { file: false, lines: new Set() };
  if (!text.includes('un-cite-disable')) return result;
  const starts = lineOffsets(text);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = lineOf(m.index!);
    if (!m[1]) result.file = true;
    else result.lines.add(m[1] === '-line' ? line : line + 1);
  }
  return result;
}
