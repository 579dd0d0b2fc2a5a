// Node adapter: the Markdown files of the workspace folders, for find-references across files
// that are not open. Bounded in count and size; never follows symlinks out of a folder.

import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface WorkspaceScanLimits {
  maxFiles: number;
  maxFileSize: number;
}

export function markdownFilesIn(folderUris: string[], limits: WorkspaceScanLimits): TextDocument[] {
  const docs: TextDocument[] = [];
  const visit = (dir: string, depth: number) => {
    if (docs.length >= limits.maxFiles || depth > 12) return;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      if (docs.length >= limits.maxFiles) return;
      if (SKIP.has(name)) continue;
      const path = join(dir, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue;
      }
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) visit(path, depth + 1);
      else if (/\.(md|markdown)$/i.test(name) && stat.size <= limits.maxFileSize) {
        try {
          docs.push(TextDocument.create(pathToFileURL(path).href, 'markdown', 0, readFileSync(path, 'utf8')));
        } catch {
          // unreadable: skipped
        }
      }
    }
  };
  for (const uri of folderUris) {
    if (!uri.startsWith('file:')) continue;
    visit(fileURLToPath(uri), 0);
  }
  return docs;
}
