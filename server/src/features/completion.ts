// Completion in context: instruments after "Resolution ", paragraphs after "Resolution 5/3, para ",
// recommendations after "VII.", subparagraphs after "(j)(", sections after "Part B ", and a
// full-text search after the trigger character ("@smuggled migrants at sea").

import type { CompletionItem, CompletionList, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import { type Corpus, keyForPath, paragraphByKey } from '../corpus/corpus';
import type { CorpusDocument, Paragraph } from '../corpus/model';
import { numberToOrdinal, numberToRoman, romanToNumber } from '../corpus/text';
import { sectionKey } from '../corpus/thematicIndex';
import { formatCitation, paragraphTitle } from '../citations/format';
import { INSTRUMENT_DESIGNATORS, PARAGRAPH_DESIGNATORS, type ParagraphRow, RECOMMENDATION_DESIGNATORS, alternation, anyCase } from '../citations/grammar';
import type { Settings } from '../settings';
import type { TextDocumentLike } from './documents';
import { escapeMarkdown, firstWords, quote } from './markdown';
import { type ParagraphSearch, snippet } from './search';

const KIND_REFERENCE = 18;
const KIND_MODULE = 9;
const KIND_FOLDER = 19;

// The designators come from the grammar table, the same rows the scanner reads: completion offers
// paragraphs after every way of writing "para", "OP", "PP" or "§" the scanner understands.
const INSTRUMENT_WORD = alternation(INSTRUMENT_DESIGNATORS);
/** Designators as written (no look-ahead for a number: the number is what is being typed). Group per row. */
const DESIGNATOR = PARAGRAPH_DESIGNATORS.map((row) => `(${row.written.map(escapeRegExpSource).map((w) => (row.anyCase ? anyCase(w) : w)).join('|')})`).join('|');
const INSTRUMENT_LIST = new RegExp(String.raw`\b(${INSTRUMENT_WORD})\s{1,3}(\d{0,3}\/?\d{0,4})$`);
const PARAGRAPH_LIST = new RegExp(String.raw`\b(${INSTRUMENT_WORD})\s{0,3}(\d{1,3})\/(\d{1,4})\s{0,3},?\s{0,3}(?:${DESIGNATOR})\s{0,3}((?:[0-9()a-z]{1,8}\s{0,3}(?:,|and|–|-|to)\s{0,3}){0,20})(\d{0,3}|[A-Za-z][\w-]{0,30})$`);
const SUBPARAGRAPH = new RegExp(String.raw`\b(${INSTRUMENT_WORD})\s{0,3}(\d{1,3})\/(\d{1,4})[^\n]{0,40}?((?:\d{1,3}|\([a-z]{1,5}\))?)\s?\(([a-z]{0,5})$`);
/** The group index in PARAGRAPH_LIST of each designator row, to know which row was written. */
const DESIGNATOR_GROUP = 4;
const LIST_GROUP = DESIGNATOR_GROUP + PARAGRAPH_DESIGNATORS.length;
const COMPENDIUM = /(?:\b[Pp]art\s([AB])\s{1,3})?(?<![\w.])([IVX]{1,5})\.((?:[0-9a-zP]{1,4}\.){0,2})([0-9a-zP]{0,4})$/;
const PART = /\b[Pp]art\s([AB])\s{1,3}([IVX]{0,4})$/;
/** "recommendation 14 of the " (and what is typed of the meeting). Groups: number, typed. */
const RECOMMENDATION_OF = /\brecommendation\s{1,3}(\d{1,3})\s{1,3}of\s+the\s+([a-z-]{0,20})$/i;
/** "paragraph 9 of " before an instrument word. Group: the paragraph. */
const PARAGRAPH_OF = /\b(?:paragraph|para\.?|operative\s+paragraph|op\.?|OP|§)\s{0,3}(\d{1,3}|\([a-z]{1,4}\))\s{1,3}of\s+(?:the\s+)?(?:(?:Conference|COP)\s+)?$/i;
/** The first letters of a word, at least two: "Re", "dec", "rec". Group: the letters. */
const FIRST_LETTERS = /(?:^|[\s([“"'])([A-Za-z]{2,14})$/;

export class CompletionProvider {
  constructor(private readonly corpus: Corpus, private readonly search: ParagraphSearch) {}

  provideCompletions(document: TextDocumentLike, position: Position, settings: Settings): CompletionList {
    const lineStart = { line: position.line, character: 0 };
    const before = document.getText({ start: lineStart, end: position }).slice(-240);
    const range = (typedLength: number): Range => ({ start: { line: position.line, character: position.character - typedLength }, end: position });
    if (insideInlineCode(before)) return empty();

    const trigger = escapeRegExp(settings.fullTextTrigger);
    const fullText = new RegExp(`(?:^|[\\s(\\[])${trigger}([^${trigger}\\n]{0,80})$`).exec(before);
    if (fullText) return this.fullText(fullText[1], range(fullText[1].length + 1), settings);

    const sub = SUBPARAGRAPH.exec(before);
    if (sub) {
      const d = this.instrument(sub[1], sub[2], sub[3]);
      if (d) return this.subparagraphs(d, sub[4], sub[5], range(sub[5].length + 1));
    }
    const para = PARAGRAPH_LIST.exec(before);
    if (para) {
      const d = this.instrument(para[1], para[2], para[3]);
      const row = PARAGRAPH_DESIGNATORS[PARAGRAPH_DESIGNATORS.findIndex((_, i) => para[DESIGNATOR_GROUP + i] !== undefined)];
      const typed = para[LIST_GROUP + 1];
      if (d) return this.topLevel(d, range(typed.length), 'instrument', row?.numbering ?? 'any', /^[A-Za-z]/.test(typed) ? typed : undefined);
    }
    const meetingFor = RECOMMENDATION_OF.exec(before);
    if (meetingFor) return this.meetingsWith(meetingFor[1], meetingFor[2], range(meetingFor[2].length));
    const inst = INSTRUMENT_LIST.exec(before);
    if (inst) {
      // "paragraph 9 of resolution ": only the instruments that have a paragraph 9.
      const wanted = PARAGRAPH_OF.exec(before.slice(0, before.length - inst[0].length));
      return this.instruments(inst[1], range(inst[2].length), wanted ? wanted[1] : undefined);
    }
    const first = FIRST_LETTERS.exec(before);
    if (first) return this.firstLetters(first[1], range(first[1].length), settings);
    const part = PART.exec(before);
    if (part) return this.sections(part[1] as 'A' | 'B', range(part[2].length));
    const comp = COMPENDIUM.exec(before);
    if (comp) return this.compendium(comp, range(comp[4].length));
    return empty();
  }

  private instrument(word: string, session: string, number: string): CorpusDocument | undefined {
    const kind = /^res/i.test(word) ? 'resolution' : 'decision';
    // Asked of the corpus, so a packed instrument's paragraphs are offered too.
    return this.corpus.instrument(`${kind}-${session}-${number}`)[0];
  }

  private instruments(word: string, replace: Range, paragraph?: string): CompletionList {
    const kind = /^res/i.test(word) ? 'resolution' : 'decision';
    const has = (d: CorpusDocument) => !paragraph || !!paragraphByKey(d, keyForPath(d, [paragraph.replace(/[()]/g, '')]));
    const docs = [...this.corpus.instruments.values()].map((c) => c[0]).filter((d) => d.kind === kind && has(d));
    docs.sort((a, b) => (a.session ?? 0) - (b.session ?? 0));
    return list(
      docs.map((d, i) => {
        const number = d.name.split(' ')[1];
        return {
          label: number,
          kind: KIND_MODULE,
          detail: `${d.name}${d.sessionName ? ` — ${d.sessionName}` : ''}`,
          documentation: markdown(`**${escapeMarkdown(d.name)}** — ${escapeMarkdown(d.title)}${d.symbol ? `  \n${escapeMarkdown(d.symbol)}` : ''}`),
          sortText: pad(i),
          textEdit: { range: replace, newText: number },
        };
      }),
    );
  }

  /** "recommendation 14 of the " → the meetings that have a recommendation 14, with its text. */
  private meetingsWith(number: string, typed: string, replace: Range): CompletionList {
    const meetings = this.corpus.documents.filter((d) => d.kind === 'wg-recommendations' && d.origin.compendium).sort((a, b) => (a.session ?? 0) - (b.session ?? 0));
    const items: CompletionItem[] = [];
    for (const d of meetings) {
      const p = paragraphByKey(d, number);
      if (!p) continue;
      const label = `${numberToOrdinal(d.session ?? 0)} meeting`;
      if (typed && !label.startsWith(typed.toLowerCase())) continue;
      items.push({ label, labelDetails: { description: firstWords(p.text, 10) }, kind: KIND_REFERENCE, detail: `${numberToRoman(d.session ?? 0).toUpperCase()}.${number} — ${firstWords(p.text, 10)}`, documentation: documentation(d, p), sortText: pad(items.length), filterText: `${label} ${p.text}`, textEdit: { range: replace, newText: label } });
    }
    return list(items);
  }

  /**
   * The first letters of an instrument word ("Res", "dec", "rec"): whole instruments in the chosen
   * style ("Resolution 5/3", "res. 5/3"), or a recommendation to number ("recommendation … of the
   * seventh meeting").
   */
  private firstLetters(typed: string, replace: Range, settings: Settings): CompletionList {
    const t = typed.toLowerCase();
    const abbreviated = settings.citationStyle === 'abbreviated';
    const items: CompletionItem[] = [];
    for (const row of INSTRUMENT_DESIGNATORS) {
      if (!row.written.some((w) => w.toLowerCase().startsWith(t))) continue;
      const docs = [...this.corpus.instruments.values()].map((c) => c[0]).filter((d) => d.kind === row.kind).sort((a, b) => (a.session ?? 0) - (b.session ?? 0));
      for (const d of docs) {
        const name = abbreviated ? formatCitation(d, undefined, 'abbreviated') : d.name;
        // A short description keeps the label whole in the list; the title is in the details.
        const when = [d.sessionName?.split(',')[0], d.symbol].filter(Boolean).join(' · ');
        items.push({ label: name, labelDetails: { description: when }, kind: KIND_MODULE, detail: d.title, documentation: markdown(`**${escapeMarkdown(d.name)}** — ${escapeMarkdown(d.title)}${when ? `  \n${escapeMarkdown(when)}` : ''}`), sortText: pad(items.length), filterText: name, textEdit: { range: replace, newText: name } });
      }
    }
    if (RECOMMENDATION_DESIGNATORS.some((row) => row.written.some((w) => w.toLowerCase().startsWith(t)))) {
      const meetings = this.corpus.documents.filter((d) => d.kind === 'wg-recommendations' && d.origin.compendium).sort((a, b) => (a.session ?? 0) - (b.session ?? 0));
      for (const d of meetings) {
        const ordinal = numberToOrdinal(d.session ?? 0);
        const count = d.paragraphs.filter((p) => !p.parentKey).length;
        items.push({
          label: `recommendation … of the ${ordinal} meeting`,
          labelDetails: { description: `${count} recommendations, ${d.dates ?? ''}`.trim() },
          kind: KIND_MODULE,
          detail: d.symbol,
          sortText: pad(items.length),
          filterText: `recommendation ${ordinal} meeting`,
          insertTextFormat: 2, // snippet: the cursor waits on the number
          textEdit: { range: replace, newText: `recommendation \${1:1} of the ${ordinal} meeting` },
        });
      }
    }
    return list(items);
  }

  private topLevel(d: CorpusDocument, replace: Range, style: 'instrument' | 'compendium', numbering: ParagraphRow['numbering'] = 'any', words?: string): CompletionList {
    // After "OP" only operative paragraphs, after "PP" only preambular ones (and just their number);
    // after typed words ("para urg"), only the paragraphs whose text has them.
    const word = words?.toLowerCase();
    const top = d.paragraphs.filter((p) => !p.parentKey && !p.path[1]?.startsWith('?') && (numbering === 'operative' ? p.kind !== 'preambular' : numbering === 'preambular' ? p.kind === 'preambular' : true) && (!word || p.text.toLowerCase().includes(word)));
    return list(top.map((p, i) => this.paragraphItem(d, p, i, replace, style === 'compendium' ? p.path.join('.') : numbering === 'preambular' ? p.path[1] : insertedLabel(d, p))));
  }

  private subparagraphs(d: CorpusDocument, parentLabel: string, typed: string, replace: Range): CompletionList {
    const parentPath = parentLabel ? [parentLabel.replace(/[()]/g, '')] : [];
    const parent = parentPath.length ? paragraphByKey(d, keyForPath(d, parentPath)) : undefined;
    const children = parent ? parent.childKeys.map((k) => paragraphByKey(d, k)!).filter(Boolean) : d.kind === 'decision' ? d.paragraphs.filter((p) => !p.parentKey) : [];
    const items = children.filter((p) => p.path[p.path.length - 1].startsWith(typed)).map((p, i) => this.paragraphItem(d, p, i, replace, `(${p.path[p.path.length - 1]})`));
    return list(items);
  }

  private sections(part: 'A' | 'B', replace: Range): CompletionList {
    const docs = [...this.corpus.sections.entries()].filter(([key, d]) => key.startsWith(`${part}:`) && d.origin.compendium && `${part}:${d.origin.compendium.section}` === key);
    return list(
      docs.map(([, d], i) => {
        const roman = numberToRoman(d.origin.compendium!.section).toUpperCase();
        return { label: roman, kind: KIND_FOLDER, detail: `${d.name}${d.sessionName ? ` — ${d.sessionName}` : ''}`, sortText: pad(i), textEdit: { range: replace, newText: roman } };
      }),
    );
  }

  private compendium(m: RegExpExecArray, replace: Range): CompletionList {
    const section = romanToNumber(m[2]);
    if (section === undefined) return empty();
    const part = (m[1] as 'A' | 'B' | undefined) ?? 'A';
    const d = this.corpus.sections.get(sectionKey(part, section));
    if (!d) return empty();
    const prefix = m[3] ? m[3].split('.').filter(Boolean) : [];
    if (prefix.length === 0) return this.topLevel(d, replace, 'compendium');
    const parent = paragraphByKey(d, keyForPath(d, prefix[0] === 'PP' ? ['PP', prefix[1] ?? ''] : prefix));
    if (!parent) return empty();
    const children = parent.childKeys.map((k) => paragraphByKey(d, k)!).filter(Boolean);
    return list(children.map((p, i) => this.paragraphItem(d, p, i, replace, p.path[p.path.length - 1])));
  }

  private fullText(query: string, replace: Range, settings: Settings): CompletionList {
    const hits = this.search.search(query, 30);
    const items = hits.map((hit, i): CompletionItem => {
      const { document: d, paragraph: p } = hit.ref;
      const citation = formatCitation(d, p, settings.citationStyle);
      return {
        label: citation,
        kind: KIND_REFERENCE,
        detail: snippet(p.text, hit.terms, 70),
        documentation: documentation(d, p),
        sortText: pad(i),
        filterText: `${settings.fullTextTrigger}${query}`,
        textEdit: { range: replace, newText: citation },
      };
    });
    return { isIncomplete: true, items };
  }

  private paragraphItem(d: CorpusDocument, p: Paragraph, order: number, replace: Range, insert: string): CompletionItem {
    const opening = firstWords(p.text, 10);
    return {
      label: insert,
      // Every row of the list shows the paragraph's opening words, not only the focused one.
      labelDetails: { description: opening },
      kind: KIND_REFERENCE,
      detail: opening,
      documentation: documentation(d, p),
      sortText: pad(order),
      // Typing words of the text finds the paragraph as well as typing its number.
      filterText: `${insert} ${p.text}`,
      textEdit: { range: replace, newText: insert },
    };
  }
}

/** After "para ": numbers as "9", a decision's letters as "(j)", preambular as "PP 5". */
function insertedLabel(d: CorpusDocument, p: Paragraph): string {
  return p.kind === 'preambular' ? p.label : p.label.replace(/\) \(/g, ')(');
}

function documentation(d: CorpusDocument, p: Paragraph): MarkupContent {
  const children = p.childKeys.map((k) => paragraphByKey(d, k)).filter((c): c is Paragraph => !!c).map((c) => quote(`(${c.path[c.path.length - 1]}) ${c.text}`));
  return markdown([`**${escapeMarkdown(paragraphTitle(d, p))}**`, quote(p.text), ...children].join('\n\n'));
}

function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

function empty(): CompletionList {
  return { isIncomplete: false, items: [] };
}

function pad(n: number): string {
  return String(n).padStart(5, '0');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function insideInlineCode(before: string): boolean {
  return ((before.match(/`/g) ?? []).length % 2) === 1;
}

function escapeRegExpSource(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s{1,3}');
}
