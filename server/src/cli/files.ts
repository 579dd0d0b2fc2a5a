// Which files `un-cite check` reads: files as given, folders searched for Markdown, globs expanded.
// Yields paths one at a time so a large folder is never held in memory as file contents.

import { type Dirent, promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
/** Word drafts, read by server/src/word/docx.ts. */
export const WORD = /\.docx$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export type FileEvent = { kind: 'file'; path: string } | { kind: 'error'; path: string; message: string };

export async function* expandInputs(inputs: string[]): AsyncGenerator<FileEvent> {
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { absolute: false, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (matches.length === 0) yield { kind: 'error', path: input, message: 'no files match this pattern' };
      for (const m of matches.sort()) yield { kind: 'file', path: m };
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      yield { kind: 'error', path: input, message: describeError(e) };
      continue;
    }
    if (stat.isDirectory()) {
      let found = 0;
      for await (const path of walk(input)) {
        found++;
        yield { kind: 'file', path };
      }
      if (found === 0) yield { kind: 'error', path: input, message: 'this folder holds no Markdown or Word files (.md, .markdown, .docx)' };
    } else {
      yield { kind: 'file', path: input };
    }
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) yield* walk(path);
    else if (e.isFile() && (MARKDOWN.test(e.name) || (WORD.test(e.name) && !e.name.startsWith('~$')))) yield path;
  }
}

export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (e as Error).message;
}

/** Reads a Word draft's bytes, refusing files above the limit. */
export async function readBytes(path: string, maxBytes: number): Promise<{ bytes?: Uint8Array; error?: string }> {
  try {
    const stat = await fs.stat(resolve(path));
    if (stat.isDirectory()) return { error: 'is a folder' };
    if (stat.size > maxBytes) return { error: `${stat.size.toLocaleString('en')} bytes, above the ${maxBytes.toLocaleString('en')}-byte limit (--max-file-size); not checked` };
    return { bytes: await fs.readFile(path) };
  } catch (e) {
    return { error: describeError(e) };
  }
}

/** Reads a text file, refusing binary files and files above the limit. */
export async function readText(path: string, maxBytes: number): Promise<{ text?: string; error?: string }> {
  try {
    const stat = await fs.stat(resolve(path));
    if (stat.isDirectory()) return { error: 'is a folder' };
    if (stat.size > maxBytes) return { error: `${stat.size.toLocaleString('en')} bytes, above the ${maxBytes.toLocaleString('en')}-byte limit (--max-file-size); not checked` };
    const buffer = await fs.readFile(path);
    if (buffer.subarray(0, 8000).includes(0)) return { error: 'binary file, not text; not checked' };
    return { text: buffer.toString('utf8') };
  } catch (e) {
    return { error: describeError(e) };
  }
}
