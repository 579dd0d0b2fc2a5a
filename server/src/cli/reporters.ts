// How `un-cite check` prints findings: like a compiler (text), as JSON, or as SARIF 2.1.0 for
// code-scanning UIs. Each reporter writes as findings arrive.

import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES } from '../settings';

export type Format = 'text' | 'json' | 'sarif';

export interface Finding {
  file: string;
  diagnostic: Diagnostic;
  /** In a Word draft: the paragraph ("¶12", "footnote 3"), the column in it and its first words. */
  where?: { label: string; paragraph?: number; column: number; endColumn: number; snippet: string };
}

export interface Reporter {
  finding(f: Finding): void;
  /** A file that could not be checked. */
  fileError(file: string, message: string): void;
  end(summary: { files: number; findings: number; errors: number }): void;
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

export function severityName(d: Diagnostic): string {
  return SEVERITY_NAMES[d.severity ?? 1];
}

export function createReporter(format: Format, out: (s: string) => void, err: (s: string) => void, version: string): Reporter {
  if (format === 'json') return jsonReporter(out, err);
  if (format === 'sarif') return sarifReporter(out, err, version);
  return {
    finding: ({ file, diagnostic: d, where }) => out(`${file}:${where ? `${where.label}:${where.column}` : `${d.range.start.line + 1}:${d.range.start.character + 1}`}: ${severityName(d)} ${d.code} ${d.message}\n`),
    fileError: (file, message) => err(`${file}: error: ${message}\n`),
    end: ({ files, findings, errors }) => err(`${files} file${files === 1 ? '' : 's'} checked, ${findings} finding${findings === 1 ? '' : 's'}${errors ? `, ${errors} file error${errors === 1 ? '' : 's'}` : ''}\n`),
  };
}

function jsonReporter(out: (s: string) => void, err: (s: string) => void): Reporter {
  let first = true;
  const errors: { file: string; message: string }[] = [];
  out('{"findings":[');
  return {
    finding: ({ file, diagnostic: d, where }) => {
      const place = where
        ? { paragraph: where.label, column: where.column, endColumn: where.endColumn, snippet: where.snippet }
        : { line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 };
      out(`${first ? '' : ','}\n${JSON.stringify({ file, ...place, severity: severityName(d), code: d.code, message: d.message })}`);
      first = false;
    },
    fileError: (file, message) => {
      errors.push({ file, message });
      err(`${file}: error: ${message}\n`);
    },
    end: (summary) => out(`\n],"errors":${JSON.stringify(errors)},"summary":${JSON.stringify(summary)}}\n`),
  };
}

const SARIF_LEVEL: Record<string, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function sarifReporter(out: (s: string) => void, err: (s: string) => void, version: string): Reporter {
  const rules: ReportingDescriptor[] = DIAGNOSTIC_CODES.map((id) => ({ id, shortDescription: { text: id.replace(/^[a-z]+\./, '').replace(/-/g, ' ') } }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'un-cite', version, informationUri: 'https://example.invalid/un-citations', rules } }, columnKind: 'utf16CodeUnits', results: [] }],
  };
  // Everything before the results array, then results as they come, then the rest.
  const head = JSON.stringify(log).replace(/"results":\[\]\}\]\}$/, '"results":[');
  let first = true;
  const notifications: { message: { text: string }; level: 'error'; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] = [];
  out(head);
  return {
    finding: ({ file, diagnostic: d, where }) => {
      // In a Word draft the region is the paragraph (as a line of the document's text) and its first words.
      const region = where
        ? { ...(where.paragraph ? { startLine: where.paragraph, startColumn: where.column, endColumn: where.endColumn } : {}), snippet: { text: where.snippet } }
        : { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 };
      const result: Result = {
        ruleId: String(d.code),
        ruleIndex: DIAGNOSTIC_CODES.indexOf(d.code as (typeof DIAGNOSTIC_CODES)[number]),
        level: SARIF_LEVEL[severityName(d)],
        message: { text: typeof d.message === 'string' ? d.message : String(d.message) },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file) }, region }, ...(where ? { logicalLocations: [{ name: where.label, kind: 'paragraph' }] } : {}) }],
      };
      out(`${first ? '' : ','}\n${JSON.stringify(result)}`);
      first = false;
    },
    fileError: (file, message) => {
      notifications.push({ message: { text: `${file}: ${message}` }, level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file) } } }] });
      err(`${file}: error: ${message}\n`);
    },
    end: () => out(`\n],"invocations":[{"executionSuccessful":${notifications.length === 0},"toolExecutionNotifications":${JSON.stringify(notifications)}}]}]}\n`),
  };
}

/** A relative path as a SARIF artifact URI ("drafts/note.md"), forward slashes, escaped. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
