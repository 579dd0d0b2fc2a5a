// A small seeded generator for property tests: reproducible from the printed seed.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Citation-like material, Markdown and noise to build adversarial drafts from. */
export const FRAGMENTS = [
  'Resolution 5/3, para 9', 'res. 5/3, paras. 3–5', 'paragraph 9 of resolution 5/3', 'Decision 4/5 (j)(i)–(iii)', 'VII.14', 'Part B II.n.iii',
  'V.2(k)', 'III.19–21', 'VI.PP.1–7', 'CTOC/COP/WG.7/2012/6, para 41', 'recommendation 14 of the seventh meeting', 'the tenth meeting of the Working Group',
  'article 16, paragraph 5, of the Protocol', 'General Assembly resolution 55/25', 'resolutions 5/3 and 6/3', 'I.21, I.22 and I.27',
  '`code`', '```', '<!--', '-->', '[x](', ')', '<https://x.org>', '---', '\n', '\n\n', '    ', '> ', '- ', '| a | b |', '*', '_',
  ' ', ' and ', ', ', '(', ')', '–', '-', '/', '.', 'IV', 'XIV.', 'PP ', 'para ', 'paras ', '(i)', '(ii)', '(a)', '9', '22/10/2010',
  'é', '🇫🇷', '\u{1F600}', '\uD83D', '\r\n', '\t', 'Organ- ized', 'resolu-\ntion 6/3', 'of the report on the meeting of the Working Group',
  // The forms of real writing (issue 12): shorthand, carried-over references, hyphens, other bodies.
  'Res 6/3 OP 9(b)', '6/3 OP15', 'PP3 of ', '§§ 3–5', 'ops ', 'op. ', 'OP7bis', 'ibid.', 'Ibid., para. 4', 'id.', '(para. 9)', 'the same resolution',
  'that decision', 'report para. 21', 'VIII-4', 'Rec. IX-2', 'al. b)', 'letter (d)', 'n° 4', 'recommendations 3 à 5 of the 3rd meeting', ' to ', ' à ',
  'the fifth meeting, recommendation 2 (k)', 'X.7 to X.14', 'HRC resolution 5/1', 'of the Conference of the States Parties to ', ' — ', '[^1]', '[^1]: ',
  '### ', '- [ ] ', 'Security Council resolution 2240 (2015)', ', entitled "', '"', ' of 19 October 2012, in particular paragraph 11',
];

export function randomText(random: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += pick(random, FRAGMENTS);
  return s;
}
