// Node adapter for the workspace index: walks each workspace folder for Markdown files, reads them
// asynchronously (yielding between files, so requests are answered meanwhile), indexes each with its
// own folder's language service, and follows file-watch events. Files already indexed at the same
// modification time are not read again.

import type * as FsPromises from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_INDEXED_FILES, WorkspaceIndex } from '../features/workspaceIndex';
import type { LanguageService } from '../service';
import { walkFiles } from './walk';

/** Loaded when the first file is read (after start-up): the first diagnostics need no fs/promises. */
const fsPromises = (): typeof FsPromises => require('node:fs/promises');

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MARKDOWN = /\.(md|markdown)$/i;

/** Something that may stop a wait: LSP's CancellationToken has this shape. */
export interface Cancellable {
  readonly isCancellationRequested: boolean;
}

export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private building: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly serviceFor: (uri: string) => LanguageService,
    private readonly maxFileSize: () => number,
  ) {}

  /** Indexes these folders from scratch (in the background); earlier runs stop. */
  setFolders(folderUris: string[]): Promise<void> {
    const generation = ++this.generation;
    for (const uri of this.index.uris()) this.index.remove(uri);
    this.building = this.build(folderUris.filter((u) => u.startsWith('file:')), generation);
    return this.building;
  }

  /** Resolves true once the index is built, false when `token` is cancelled first. */
  async whenReady(token?: Cancellable): Promise<boolean> {
    if (!token) {
      await this.building;
      return true;
    }
    let done = false;
    void this.building.then(() => (done = true));
    while (!done) {
      if (token.isCancellationRequested) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
    return !token.isCancellationRequested;
  }

  /** A watched file was created, changed or deleted. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (!uri.startsWith('file:') || !MARKDOWN.test(uri)) return;
    if (deleted) this.index.remove(uri);
    else await this.indexFile(fileURLToPath(uri));
  }

  private async build(folderUris: string[], generation: number): Promise<void> {
    let count = 0;
    for (const folder of folderUris) {
      const paths = walkFiles(fileURLToPath(folder), { accept: (name) => MARKDOWN.test(name), skip: SKIP, maxDepth: 12, maxFiles: MAX_INDEXED_FILES - count });
      for (const path of paths) {
        if (generation !== this.generation) return; // superseded by a newer set of folders
        await this.indexFile(path);
        if (++count % 16 === 0) await new Promise((r) => setImmediate(r));
      }
    }
  }

  private async indexFile(path: string): Promise<void> {
    try {
      const { readFile, stat } = fsPromises();
      const info = await stat(path);
      const uri = pathToFileURL(path).href;
      if (info.size > this.maxFileSize()) return this.index.remove(uri);
      if (this.index.isCurrent(uri, info.mtimeMs)) return;
      const text = await readFile(path, 'utf8');
      const document = TextDocument.create(uri, 'markdown', 0, text);
      this.index.update(uri, info.mtimeMs, document, this.serviceFor(uri).scan(text));
    } catch {
      // unreadable or gone: nothing to index
    }
  }
}
