// The preview's entry point for the VS Code client: a markdown-it plugin over the built-in corpus.

import type { MarkdownIt } from 'markdown-it';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { type CitationContext, createCitationContext } from '../citations/resolver';
import { loadCorpus } from '../node/corpusFiles';
import { citationPreviewPlugin } from './markdownItPlugin';

export function createPreviewPlugin(dataDir: string, enabled: () => boolean): (md: MarkdownIt) => MarkdownIt {
  let context: CitationContext | undefined;
  return (md) => {
    md.use(citationPreviewPlugin, {
      context: () => {
        if (!enabled()) return undefined;
        context ??= createCitationContext(loadCorpus(dataDir));
        return context;
      },
      linkTo: (file: string, line: number) => `${pathToFileURL(join(dataDir, file)).href}#L${line}`,
    });
    return md;
  };
}
