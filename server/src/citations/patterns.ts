// The citation grammar's pieces, small and named. Every quantifier is bounded and no piece can
// match the same text two ways, so each pattern runs in linear time on long lines.

import { numberToOrdinal } from '../corpus/text';
import { CONFERENCE_NAMES, DRAFT_LABEL_SUFFIX, INSTRUMENT_DESIGNATORS, NUMBER_MARKER, OTHER_BODIES, PARAGRAPH_DESIGNATORS, RECOMMENDATION_DESIGNATORS, alternation, rowSource } from './grammar';

/** "first" … "fiftieth", longest first so "twenty-first" wins over "twenty". */
export const ORDINAL_WORD = (() => {
  const words = Array.from({ length: 50 }, (_, i) => numberToOrdinal(i + 1));
  return `(?:${words.sort((a, b) => b.length - a.length).join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
})();

/** "resolution", "decisions", "res.", "Res", "dec.": the grammar's instrument rows. */
export const INSTRUMENT_WORD = alternation(INSTRUMENT_DESIGNATORS);

/** "5/3": session / number. */
export const INSTRUMENT_NUMBER = String.raw`(\d{1,3})\/(\d{1,4})(?![\d/])`;

/** "Resolution 5/3", "Conference decision 3/3", "res. 5/3". Groups: word, session, number. */
export const INSTRUMENT = new RegExp(String.raw`\b(${INSTRUMENT_WORD})\s{0,3}${INSTRUMENT_NUMBER}`, 'g');

/** "6/3 OP15", "5/3 op. 3", "6/3 PP7": a bare session number with a paragraph designator right after. Groups: session, number. */
export const BARE_NUMBER = new RegExp(String.raw`(?<![\w/.,-])(\d{1,2})\/(\d{1,2})(?![\d/])(?=\s{0,2},?\s{0,2}(?:OPs?\s?\d|[Oo]ps?\.\s?\d|ops?\s\d|PPs?\s?\d|paras?\.?\s?\d|§))`, 'g');
/** A bare session number read right after " of " in "para. 9(a) of 6/3". Groups: session, number. */
export const BARE_NUMBER_STICKY = /(\d{1,2})\/(\d{1,2})(?![\d/])/y;

/** More instruments after the first: "resolutions 5/3 and 6/3", "decisions 3/3, 4/5". */
export const MORE_INSTRUMENTS = new RegExp(String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)${INSTRUMENT_NUMBER}`, 'y');

const BODIES = OTHER_BODIES.map((b) => `(${rowSource(b)})`).join('|');
/** Bodies other than the Conference, written just before an instrument: not in the corpus. One group per body row. */
export const OTHER_BODY_BEFORE = new RegExp(String.raw`(?<![\w/])(?:${BODIES})(?:['’]s)?\s{1,3}$`);
/** The same bodies after an instrument: "resolution 4/3 of the Conference of the States Parties to …". */
export const OTHER_BODY_AFTER = new RegExp(String.raw`\s{0,3},?\s{0,3}(?:of|adopted\s+by|by)\s+(?:the\s+)?(?:${BODIES})(?![\w/])`, 'y');
/** Names of the Conference itself, which are never another body. */
export const CONFERENCE_NAME = new RegExp(String.raw`^(?:${CONFERENCE_NAMES})$`, 'i');

/** ", para 9", " paragraphs ", ", subpara. ": what introduces a paragraph list after an instrument. */
export const PARAGRAPH_WORD = alternation(PARAGRAPH_DESIGNATORS);
/** A date or title between an instrument and its pinpoint: " of 19 October 2012", ', entitled "…"'. */
const PINPOINT_GAP = String.raw`(?:\s{1,3}(?:at|during)\s+(?:the|its)\s+${ORDINAL_WORD}\s+session)?(?:\s{0,3},?\s{0,3}(?:of|on|dated|adopted\s+on)\s+\d{1,2}\s+[A-Z][a-z]{2,9}\s+\d{4})?(?:\s{0,3},?\s{0,3}entitled\s+["“][^"”\n]{1,300}["”])?(?:\s{0,3},\s{0,3}(?:supra|above),?\s+(?:note|n\.)\s+\d{1,3})?`;
/** ", in particular", " in its": words between an instrument and its paragraph designator. */
const PINPOINT_WORDS = String.raw`(?:(?:and\s+)?(?:in\s+particular|notably|especially|in\s+its|at)\s{1,3},?\s{0,2})?(?:the\s+)?`;
/** What introduces a designated paragraph list after an instrument. Group: the designator. */
export const PARAGRAPH_INTRO = new RegExp(String.raw`(?:['’]s)?${PINPOINT_GAP}\s{0,3}[,:]?\s{0,3}\(?\s{0,2}${PINPOINT_WORDS}(${PARAGRAPH_WORD}|${alternation(RECOMMENDATION_DESIGNATORS)})\s{0,3}(?:${NUMBER_MARKER})?`, 'y');
/** ", al. a)", ", subparagraph (c)": subparagraphs after a paragraph number ("§ 9, al. a)"). */
export const SUBPARAGRAPH_INTRO = new RegExp(String.raw`\s{0,3},?\s{0,3}(?:${rowSource(PARAGRAPH_DESIGNATORS.find((r) => r.numbering === 'subparagraph')!)})\s{0,3}(?=\(?[a-z]{1,5}\))`, 'y');
/** ", PP 5", " (j)(i)": lists that need no word before them. */
export const DIRECT_LIST_INTRO = /\s{0,3},?\s{0,3}(?:\((?=\([a-z]))?(?=PP\s?\d|\([a-z]{1,5}\))/y;

/** "paragraph 9 of", "subparagraphs (g) and (k) of": a list first, then the instrument. */
export const PARAGRAPH_FIRST = new RegExp(String.raw`(?<![\w§])(${PARAGRAPH_WORD})\s{0,3}(?:${NUMBER_MARKER})?(?=PP\s?\d|\d|\(|[a-z]\))`, 'g');
/** "the fifth preambular paragraph of". Group: the ordinal. */
export const ORDINAL_PREAMBULAR = new RegExp(String.raw`\b(?:the\s+)?(${ORDINAL_WORD})\s+(preambular|operative)\s+paragraph\b`, 'gi');
/** " of ", ", of the ", " in its ": between a paragraph list and what it belongs to. */
export const OF_LINK = /\s{0,3},?\s{0,3}(?:of|in)\s+(?:(?:the|its)\s+)?(?:(?:Conference|COP)(?:['’]s)?\s+)?/iy;

export const RECOMMENDATION_WORD = alternation(RECOMMENDATION_DESIGNATORS);
/** "recommendation 14", "recommendations 19–25", "rec. no. 4". */
export const RECOMMENDATION_FIRST = new RegExp(String.raw`(?<![\w.])${RECOMMENDATION_WORD}\s{0,3}(?:${NUMBER_MARKER})?(?=\d)`, 'g');
/** A recommendation designator right before `at` (for "recommendation I.20", "Rec. IX-2", "WG rec. V.6"). */
export const RECOMMENDATION_BEFORE = new RegExp(String.raw`(?<![\w.])${RECOMMENDATION_WORD}\s{0,3}(?:${NUMBER_MARKER})?$`);
const WORKING_GROUP = String.raw`Working\s+Group(?:\s+on\s+the\s+Smuggling\s+of\s+Migrants)?`;
/** " of the seventh meeting", " adopted at its third meeting of the Working Group", " of the 3rd meeting". Group: ordinal. */
export const MEETING_TAIL = new RegExp(
  String.raw`\s{0,3},?\s{0,3}\(?(?:of|from|at|adopted\s+(?:at|by\s+the\s+Working\s+Group\s+at))\s+(?:the\s+|its\s+)?(?:Working\s+Group['’]s\s+)?(${ORDINAL_WORD})\s+meeting(?:\s+of\s+the\s+${WORKING_GROUP}(?!\s+on\b))?\)?`,
  'iy',
);
/** " of the Working Group on Firearms": a meeting of another working group. */
export const OTHER_WORKING_GROUP = /\s{1,3}of\s+the\s+(?:Open-ended\s+)?(?:Intergovernmental\s+)?Working\s+Group\s+on\s+(?!the\s+Smuggling\s+of\s+Migrants)/iy;
/** "the fifth meeting, recommendation 2 (k)", "the third meeting's recommendations 19–25". Group: ordinal. */
export const MEETING_FIRST = new RegExp(
  String.raw`\b(?:(?:the\s+)?${WORKING_GROUP},?\s+at\s+)?(?:the\s+|its\s+)?(${ORDINAL_WORD})\s+meeting(?:\s+of\s+the\s+${WORKING_GROUP}(?!\s+on\b))?(?:\s{0,3}\(\d{4}\))?(?:['’]s)?\s{0,3}[,:(]?\s{0,3}(?:in\s+)?${RECOMMENDATION_WORD}\s{0,3}(?:${NUMBER_MARKER})?(?=\d)`,
  'gi',
);
/** ", recommendation 11", ", recs. 3 and 5" after a Working Group report symbol. */
export const SYMBOL_RECOMMENDATIONS = new RegExp(String.raw`\s{0,3},\s{0,3}${RECOMMENDATION_WORD}\s{0,3}(?:${NUMBER_MARKER})?(?=\d)`, 'y');
/**
 * "the Working Group (2018, rec. 4(c))", "the Working Group's 2020 recommendations": a meeting named
 * by its year. Groups: year, then (when a list follows) nothing: the list is read after the match.
 */
export const MEETING_YEAR = new RegExp(String.raw`\b(?:the\s+)?${WORKING_GROUP}(?:['’]s\s+(\d{4})\s+(?:recommendations?|recs?\.)|\s{0,3}\(\s{0,2}(\d{4})\s{0,2},\s{0,2}(?:recommendations?|recs?\.?))\s{0,3}`, 'gi');
/** "the tenth meeting of the Working Group". Group: ordinal. */
export const MEETING = new RegExp(String.raw`\b(?:the\s+|its\s+)?(?:(${ORDINAL_WORD})\s+meeting\s+of\s+the\s+${WORKING_GROUP}(?!\s+on\b)|(?:the\s+)?${WORKING_GROUP}(?:['’]s|,?\s+at\s+its)\s+(${ORDINAL_WORD})\s+meeting)`, 'gi');

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
export const SYMBOL_PARAGRAPHS = new RegExp(String.raw`\s{0,3},\s{0,3}${PARAGRAPH_WORD}\s{0,3}(?=\d)`, 'y');

/**
 * A compendium reference: "VII.14", "Part A I.38", "V.2.k", "V.2(k)", "IX.8.a", "Part B II.n.iii",
 * "VI.PP.5", "III.19–21", "IX.8.a–c". Groups: part, roman, first component, further components,
 * range end.
 */
export const COMPENDIUM = new RegExp(
  String.raw`(?<![\w./\-])(?:[Pp]art\s([AB])\s{1,3})?([IVX]{1,5})\.((?:PP\.)?\d{1,3}(?!\d)|[a-z]{1,4}(?![a-z]))((?:\.[a-z]{1,4}(?![a-z])|\s?\([a-z]{1,4}\)){0,2})(?:\s?(?:[–—-]|\s+(?:to|à)\s+)\s?(?:(?:[Rr]ec(?:ommendation)?s?\.?\s)?([IVX]{1,5})\.)?((?:PP\.)?\d{1,3}(?!\d)|[a-z]{1,4}(?![a-z])|\([a-z]{1,4}\)))?(?![\w/]|\.\d)`,
  'g',
);
/** "VIII-4", "IX-2", "X-7 to X-9": compendium numbers with a hyphen. Groups as COMPENDIUM's (no components). */
export const HYPHEN_COMPENDIUM = new RegExp(
  String.raw`(?<![\w./\-])(?:[Pp]art\s([AB])\s{1,3})?([IVX]{1,5})-(\d{1,3})(?![\d\w-])()(?:\s?(?:[–—]|\s+(?:to|à)\s+)\s?(?:([IVX]{1,5})-)?(\d{1,3})(?![\d\w]))?`,
  'g',
);
/** Words that make "II.3" a part of the draft itself: "section II.3 below", "Table I.1". */
export const SELF_REFERENCE_WORDS = new Set([
  'section', 'sections', 'chapter', 'chapters', 'table', 'tables', 'annex', 'annexes', 'figure', 'figures', 'fig.',
  'box', 'boxes', 'appendix', 'appendices', 'paragraph', 'paragraphs', 'para.', 'page', 'pages', 'p.', 'pp.',
  'vol.', 'volume', 'no.', 'item', 'items', 'step', 'steps', 'clause', 'clauses',
  // Training and programme documents: "Module IV.2", "Exercise III.19", "Lesson III.4".
  'module', 'modules', 'exercise', 'exercises', 'lesson', 'lessons', 'unit', 'units', 'activity', 'activities', 'case', 'cases',
  'question', 'questions', 'slide', 'slides', 'task', 'tasks', 'objective', 'objectives', 'outcome', 'outcomes', 'output', 'outputs',
  'indicator', 'indicators', 'target', 'targets', 'goal', 'goals', 'line', 'lines', 'rule', 'rules', 'form', 'forms', 'option', 'options',
  'scenario', 'scenarios', 'tool', 'tools', 'worksheet', 'handout', 'title', 'heading', 'point', 'points', 'level', 'phase', 'stage',
  'criterion', 'criteria', 'standard', 'principle', 'requirement', 'pillar', 'component', 'priority', 'action', 'actions', 'measure',
  'element', 'topic', 'topics', 'day', 'week', 'version', 'ver.', 'v.', 'rev.', 'exhibit', 'map', 'chart', 'graph', 'diagram', 'plate',
  'schedule', 'list', 'checklist', 'cluster', 'area', 'subsection', 'subsections', 'article', 'articles', 'art.', 'lot', 'block',
  'track', 'session', 'sessions', 'footnote', 'note', 'notes', 'entry', 'row', 'rows', 'column', 'columns', 'col.', 'sheet', 'tab',
  'tier', 'grade', 'sprint', 'release', 'annexe', 'attachment', 'enclosure', 'chap.', 'sec.', 'fig.', 'tab.', 'ex.', 'q.',
  'part', 'parts', 'study', 'studies', 'hall', 'room', 'building', 'floor', 'gate', 'desk', 'handouts', 'workshop', 'panel',
  'division', 'divisions', 'chamber', 'chambers', 'department', 'dept.', 'office', 'branch', 'directorate', 'bureau', 'team', 'law', 'act',
  'code', 'decree', 'regulation', 'order', 'case', 'file', 'ref.', 'annex',
]);
/** A heading or a task-list item that opens with "I.1": the document's own numbering. */
export const OWN_NUMBERING_BEFORE = /(?:^|\n)[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+\[[ xX]\][ \t]+)$/;
/**
 * Instruments whose numbers no Conference instrument has: "Security Council resolution 2240 (2015)",
 * "ECOSOC resolution 2005/20", "decision 1/CP.16". Recognised as outside the corpus.
 */
export const FOREIGN_NUMBERED = new RegExp(String.raw`\b(${INSTRUMENT_WORD})\s{0,3}(\d{4}\/\d{1,4}|\d{1,4}\s?\(\d{4}\)|\d{1,2}\/(?:CP|CMP|CMA|COP|MOP)\.\d{1,2})(?![\d/])`, 'g');
/** Words after "II.3" that make it the draft's own: "II.3 of this guide", "II.3 refer to this checklist" ("I.38 above" is a citation made earlier). */
export const SELF_REFERENCE_AFTER = /\s{1,3}(?:(?:refers?\s+to|of|in)\s+th(?:is|e\s+present)\b)/iy;
/** "OP7bis", "PP2ter": the draft's own negotiation labels. */
export const DRAFT_LABEL = new RegExp(String.raw`^\s?${DRAFT_LABEL_SUFFIX}`);

/** "article 16, paragraph 5, of the Protocol", "art. 16, para. 1", "articles 12 and 13 of …". */
export const TREATY = /\b(?:[Aa]rticles?|[Aa]rts?\.)\s{1,3}\d{1,3}(?:\s{0,3}(?:,|and|to|[–-])\s{0,3}\d{1,3}){0,10}(?:\s{0,3},?\s{0,3}(?:paragraphs?|paras?\.?)\s{1,3}\d{1,3}(?:\s?\([a-z]{1,4}\)){0,2})?(?:\s{0,3},?\s{0,3}of\s+the\s+[A-Z][\w-]{0,40}(?:\s+(?:(?!(?:Resolution|Decision|Part|Recommendation)s?\b|[IVX]{1,5}[.-]\d)[A-Z][\w-]{0,40}|of|on|against|the|and|by|to|in|for|Land,|Sea|Air)){0,16})?/g;
