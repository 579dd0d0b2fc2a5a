// Find references: every citation of the paragraph (or instrument) under the cursor, in the open
// documents (read live) and in the workspace index (files not open). Copies of one instrument count
// as the same paragraph.

import type { Location, Position } from 'vscode-languageserver-types';
import { type CitationCache, type TextDocumentLike, contains, toRange } from './documents';
import { type WorkspaceIndex, citationKeys } from './workspaceIndex';

export class ReferencesProvider {
  constructor(private readonly citations: CitationCache) {}

  provideReferences(document: TextDocumentLike, position: Position, openDocuments: Iterable<TextDocumentLike>, index?: WorkspaceIndex): Location[] {
    const offset = document.offsetAt(position);
    const citation = this.citations.at(document, offset);
    if (!citation || citation.documents.length === 0) return [];
    const item = citation.items.find((i) => contains(i.range, offset));
    const wanted = new Set(citationKeys(citation, item ? citation.members.filter((m) => m.item === item) : citation.members));
    const out: Location[] = [];
    const open = new Set<string>();
    for (const doc of openDocuments) {
      open.add(doc.uri);
      for (const c of this.citations.get(doc)) {
        if (citationKeys(c).some((k) => wanted.has(k))) out.push({ uri: doc.uri, range: toRange(doc, c.range) });
      }
    }
    if (index) out.push(...index.find(wanted, open));
    return out;
  }
}
