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

/** Reads the sources listed in `<dataDir>/corpus.json`; a missing or unreadable file becomes a problem, never an exception. */
export function readCorpusSources(dataDir: string): LoadedSources {
  const problems: CorpusProblem[] = [];
  const manifestPath = join(dataDir, 'corpus.json');
  let files: string[];
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { sources?: { file?: unknown }[] };
    files = (manifest.sources ?? []).map((s) => s.file).filter((f): f is string => typeof f === 'string');
  } catch (e) {
    return { sources: [], problems: [{ severity: 'error', code: 'missing-manifest', message: `cannot read ${manifestPath}: ${(e as Error).message}`, file: 'corpus.json' }] };
  }
  const root = resolve(dataDir);
  const sources: SourceFile[] = [];
  for (const file of files) {
    const path = resolve(root, file);
    // The manifest names files inside the data folder only.
    if (!path.startsWith(root + sep)) {
      problems.push({ severity: 'error', code: 'source-outside-corpus', message: `"${file}" is outside the corpus folder; refused`, file: basename(file) });
      continue;
    }
    try {
      const size = statSync(path).size;
      if (size > MAX_SOURCE_BYTES) {
        problems.push({ severity: 'error', code: 'source-too-large', message: `${file} is ${size} bytes, above the ${MAX_SOURCE_BYTES}-byte limit; skipped`, file });
        continue;
      }
      sources.push({ file, text: readFileSync(path, 'utf8') });
    } catch (e) {
      problems.push({ severity: 'error', code: 'missing-source', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file });
    }
  }
  return { sources, problems };
}

export function loadCorpus(dataDir: string): Corpus {
  const { sources, problems } = readCorpusSources(dataDir);
  const corpus = buildCorpus(sources);
  corpus.problems.unshift(...problems);
  return corpus;
}
