// How the server keeps open documents: as vscode-languageserver-textdocument does, and noting each
// incremental change's span (offsets in the text it replaced), so the rescan takes the changed part
// from the editor instead of comparing megabytes of text.

import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditHint } from './citations/incremental';

/** Told of every change: version `from` → `to`, with its span, or without one when the whole text was replaced. */
export type EditListener = (uri: string, from: number, to: number, hint: EditHint | undefined) => void;

export function trackedDocuments(onEdit: EditListener): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update: (document, changes, version) => {
      // TextDocument.update changes the document in place: read what the edit replaced first.
      for (const change of changes) {
        const before = document.version;
        const hint = spanOf(document, change);
        document = TextDocument.update(document, [change], version);
        onEdit(document.uri, before, version, hint);
      }
      return document;
    },
  };
}

function spanOf(document: TextDocument, change: TextDocumentContentChangeEvent): EditHint | undefined {
  if (!('range' in change)) return undefined;
  let start = document.offsetAt(change.range.start);
  let oldEnd = document.offsetAt(change.range.end);
  if (oldEnd < start) [start, oldEnd] = [oldEnd, start]; // a reversed range, as TextDocument takes it
  return { start, oldEnd, newEnd: start + change.text.length };
}
