// Node adapter: finds and reads users' own corpus documents — every .md/.txt file under
// `.un-citations/corpus/` of a workspace folder, plus the files and folders a user configured
// (unCitations.corpus.paths, `un-cite --corpus`). Reads nothing else: a symlink that leads out of
// the folder it was found in is refused, and so are files above the size limit.

import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { inside, walkFiles } from './walk';
import type { SourceFile } from '../corpus/corpus';
import type { CorpusProblem } from '../corpus/model';

export const USER_CORPUS_DIR = join('.un-citations', 'corpus');
export const MAX_USER_FILE_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 2_000;
const DOCUMENT_FILE = /\.(md|markdown|txt)$/i;

export interface UserSources {
  sources: SourceFile[];
  problems: CorpusProblem[];
}

/**
 * The user documents for one workspace folder (may be undefined: no folder) and the configured
 * paths (relative ones are taken from the folder). `overrides` holds the text of files open in
 * the editor, which wins over the disk.
 */
export function readUserSources(folder: string | undefined, configured: string[], overrides: Map<string, string> = new Map()): UserSources {
  const sources: SourceFile[] = [];
  const problems: CorpusProblem[] = [];
  const seen = new Set<string>();
  const refuse = (file: string, code: string, message: string) => problems.push({ severity: 'error', code, message: `${file} ${message}`, file, user: true });

  const addFile = (path: string, root: string) => {
    if (sources.length >= MAX_FILES) return;
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return refuse(path, 'unreadable', 'cannot be read');
    }
    if (!inside(realpathSync(root), real)) return refuse(path, 'outside', `is a link to ${real}, outside ${root}; not read`);
    if (seen.has(real)) return;
    seen.add(real);
    const open = overrides.get(path) ?? overrides.get(real);
    if (open !== undefined) {
      sources.push({ file: path, text: open, user: true });
      return;
    }
    try {
      const size = statSync(real).size;
      if (size > MAX_USER_FILE_BYTES) return refuse(path, 'too-large', `is ${size.toLocaleString('en')} bytes, above the ${MAX_USER_FILE_BYTES.toLocaleString('en')}-byte limit for corpus documents; not read`);
      const buffer = readFileSync(real);
      if (buffer.subarray(0, 8000).includes(0)) return refuse(path, 'binary', 'is a binary file, not a corpus document; not read');
      sources.push({ file: path, text: buffer.toString('utf8'), user: true });
    } catch (e) {
      refuse(path, 'unreadable', `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };

  const walk = (root: string) => {
    const files = walkFiles(root, {
      accept: (name) => DOCUMENT_FILE.test(name),
      maxDepth: 8,
      maxFiles: MAX_FILES,
      refused: (path, why, target) => refuse(path, why === 'broken' ? 'unreadable' : 'outside', why === 'broken' ? 'is a broken link' : `is a link to ${target}, outside ${root}; not read`),
    });
    for (const f of files) addFile(f, root);
  };

  if (folder) {
    const dir = join(folder, USER_CORPUS_DIR);
    try {
      if (statSync(dir).isDirectory()) walk(dir);
    } catch {
      // no user corpus in this folder
    }
  }
  for (const entry of configured) {
    const path = isAbsolute(entry) ? entry : resolve(folder ?? process.cwd(), entry);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      refuse(entry, 'missing', 'configured in unCitations.corpus.paths, but there is no such file or folder');
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else addFile(path, resolve(path, '..'));
  }
  return { sources, problems };
}
