// Workspace symbols: search the corpus by words ("smuggled migrants sea") from the editor's symbol picker.

import type { SymbolInformation } from 'vscode-languageserver-types';
import { formatCitation } from '../citations/format';
import type { Settings } from '../settings';
import { sourceRange, type CorpusUri } from './definition';
import { firstWords } from './markdown';
import type { ParagraphSearch } from './search';

const KIND_STRING = 15;

export class WorkspaceSymbolProvider {
  constructor(private readonly search: ParagraphSearch, private readonly uriOf: CorpusUri) {}

  provideWorkspaceSymbols(query: string, settings: Settings): SymbolInformation[] {
    return this.search.search(query, 50).map(({ ref: { document: d, paragraph: p } }) => ({
      name: `${formatCitation(d, p, settings.citationStyle)} — ${firstWords(p.text, 8)}`,
      kind: KIND_STRING,
      location: { uri: this.uriOf(p.location.file), range: sourceRange(p.location) },
      containerName: d.name,
    }));
  }
}
