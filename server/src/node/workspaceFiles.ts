// Node adapter: the Markdown files of the workspace folders, for find-references across files
// that are not open. Bounded in count and size; never follows a symlink out of its folder.

import { readFileSync, statSync } from 'node:fs';
import { walkFiles } from './walk';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface WorkspaceScanLimits {
  maxFiles: number;
  maxFileSize: number;
}

export function markdownFilesIn(folderUris: string[], limits: WorkspaceScanLimits): TextDocument[] {
  const docs: TextDocument[] = [];
  for (const uri of folderUris) {
    if (!uri.startsWith('file:')) continue;
    const files = walkFiles(fileURLToPath(uri), { accept: (name) => /\.(md|markdown)$/i.test(name), skip: SKIP, maxDepth: 12, maxFiles: limits.maxFiles - docs.length });
    for (const path of files) {
      try {
        if (statSync(path).size > limits.maxFileSize) continue;
        docs.push(TextDocument.create(pathToFileURL(path).href, 'markdown', 0, readFileSync(path, 'utf8')));
      } catch {
        // unreadable: skipped
      }
    }
  }
  return docs;
}
