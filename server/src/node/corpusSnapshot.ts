// Node adapter for the compiled corpus snapshot (dist/corpus.snapshot): the built-in sources parsed
// at build time, plus the uncited-reuse index of the built-in corpus. The server still reads the
// sources (they are small) and takes the snapshot only when it was made from exactly those bytes,
// by this build, in this format; otherwise — data/ edited, snapshot missing, foreign or damaged —
// it parses the sources as before. Never stale, never an exception.
//
// The file: one header line, `un-citations corpus snapshot <format> <build> <json bytes> <key bytes>`,
// then the JSON (format, build, parsed sources, reuse index), then the key: each source's name,
// length and UTF-8 bytes, compared byte for byte with the sources read now (no checksum module to
// load, and exact).

import { readFileSync, writeFileSync } from 'node:fs';
import { ReuseIndex, type SavedReuseIndex } from '../agreed/reuse';
import { type ParsedSources, type SourceFile, linkCorpus, parseSources } from '../corpus/corpus';
import { type EncodedParsedSources, SNAPSHOT_FORMAT, decodeParsedSources, encodeParsedSources } from '../corpus/snapshot';
import { DEFAULT_SETTINGS } from '../settings';
import { type LoadedSources, readCorpusSources } from './corpusFiles';

/** The snapshot's file name, beside the server bundle. */
export const SNAPSHOT_FILE = 'corpus.snapshot';

declare const __UN_CITATIONS_BUILD__: string | undefined;
/** Set by scripts/build.mjs to a hash of the code that writes snapshots: a snapshot of another build is not taken. */
export const BUILD_ID = typeof __UN_CITATIONS_BUILD__ === 'string' ? __UN_CITATIONS_BUILD__ : 'source';

const MAGIC = 'un-citations corpus snapshot';

interface SnapshotJson {
  parsed: EncodedParsedSources;
  /** The uncited-reuse index of the built-in corpus alone, at the default minimum of words. */
  reuse?: SavedReuseIndex;
}

/** The built-in corpus: its sources as read, and their parse (from the snapshot when it is valid). */
export interface BuiltinCorpus extends LoadedSources {
  /** The sources parsed; fresh objects every call (linking changes them). */
  parsed?: () => ParsedSources;
  /** The uncited-reuse index of the built-in corpus alone (no user documents, no packs). */
  reuseIndex?: SavedReuseIndex;
  /** "used", or why the snapshot was not used. */
  snapshot: string;
}

/** What a snapshot is valid for: the sources' names and texts, in order, as bytes. */
export function sourcesKey(sources: SourceFile[]): Buffer {
  return Buffer.concat(
    sources.flatMap((s) => {
      const bytes = Buffer.from(s.text, 'utf8');
      return [Buffer.from(`${s.file}\u0000${bytes.length}\u0000`, 'utf8'), bytes];
    }),
  );
}

/** Reads the sources `<dataDir>/corpus.json` lists and the snapshot, if it is valid for them. */
export function readBuiltinCorpus(dataDir: string, snapshotPath: string | undefined, build = BUILD_ID): BuiltinCorpus {
  const loaded = readCorpusSources(dataDir);
  if (!snapshotPath) return { ...loaded, snapshot: 'none' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(snapshotPath);
  } catch (e) {
    return { ...loaded, snapshot: `unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const eol = bytes.subarray(0, 200).indexOf(10);
  const [magic, format, fileBuild, jsonLength, keyLength] = eol > 0 ? splitHeader(bytes.toString('latin1', 0, eol)) : [];
  const json = eol + 1;
  const key = json + Number(jsonLength);
  const why =
    magic !== MAGIC || Number(format) !== SNAPSHOT_FORMAT ? 'another format'
    : fileBuild !== build ? 'another build'
    : !(Number(jsonLength) > 0) || key + Number(keyLength) !== bytes.length ? 'damaged'
    : !bytes.subarray(key).equals(sourcesKey(loaded.sources)) ? 'sources changed'
    : undefined;
  if (why) return { ...loaded, snapshot: why };
  const read = () => JSON.parse(bytes.toString('utf8', json, key)) as SnapshotJson;
  let file: SnapshotJson;
  try {
    file = read();
  } catch (e) {
    return { ...loaded, snapshot: `damaged (${(e as Error).message})` };
  }
  if (!validShape(file?.parsed)) return { ...loaded, snapshot: 'damaged' };
  let first: EncodedParsedSources | undefined = file.parsed;
  const parsed = () => {
    // The file's first parse serves the first corpus; later ones parse the JSON again (fresh objects).
    const encoded = first ?? read().parsed;
    first = undefined;
    return decodeParsedSources(encoded);
  };
  return { ...loaded, parsed, reuseIndex: file.reuse, snapshot: 'used' };
}

/** "un-citations corpus snapshot 1 BUILD 12 34" → [magic, format, build, JSON length, key length]. */
function splitHeader(line: string): string[] {
  const rest = line.startsWith(`${MAGIC} `) ? line.slice(MAGIC.length + 1).split(' ') : [];
  return rest.length === 4 ? [MAGIC, ...rest] : [];
}

/** Enough of a check that a damaged snapshot with the right hash cannot throw later. */
function validShape(parsed: EncodedParsedSources | undefined): boolean {
  return !!parsed && Array.isArray(parsed.documents) && Array.isArray(parsed.userDocuments) && Array.isArray(parsed.problems) && parsed.documents.every((d) => d && typeof d.id === 'string' && Array.isArray(d.paragraphs) && typeof d.origin === 'object');
}

/** Build time: parses `<dataDir>`'s sources and writes the snapshot for them. */
export function writeCorpusSnapshot(dataDir: string, snapshotPath: string, build = BUILD_ID): void {
  const { sources } = readCorpusSources(dataDir);
  const encoded = encodeParsedSources(parseSources(sources));
  const corpus = linkCorpus(decodeParsedSources(structuredClone(encoded)));
  const reuse = new ReuseIndex(corpus, DEFAULT_SETTINGS.agreedLanguage.minWords).save(corpus);
  const json = Buffer.from(JSON.stringify({ parsed: encoded, reuse } satisfies SnapshotJson), 'utf8');
  const key = sourcesKey(sources);
  writeFileSync(snapshotPath, Buffer.concat([Buffer.from(`${MAGIC} ${SNAPSHOT_FORMAT} ${build} ${json.length} ${key.length}\n`, 'latin1'), json, key]));
}
