// Go to definition: the cited paragraph in data/, selected, in every copy; a whole instrument
// goes to its heading.

import type { LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { SourceRange } from '../corpus/model';
import type { CorpusQueries } from '../corpus/corpus';
import { type CitationCache, type TextDocumentLike, contains, toRange } from './documents';

/** Maps a corpus file name to the URI the client can open. */
export type CorpusUri = (file: string) => string;

export function sourceRange(r: SourceRange): Range {
  return { start: r.start, end: r.end };
}

export class DefinitionProvider {
  constructor(private readonly citations: CitationCache, private readonly corpus: CorpusQueries, private readonly uriOf: CorpusUri) {}

  provideDefinition(document: TextDocumentLike, position: Position): LocationLink[] {
    const offset = document.offsetAt(position);
    const citation = this.citations.at(document, offset);
    if (!citation) return [];
    const item = citation.items.find((i) => contains(i.range, offset));
    const origin = toRange(document, item && citation.items.length > 1 ? item.range : citation.range);
    const members = (item && citation.items.length > 1 ? citation.members.filter((m) => m.item === item) : citation.members).filter((m) => m.target);
    if (members.length === 0) {
      if (citation.status !== 'resolved') return [];
      return citation.documents.map((d) => ({ originSelectionRange: origin, targetUri: this.uriOf(d.origin.file), targetRange: sourceRange(d.origin.heading), targetSelectionRange: sourceRange(d.origin.heading) }));
    }
    return members.flatMap((m) =>
      this.corpus.copiesOf(m.target!).map((copy) => ({
        originSelectionRange: origin,
        targetUri: this.uriOf(copy.paragraph.location.file),
        targetRange: sourceRange(copy.paragraph.location),
        targetSelectionRange: sourceRange(copy.paragraph.location),
      })),
    );
  }
}
