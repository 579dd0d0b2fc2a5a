// Writes a citation of a paragraph in the user's chosen style, for completion, code actions and
// the command line. The forms are ones the scanner reads back to the same paragraph.

import { compendiumLabel } from '../corpus/corpus';
import type { CorpusDocument, Paragraph } from '../corpus/model';
import { numberToOrdinal, numberToRoman } from '../corpus/text';

/**
 * - `full`: "Resolution 5/3, para 9", "Decision 4/5, para (j) (i)", "VII.14"
 * - `abbreviated`: "res. 5/3, para. 9", "dec. 4/5, para. (j)(i)", "VII.14"
 * - `compendium`: "Part B V.9", "Part B IV.j.i", "VII.14"
 * - `words`: like `full`, but Working Group recommendations as "recommendation 14 of the seventh meeting"
 */
export type CitationStyle = 'full' | 'abbreviated' | 'compendium' | 'words';
export const CITATION_STYLES: CitationStyle[] = ['full', 'abbreviated', 'compendium', 'words'];

export function formatCitation(document: CorpusDocument, paragraph: Paragraph | undefined, style: CitationStyle): string {
  if (document.kind === 'wg-recommendations') {
    const roman = numberToRoman(document.session ?? 0).toUpperCase();
    if (!paragraph) return `the ${numberToOrdinal(document.session ?? 0)} meeting of the Working Group`;
    if (style === 'words') {
      const sub = paragraph.path.slice(1).map((p) => ` (${p})`).join('');
      return `recommendation ${paragraph.path[0]}${sub} of the ${numberToOrdinal(document.session ?? 0)} meeting`;
    }
    return `${roman}.${paragraph.path.join('.')}`;
  }
  if (style === 'compendium' && document.origin.compendium && paragraph) return compendiumLabel(document, paragraph)!;
  const abbreviated = style === 'abbreviated';
  const name = abbreviated ? document.name.replace(/^Resolution/, 'res.').replace(/^Decision/, 'dec.') : document.name;
  if (!paragraph) return name;
  if (paragraph.kind === 'preambular') return `${name}, ${paragraph.label}`;
  const label = abbreviated ? paragraph.label.replace(/\) \(/g, ')(') : paragraph.label;
  return `${name}, ${abbreviated ? 'para.' : 'para'} ${label}`;
}

/**
 * A paragraph's title, for headings of hovers, completion and quotation messages: "Resolution 5/3,
 * paragraph 9", "Resolution 6/3, PP 5", "Recommendation 14" (its meeting is in the heading above it).
 * The one function that names a paragraph in prose; `formatCitation` writes citations to insert.
 */
export function paragraphTitle(d: CorpusDocument, p: Paragraph): string {
  if (d.kind === 'wg-recommendations') return `Recommendation ${p.label}`;
  if (p.kind === 'preambular') return `${d.name}, ${p.label}`;
  return `${d.name}, paragraph ${p.label}`;
}

/**
 * A paragraph's label path written the way a citation writes it: `instrument` style "9 (c)",
 * "(j) (ii)", "PP 2"; `compendium` style "I.b.iii". For suggestions and failure messages.
 */
export function writePath(d: CorpusDocument, path: string[], style: 'instrument' | 'compendium'): string {
  if (style === 'compendium') return path.join('.');
  if (path[0] === 'PP') return `PP ${path[1]}`;
  const scheme = d.kind === 'decision' ? 'lettered' : 'numbered';
  return path.map((part, i) => ((i === 0 && scheme === 'numbered') || /^\d+$/.test(part) ? part : `(${part})`)).join(' ');
}
