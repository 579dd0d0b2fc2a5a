// A compiled corpus snapshot: what parsing the built-in sources gives (`ParsedSources`), as JSON,
// written at build time (scripts/build.mjs) so the server need not parse the texts on start-up.
// Pure: value in, value out; node/corpusSnapshot.ts reads and writes the file and decides whether
// a snapshot is valid for the sources it serves.
//
// The parsed sources are plain data, save two things JSON does not keep: the thematic index's
// maps (kept as entry lists) and its report pairs, whose reference is the same object as one of
// a topic's references (kept as that reference's position in the topics' references).

import type { CorpusDocument, CorpusProblem } from './model';
import type { ParsedSources } from './corpus';
import type { CompendiumRef, IndexTopic, ReportPair, ThematicIndex } from './thematicIndex';

/** Bump when the encoding or anything `parseSources` derives changes shape. */
export const SNAPSHOT_FORMAT = 1;

interface EncodedIndex {
  topics: IndexTopic[];
  /** A pair's `ref` is a number when it is the topics' reference at that position (in reading order). */
  pairs: (Omit<ReportPair, 'ref'> & { ref: CompendiumRef | number })[];
  sectionSymbols: [string, string][];
  sectionInstruments: [string, string][];
  problems: CorpusProblem[];
}

export interface EncodedParsedSources {
  documents: CorpusDocument[];
  userDocuments: ParsedSources['userDocuments'];
  index?: EncodedIndex;
  problems: CorpusProblem[];
}

export function encodeParsedSources(parsed: ParsedSources): EncodedParsedSources {
  return { documents: parsed.documents, userDocuments: parsed.userDocuments, index: parsed.index && encodeIndex(parsed.index), problems: parsed.problems };
}

/** Fresh objects every call: linking a corpus changes its documents. */
export function decodeParsedSources(encoded: EncodedParsedSources): ParsedSources {
  return { documents: encoded.documents, userDocuments: encoded.userDocuments, index: encoded.index && decodeIndex(encoded.index), problems: encoded.problems };
}

function encodeIndex(index: ThematicIndex): EncodedIndex {
  const position = new Map<CompendiumRef, number>();
  for (const topic of index.topics) for (const ref of topic.references) position.set(ref, position.size);
  return {
    topics: index.topics,
    pairs: index.pairs.map((pair) => ({ ...pair, ref: position.get(pair.ref) ?? pair.ref })),
    sectionSymbols: [...index.sectionSymbols],
    sectionInstruments: [...index.sectionInstruments],
    problems: index.problems,
  };
}

function decodeIndex(encoded: EncodedIndex): ThematicIndex {
  const refs: CompendiumRef[] = [];
  for (const topic of encoded.topics) for (const ref of topic.references) refs.push(ref);
  return {
    topics: encoded.topics,
    pairs: encoded.pairs.map((pair) => ({ ...pair, ref: typeof pair.ref === 'number' ? refs[pair.ref] : pair.ref })),
    sectionSymbols: new Map(encoded.sectionSymbols),
    sectionInstruments: new Map(encoded.sectionInstruments),
    problems: encoded.problems,
  };
}
