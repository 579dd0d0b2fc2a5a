// Node adapter for corpus packs: positioned reads of a pack file, finding the packs a folder
// holds, and packing a corpus folder (`un-cite pack DIR`). The format itself is pure
// (corpus/pack*.ts); only this file touches the disk for it.

import { closeSync, existsSync, fstatSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type * as Zlib from 'node:zlib';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type SourceFile, buildCorpus } from '../corpus/corpus';
import type { CorpusProblem } from '../corpus/model';
import { CorpusPack } from '../corpus/pack';
import { type ByteSink, type ByteSource, PACK_EXTENSION, PackError } from '../corpus/packFormat';
import { type PackStats, PackWriter } from '../corpus/packWriter';
import { manifestFiles, readCorpusSource } from './corpusFiles';
import { readUserSources } from './userCorpus';

/** Corpora up to this size are parsed in one piece when packed. */
const WHOLE_CORPUS_BYTES = 32 * 1024 * 1024;

/** Node's own CRC-32 (Node 20.15 and later); zlib is loaded on first use, not on start-up. */
export const nativeCrc32 = (): ((bytes: Uint8Array) => number) | undefined => (require('node:zlib') as typeof Zlib & { crc32?: (data: Uint8Array) => number }).crc32;

/** Positioned reads of an open file; the descriptor stays open while the pack is in use. */
export class FileByteSource implements ByteSource {
  readonly size: number;
  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }

  read(offset: number, length: number): Uint8Array {
    // Its own ArrayBuffer, at offset 0: the pack's aligned tables are viewed in place, not copied.
    const out = Buffer.allocUnsafeSlow(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, offset + done);
      if (n <= 0) throw new PackError(`the file ends at ${(offset + done).toLocaleString('en')} bytes, before the ${length.toLocaleString('en')} bytes asked for at ${offset.toLocaleString('en')}`);
      done += n;
    }
    return out;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Packs opened so far, by path: a folder's service is rebuilt often, its packs are opened once. */
const opened = new Map<string, { stamp: string; pack?: CorpusPack; problem?: CorpusProblem; late: CorpusProblem[]; source?: FileByteSource }>();

export interface OpenedPacks {
  packs: CorpusPack[];
  problems: CorpusProblem[];
}

/** Opens one pack file; a damaged, truncated or foreign file is a corpus problem, never an exception. */
export function openPackFile(path: string): OpenedPacks {
  let stamp: string;
  try {
    const s = statSync(path);
    stamp = `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch (e) {
    return { packs: [], problems: [problem(path, `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)] };
  }
  const known = opened.get(path);
  if (known?.stamp === stamp) return { packs: known.pack ? [known.pack] : [], problems: [...(known.problem ? [known.problem] : []), ...known.late] };
  known?.source?.close();
  opened.delete(path);
  const late: CorpusProblem[] = [];
  let source: FileByteSource | undefined;
  try {
    source = new FileByteSource(openSync(path, 'r'));
    const root = dirname(path);
    const pack = CorpusPack.open(source, {
      name: basename(path),
      // Sources are stored relative to the pack's folder; locations name them in full.
      resolveFile: (f) => (isAbsolute(f) ? f : join(root, f)),
      crc32: nativeCrc32(),
      onProblem: (message) => {
        const p = problem(path, message);
        late.push(p);
        process.stderr.write(`corpus: ${p.message}\n`);
      },
    });
    opened.set(path, { stamp, pack, late, source });
    return { packs: [pack], problems: late };
  } catch (e) {
    source?.close();
    const p = problem(path, e instanceof PackError ? `is not a usable corpus pack: ${e.message}; it is not served` : `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    opened.set(path, { stamp, problem: p, late });
    return { packs: [], problems: [p] };
  }
}

function problem(path: string, message: string): CorpusProblem {
  return { severity: 'error', code: 'damaged-pack', message: `${basename(path)} ${message}`, file: path };
}

/** Every `*.uncpack` file directly in a folder (none when the folder does not exist), in name order. */
export function packsIn(dir: string): OpenedPacks {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(PACK_EXTENSION)).sort();
  } catch {
    return { packs: [], problems: [] };
  }
  const out: OpenedPacks = { packs: [], problems: [] };
  for (const n of names) {
    const r = openPackFile(join(dir, n));
    out.packs.push(...r.packs);
    out.problems.push(...r.problems);
  }
  return out;
}

/** Appends to a file, and patches the header at the end. */
class FileSink implements ByteSink {
  private at = 0;
  constructor(private readonly fd: number) {}
  append(bytes: Uint8Array): number {
    const start = this.at;
    this.writeAt(start, bytes);
    this.at += bytes.length;
    return start;
  }
  writeAt(offset: number, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
  }
}

export interface PackResult extends PackStats {
  out: string;
  problems: CorpusProblem[];
}

/**
 * Packs a corpus folder: one with a `corpus.json` (the format of data/) is parsed one source file
 * at a time; any other is read as users' documents (front matter + paragraphs, as
 * `.un-citations/corpus/`). Writes to a temporary name and renames, so a reader never sees half a pack.
 */
export function packDirectory(dir: string, out = defaultPackPath(dir)): PackResult {
  const root = resolve(dir);
  const target = resolve(out);
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new Error(`${dir} is not a folder`);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  const problems: CorpusProblem[] = [];
  try {
    const packRoot = dirname(target);
    const writer = new PackWriter(new FileSink(fd), (file) => relative(packRoot, isAbsolute(file) ? file : join(root, file)), nativeCrc32());
    if (existsSync(join(root, 'corpus.json'))) {
      // One source at a time: a corpus of half a million paragraphs never sits in memory whole.
      const manifest = manifestFiles(root);
      problems.push(...manifest.problems);
      const sizes = manifest.files.map((f) => {
        try {
          return statSync(resolve(root, f)).size;
        } catch {
          return 0;
        }
      });
      // A corpus that fits is parsed whole (copies get the symbols the compendium's index gives);
      // a larger one one source at a time, so half a million paragraphs never sit in memory at once.
      const batches = sizes.reduce((n, s) => n + s, 0) <= WHOLE_CORPUS_BYTES ? [manifest.files] : manifest.files.map((f) => [f]);
      for (const batch of batches) {
        const sources: SourceFile[] = [];
        for (const file of batch) {
          const source = readCorpusSource(root, file);
          if ('text' in source) sources.push(source);
          else problems.push(source);
        }
        const corpus = buildCorpus(sources);
        problems.push(...corpus.problems);
        for (const d of corpus.documents) writer.addDocument(d);
      }
    } else {
      const user = readUserSources(undefined, [root]);
      problems.push(...user.problems);
      const corpus = buildCorpus(user.sources);
      problems.push(...corpus.problems);
      for (const d of corpus.documents) writer.addDocument(d);
    }
    const stats = writer.finish();
    if (stats.documents === 0) throw new Error(`no documents were found in ${dir}${problems.length ? ` (${problems[0].message})` : ''}; no pack written`);
    closeSync(fd);
    renameSync(temporary, target);
    return { ...stats, out: target, problems };
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    if (existsSync(temporary)) unlinkSync(temporary);
    throw e;
  }
}

/** `corpus/` → `corpus.uncpack` beside it (so `.un-citations/corpus` packs to `.un-citations/corpus.uncpack`). */
export function defaultPackPath(dir: string): string {
  const root = resolve(dir);
  return join(dirname(root), `${basename(root)}${PACK_EXTENSION}`);
}
