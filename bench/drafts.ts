// Generated, citation-dense Markdown drafts for benchmarks (deterministic for a given size).

const LINES = [
  '# Background note on the smuggling of migrants',
  '',
  'Recalling Resolution 5/3, para 9 and the fifth preambular paragraph of resolution 6/3, the Conference',
  'welcomed the recommendations adopted at the tenth meeting of the Working Group (X.1, X.2 and X.4.b).',
  '- States parties should respect the human rights of smuggled migrants (I.18; see also VII.14).',
  '> "States parties are encouraged to share information" (CTOC/COP/WG.7/2012/6, para 41)',
  'In line with decision 4/5 (j)(i)–(ii) and subparagraphs (g) and (k) of decision 2/4, delegations noted',
  'that article 16, paragraph 5, of the Protocol and General Assembly resolution 55/25 remain relevant.',
  'See III.19–21, Part B V.5, VI.PP.5 and recommendations 19–25 adopted at the third meeting.',
  'A sentence without any reference at all, to keep the prose realistic and the scanner honest.',
  '```',
  'Resolution 5/3, para 99 inside code is ignored',
  '```',
  'Some broken ones: Resolution 5/3, para 25; Part B I.iii; resolution 7/1; XI.3.',
  '',
];

export function generateDraft(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(LINES[i % LINES.length]);
  return out.join('\n') + '\n';
}
