// A markdown-it plugin that turns citations in rendered Markdown into links whose title is the
// cited text, so a reviewer reading the preview sees what the author sees on hover. Used by
// VS Code's built-in Markdown preview (markdown.markdownItPlugins); markdown-it's rendering is
// synchronous, so it uses the pure core directly rather than asking the server.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Citation } from '../citations/model';
import { type CitationContext, findCitations } from '../citations/resolver';

/** Longest tooltip text; browsers show very long titles badly. */
const TITLE_LIMIT = 1500;

export interface PreviewOptions {
  /** Built on first use (the corpus is parsed only when a preview needs it). */
  context: () => CitationContext | undefined;
  /** Link target for a corpus file and line. */
  linkTo: (file: string, line: number) => string;
}

export function citationPreviewPlugin(md: MarkdownIt, options: PreviewOptions): void {
  md.core.ruler.push('un_citations', (state: StateCore) => {
    const context = options.context();
    if (!context) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let insideLink = 0;
      const out: Token[] = [];
      for (const token of block.children) {
        if (token.type === 'link_open') insideLink++;
        if (token.type === 'link_close') insideLink--;
        if (token.type !== 'text' || insideLink > 0 || !token.content) {
          out.push(token);
          continue;
        }
        out.push(...linkify(state.Token, token, findCitations(context, token.content), options));
      }
      block.children = out;
    }
  });
}

function linkify(TokenClass: StateCore['Token'], token: Token, citations: Citation[], options: PreviewOptions): Token[] {
  if (citations.length === 0) return [token];
  const out: Token[] = [];
  const text = (content: string) => {
    const t = new TokenClass('text', '', 0);
    t.content = content;
    return t;
  };
  let last = 0;
  for (const c of citations) {
    if (c.range.start > last) out.push(text(token.content.slice(last, c.range.start)));
    const target = c.members.find((m) => m.target)?.target;
    if (c.status === 'resolved' && c.documents.length) {
      const open = new TokenClass('link_open', 'a', 1);
      const location = target ? target.paragraph.location : c.documents[0].origin.heading;
      open.attrSet('href', options.linkTo(location.file, location.start.line + 1));
      open.attrSet('class', 'un-citation');
      open.attrSet('title', tooltip(c));
      out.push(open, text(c.text), new TokenClass('link_close', 'a', -1));
    } else if (c.status !== 'out-of-corpus') {
      const open = new TokenClass('span_open', 'span', 1);
      open.attrSet('class', 'un-citation-broken');
      open.attrSet('title', c.message ?? c.status);
      out.push(open, text(c.text), new TokenClass('span_close', 'span', -1));
    } else {
      out.push(text(c.text));
    }
    last = c.range.end;
  }
  if (last < token.content.length) out.push(text(token.content.slice(last)));
  return out;
}

function tooltip(c: Citation): string {
  const parts = c.members.length
    ? c.members.filter((m) => m.target).map((m) => `${m.target!.document.name}, ${m.target!.paragraph.label}: ${m.target!.paragraph.text}`)
    : [`${c.documents[0].name} — ${c.documents[0].title}`];
  const joined = parts.join('\n\n');
  return joined.length > TITLE_LIMIT ? `${joined.slice(0, TITLE_LIMIT - 1)}…` : joined;
}
