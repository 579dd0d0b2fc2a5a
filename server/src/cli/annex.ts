// `un-cite annex FILE`: the annex of paragraphs a Markdown or Word draft cites, as Markdown, JSON or HTML.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { annexHtml, annexMarkdown } from '../features/annex';
import { provenanceCsv, provenanceMarkdown } from '../features/provenance';
import type { CitationStyle } from '../citations/format';
import type { LanguageService } from '../service';
import { placeOf } from '../word/docx';
import { readDraft } from './check';

export type AnnexFormat = 'md' | 'json' | 'html';

/** Prints the annex; returns the exit code (2 when the draft cannot be read). */
export async function printAnnex(service: LanguageService, path: string, format: AnnexFormat, style: CitationStyle, maxBytes: number, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const draft = await readDraft(path, maxBytes);
  if ('error' in draft) {
    err(`${path}: error: ${draft.error}\n`);
    return 2;
  }
  const document = TextDocument.create(`file:///annex/${encodeURI(path)}`, 'markdown', 1, draft.text);
  const place = placeFor(draft);
  const annex = service.getAnnex(document, style, place);
  service.forget(document.uri);
  if (format === 'json') out(`${JSON.stringify(annex, null, 2)}\n`);
  else if (format === 'html') out(annexHtml(annex));
  else out(`${annexMarkdown(annex)}\n`);
  return 0;
}

export type ProvenanceFormat = 'md' | 'json' | 'csv';

/** `un-cite provenance FILE`: the declaration of reused text, paragraph by paragraph. */
export async function printProvenance(service: LanguageService, path: string, format: ProvenanceFormat, style: CitationStyle, maxBytes: number, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const draft = await readDraft(path, maxBytes);
  if ('error' in draft) {
    err(`${path}: error: ${draft.error}\n`);
    return 2;
  }
  const document = TextDocument.create(`file:///provenance/${encodeURI(path)}`, 'markdown', 1, draft.text);
  const rows = service.getProvenance(document, style, placeFor(draft));
  service.forget(document.uri);
  if (format === 'json') out(`${JSON.stringify(rows, null, 2)}\n`);
  else if (format === 'csv') out(provenanceCsv(rows));
  else out(provenanceMarkdown(rows, `Provenance of reused text: ${path}`));
  return 0;
}

/** Where an offset of a draft is: a line of a Markdown file, a paragraph of a Word document. */
function placeFor(draft: { text: string; word?: import('../word/docx').WordText }) {
  const word = draft.word;
  return word
    ? (offset: number) => {
        const at = placeOf(word, offset);
        const text = at ? word.text.slice(at.place.start, at.place.end) : '';
        return { where: at?.place.label ?? '?', excerpt: text.length > 160 ? `${text.slice(0, 159)}…` : text };
      }
    : undefined;
}
