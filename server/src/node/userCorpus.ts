// Node adapter: finds and reads users' own corpus documents — every .md/.txt file under
// `.un-citations/corpus/` of a workspace folder, plus the files and folders a user configured
// (unCitations.corpus.paths, `un-cite --corpus`). Reads nothing else: a symlink that leads out of
// the folder it was found in is refused, and so are files above the size limit.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
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

function inside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
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

  const walk = (dir: string, root: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue;
      }
      if (stat.isSymbolicLink()) {
        // Follow a link only when it stays inside the root it was found in.
        let real: string;
        try {
          real = realpathSync(path);
        } catch {
          refuse(path, 'unreadable', 'is a broken link');
          continue;
        }
        if (!inside(realpathSync(root), real)) {
          refuse(path, 'outside', `is a link to ${real}, outside ${root}; not read`);
          continue;
        }
        stat = statSync(real);
      }
      if (stat.isDirectory() && depth < 8) walk(path, root, depth + 1);
      else if (stat.isFile() && DOCUMENT_FILE.test(name)) addFile(path, root);
    }
  };

  if (folder) {
    const dir = join(folder, USER_CORPUS_DIR);
    try {
      if (statSync(dir).isDirectory()) walk(dir, dir, 0);
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
    if (stat.isDirectory()) walk(path, path, 0);
    else addFile(path, resolve(path, '..'));
  }
  return { sources, problems };
}
