// The preview's entry point for the VS Code client: a markdown-it plugin over the same language
// service the server builds for a workspace folder (the built-in corpus plus the folder's own
// documents), built on first use and rebuilt when `invalidate` is called (a corpus file changed).

import type { MarkdownIt } from 'markdown-it';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkspaceService } from '../node/corpora';
import { readCorpusSources } from '../node/corpusFiles';
import type { LanguageService } from '../service';
import { citationPreviewPlugin } from './markdownItPlugin';

export interface PreviewWorkspace {
  /** The folder whose .un-citations/corpus/ and corpus paths the preview reads (undefined: none). */
  folder: () => string | undefined;
  corpusPaths: () => string[];
}

export interface PreviewPlugin {
  (md: MarkdownIt): MarkdownIt;
  /** Drops the service: the next render builds it again (after a corpus document changed). */
  invalidate(): void;
}

export function createPreviewPlugin(dataDir: string, enabled: () => boolean, workspace: PreviewWorkspace = { folder: () => undefined, corpusPaths: () => [] }): PreviewPlugin {
  let service: LanguageService | undefined;
  const plugin = ((md: MarkdownIt) => {
    md.use(citationPreviewPlugin, {
      scan: () => {
        if (!enabled()) return undefined;
        service ??= createWorkspaceService(dataDir, readCorpusSources(dataDir), workspace.folder(), workspace.corpusPaths());
        const s = service;
        return (text: string) => s.scan(text);
      },
      linkTo: (file: string, line: number) => `${pathToFileURL(isAbsolute(file) ? file : join(dataDir, file)).href}#L${line}`,
    });
    return md;
  }) as PreviewPlugin;
  plugin.invalidate = () => {
    service = undefined;
  };
  return plugin;
}
