// Turns the body of one instrument (a run of source lines) into numbered paragraphs.
// Shared by every document format: compendium sections, standalone decisions and resolutions,
// drafts. It knows the numbering conventions of UN texts, never the paragraphs of a given text.

import type { CorpusProblem, Footnote, Paragraph, ParagraphKind, SourceRange } from './model';
import { capped } from '../util/arrays';
import { type NumberingScheme, keyOf, labelOf } from './labels';
import { footnoteMarkers, letterAt, letterIndex, normalizeSpace, parseFootnoteLine, romanToNumber, stripMarkup } from './text';

export type { NumberingScheme };


export interface BodyOptions {
  file: string;
  scheme: NumberingScheme;
  /** Resolutions and drafts: unnumbered paragraphs before the operative part are preambular (PP 1 …). */
  preambular: boolean;
  /** Decisions and resolutions open with "The Conference of the Parties …" before anything else. */
  opening: boolean;
  /** Footnotes printed anywhere in the file; a page's footnotes can fall in the next section. */
  footnotes?: Map<string, string>;
}

export interface ParsedBody {
  paragraphs: Paragraph[];
  opening?: string;
  /** True when "(...)" marks omitted text. */
  excerpt: boolean;
  problems: CorpusProblem[];
}

type LineKind =
  | { kind: 'blank' }
  | { kind: 'separator' }
  | { kind: 'footnote'; marker: string; text: string }
  | { kind: 'omission' }
  | { kind: 'pp-label'; number: number }
  | { kind: 'pp-inline'; number: number; textStart: number }
  | { kind: 'numbered'; label: string; textStart: number; labelStart: number }
  | { kind: 'lettered'; label: string; textStart: number; labelStart: number }
  | { kind: 'text'; textStart: number };

// A paragraph label at the start of a line, optionally after a bullet left by the PDF conversion
// ("- (d) Requests …", " - (i) Consideration …").
const NUMBERED_LINE = /^(\s{0,8}(?:[-•]\s{1,4})?)(\d{1,3})\.(?:\s+|$)/;
const LETTERED_LINE = /^(\s{0,8}(?:[-•]\s{1,4})?)\(([a-z]{1,6})\)(?:\s+|$)/;
const PP_LABEL_LINE = /^\s{0,8}PP\s{0,3}(\d{1,3})\s*$/;
/** "PP 1 Recalling …" or "PP 1. Recalling …": users' documents number preambular paragraphs inline. */
const PP_INLINE_LINE = /^(\s{0,8}PP\s{0,3}(\d{1,3})\.?\s+)\S/;
const OMISSION_LINE = /^\s{0,8}\(\s{0,3}(?:\.{3}|…)\s{0,3}\)\s*$/;
const SEPARATOR_LINE = /^\s{0,8}(?:-{3,}|\*{3,}|_{3,})\s*$/;

/** Every footnote printed in a file, by marker (the compendium numbers them through the whole file). */
export function collectFootnotes(lines: string[], from = 0, to = lines.length): Map<string, string> {
  const footnotes = new Map<string, string>();
  for (let i = from; i < to; i++) {
    const f = parseFootnoteLine(lines[i]);
    if (f && !footnotes.has(f.marker)) footnotes.set(f.marker, f.text);
  }
  return footnotes;
}

export function classifyLine(line: string): LineKind {
  if (/^\s*$/.test(line)) return { kind: 'blank' };
  if (SEPARATOR_LINE.test(line)) return { kind: 'separator' };
  if (OMISSION_LINE.test(line)) return { kind: 'omission' };
  const pp = PP_LABEL_LINE.exec(line);
  if (pp) return { kind: 'pp-label', number: Number(pp[1]) };
  const ppInline = PP_INLINE_LINE.exec(line);
  if (ppInline) return { kind: 'pp-inline', number: Number(ppInline[2]), textStart: ppInline[1].length };
  const footnote = parseFootnoteLine(line);
  if (footnote) return { kind: 'footnote', ...footnote };
  const numbered = NUMBERED_LINE.exec(line);
  if (numbered) return { kind: 'numbered', label: numbered[2], labelStart: numbered[1].length, textStart: numbered[0].length };
  const lettered = LETTERED_LINE.exec(line);
  if (lettered) return { kind: 'lettered', label: lettered[2], labelStart: lettered[1].length, textStart: lettered[0].length };
  return { kind: 'text', textStart: line.length - line.trimStart().length };
}

/** One paragraph as printed: its label (if any) and the line segments that carry its text. */
interface Unit {
  label?: { scheme: 'numbered' | 'lettered'; value: string };
  ppNumber?: number;
  afterOmission: boolean;
  segments: { line: number; start: number; end: number }[];
}

function endsLikeParagraph(text: string): boolean {
  return /[.;:,]["”’)]?$/.test(stripMarkup(text).trimEnd());
}

function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(stripMarkup(text).trimStart());
}

/** Groups lines into units, skipping footnote blocks and page breaks inside paragraphs. */
function collectUnits(lines: string[], from: number, to: number, footnotes: Map<string, string>, problems: CorpusProblem[], file: string, sharedFootnotes: Map<string, string>) {
  const units: Unit[] = [];
  let current: Unit | undefined;
  let gap = false; // a blank line, footnote block or separator since the last text line
  let pendingPP: number | undefined;
  let omission = false;
  let excerpt = false;
  const rawText = (u: Unit) => u.segments.map((s) => lines[s.line].slice(s.start, s.end)).join(' ');

  for (let i = from; i < to; i++) {
    const line = lines[i];
    const c = classifyLine(line);
    switch (c.kind) {
      case 'blank':
      case 'separator':
        gap = true;
        break;
      case 'footnote':
        if (footnotes.has(c.marker) && footnotes.get(c.marker) !== c.text && !sharedFootnotes.has(c.marker)) {
          problems.push({ severity: 'warning', code: 'duplicate-footnote', message: `footnote ${c.marker} is defined twice`, file, line: i });
        }
        footnotes.set(c.marker, c.text);
        gap = true;
        break;
      case 'omission':
        omission = true;
        excerpt = true;
        current = undefined;
        gap = true;
        break;
      case 'pp-label':
        pendingPP = c.number;
        current = undefined;
        gap = true;
        break;
      case 'pp-inline':
        current = { afterOmission: omission, ppNumber: c.number, segments: [{ line: i, start: c.textStart, end: line.trimEnd().length }] };
        units.push(current);
        pendingPP = undefined;
        omission = false;
        gap = false;
        break;
      case 'numbered':
      case 'lettered':
        current = {
          label: { scheme: c.kind, value: c.label },
          afterOmission: omission,
          segments: [{ line: i, start: c.labelStart, end: line.trimEnd().length }],
        };
        units.push(current);
        omission = false;
        gap = false;
        break;
      case 'text': {
        const segment = { line: i, start: c.textStart, end: line.trimEnd().length };
        const continues = current && (!gap || startsLowercase(line) || !endsLikeParagraph(rawText(current)));
        if (current && continues) {
          current.segments.push(segment);
        } else {
          current = { afterOmission: omission, ppNumber: pendingPP, segments: [segment] };
          units.push(current);
          pendingPP = undefined;
          omission = false;
        }
        gap = false;
      }
    }
  }
  return { units, excerpt };
}

function unitText(lines: string[], unit: Unit, dropLabel: boolean): { raw: string; text: string } {
  const parts = unit.segments.map((s, i) => {
    let piece = lines[s.line].slice(s.start, s.end);
    if (i === 0 && dropLabel) piece = piece.replace(/^(?:[-•]\s+)?(?:\d{1,3}\.|\([a-z]{1,6}\))\s*/, '');
    return piece.trim();
  });
  // Join broken lines; a word hyphenated at a line end ("multi-" + "lateral") stays one word.
  let raw = '';
  for (const p of parts) {
    if (!raw) raw = p;
    else if (/[A-Za-z]-$/.test(raw) && /^[a-z]/.test(p)) raw += p;
    else raw += ' ' + p;
  }
  return { raw, text: normalizeSpace(stripMarkup(raw)) };
}

function rangeOf(lines: string[], unit: Unit, file: string): SourceRange {
  const first = unit.segments[0];
  const last = unit.segments[unit.segments.length - 1];
  return { file, start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
}

/** Where the next "(x)" belongs, given what came before. */
interface Level {
  paragraph: Paragraph;
  /** Style of the children so far: letters (a, b …) or romans (i, ii …). */
  childStyle?: 'letter' | 'roman';
  lastChild?: number;
}

function isChapeau(p: Paragraph): boolean {
  return /:$/.test(p.text);
}

export function parseBody(lines: string[], from: number, to: number, options: BodyOptions): ParsedBody {
  const { file } = options;
  const problems: CorpusProblem[] = [];
  const footnotes = new Map<string, string>(options.footnotes);
  const { units, excerpt } = collectUnits(lines, from, to, footnotes, problems, file, options.footnotes ?? new Map());
  const paragraphs: Paragraph[] = [];
  const byKey = new Map<string, Paragraph>();
  let opening: string | undefined;
  let ppCount = 0;
  let unnumberedPP = 0;
  let operativeStarted = false;
  let lastTop = 0; // last top-level number or letter index
  let top: Level | undefined; // the current top-level paragraph
  let sub: Level | undefined; // the current second-level paragraph
  const problem = (unit: Unit, code: string, message: string, severity: 'error' | 'warning' = 'warning') =>
    problems.push({ severity, code, message, file, line: unit.segments[0].line });

  const add = (unit: Unit, kind: ParagraphKind, path: string[], parent?: Paragraph) => {
    const { raw, text } = unitText(lines, unit, kind !== 'preambular');
    const key = keyOf(path, options.scheme);
    const paragraph: Paragraph = {
      key,
      label: labelOf(path, options.scheme),
      path,
      kind,
      parentKey: parent?.key,
      childKeys: [],
      text,
      footnotes: footnotesOf(raw, footnotes),
      location: rangeOf(lines, unit, file),
    };
    if (byKey.has(key)) {
      problem(unit, 'duplicate-paragraph', `paragraph ${paragraph.label} appears twice`, 'error');
      return undefined;
    }
    if (!text) problem(unit, 'empty-paragraph', `paragraph ${paragraph.label} has no text`);
    byKey.set(key, paragraph);
    paragraphs.push(paragraph);
    parent?.childKeys.push(key);
    return paragraph;
  };

  for (const unit of units) {
    if (!unit.label) {
      const { text } = unitText(lines, unit, false);
      if (options.opening && opening === undefined && ppCount === 0 && !operativeStarted && /^The Conference of the Parties\b/.test(text)) {
        opening = text;
        continue;
      }
      if (options.preambular && !operativeStarted) {
        if (unit.afterOmission || unnumberedPP > 0) {
          // After an omission the consecutive numbering is unknown: keep the text, invent no number.
          unnumberedPP++;
          add(unit, 'preambular', ['PP', `?${unnumberedPP}`]);
          continue;
        }
        ppCount++;
        if (unit.ppNumber !== undefined && unit.ppNumber !== ppCount) {
          problem(unit, 'pp-label-mismatch', `the source labels this PP ${unit.ppNumber}, but it is preambular paragraph ${ppCount}`);
        }
        add(unit, 'preambular', ['PP', String(ppCount)]);
        continue;
      }
      problem(unit, 'unnumbered-text', `unnumbered text where a numbered paragraph was expected: "${text.slice(0, 60)}"`);
      continue;
    }

    const { scheme, value } = unit.label;
    if (scheme === 'numbered') {
      if (options.scheme !== 'numbered') {
        problem(unit, 'unexpected-label', `numbered paragraph ${value}. in a document with lettered paragraphs`);
        continue;
      }
      const n = Number(value);
      if (n !== lastTop + 1 && !(unit.afterOmission && n > lastTop)) {
        problem(unit, 'numbering-gap', `paragraph ${n} follows paragraph ${lastTop || 'none'}`);
      }
      operativeStarted = true;
      lastTop = Math.max(lastTop, n);
      const p = add(unit, 'operative', [value]);
      if (p) {
        top = { paragraph: p };
        sub = undefined;
      }
      continue;
    }

    // "(x)": a letter or a roman numeral; where it belongs depends on what came before.
    operativeStarted = true;
    if (options.scheme === 'lettered') {
      const placed = placeUnderChapeau(top, value);
      if (placed && top) {
        const p = add(unit, 'subparagraph', [...top.paragraph.path, value], top.paragraph);
        if (p) record(top, placed);
        continue;
      }
      const li = letterIndex(value);
      if (li !== undefined || !top) {
        if (li !== lastTop + 1 && !(unit.afterOmission && (li ?? 0) > lastTop)) {
          problem(unit, 'numbering-gap', `paragraph (${value}) follows paragraph ${lastTop ? `(${letterAt(lastTop)})` : 'none'}`);
        }
        lastTop = Math.max(lastTop, li ?? lastTop);
        const p = add(unit, 'operative', [value]);
        if (p) top = { paragraph: p };
        continue;
      }
      problem(unit, 'unexpected-label', `(${value}) follows (${letterAt(lastTop)}) but is neither the next letter nor a subparagraph of a chapeau`);
      continue;
    }

    // Numbered scheme: "(a)" under the current number, "(i)" under a lettered chapeau.
    if (!top) {
      problem(unit, 'orphan-subparagraph', `subparagraph (${value}) before any numbered paragraph`);
      continue;
    }
    const deeper = sub && placeUnderChapeau(sub, value);
    if (sub && deeper) {
      const p = add(unit, 'subparagraph', [...sub.paragraph.path, value], sub.paragraph);
      if (p) record(sub, deeper);
      continue;
    }
    const placed = placeAsLetter(top, value) ?? placeUnderChapeau(top, value);
    if (!placed) {
      problem(unit, 'unexpected-label', `(${value}) is not the next subparagraph of paragraph ${top.paragraph.label}`);
    }
    const p = add(unit, 'subparagraph', [...top.paragraph.path, value], top.paragraph);
    if (p) {
      record(top, placed ?? { style: 'letter', index: letterIndex(value) ?? 0 });
      sub = { paragraph: p };
    }
  }

  for (const p of paragraphs) {
    for (const f of p.footnotes.filter((f) => !f.text)) {
      problems.push({ severity: 'warning', code: 'undefined-footnote', message: `paragraph ${p.label} carries footnote marker ${f.marker}, but no footnote ${f.marker} is printed`, file, line: p.location.start.line });
    }
  }
  // A chapeau that introduces nothing is worth a look (but is legal: "Also urges States parties:").
  for (const p of paragraphs) {
    if (isChapeau(p) && p.childKeys.length === 0 && p.kind !== 'preambular') {
      problems.push({ severity: 'warning', code: 'empty-chapeau', message: `paragraph ${p.label} ends with ":" but has no subparagraphs`, file, line: p.location.start.line });
    }
  }
  const limited = capped(problems, MAX_PROBLEMS, (omitted) => ({ severity: 'warning' as const, code: 'too-many-problems', message: `${omitted} more problems in this part of the file not shown`, file }));
  return { paragraphs, opening, excerpt, problems: limited };
}

/** A damaged file can yield a problem per line; past this many, one summary says how many more. */
const MAX_PROBLEMS = 100;

function record(level: Level, placed: { style: 'letter' | 'roman'; index: number }) {
  level.childStyle = placed.style;
  level.lastChild = placed.index;
}

/** "(i)", "(ii)" … under a paragraph that ends with ":" and has roman children so far (or none). */
function placeUnderChapeau(level: Level | undefined, value: string): { style: 'roman'; index: number } | undefined {
  if (!level || !isChapeau(level.paragraph) || level.childStyle === 'letter') return undefined;
  const r = romanToNumber(value);
  if (r === undefined) return undefined;
  return r === (level.lastChild ?? 0) + 1 ? { style: 'roman', index: r } : undefined;
}

/** "(a)", "(b)" … the next letter under a numbered paragraph. */
function placeAsLetter(level: Level, value: string): { style: 'letter'; index: number } | undefined {
  if (level.childStyle === 'roman') return undefined;
  const li = letterIndex(value);
  return li !== undefined && li === (level.lastChild ?? 0) + 1 ? { style: 'letter', index: li } : undefined;
}

function footnotesOf(raw: string, defined: Map<string, string>): Footnote[] {
  return footnoteMarkers(raw).map((marker) => ({ marker, text: defined.get(marker) ?? '' }));
}

