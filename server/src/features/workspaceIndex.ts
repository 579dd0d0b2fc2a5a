// The workspace index, in the manner of vscode-markdown-languageservice's IWorkspace and its per-file
// caches: for every Markdown file of a folder that is not open, the keys of the paragraphs it cites
// and where. It holds keys and ranges, never documents, so memory stays bounded by what is cited.
// Files are fed in by an adapter (server/src/node/workspaceIndexer.ts) that reads the disk lazily and
// follows file-watch events; references and workspace-wide features read it.

import type { Location, Range } from 'vscode-languageserver-types';
import type { Citation } from '../citations/model';
import { paragraphId } from '../corpus/corpus';
import type { TextDocumentLike } from './documents';

/** "resolution-5-3#9" per cited paragraph; "resolution-5-3" for a whole instrument. */
export function citationKeys(c: Citation, members: Citation['members'] = c.members): string[] {
  const instrument = c.documents[0]?.instrumentId;
  if (!instrument) return [];
  if (c.members.length === 0) return [instrument];
  return members.filter((m) => m.target).map((m) => paragraphId(m.target!));
}

interface FileEntry {
  /** File version as the adapter knows it (modification time): unchanged files are not read again. */
  stamp: number;
  /** Citation key → ranges citing it. */
  keys: Map<string, Range[]>;
}

/** Most files kept; a workspace with more is indexed up to this many (a message says so). */
export const MAX_INDEXED_FILES = 20_000;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();

  /** Indexes one file's text with the citations its folder's service found. */
  update(uri: string, stamp: number, document: TextDocumentLike, citations: Citation[]): void {
    if (!this.files.has(uri) && this.files.size >= MAX_INDEXED_FILES) return;
    const keys = new Map<string, Range[]>();
    for (const c of citations) {
      for (const key of new Set(citationKeys(c))) {
        let ranges = keys.get(key);
        if (!ranges) keys.set(key, (ranges = []));
        ranges.push({ start: document.positionAt(c.range.start), end: document.positionAt(c.range.end) });
      }
    }
    this.files.set(uri, { stamp, keys });
  }

  /** Whether `uri` is indexed at `stamp` already. */
  isCurrent(uri: string, stamp: number): boolean {
    return this.files.get(uri)?.stamp === stamp;
  }

  remove(uri: string): void {
    this.files.delete(uri);
  }

  /** Every file under a folder prefix is dropped (a folder removed from the workspace). */
  removeUnder(prefix: string): void {
    for (const uri of [...this.files.keys()]) if (uri.startsWith(prefix)) this.files.delete(uri);
  }

  /** Citations of any of `keys` in indexed files, except those in `skip` (open documents, answered from their live text). */
  find(keys: Set<string>, skip: Set<string>): Location[] {
    const out: Location[] = [];
    for (const [uri, entry] of this.files) {
      if (skip.has(uri)) continue;
      const seen = new Set<Range>();
      for (const key of keys) for (const range of entry.keys.get(key) ?? []) if (!seen.has(range)) (seen.add(range), out.push({ uri, range }));
    }
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  }

  get size(): number {
    return this.files.size;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }
}
