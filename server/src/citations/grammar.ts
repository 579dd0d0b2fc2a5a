// The citation grammar as data: every way of writing an instrument, a paragraph, a recommendation or
// another body is a row here, with examples. The scanner's patterns are compiled from these rows,
// completion reads them, a test reads every example back through the resolver, and README's forms
// table is checked against them. A new abbreviation is a new row (or a new variant) plus examples.
//
// Patterns are regular-expression sources without capturing groups and with bounded quantifiers only.
// Rows marked `anyCase` match in any letter case; the others are case-sensitive ("PP" is a preambular
// paragraph, "pp." is pages).

/**
 * One way of writing something. `examples` pair a written citation with what it must read as, in the
 * accuracy benchmark's notation: "Part B VI.13", "I.38; I.39", "whole Resolution 5/3", "outside",
 * "broken", "none".
 */
export interface FormRow {
  id: string;
  /** What the row means, for README and hover. */
  meaning: string;
  /** Regular-expression source of the written variants. */
  pattern: string;
  anyCase?: boolean;
  /** The variants as people write them, each matched by `pattern` (a test checks); completion offers the first. */
  written: string[];
  examples: [string, string][];
}

export interface InstrumentRow extends FormRow {
  kind: 'resolution' | 'decision';
}

export interface ParagraphRow extends FormRow {
  /** Numbers after it are preambular ("PP 3") or it introduces subparagraphs only ("al. (b)"). */
  numbering: 'any' | 'operative' | 'preambular' | 'subparagraph';
}

export interface BodyRow extends FormRow {
  /** The body's name as messages print it. */
  name: string;
}

/** Conference resolutions and decisions: "Resolution 5/3", "res 6/3", "COP dec. 2/4". */
export const INSTRUMENT_DESIGNATORS: InstrumentRow[] = [
  {
    id: 'resolution',
    kind: 'resolution',
    meaning: 'a Conference resolution',
    pattern: String.raw`resolutions?|ress\.|res\.|res`,
    anyCase: true,
    written: ['Resolution', 'res.', 'Res', 'res', 'resolutions', 'ress.', 'COP res.', 'Conference resolution'],
    examples: [
      ['Resolution 5/3, para 9', 'Part B V.9'],
      ['res. 6/3, OP13', 'Part B VI.13'],
      ['Res 6/3 OP 9(b)', 'Part B VI.9.b'],
      ['res 5/3 op 9', 'Part B V.9'],
      ['COP res. 6/3, op. 2', 'Part B VI.2'],
      ['Conference resolution 5/3', 'whole Resolution 5/3'],
      ['resolutions 5/3 and 6/3', 'whole Resolution 5/3; whole Resolution 6/3'],
    ],
  },
  {
    id: 'decision',
    kind: 'decision',
    meaning: 'a Conference decision',
    pattern: String.raw`decisions?|decs\.|dec\.|dec`,
    anyCase: true,
    written: ['Decision', 'dec.', 'Dec', 'dec', 'decisions', 'decs.', 'COP decision'],
    examples: [
      ['decision 4/5 (j)(i)', 'Part B IV.j.i'],
      ['COP decision 2/4', 'whole Decision 2/4'],
      ['dec 3/3, subpara. (k)', 'Part B III.k'],
      ['Dec. 1/6 (b)(iii)', 'Part B I.b.iii'],
      ['decision 5/3', 'broken'],
    ],
  },
];

/** Words before an instrument number that name the Conference itself (never another body). */
export const CONFERENCE_NAMES = String.raw`COP|CTOC\/COP|Conference(?:\s+of\s+the\s+Parties)?|Conference's|Conference’s`;

/**
 * Bodies whose instruments the corpus does not hold. Written before the instrument ("HRC
 * resolution 5/1") or after it ("resolution 4/3 of the Conference of the States Parties to the
 * United Nations Convention against Corruption"), the body decides, even when the number exists here.
 */
export const OTHER_BODIES: BodyRow[] = [
  { id: 'ga', name: 'General Assembly', meaning: 'the General Assembly', pattern: String.raw`General\s+Assembly|UNGA|GA`, written: ['General Assembly'], examples: [['General Assembly resolution 55/25', 'outside'], ['GA resolution 73/195', 'outside']] },
  { id: 'sc', name: 'Security Council', meaning: 'the Security Council', pattern: String.raw`Security\s+Council|UNSC|SC`, written: ['Security Council'], examples: [['Security Council resolution 2240 (2015)', 'outside']] },
  { id: 'hrc', name: 'Human Rights Council', meaning: 'the Human Rights Council', pattern: String.raw`Human\s+Rights\s+Council|HRC`, written: ['Human Rights Council'], examples: [['HRC resolution 5/1', 'outside']] },
  { id: 'ecosoc', name: 'Economic and Social Council', meaning: 'the Economic and Social Council', pattern: String.raw`Economic\s+and\s+Social\s+Council|ECOSOC`, written: ['Economic and Social Council'], examples: [['ECOSOC resolution 2004/35', 'outside'], ['ECOSOC decision 5/3', 'outside']] },
  { id: 'cnd', name: 'Commission on Narcotic Drugs', meaning: 'the Commission on Narcotic Drugs', pattern: String.raw`Commission\s+on\s+Narcotic\s+Drugs|CND`, written: ['Commission on Narcotic Drugs'], examples: [['CND resolution 5/3', 'outside']] },
  { id: 'ccpcj', name: 'Commission on Crime Prevention and Criminal Justice', meaning: 'the Crime Commission', pattern: String.raw`Commission\s+on\s+Crime\s+Prevention\s+and\s+Criminal\s+Justice|Crime\s+Commission|CCPCJ`, written: ['Commission on Crime Prevention and Criminal Justice'], examples: [['CCPCJ resolution 6/3', 'outside']] },
  { id: 'cosp', name: 'Conference of the States Parties to the United Nations Convention against Corruption', meaning: 'the Convention against Corruption’s Conference', pattern: String.raw`CAC\/COSP|COSP|UNCAC|Conference\s+of\s+the\s+States\s+Parties\s+to\s+the\s+United\s+Nations\s+Convention\s+against\s+Corruption`, written: ['CAC/COSP'], examples: [['CAC/COSP resolution 6/3', 'outside'], ['resolution 4/3 of the Conference of the States Parties to the United Nations Convention against Corruption', 'outside']] },
  { id: 'csw', name: 'Commission on the Status of Women', meaning: 'the Commission on the Status of Women', pattern: String.raw`Commission\s+on\s+the\s+Status\s+of\s+Women|CSW`, written: ['Commission on the Status of Women'], examples: [['CSW resolution 5/3', 'outside']] },
  { id: 'wha', name: 'World Health Assembly', meaning: 'the World Health Assembly', pattern: String.raw`World\s+Health\s+Assembly|WHA`, written: ['World Health Assembly'], examples: [['WHA resolution 6/3', 'outside']] },
  { id: 'unea', name: 'UN Environment Assembly', meaning: 'the UN Environment Assembly', pattern: String.raw`(?:United\s+Nations\s+|UN\s+)?Environment\s+Assembly|UNEA`, written: ['UNEA'], examples: [['UNEA resolution 5/3', 'outside']] },
  {
    id: 'other',
    name: '',
    meaning: 'any other council, assembly, board, commission or committee',
    pattern: String.raw`(?:[A-Z][\w’'-]{0,30}\s+){0,6}(?:Council|Assembly|Board|Commission|Committee|Conference\s+of\s+the\s+States\s+Parties\s+to\s+the\s+[A-Z][\w\s]{0,80})|WHO|ILO|IMO|IOM|UNHCR|ExCom`,
    written: [],
    examples: [['Executive Board decision 5/3', 'outside']],
  },
];

/** What introduces paragraphs: after an instrument ("res. 6/3, OP 13") or before one ("§ 24 of resolution 5/3"). */
export const PARAGRAPH_DESIGNATORS: ParagraphRow[] = [
  {
    id: 'paragraph',
    numbering: 'any',
    meaning: 'a paragraph (operative, or preambular when written "PP n")',
    pattern: String.raw`paragraphs?|paras?\.|paras?|pars?\.|par(?=\s?\d)|pts?\.(?=\s?\d)`,
    anyCase: true,
    written: ['para', 'para.', 'paras.', 'paragraph', 'paragraphs', 'par.', 'pars.'],
    examples: [
      ['Resolution 5/3, paragraph 9', 'Part B V.9'],
      ['paras 9 and 22 of resolution 5/3', 'Part B V.9; Part B V.22'],
      ['resolution 6/3, par. 12', 'Part B VI.12'],
      ['COP res 6/3, paras 2-4', 'Part B VI.2; Part B VI.3; Part B VI.4'],
      ['resolution 6/3 in its paragraph 4', 'Part B VI.4'],
      ['resolution 6/3 of 19 October 2012, in particular paragraph 11', 'Part B VI.11'],
    ],
  },
  {
    id: 'operative',
    numbering: 'operative',
    meaning: 'an operative paragraph',
    pattern: String.raw`operative\s+paragraphs?|ops?\.|ops?(?=\s?\d)`,
    anyCase: true,
    written: ['OP', 'OPs', 'op.', 'ops.', 'op', 'ops', 'operative paragraph', 'operative paragraphs'],
    examples: [
      ['Res. 6/3, OP13', 'Part B VI.13'],
      ['Resolution 6/3, OP 9', 'Part B VI.9'],
      ['ops 3 and 21 of res. 5/3', 'Part B V.3; Part B V.21'],
      ['operative paragraph 9 of resolution 5/3', 'Part B V.9'],
      ['6/3 OP15', 'Part B VI.15'],
      ['5/3 op. 3', 'Part B V.3'],
      ['resolution 6/3, OP 19–20', 'Part B VI.19; Part B VI.20'],
      ['res. 6/3, op. 9 (c)', 'Part B VI.9.c'],
    ],
  },
  {
    id: 'preambular',
    numbering: 'preambular',
    meaning: 'a preambular paragraph',
    pattern: String.raw`[Pp]reambular\s+paragraphs?|PPs?(?=\s?\d)|pp(?=\d)`,
    written: ['PP', 'PPs', 'preambular paragraph', 'preambular paragraphs'],
    examples: [
      ['resolution 5/3, PP1', 'Part B V.PP.1'],
      ['PP3 of resolution 6/3', 'Part B VI.PP.3'],
      ['6/3 PP7', 'Part B VI.PP.7'],
      ['preambular paragraph 3 of resolution 6/3', 'Part B VI.PP.3'],
    ],
  },
  {
    id: 'section-sign',
    numbering: 'any',
    meaning: 'a paragraph, written with the section sign',
    pattern: String.raw`§§?`,
    written: ['§', '§§'],
    examples: [
      ['§ 24 of resolution 5/3', 'Part B V.24'],
      ['resolution 5/3, §§ 3–5', 'Part B V.3; Part B V.4; Part B V.5'],
      ['resolution 6/3 (§ 12)', 'Part B VI.12'],
      ['resolution 6/3, § 9, al. a)', 'Part B VI.9.a'],
    ],
  },
  {
    id: 'subparagraph',
    numbering: 'subparagraph',
    meaning: 'a subparagraph (alinéa) or a lettered paragraph',
    pattern: String.raw`sub-?paragraphs?|sub-?paras?\.|sub-?paras?|al\.|alin[ée]as?|letters?|lit\.`,
    anyCase: true,
    written: ['subpara.', 'subparagraph', 'subparagraphs', 'sub-paragraph', 'al.', 'alinéa', 'letter', 'lit.'],
    examples: [
      ['decision 4/5, subpara. (e)', 'Part B IV.e'],
      ['decision 2/4, al. (c)', 'Part B II.c'],
      ['decision 3/3, letter (d)', 'Part B III.d'],
      ['decision 2/4, entitled "Implementation of the Protocol", subparagraph (c)', 'Part B II.c'],
    ],
  },
];

/** Working Group recommendations: "recommendation 14 of the seventh meeting", "Rec. IX-2", "recs. I.18 and I.20". */
export const RECOMMENDATION_DESIGNATORS: FormRow[] = [
  {
    id: 'recommendation',
    meaning: 'a Working Group recommendation',
    pattern: String.raw`recommendations?|recs?\.|recs?(?=\s)`,
    anyCase: true,
    written: ['recommendation', 'rec.', 'recommendations', 'recs.', 'Rec.', 'rec', 'WG rec.', 'WG recommendation'],
    examples: [
      ['recommendation 14 of the seventh meeting', 'VII.14'],
      ['recommendation 6 of the 3rd meeting', 'III.6'],
      ['recommendation no. 4 of the second meeting', 'II.4'],
      ['recommendations 3 à 5 of the sixth meeting', 'VI.3; VI.4; VI.5'],
      ['recommendation 18 to recommendation 20 of the first meeting', 'I.18; I.19; I.20'],
      ['the fifth meeting, recommendation 2 (k)', 'V.2.k'],
      ["the third meeting's recommendations 19–21", 'III.19; III.20; III.21'],
      ['recommendation I.20', 'I.20'],
      ['Rec. IX-2', 'IX.2'],
      ['Rec. V.6', 'broken'],
      ['WG recommendation I.24', 'I.24'],
      ['CTOC/COP/WG.7/2023/5, recommendation 11', 'X.11'],
      ['CTOC/COP/WG.7/2019/6, recs. 3 and 5', 'VI.3; VI.5'],
      ['recs. III.19 to III.21', 'III.19; III.20; III.21'],
      ['recommendation 14 of the seventh meeting of the Working Group on Firearms', 'none'],
    ],
  },
];

/** "no. 4", "n° 4", "number 4": a number marker between a designator and its number. */
export const NUMBER_MARKER = String.raw`(?:nos?\.|n[°º]s?|numbers?)\s{0,2}`;

/** Words that end a range: "3–5", "3 to 5", "3 à 5", "18 to recommendation 28". */
export const RANGE_WORDS = String.raw`to|à|through|till`;

/** The draft's own negotiation labels: "OP7bis", "PP2ter", "OP6alt", "OP 4 quater". */
export const DRAFT_LABEL_SUFFIX = String.raw`(?:bis|ter|quater|quinquies|alt|new|rev)\b`;

/** A row's pattern as a source that matches in the row's case rules. */
export function rowSource(row: FormRow): string {
  return row.anyCase ? anyCase(row.pattern) : row.pattern;
}

/** All rows' patterns as one alternation, longest variants first where they share a start. */
export function alternation(rows: FormRow[]): string {
  return `(?:${rows.map(rowSource).join('|')})`;
}

/** Makes a pattern source match letters in either case without the `i` flag (escapes and classes kept). */
export function anyCase(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      out += ch + source[i + 1];
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch === ']') inClass = false;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper && /[a-z]/i.test(ch)) out += inClass ? lower + upper : `[${lower}${upper}]`;
    else out += ch;
  }
  return out;
}

/** Every example of every row, with the row it illustrates. */
export function allExamples(): { row: string; text: string; expect: string }[] {
  return [...INSTRUMENT_DESIGNATORS, ...PARAGRAPH_DESIGNATORS, ...RECOMMENDATION_DESIGNATORS, ...OTHER_BODIES].flatMap((row) => row.examples.map(([text, expect]) => ({ row: row.id, text, expect })));
}
