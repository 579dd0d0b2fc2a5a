// `un-cite check`: the same scanner, resolver and diagnostics as the editor, over files on disk.

import { relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';
import { WORD, expandInputs, readBytes, readText } from './files';
import type { Finding, Reporter } from './reporters';
import { WordError, type WordText, placeOf, readDocx } from '../word/docx';

export type FailOn = 'error' | 'warning' | 'information' | 'hint' | 'none';
const RANK: Record<Exclude<FailOn, 'none'>, number> = { error: 1, warning: 2, information: 3, hint: 4 };

export interface CheckOptions {
  inputs: string[];
  failOn: FailOn;
  maxFileBytes: number;
  reporter: Reporter;
  /** Problems of users' corpus documents, reported first like any finding. */
  corpusFindings?: Finding[];
  /** Called after each file, for a progress line on a terminal. */
  progress?: (files: number, current: string) => void;
}

/** Returns the exit code: 0 clean, 1 findings at or above --fail-on, 2 file errors. */
export async function runCheck(service: LanguageService, options: CheckOptions): Promise<number> {
  let files = 0;
  let findings = 0;
  let failing = 0;
  let errors = 0;
  for (const f of options.corpusFindings ?? []) {
    findings++;
    if (options.failOn !== 'none' && (f.diagnostic.severity ?? 1) <= RANK[options.failOn]) failing++;
    options.reporter.finding(f);
  }
  for await (const event of expandInputs(options.inputs)) {
    if (event.kind === 'error') {
      errors++;
      options.reporter.fileError(event.path, event.message);
      continue;
    }
    const shown = relative(process.cwd(), event.path) || event.path;
    const draft = await readDraft(event.path, options.maxFileBytes);
    if ('error' in draft) {
      errors++;
      options.reporter.fileError(shown, draft.error);
      continue;
    }
    files++;
    const document = TextDocument.create(`file:///${encodeURI(shown)}`, 'markdown', 1, draft.text);
    for (const diagnostic of service.getDiagnostics(document)) {
      findings++;
      if (options.failOn !== 'none' && (diagnostic.severity ?? 1) <= RANK[options.failOn]) failing++;
      options.reporter.finding({ file: shown, diagnostic, where: draft.word && wordPlace(draft.word, document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)) });
    }
    // Nothing of this file is kept: the next file's text replaces it.
    service.forget(document.uri);
    options.progress?.(files, shown);
  }
  options.reporter.end({ files, findings, errors });
  if (errors) return 2;
  return failing ? 1 : 0;
}

/** A draft's text to check: a Markdown file as it is, a Word document as docx.ts reads it. */
export async function readDraft(path: string, maxBytes: number): Promise<{ text: string; word?: WordText } | { error: string }> {
  if (!WORD.test(path)) {
    const { text, error } = await readText(path, maxBytes);
    return error !== undefined || text === undefined ? { error: error ?? 'unreadable' } : { text };
  }
  const { bytes, error } = await readBytes(path, maxBytes);
  if (error !== undefined || !bytes) return { error: error ?? 'unreadable' };
  try {
    const word = readDocx(bytes);
    return { text: word.text, word };
  } catch (e) {
    if (e instanceof WordError) return { error: e.message };
    throw e;
  }
}

/** "¶12", column 34, and the paragraph's first words, for a finding in a Word draft. */
function wordPlace(word: WordText, start: number, end: number): Finding['where'] {
  const at = placeOf(word, start);
  if (!at) return undefined;
  const words = word.text.slice(at.place.start, at.place.end);
  const snippet = words.length > 80 ? `${words.slice(0, 80).replace(/\s+\S*$/, '')}…` : words;
  return { label: at.place.label, paragraph: at.place.paragraph, column: at.column, endColumn: at.column + (Math.min(end, at.place.end) - start), snippet };
}