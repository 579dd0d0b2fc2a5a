// A markdown-it plugin that turns citations in rendered Markdown into links whose title is the
// cited text, so a reviewer reading the preview sees what the author sees on hover. Used by
// VS Code's built-in Markdown preview (markdown.markdownItPlugins); markdown-it's rendering is
// synchronous, so it uses the pure core directly rather than asking the server.
//
// Each inline block is scanned once, as one text (soft line breaks kept as line breaks), so a
// citation broken over two lines reads as it does in the editor; code, links and other markup in
// between stop a citation, as they do in the editor.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { paragraphTitle } from '../citations/format';
import type { Citation } from '../citations/model';
import { compendiumLabel } from '../corpus/corpus';
import type { CorpusDocument, Paragraph } from '../corpus/model';
import { describeCitation } from '../features/describe';

/** Longest tooltip text; browsers show very long titles badly. */
const TITLE_LIMIT = 1500;
/** Stands for markup that is not text (code, images, emphasis marks): no citation runs across it. */
const BARRIER = '\u0000';

export interface PreviewOptions {
  /** The citations of a text, from the workspace's language service; undefined when the preview is off. */
  scan: () => ((text: string) => Citation[]) | undefined;
  /** Link target for a corpus file and line. */
  linkTo: (file: string, line: number) => string;
}

interface Part {
  token: Token;
  start: number;
  end: number;
  kind: 'text' | 'break' | 'other';
}

export function citationPreviewPlugin(md: MarkdownIt, options: PreviewOptions): void {
  md.core.ruler.push('un_citations', (state: StateCore) => {
    const scan = options.scan();
    if (!scan) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const parts: Part[] = [];
      let joined = '';
      let insideLink = 0;
      for (const token of block.children) {
        if (token.type === 'link_open') insideLink++;
        if (token.type === 'link_close') insideLink--;
        const kind = insideLink > 0 ? 'other' : token.type === 'text' ? 'text' : token.type === 'softbreak' ? 'break' : 'other';
        const content = kind === 'text' ? token.content : kind === 'break' ? '\n' : BARRIER;
        parts.push({ token, start: joined.length, end: joined.length + content.length, kind });
        joined += content;
      }
      const citations = scan(joined).filter((c) => !joined.slice(c.range.start, c.range.end).includes(BARRIER));
      if (citations.length) block.children = linkify(state.Token, parts, citations, options);
    }
  });
}

/** The block's tokens with each citation wrapped in a link (or a span for a broken one), split where it starts and ends. */
function linkify(TokenClass: StateCore['Token'], parts: Part[], citations: Citation[], options: PreviewOptions): Token[] {
  const out: Token[] = [];
  const text = (content: string) => {
    const t = new TokenClass('text', '', 0);
    t.content = content;
    return t;
  };
  let k = 0;
  for (const part of parts) {
    if (part.kind !== 'text') {
      out.push(part.token);
      continue;
    }
    let pos = part.start;
    const content = part.token.content;
    while (pos < part.end) {
      const c = citations[k];
      if (!c || c.range.start >= part.end) {
        out.push(text(content.slice(pos - part.start)));
        break;
      }
      if (c.range.start > pos) {
        out.push(text(content.slice(pos - part.start, c.range.start - part.start)));
        pos = c.range.start;
      }
      if (pos === c.range.start) out.push(...open(TokenClass, c, options));
      const end = Math.min(c.range.end, part.end);
      out.push(text(content.slice(pos - part.start, end - part.start)));
      pos = end;
      if (pos === c.range.end) {
        out.push(close(TokenClass, c));
        k++;
      }
    }
  }
  return out;
}

function open(TokenClass: StateCore['Token'], c: Citation, options: PreviewOptions): Token[] {
  if (c.status === 'resolved' && c.documents.length) {
    const target = c.members.find((m) => m.target)?.target;
    const location = target ? target.paragraph.location : c.documents[0].origin.heading;
    const t = new TokenClass('link_open', 'a', 1);
    t.attrSet('href', options.linkTo(location.file, location.start.line + 1));
    t.attrSet('class', 'un-citation');
    t.attrSet('title', tooltip(c));
    return [t];
  }
  if (c.status === 'out-of-corpus') return [];
  const t = new TokenClass('span_open', 'span', 1);
  t.attrSet('class', 'un-citation-broken');
  t.attrSet('title', describeCitation(c) ?? c.status);
  return [t];
}

function close(TokenClass: StateCore['Token'], c: Citation): Token {
  if (c.status === 'resolved' && c.documents.length) return new TokenClass('link_close', 'a', -1);
  if (c.status === 'out-of-corpus') return new TokenClass('text', '', 0);
  return new TokenClass('span_close', 'span', -1);
}

function tooltip(c: Citation): string {
  const parts = c.members.length
    ? c.members.filter((m) => m.target).map(({ target }) => `${paragraphName(target!.document, target!.paragraph)}: ${target!.paragraph.text}`)
    : [`${c.documents[0].name} — ${c.documents[0].title}`];
  const joined = parts.join('\n\n');
  return joined.length > TITLE_LIMIT ? `${joined.slice(0, TITLE_LIMIT - 1)}…` : joined;
}

/** "Resolution 5/3, paragraph 9 (Part B V.9)", "Recommendation 14 (VII.14)": with no heading above it, the compendium label says where. */
function paragraphName(d: CorpusDocument, p: Paragraph): string {
  const label = compendiumLabel(d, p);
  return label ? `${paragraphTitle(d, p)} (${label})` : paragraphTitle(d, p);
}
