// The six-member document the features read (satisfied by vscode-languageserver-textdocument's
// TextDocument), and the per-version cache of each document's citations: scan once per version,
// share the result between hover, diagnostics, links and code actions.

import type { Position, Range } from 'vscode-languageserver-types';
import { type EditHint, type ScanState, scanUpdate } from '../citations/incremental';
import type { Citation, TextRange } from '../citations/model';
import { type Linker } from '../citations/antecedents';
import { type CitationContext, createLinker, resolveCitation } from '../citations/resolver';
import { blockAround } from '../citations/scanner';

export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  getText(range?: Range): string;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function toRange(document: TextDocumentLike, range: TextRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function contains(range: TextRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

interface Entry {
  version: number;
  /** The versions scanned before this one, newest first, each with the span that changed since it. */
  history: { version: number; change: EditHint | undefined }[];
  /** The text scanned, its excluded ranges and citations; the next version rescans only what changed. */
  scan: ScanState;
}

/** How many earlier versions' changes a document remembers (for a consumer that skipped versions). */
const HISTORY = 8;

/** One span for two changes in a row (`b` is in the text `a` made). */
export function compose(a: EditHint, b: EditHint): EditHint {
  const end = Math.max(a.newEnd, b.oldEnd); // in the text between the two edits
  return { start: Math.min(a.start, b.start), oldEnd: end - (a.newEnd - a.oldEnd), newEnd: end + (b.newEnd - b.oldEnd) };
}

/** Citations per document URI for its latest version; closed documents are forgotten. */
export class CitationCache {
  private readonly entries = new Map<string, Entry>();
  /** Edits the editor reported since a document was last scanned: version before → after, and what changed. */
  private readonly edits = new Map<string, { from: number; to: number; hint: EditHint }>();
  /** Documents longer than this are not scanned (unCitations.maxFileSize). */
  maxLength = Number.POSITIVE_INFINITY;

  private readonly linker: Linker;

  constructor(private readonly context: CitationContext) {
    this.linker = createLinker(context);
  }

  get(document: TextDocumentLike): Citation[] {
    return this.current(document)?.scan.linked ?? [];
  }

  /** The entry for the document's current version, rescanned where an edit changed it. */
  private current(document: TextDocumentLike): Entry | undefined {
    const text = document.getText();
    const entry = this.entries.get(document.uri);
    // A reused version number with other text (a misbehaving client) still rescans.
    if (entry && entry.version === document.version && entry.scan.text === text) return entry;
    if (text.length > this.maxLength) {
      this.entries.delete(document.uri);
      return undefined;
    }
    const context = this.context;
    const edit = this.edits.get(document.uri);
    this.edits.delete(document.uri);
    const hint = edit && entry && edit.from === entry.version && edit.to === document.version ? edit.hint : undefined;
    const { state, change: scanned } = scanUpdate(entry?.scan, text, context.aliases, (c) => resolveCitation(context, c), hint);
    // Carried-over references in and after the rescanned blocks are linked again, as far as a change
    // can reach; a link that changed further on widens what changed to its block.
    let change = scanned;
    const relinkedTo = state === entry?.scan ? -1 : state.relink(scanned ? { start: scanned.start, end: scanned.newEnd } : { start: 0, end: text.length }, this.linker);
    if (change && relinkedTo > change.newEnd) {
      const end = blockAround(text, relinkedTo, relinkedTo).end;
      const delta = change.newEnd - change.oldEnd;
      change = { start: change.start, oldEnd: end - delta, newEnd: end };
    }
    const history = entry ? [{ version: entry.version, change }, ...entry.history.slice(0, HISTORY - 1).map((h) => ({ version: h.version, change: change && h.change && compose(h.change, change) }))] : [];
    const fresh: Entry = { version: document.version, scan: state, history };
    this.entries.set(document.uri, fresh);
    return fresh;
  }

  /**
   * What changed in the document since `version` was scanned: the span of whole blocks rescanned, in
   * the old and new text; undefined when that version is not remembered or the text was scanned afresh.
   */
  changeSince(document: TextDocumentLike, version: number): EditHint | undefined {
    const entry = this.current(document);
    if (!entry) return undefined;
    if (entry.version === version) return { start: 0, oldEnd: 0, newEnd: 0 };
    return entry.history.find((h) => h.version === version)?.change;
  }

  /** Where citations cannot be (code, comments, link destinations): the scan's excluded ranges. */
  excluded(document: TextDocumentLike): TextRange[] {
    return this.current(document)?.scan.excluded ?? [];
  }

  /** The excluded ranges overlapping text[start, end): a binary search, not a walk over the document's. */
  excludedBetween(document: TextDocumentLike, start: number, end: number): TextRange[] {
    const excluded = this.excluded(document);
    let lo = 0;
    let hi = excluded.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (excluded[mid].end > start) hi = mid;
      else lo = mid + 1;
    }
    const out: TextRange[] = [];
    for (let i = lo; i < excluded.length && excluded[i].start < end; i++) out.push(excluded[i]);
    return out;
  }

  /** The citations overlapping text[start, end), without moving every citation after an edit. */
  between(document: TextDocumentLike, start: number, end: number): Citation[] {
    return this.current(document)?.scan.between(start, end) ?? [];
  }

  /** The citation under an offset, if any: a binary search, without moving every citation after an edit. */
  at(document: TextDocumentLike, offset: number): Citation | undefined {
    return this.current(document)?.scan.citationAt(offset);
  }

  /**
   * An edit the editor reported (version `from` → `to`): the next scan takes the changed span from it
   * instead of comparing texts. Edits that arrive before a scan are composed into one span.
   */
  noteEdit(uri: string, from: number, to: number, hint: EditHint | undefined): void {
    const known = this.edits.get(uri);
    if (!hint) {
      this.edits.delete(uri); // the whole text replaced: compare texts instead
      return;
    }
    if (!known) {
      this.edits.set(uri, { from, to, hint });
      return;
    }
    if (known.to !== from) {
      this.edits.delete(uri); // a gap: compare texts instead
      return;
    }
    this.edits.set(uri, { from: known.from, to, hint: compose(known.hint, hint) });
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.edits.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}
