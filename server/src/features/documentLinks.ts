// Document links: every resolved citation links to its paragraph in the source text.

import type { DocumentLink } from 'vscode-languageserver-types';
import { paragraphTitle } from '../citations/format';
import { compendiumLabel } from '../corpus/corpus';
import type { CorpusUri } from './definition';
import { type CitationCache, type TextDocumentLike, toRange } from './documents';

export class DocumentLinkProvider {
  constructor(private readonly citations: CitationCache, private readonly uriOf: CorpusUri) {}

  provideDocumentLinks(document: TextDocumentLike): DocumentLink[] {
    const links: DocumentLink[] = [];
    for (const c of this.citations.get(document)) {
      if (c.status !== 'resolved' || c.documents.length === 0) continue;
      const first = c.members.find((m) => m.target)?.target;
      const location = first ? first.paragraph.location : c.documents[0].origin.heading;
      const label = first && compendiumLabel(first.document, first.paragraph);
      const name = first ? `${paragraphTitle(first.document, first.paragraph)}${label ? ` (${label})` : ''}` : c.documents[0].name;
      links.push({ range: toRange(document, c.range), target: `${this.uriOf(location.file)}#L${location.start.line + 1}`, tooltip: `Open ${name} in the source text` });
    }
    return links;
  }
}
