// Shared fixtures for tests: the real corpus, loaded once, and small builders for in-memory documents.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Corpus, paragraphByKey } from '../server/src/corpus/corpus';
import type { Paragraph } from '../server/src/corpus/model';
import { loadCorpus } from '../server/src/node/corpusFiles';

export const DATA_DIR = join(__dirname, '..', 'data');

let cached: Corpus | undefined;
export function realCorpus(): Corpus {
  cached ??= loadCorpus(DATA_DIR);
  return cached;
}

export function dataText(file: string): string {
  return readFileSync(join(DATA_DIR, file), 'utf8');
}

/** The paragraph `key` of document `id`, failing loudly when either is missing. */
export function paragraph(id: string, key: string, corpus = realCorpus()): Paragraph {
  const document = corpus.byId.get(id);
  if (!document) throw new Error(`no document ${id}`);
  const p = paragraphByKey(document, key);
  if (!p) throw new Error(`${id} has no paragraph ${key}; it has ${document.paragraphs.map((x) => x.key).join(', ')}`);
  return p;
}
