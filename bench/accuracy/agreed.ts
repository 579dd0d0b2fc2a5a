// The agreed-language finder's accuracy (issue 14): every citable paragraph of at least 18 words,
// perturbed five ways with a fixed seed, must come back first. A paragraph whose wording another
// paragraph repeats word for word counts as found when either comes first.

import type { Corpus } from '../../server/src/corpus/corpus';
import { AgreedLanguageFinder, wordsOf } from '../../server/src/agreed/finder';
import { citableParagraphs } from '../../server/src/corpus/corpus';
import { rng } from '../../test/random';

export const PERTURBATIONS = ['dropped words', 'changed verb', 'first half', 'last two thirds', 'no punctuation or capitals'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

/** Changes drafters make to agreed language: obligation, verbs of urging, who is addressed. */
const SWAPS: [RegExp, string][] = [
  [/\bshould\b/i, 'shall'],
  [/\bencourages\b/i, 'urges'],
  [/\bStates parties\b/, 'Member States'],
  [/\burges\b/i, 'calls upon'],
  [/\brequests\b/i, 'invites'],
  [/\bare encouraged to\b/i, 'should'],
  [/\bconsider\b/i, 'examine'],
];


export function perturb(text: string, how: Perturbation, random: () => number): string {
  const words = text.split(/\s+/).filter(Boolean);
  switch (how) {
    case 'dropped words':
      return words.filter(() => random() >= 0.15).join(' ');
    case 'changed verb': {
      const swap = SWAPS.find(([re]) => re.test(text));
      if (swap) return text.replace(swap[0], swap[1]);
      const k = Math.floor(random() * words.length);
      return [...words.slice(0, k), 'furthermore', ...words.slice(k + 1)].join(' ');
    }
    case 'first half':
      return words.slice(0, Math.ceil(words.length / 2)).join(' ');
    case 'last two thirds':
      return words.slice(Math.floor(words.length / 3)).join(' ');
    case 'no punctuation or capitals':
      return text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ');
  }
}

export interface AgreedAccuracy {
  paragraphs: number;
  perPerturbation: Record<Perturbation, { right: number; total: number }>;
  misses: { paragraph: string; how: Perturbation; got: string }[];
}

export function agreedAccuracy(corpus: Corpus, seed = 20261130): AgreedAccuracy {
  const finder = new AgreedLanguageFinder(corpus);
  const random = rng(seed);
  const perPerturbation = Object.fromEntries(PERTURBATIONS.map((p) => [p, { right: 0, total: 0 }])) as AgreedAccuracy['perPerturbation'];
  const misses: AgreedAccuracy['misses'] = [];
  let paragraphs = 0;
  const same = (a: string, b: string) => wordsOf(a).join(' ') === wordsOf(b).join(' ');
  for (const { document: d, paragraph: p } of citableParagraphs(corpus)) {
    if (wordsOf(p.text).length < 18) continue;
    paragraphs++;
    for (const how of PERTURBATIONS) {
      const [top] = finder.find(perturb(p.text, how, random), 1);
      const right = !!top && (top.ref.paragraph === p || same(top.ref.paragraph.text, p.text));
      perPerturbation[how].total++;
      if (right) perPerturbation[how].right++;
      else misses.push({ paragraph: `${d.name} ${p.label}`, how, got: top ? `${top.ref.document.name} ${top.ref.paragraph.label} (${Math.round(top.score * 100)} %)` : 'nothing' });
    }
  }
  return { paragraphs, perPerturbation, misses };
}
