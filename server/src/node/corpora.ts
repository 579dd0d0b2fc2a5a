// One language service per workspace folder: the built-in corpus plus that folder's own documents
// (.un-citations/corpus/ and configured paths). Built lazily, rebuilt when a corpus file changes.

import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ParsedSources, type SourceFile, concatParsed, linkCorpus, parseSources } from '../corpus/corpus';
import type { SavedReuseIndex } from '../agreed/reuse';
import type { CorpusProblem } from '../corpus/model';
import { PACK_EXTENSION } from '../corpus/packFormat';
import { type LanguageService, createLanguageService } from '../service';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { readCorpusSources } from './corpusFiles';
import { readBuiltinCorpus } from './corpusSnapshot';
import { USER_CORPUS_DIR, readUserSources } from './userCorpus';
import { packsIn } from './packFiles';

/** Where a workspace folder's corpus packs sit: `.un-citations/*.uncpack`. */
export const USER_PACK_DIR = '.un-citations';

const NO_FOLDER = '';

/**
 * A language service over the built-in corpus plus a folder's own documents and configured paths:
 * the one recipe the server (per workspace folder) and the command line (the current folder) share.
 */
export function createWorkspaceService(
  dataDir: string,
  builtin: BuiltinSources,
  folder: string | undefined,
  paths: string[],
  overrides: Map<string, string> = new Map(),
): LanguageService {
  const user = readUserSources(folder, paths, overrides);
  // Corpus packs (`un-cite pack`): *.uncpack beside corpus.json, and in the folder's .un-citations/.
  const builtinPacks = packsIn(dataDir);
  const userPacks = folder ? packsIn(join(folder, USER_PACK_DIR)) : { packs: [], problems: [] };
  const packs = [...builtinPacks.packs, ...userPacks.packs];
  // The built-in sources' parse may come from the build-time snapshot; users' are parsed after them.
  const parsed = builtin.parsed?.() ?? parseSources(builtin.sources);
  const corpus = linkCorpus(user.sources.length ? concatParsed(parsed, parseSources(user.sources)) : parsed, packs);
  const builtinAlone = !user.sources.length && !packs.length;
  // A corpus folder may hold packs and no corpus.json.
  const builtinProblems = builtinPacks.packs.length ? builtin.problems.filter((p) => p.code !== 'missing-manifest') : builtin.problems;
  corpus.problems.unshift(...builtinProblems, ...builtinPacks.problems, ...user.problems, ...userPacks.problems);
  // Built-in files are named relative to data/; users' files by their path.
  return createLanguageService({ corpus, corpusUri: (file) => pathToFileURL(isAbsolute(file) ? file : join(dataDir, file)).href, reuseIndex: builtinAlone ? builtin.reuseIndex : undefined });
}

/** The built-in corpus's sources, and optionally their parse and reuse index from the build-time snapshot. */
export interface BuiltinSources {
  sources: SourceFile[];
  problems: CorpusProblem[];
  /** The sources parsed (fresh objects every call); absent: parse them. */
  parsed?: () => ParsedSources;
  /** The uncited-reuse index of the built-in corpus alone, saved for the default minimum of words. */
  reuseIndex?: SavedReuseIndex;
}

export class Corpora {
  /** Read on first use, not when the server is created. */
  private builtinValue: (BuiltinSources & { snapshot: string }) | undefined;
  private readonly services = new Map<string, LanguageService>();
  /** Text of corpus files open in the editor, by path: it wins over the disk. */
  readonly overrides = new Map<string, string>();
  private folders: string[] = [];
  private settingsValue: Settings = DEFAULT_SETTINGS;

  /** `snapshotPath`: the build-time corpus snapshot (dist/corpus.snapshot), taken when valid for `dataDir`'s sources. */
  constructor(
    private readonly dataDir: string,
    private readonly snapshotPath?: string,
  ) {}

  private get builtin(): BuiltinSources & { snapshot: string } {
    return (this.builtinValue ??= this.snapshotPath ? readBuiltinCorpus(this.dataDir, this.snapshotPath) : { ...readCorpusSources(this.dataDir), snapshot: 'none' });
  }

  /** "used", or why the built-in corpus was not taken from the snapshot (for the log); "none" without one. */
  get snapshot(): string {
    return this.builtin.snapshot;
  }

  setFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    this.services.clear();
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  set settings(value: Settings) {
    const pathsChanged = JSON.stringify(value.corpus.paths) !== JSON.stringify(this.settingsValue.corpus.paths);
    this.settingsValue = value;
    if (pathsChanged) this.services.clear();
    for (const s of this.services.values()) s.settings = value;
  }

  /** The folder a document belongs to (the innermost), or none. */
  folderOf(uri: string): string {
    if (!uri.startsWith('file:')) return NO_FOLDER;
    const path = fileURLToPath(uri);
    const matches = this.folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
    return matches.sort((a, b) => b.length - a.length)[0] ?? NO_FOLDER;
  }

  serviceFor(uri: string): LanguageService {
    return this.serviceOfFolder(this.folderOf(uri));
  }

  serviceOfFolder(folder: string): LanguageService {
    let service = this.services.get(folder);
    if (!service) {
      service = createWorkspaceService(this.dataDir, this.builtin, folder || undefined, this.settingsValue.corpus.paths, this.overrides);
      service.settings = this.settingsValue;
      this.services.set(folder, service);
    }
    return service;
  }

  /** True for a file that is (or would be) one of a folder's corpus documents. */
  isCorpusFile(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    if (path.includes(`${sep}${USER_CORPUS_DIR}${sep}`)) return true;
    const folder = this.folderOf(uri);
    return this.settingsValue.corpus.paths.some((p) => {
      const abs = isAbsolute(p) ? p : join(folder || process.cwd(), p);
      const r = relative(abs, path);
      return r === '' || (!r.startsWith('..') && !isAbsolute(r));
    });
  }

  /** True for a corpus pack the server reads: `*.uncpack` in a folder's .un-citations/ or in the corpus folder. */
  isCorpusPack(uri: string): boolean {
    if (!uri.startsWith('file:') || !uri.endsWith(PACK_EXTENSION)) return false;
    const dir = dirname(fileURLToPath(uri));
    return basename(dir) === USER_PACK_DIR || resolve(dir) === resolve(this.dataDir);
  }

  /** A corpus file changed: the services that may use it are rebuilt on next use. */
  invalidate(uri: string): string[] {
    const folder = this.folderOf(uri);
    // A configured path outside every folder may serve any folder: rebuild all.
    const affected = folder === NO_FOLDER || !this.folders.length ? [...this.services.keys()] : [folder];
    if (this.settingsValue.corpus.paths.length) affected.push(...this.services.keys());
    for (const f of new Set(affected)) this.services.delete(f);
    return [...new Set(affected)];
  }

  /** Problems the folder's corpus has with one file (its path), for diagnostics in that file. */
  problemsOf(uri: string): CorpusProblem[] {
    const path = fileURLToPath(uri);
    return this.serviceFor(uri).corpus.problems.filter((p) => p.file === path);
  }

  /** Every problem of every folder's corpus, for the status message. */
  summaryProblems(): string[] {
    return this.serviceOfFolder(this.folders[0] ?? NO_FOLDER).summary().problems;
  }

  get folderPaths(): string[] {
    return this.folders;
  }
}
