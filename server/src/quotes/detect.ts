// Finds quotations attributed to a citation: text in straight or curly double quotes right before
// or after a citation in the same sentence ('"…" (Resolution 5/3, para 6)', 'Resolution 5/3,
// para 6 states that "…"'), and a ">" block quote whose last line is a citation.

import type { Citation, TextRange } from '../citations/model';
import { detach } from '../util/strings';

export interface Quotation {
  /** The quotation with its marks: '"States parties should …"'. */
  range: TextRange;
  /** Inside the marks (or the block quote's lines, without ">"). */
  content: TextRange;
  /** The text compared, with block-quote markers blanked out (same length as `content`). */
  text: string;
  citation: Citation;
}

/** Between a quotation and the citation after it: '" (', '", ', '" — '. */
const AFTER = /^[\s,;:]{0,3}[(\[]?\s{0,2}(?:see\s+|cf\.\s+)?$/i;
/**
 * A clause between a citation and the quotation after it that names who speaks: 'In paragraph 7 of
 * resolution 5/3, the Conference "…"', 'resolution 6/3, in which the Conference urged States "…"'.
 */
const CLAUSE_BEFORE = /^\s{0,2}\)?\s{0,2},\s{0,2}(?:in\s+which\s+|where\s+)?(?:the\s+)?(?:Conference(?:\s+of\s+the\s+Parties)?|COP|Working\s+Group|Parties|it)\s+(?:[\p{L}’'-]+\s+){0,4}(?:that\s+)?[:,]?\s{0,2}$/iu;
/** A footnote reference right after a quotation: '"…"[^4]', '"…".[^4]'. Group: the label. */
const BLANK_LINE = /\n[ \t\r]*\n/;
const FOOTNOTE_AFTER = /^[.,;]?\[\^([^\]\s]{1,20})\]/;
/** Between a citation and the quotation after it: ' states that ', ', which reads: ', ': '. */
const BEFORE = /^\s{0,2}\)?\s{0,2},?\s{0,2}(?:(?:which|that)\s+)?(?:(?:states?|provides?|reads?|says|notes?|recalls?|stipulates?|recommends?|urges?|encourages?|declares?|decides?|requests?|invites?|calls\s+upon|affirms?|stresses?|emphasi[sz]es?)\s+)?(?:that\s+)?[:,]?\s{0,2}$/i;

export function findQuotations(text: string, citations: Citation[]): Quotation[] {
  const out: Quotation[] = [];
  const attributable = citations.filter((c) => c.members.some((m) => m.target));
  if (attributable.length === 0) return out;
  let footnotes: Map<string, number> | undefined;
  for (const q of quotedSpans(text)) {
    const inner = text.slice(q.content.start, q.content.end);
    if (!/[\p{L}\p{N}]+\W+[\p{L}\p{N}]+/u.test(inner)) continue; // one word is a term, not a quotation
    const footnote = FOOTNOTE_AFTER.exec(text.slice(q.range.end, q.range.end + 24));
    if (footnote) footnotes ??= footnoteDefinitions(text);
    const citation = (footnote && footnoteCitation(footnotes!.get(footnote[1]), attributable)) || attributedCitation(text, q, attributable);
    if (citation) out.push({ ...q, text: detach(inner), citation });
  }
  for (const b of blockQuotes(text, attributable)) out.push(b);
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** Pairs of “…” and of "…" within a block (never across a blank line). */
function quotedSpans(text: string): { range: TextRange; content: TextRange }[] {
  const spans: { range: TextRange; content: TextRange }[] = [];
  const blankLines: number[] = [];
  for (const m of text.matchAll(/\n[ \t\r]*\n/g)) blankLines.push(m.index!);
  let nextBlank = 0;
  const marks = /[“”"]/g;
  let open = -1;
  let kind = '';
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const i = m.index;
    while (nextBlank < blankLines.length && blankLines[nextBlank] < i) {
      if (open >= 0 && blankLines[nextBlank] > open) open = -1; // a blank line ends an unclosed quotation
      nextBlank++;
    }
    const ch = m[0];
    if (open < 0) {
      if (ch !== '”') {
        open = i;
        kind = ch;
      }
      continue;
    }
    if ((kind === '“' && ch === '”') || (kind === '"' && ch === '"')) {
      spans.push({ range: { start: open, end: i + 1 }, content: { start: open + 1, end: i } });
      open = -1;
    }
  }
  return spans;
}

/** Where each footnote's text starts: "[^4]: Resolution 5/3, para. 5." → "4" → offset of "Resolution". */
function footnoteDefinitions(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^[ \t]{0,3}\[\^([^\]\s]{1,20})\]:[ \t]*/gm)) out.set(m[1], m.index! + m[0].length);
  return out;
}

/** The citation a footnote opens with ("See", "Cf." allowed before it). */
function footnoteCitation(start: number | undefined, citations: Citation[]): Citation | undefined {
  if (start === undefined) return undefined;
  const c = citations[firstStartingAtOrAfter(citations, start)];
  return c && c.range.start - start <= 12 ? c : undefined;
}

function attributedCitation(text: string, q: { range: TextRange }, citations: Citation[]): Citation | undefined {
  // The first citation after the closing mark, or the last one before the opening mark
  // (citations are sorted and do not overlap: binary search, not a scan per quotation).
  // Never across a blank line: a citation closing one paragraph does not attribute a quotation opening the next.
  const k = firstStartingAtOrAfter(citations, q.range.end);
  const after = citations[k];
  if (after && after.range.start - q.range.end <= 12 && AFTER.test(text.slice(q.range.end, after.range.start)) && !BLANK_LINE.test(text.slice(q.range.end, after.range.start))) return withNeighbours(text, citations, k);
  let j = firstStartingAtOrAfter(citations, q.range.start) - 1;
  while (j >= 0 && citations[j].range.end > q.range.start) j--;
  const before = citations[j] && !BLANK_LINE.test(text.slice(citations[j].range.end, q.range.start)) ? citations[j] : undefined;
  if (before && q.range.start - before.range.end <= 60 && BEFORE.test(text.slice(before.range.end, q.range.start))) return before;
  if (before && q.range.start - before.range.end <= 90 && CLAUSE_BEFORE.test(text.slice(before.range.end, q.range.start))) return before;
  return undefined;
}

/**
 * '"…" (Resolution 5/3, para 6; resolution 6/3, para 9)': several citations in one parenthesis are
 * one attribution, and the quotation is compared with each of their paragraphs.
 */
function withNeighbours(text: string, citations: Citation[], k: number): Citation {
  let last = k;
  while (last + 1 < citations.length && /^\s{0,2}[;,]\s{0,2}(?:and\s+)?$/.test(text.slice(citations[last].range.end, citations[last + 1].range.start))) last++;
  if (last === k || !/^\s{0,2}\)/.test(text.slice(citations[last].range.end, citations[last].range.end + 3))) return citations[k];
  const group = citations.slice(k, last + 1);
  const range = { start: group[0].range.start, end: group[group.length - 1].range.end };
  return { ...group[0], range, text: text.slice(range.start, range.end), members: group.flatMap((c) => c.members) };
}

function firstStartingAtOrAfter(citations: Citation[], offset: number): number {
  let lo = 0;
  let hi = citations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (citations[mid].range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Lead-in words and separators are disjoint character sets, so a long last line cannot backtrack.
const ATTRIBUTION_REST = /^\s{0,3}>[\s—–\-()[\].,;:]*(?:[\p{L}\p{N}’'/.&-]+[\s,;:()—–]{1,4}){0,10}$/u;

/** A run of ">" lines whose last line is a citation (with dashes, brackets or a few lead-in words around it). */
function blockQuotes(text: string, citations: Citation[]): Quotation[] {
  const out: Quotation[] = [];
  // Only the lines that start with ">" (and their neighbours) matter: find them without splitting the text.
  const lines: { start: number; end: number; quoted: boolean }[] = [];
  for (const m of text.matchAll(/^[ \t]{0,3}>.*$/gm)) lines.push({ start: m.index!, end: m.index! + m[0].length, quoted: true });
  // Consecutive quoted lines are adjacent when one ends right before the next begins.
  for (let k = lines.length - 1; k > 0; k--) {
    if (lines[k - 1].end + 1 !== lines[k].start) lines.splice(k, 0, { start: lines[k - 1].end + 1, end: lines[k - 1].end + 1, quoted: false });
  }
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].quoted) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].quoted) j++;
    const last = lines[j];
    const lastText = text.slice(last.start, last.end);
    const first = firstStartingAtOrAfter(citations, last.start);
    const citation = citations[first] && citations[first].range.end <= last.end ? citations[first] : undefined;
    const rest = citation ? lastText.slice(0, citation.range.start - last.start) + lastText.slice(citation.range.end - last.start) : '';
    // The last line is the attribution: the citation, perhaps with a few lead-in words ("— WG
    // recommendation I.24", "(Working Group on the Smuggling of Migrants, recommendation X.9)").
    if (citation && j > i && ATTRIBUTION_REST.test(rest) && /^[\s)\].,;:]*$/.test(lastText.slice(citation.range.end - last.start))) {
      const content = { start: lines[i].start, end: lines[j - 1].end };
      // Blank out the ">" markers and any quote marks around the whole passage, keeping offsets.
      const raw = text.slice(content.start, content.end);
      const blanked = raw.replace(/^(\s{0,3}>\s?)/gm, (m) => ' '.repeat(m.length)).replace(/^(\s*)["“]/, '$1 ').replace(/["”](\s*)$/, ' $1');
      out.push({ range: { start: lines[i].start, end: last.end }, content, text: detach(blanked), citation });
    }
    i = j;
  }
  return out;
}
