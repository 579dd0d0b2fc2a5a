// Walks a folder for files, for the two places that read a workspace: the user corpus and
// find-references. A symbolic link is followed only when it stays inside the root it was found
// in; one that leads out is reported through `refused` and never read.

import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

export interface WalkOptions {
  accept: (name: string) => boolean;
  /** Folder names not entered (node_modules, .git …). */
  skip?: Set<string>;
  maxDepth: number;
  /** Stop after this many files. */
  maxFiles: number;
  /** A link that leads out of the root, or is broken. */
  refused?: (path: string, why: 'outside' | 'broken', target?: string) => void;
}

export function inside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** Paths of accepted files under `root`, in name order. */
export function walkFiles(root: string, options: WalkOptions): string[] {
  const out: string[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return out;
  }
  const visit = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= options.maxFiles) return;
      if (options.skip?.has(name)) continue;
      const path = join(dir, name);
      let stat;
      try {
        stat = lstatSync(path);
        if (stat.isSymbolicLink()) {
          let real: string;
          try {
            real = realpathSync(path);
          } catch {
            options.refused?.(path, 'broken');
            continue;
          }
          if (!inside(realRoot, real)) {
            options.refused?.(path, 'outside', real);
            continue;
          }
          stat = statSync(real);
        }
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (depth < options.maxDepth) visit(path, depth + 1);
      } else if (stat.isFile() && options.accept(name)) out.push(path);
    }
  };
  visit(root, 0);
  return out;
}
