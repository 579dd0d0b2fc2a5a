// The citation grammar's pieces, small and named. Every quantifier is bounded and no piece can
// match the same text two ways, so each pattern runs in linear time on long lines.

import { numberToOrdinal } from '../corpus/text';

/** "first" … "fiftieth", longest first so "twenty-first" wins over "twenty". */
export const ORDINAL_WORD = (() => {
  const words = Array.from({ length: 50 }, (_, i) => numberToOrdinal(i + 1));
  return `(?:${words.sort((a, b) => b.length - a.length).join('|')})`;
})();

/** "resolution", "decisions", "res.", "dec.". */
export const INSTRUMENT_WORD = String.raw`(?:resolutions?|decisions?|res\.|dec\.)`;

/** "5/3": session / number. */
export const INSTRUMENT_NUMBER = String.raw`(\d{1,3})\/(\d{1,4})(?![\d/])`;

/** "Resolution 5/3", "Conference decision 3/3", "res. 5/3". Groups: word, session, number. */
export const INSTRUMENT = new RegExp(String.raw`\b(${INSTRUMENT_WORD})\s{0,3}${INSTRUMENT_NUMBER}`, 'gi');

/** More instruments after the first: "resolutions 5/3 and 6/3", "decisions 3/3, 4/5". */
export const MORE_INSTRUMENTS = new RegExp(String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)${INSTRUMENT_NUMBER}`, 'y');

/** Bodies other than the Conference, written just before an instrument: not in the corpus. */
export const OTHER_BODY_BEFORE = /\b(General Assembly|Security Council|Economic and Social Council|Human Rights Council|Commission on [A-Z][A-Za-z ]{2,60}|Commission|Council|Assembly|Board|WHO|ILO|IMO)\s*$/;

/** The last word (lower-cased) of every name OTHER_BODY_BEFORE matches. */
export const OTHER_BODY_LAST_WORDS = new Set(['assembly', 'council', 'commission', 'board', 'who', 'ilo', 'imo', 'justice', 'drugs', 'women', 'development', 'population', 'rights', 'status']);

/** ", para 9", " paragraphs ", ", subpara. ": what introduces a paragraph list after an instrument. */
export const PARAGRAPH_WORD = String.raw`(?:(?:sub-?)?para(?:graph)?s?\.?|(?:operative|preambular)\s+paragraphs?)`;
export const PARAGRAPH_INTRO = new RegExp(String.raw`\s{0,3},?\s{0,3}${PARAGRAPH_WORD}\s{0,3}`, 'iy');
/** ", PP 5", " (j)(i)": lists that need no word before them. */
export const DIRECT_LIST_INTRO = /\s{0,3},?\s{0,3}(?=PP\s?\d|\([a-z]{1,5}\))/y;

/** "paragraph 9 of", "subparagraphs (g) and (k) of": a list first, then the instrument. */
export const PARAGRAPH_FIRST = new RegExp(String.raw`\b${PARAGRAPH_WORD}\s{0,3}(?=PP\s?\d|\d|\()`, 'gi');
/** "the fifth preambular paragraph of". Group: the ordinal. */
export const ORDINAL_PREAMBULAR = new RegExp(String.raw`\b(?:the\s+)?(${ORDINAL_WORD})\s+preambular\s+paragraph\s+(?=of\b)`, 'gi');
/** " of ", ", of the ", " in its ": between a paragraph list and what it belongs to. */
export const OF_LINK = /\s{0,3},?\s{0,3}(?:of|in)\s+(?:(?:the|its)\s+)?(?:(?:Conference|COP)\s+)?/iy;

/** "recommendation 14", "recommendations 19–25". */
export const RECOMMENDATION_FIRST = /\brecommendations?\s{1,3}(?=\d)/gi;
/** " of the seventh meeting", " adopted at its third meeting of the Working Group". Group: ordinal. */
export const MEETING_TAIL = new RegExp(
  String.raw`\s{0,3},?\s{0,3}(?:of|adopted\s+(?:at|by\s+the\s+Working\s+Group\s+at))\s+(?:the\s+|its\s+)?(${ORDINAL_WORD})\s+meeting(?:\s+of\s+the\s+Working\s+Group(?:\s+on\s+the\s+Smuggling\s+of\s+Migrants)?)?`,
  'iy',
);
/** "the tenth meeting of the Working Group". Group: ordinal. */
export const MEETING = new RegExp(String.raw`\b(?:the\s+|its\s+)?(${ORDINAL_WORD})\s+meeting\s+of\s+the\s+Working\s+Group(?:\s+on\s+the\s+Smuggling\s+of\s+Migrants)?`, 'gi');

/**
 * "the report on the meeting of the Working Group on the Smuggling of Migrants held in Vienna
 * from 30 May to 1 June 2012". Groups: ordinal (optional), dates (optional).
 */
export const MEETING_REPORT = new RegExp(
  String.raw`(?:the\s+)?report\s+(?:on|of)\s+the\s+(?:(${ORDINAL_WORD})\s+)?meeting\s+of\s+the\s+Working\s+Group(?:\s+on\s+the\s+Smuggling\s+of\s+Migrants)?(?:\s{0,3},?\s{0,3}held\s+in\s+[A-Z][a-z]{1,30}(?:\s+(?:from|on)\s+(\d{1,2}(?:\s+[A-Z][a-z]{2,9})?\s+(?:to|and|-|–)\s+\d{1,2}\s+[A-Z][a-z]{2,9}\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,9}\s+\d{4})))?`,
  'iy',
);

/**
 * A UN document symbol: "CTOC/COP/WG.7/2012/6", "CTOC/COP/2010/17", "A/RES/55/25", "A/CONF.213/18".
 * At least two slashes; dates like 22/10/2010 start with a digit and never match.
 */
export const SYMBOL = /(?<![\w/.-])[A-Z]{1,8}(?:\.\d{1,4})?(?:\/[A-Z0-9][A-Za-z0-9.-]{0,20}){2,7}(?![\w/])/g;
/** ", para 41", ", paras. 52 and 53" after a symbol. */
export const SYMBOL_PARAGRAPHS = new RegExp(String.raw`\s{0,3},\s{0,3}${PARAGRAPH_WORD}\s{0,3}(?=\d)`, 'iy');

/**
 * A compendium reference: "VII.14", "Part A I.38", "V.2.k", "V.2(k)", "IX.8.a", "Part B II.n.iii",
 * "VI.PP.5", "III.19–21", "IX.8.a–c". Groups: part, roman, first component, further components,
 * range end.
 */
export const COMPENDIUM = new RegExp(
  String.raw`(?<![\w./\-])(?:[Pp]art\s([AB])\s{1,3})?([IVX]{1,5})\.((?:PP\.)?\d{1,3}(?!\d)|[a-z]{1,4}(?![a-z]))((?:\.[a-z]{1,4}(?![a-z])|\s?\([a-z]{1,4}\)){0,2})(?:\s?(?:[–—-]|\s+to\s+)\s?((?:PP\.)?\d{1,3}(?!\d)|[a-z]{1,4}(?![a-z])|\([a-z]{1,4}\)))?(?![\w/]|\.\d)`,
  'g',
);
/** Words that make "II.3" a part of the draft itself: "section II.3 below", "Table I.1". */
export const SELF_REFERENCE_WORDS = new Set([
  'section', 'sections', 'chapter', 'chapters', 'table', 'tables', 'annex', 'annexes', 'figure', 'figures', 'fig.',
  'box', 'boxes', 'appendix', 'appendices', 'paragraph', 'paragraphs', 'para.', 'page', 'pages', 'p.', 'pp.',
  'vol.', 'volume', 'no.', 'item', 'items', 'step', 'clause',
]);

/** "article 16, paragraph 5, of the Protocol", "art. 16, para. 1", "articles 12 and 13 of …". */
export const TREATY = /\b(?:articles?|arts?\.)\s{1,3}\d{1,3}(?:\s{0,3}(?:,|and|to|[–-])\s{0,3}\d{1,3}){0,10}(?:\s{0,3},?\s{0,3}(?:paragraphs?|paras?\.?)\s{1,3}\d{1,3}(?:\s?\([a-z]{1,4}\)){0,2})?(?:\s{0,3},?\s{0,3}of\s+the\s+[A-Z][\w-]{0,40}(?:\s+(?:(?!(?:Resolution|Decision|Part|Recommendation)s?\b)[A-Z][\w-]{0,40}|of|on|against|the|and|by|to|in|for|Land,|Sea|Air)){0,16})?/g;
