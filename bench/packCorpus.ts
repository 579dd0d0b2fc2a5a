// A synthetic corpus of the UN's whole record's size (half a million paragraphs), made from the
// real documents' structure: the standalone resolution 5/3 (25 paragraphs) and decision 4/5 (13)
// renumbered as Conference instruments of sessions 11–30, each with a few made-up words of its own
// so that texts and searches differ. Deterministic: the same call writes the same files.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DATA = join(__dirname, '..', 'data');
/** Sessions of the synthetic instruments: above the real corpus's, within the Conference's (resolver's MAX_CONFERENCE_SESSION). */
const FIRST_SESSION = 11;
const SESSIONS = 20;
const RESOLUTION_PARAGRAPHS = 25;
const DECISION_PARAGRAPHS = 13;
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'zel', 'pi', 'dan', 'qua', 'bri', 'nol', 'fe', 'gor', 'hu', 'jas', 'ty', 'wen', 'xo'];

export interface PackCorpus {
  dir: string;
  documents: number;
  paragraphs: number;
  bytes: number;
  /** Citations of packed paragraphs that exist, spread over the corpus: "Resolution 17/342, para 9". */
  citations: string[];
  /** Queries that have hits: a made-up word of some instrument with a word of the texts. */
  queries: string[];
}

/** A made-up word from a number: 0 → "kaka", 1 → "kalo" … (three syllables from 400 on). */
export function madeUpWord(n: number): string {
  let s = '';
  let k = n + SYLLABLES.length;
  do {
    s = SYLLABLES[k % SYLLABLES.length] + s;
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s;
}

/** Instrument i of the synthetic corpus (two resolutions, then a decision, …). */
function instrument(i: number): { kind: 'resolution' | 'decision'; session: number; number: number } {
  const kind = i % 3 === 2 ? 'decision' : 'resolution';
  const ordinal = kind === 'decision' ? Math.floor(i / 3) : i - Math.floor((i + 1) / 3);
  return { kind, session: FIRST_SESSION + (ordinal % SESSIONS), number: Math.floor(ordinal / SESSIONS) + 1 };
}

export function writePackCorpus(paragraphs = 500_000): PackCorpus {
  const resolution = readFileSync(join(DATA, 'resolution-5-3.txt'), 'utf8');
  const decision = readFileSync(join(DATA, 'decision-4-5.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'un-pack-corpus-'));
  const sources: { file: string }[] = [];
  const citations: string[] = [];
  const queries: string[] = [];
  let count = 0;
  let bytes = 0;
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; count < paragraphs; i++) {
    const { kind, session, number } = instrument(i);
    if (number > 999) throw new Error('the synthetic corpus ran out of instrument numbers');
    const name = `${kind === 'resolution' ? 'Resolution' : 'Decision'} ${session}/${number}`;
    // Three made-up words of this instrument, after its first mentions of the Protocol.
    const words = [0, 1, 2].map(() => madeUpWord(Math.floor(random() * 6000)));
    let k = 0;
    const seedText = kind === 'resolution' ? resolution.replace('## Resolution 5/3', `## ${name}`) : decision.replace('## Decision 4/5', `## ${name}`);
    // The 2nd, 5th and 8th mention of the Protocol (the 1st is in the title) get a made-up word after them.
    const text = seedText.replace(/Protocol(?= |,|;)/g, (m) => {
      const at = k++ - 1;
      return at >= 0 && at % 3 === 0 && at / 3 < words.length ? `${m} ${words[at / 3]}` : m;
    });
    const file = `${kind}-${session}-${number}.txt`;
    writeFileSync(join(dir, file), text);
    sources.push({ file });
    bytes += Buffer.byteLength(text);
    count += kind === 'resolution' ? RESOLUTION_PARAGRAPHS : DECISION_PARAGRAPHS;
    if (i % 23 === 0) {
      citations.push(kind === 'resolution' ? `${name}, para ${1 + (i % 24)}` : `${name} (${'abcdefghijk'[i % 11]})`);
      queries.push(`${words[0]} ${['smuggling', 'migrants', 'cooperation', 'States', 'protocol'][i % 5]}`);
    }
  }
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ description: 'synthetic corpus for the pack benchmark', sources }));
  return { dir, documents: sources.length, paragraphs: count, bytes, citations, queries };
}
