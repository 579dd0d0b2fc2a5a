// Find references: every citation, in the given documents, of the paragraph (or instrument)
// under the cursor. Copies of one instrument count as the same paragraph.

import type { Location, Position } from 'vscode-languageserver-types';
import type { Citation } from '../citations/model';
import { type CitationCache, type TextDocumentLike, contains, toRange } from './documents';

export class ReferencesProvider {
  constructor(private readonly citations: CitationCache) {}

  provideReferences(document: TextDocumentLike, position: Position, documents: Iterable<TextDocumentLike>): Location[] {
    const offset = document.offsetAt(position);
    const citation = this.citations.at(document, offset);
    if (!citation || citation.documents.length === 0) return [];
    const item = citation.items.find((i) => contains(i.range, offset));
    const wanted = new Set(keysOf(citation, item ? citation.members.filter((m) => m.item === item) : citation.members));
    const out: Location[] = [];
    for (const doc of documents) {
      for (const c of this.citations.get(doc)) {
        if (keysOf(c, c.members).some((k) => wanted.has(k))) out.push({ uri: doc.uri, range: toRange(doc, c.range) });
      }
    }
    return out;
  }
}

/** "resolution-5-3#9" per cited paragraph; "resolution-5-3" for a whole instrument. */
function keysOf(c: Citation, members: Citation['members']): string[] {
  const instrument = c.documents[0]?.instrumentId;
  if (!instrument) return [];
  if (c.members.length === 0) return [instrument];
  return members.filter((m) => m.target).map((m) => `${m.target!.document.instrumentId}#${m.target!.paragraph.key}`);
}
