// Node adapter: reads the corpus sources named in data/corpus.json. The only corpus code with I/O.

import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { type Corpus, type SourceFile, buildCorpus } from '../corpus/corpus';
import type { CorpusProblem } from '../corpus/model';

/** Sources larger than this are refused: the real ones are well under 1 MB. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

export interface LoadedSources {
  sources: SourceFile[];
  problems: CorpusProblem[];
}

/** The files `<dataDir>/corpus.json` lists; a missing or unreadable manifest becomes a problem, never an exception. */
export function manifestFiles(dataDir: string): { files: string[]; problems: CorpusProblem[] } {
  const manifestPath = join(dataDir, 'corpus.json');
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { sources?: { file?: unknown }[] };
    return { files: (manifest.sources ?? []).map((s) => s.file).filter((f): f is string => typeof f === 'string'), problems: [] };
  } catch (e) {
    return { files: [], problems: [{ severity: 'error', code: 'missing-manifest', message: `cannot read ${manifestPath}: ${(e as Error).message}`, file: 'corpus.json' }] };
  }
}

/** Reads the sources listed in `<dataDir>/corpus.json`; a missing or unreadable file becomes a problem, never an exception. */
export function readCorpusSources(dataDir: string): LoadedSources {
  const { files, problems } = manifestFiles(dataDir);
  const sources: SourceFile[] = [];
  for (const file of files) {
    const read = readCorpusSource(dataDir, file);
    if ('text' in read) sources.push(read);
    else problems.push(read);
  }
  return { sources, problems };
}

/** One source named by the manifest, or why it cannot be read. */
export function readCorpusSource(dataDir: string, file: string): SourceFile | CorpusProblem {
  const root = resolve(dataDir);
  const path = resolve(root, file);
  // The manifest names files inside the data folder only.
  if (!path.startsWith(root + sep)) return { severity: 'error', code: 'source-outside-corpus', message: `"${file}" is outside the corpus folder; refused`, file: basename(file) };
  try {
    const size = statSync(path).size;
    if (size > MAX_SOURCE_BYTES) return { severity: 'error', code: 'source-too-large', message: `${file} is ${size} bytes, above the ${MAX_SOURCE_BYTES}-byte limit; skipped`, file };
    return { file, text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { severity: 'error', code: 'missing-source', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file };
  }
}

export function loadCorpus(dataDir: string): Corpus {
  const { sources, problems } = readCorpusSources(dataDir);
  const corpus = buildCorpus(sources);
  corpus.problems.unshift(...problems);
  return corpus;
}
