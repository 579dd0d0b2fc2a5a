// Builds hover Markdown from corpus and document text without letting that text inject links,
// images, HTML or commands: every character with a meaning in Markdown is escaped.

const SPECIAL = /[\\`*_{}[\]()#+\-.!<>|~&:"']/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** A block quote of plain text, each line escaped. */
export function quote(text: string): string {
  return text.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n');
}

/** First words of a text, for details and titles. */
export function firstWords(text: string, words = 12): string {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(' ')}…`;
}
