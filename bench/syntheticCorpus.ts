// A synthetic corpus N times the seed's size, made from the real documents' structure: the
// standalone resolution 5/3 and decision 4/5 renumbered as other sessions' instruments.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DATA = join(__dirname, '..', 'data');

export function writeSyntheticCorpus(times: number): { dir: string; bytes: number; documents: number; sampleCitation: string } {
  const seedBytes = ['compendium-smuggling-of-migrants-2024.txt', 'decision-4-5.txt', 'resolution-5-3.txt', 'draft-resolution-france-2008.txt'].reduce((n, f) => n + readFileSync(join(DATA, f)).length, 0);
  const resolution = readFileSync(join(DATA, 'resolution-5-3.txt'), 'utf8');
  const decision = readFileSync(join(DATA, 'decision-4-5.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'un-synthetic-corpus-'));
  const sources: { file: string }[] = [];
  let bytes = 0;
  for (let i = 0; bytes < seedBytes * times; i++) {
    const session = 20 + Math.floor(i / 90);
    const number = (i % 90) + 1;
    const isResolution = i % 3 !== 2;
    const text = isResolution ? resolution.replace('## Resolution 5/3', `## Resolution ${session}/${number}`) : decision.replace('## Decision 4/5', `## Decision ${session}/${number}`);
    const file = `${isResolution ? 'resolution' : 'decision'}-${session}-${number}.txt`;
    writeFileSync(join(dir, file), text);
    sources.push({ file });
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ sources }));
  return { dir, bytes, documents: sources.length, sampleCitation: 'Resolution 30/1, para 9 and Decision 21/3 (j)(ii)\n' };
}
