// Which open documents are drafts to check. Editors name Markdown in many ways — VS Code sends
// "markdown", Emacs's markdown-mode sends its mode name ("gfm", "markdown"), Quarto, MDX and
// R Markdown have their own ids, and some clients send none — so the language id and the file name
// both decide. Plain text stays opt-in (unCitations.plainText).

const MARKDOWN_IDS = new Set(['markdown', 'gfm', 'markdown-mode', 'gfm-mode', 'quarto', 'qmd', 'mdx', 'rmd', 'rmarkdown', 'pandoc', 'vimwiki', 'md']);
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkd|mkdn|qmd|mdx|rmd)$/i;
const PLAIN_IDS = new Set(['plaintext', 'text', 'text-mode', 'txt']);

export function isDraft(languageId: string, uri: string, plainText: boolean): boolean {
  const id = languageId.toLowerCase();
  if (MARKDOWN_IDS.has(id) || MARKDOWN_FILE.test(uri.split(/[?#]/)[0])) return true;
  return plainText && (PLAIN_IDS.has(id) || /\.txt$/i.test(uri));
}
