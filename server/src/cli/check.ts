// `un-cite check`: the same scanner, resolver and diagnostics as the editor, over files on disk.

import { relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service';
import { expandInputs, readText } from './files';
import type { Finding, Reporter } from './reporters';

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
    const { text, error } = await readText(event.path, options.maxFileBytes);
    if (error !== undefined || text === undefined) {
      errors++;
      options.reporter.fileError(shown, error ?? 'unreadable');
      continue;
    }
    files++;
    const document = TextDocument.create(`file:///${encodeURI(shown)}`, 'markdown', 1, text);
    for (const diagnostic of service.getDiagnostics(document)) {
      findings++;
      if (options.failOn !== 'none' && (diagnostic.severity ?? 1) <= RANK[options.failOn]) failing++;
      options.reporter.finding({ file: shown, diagnostic });
    }
    // Nothing of this file is kept: the next file's text replaces it.
    service.forget(document.uri);
    options.progress?.(files, shown);
  }
  options.reporter.end({ files, findings, errors });
  if (errors) return 2;
  return failing ? 1 : 0;
}
