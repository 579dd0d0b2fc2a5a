// Word drafts: the text of a .docx (a zip of WordprocessingML parts) as the checker reads it.
// Body paragraphs (tables included) in order, one per block; footnotes and endnotes after them as
// Markdown footnotes, so "…"[^3] attributes a quotation as in a Markdown draft. Tracked insertions
// are read and deletions are not; comments and field codes are not text. fflate reads the zip and
// saxes the XML: nothing here parses either by hand. Pure: bytes in, text and places out.

import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** Where a piece of the extracted text came from: "¶12" (a body paragraph as Word counts them) or "footnote 3". */
export interface WordPlace {
  label: string;
  /** Body paragraph number (1-based), or undefined for footnotes and endnotes. */
  paragraph?: number;
  /** Offsets of the place's text in `text`. */
  start: number;
  end: number;
}

export interface WordText {
  text: string;
  places: WordPlace[];
}

export class WordError extends Error {}

/** Largest part read, uncompressed: a guard against zip bombs. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

export function readDocx(bytes: Uint8Array): WordText {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new WordError('an encrypted Word document or an old .doc file (an OLE compound file): save it as .docx without a password');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WordError('not a Word document: a .docx file is a zip package, and this is not one');
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!PARTS.includes(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw new WordError(`${file.name} would unpack to ${file.originalSize.toLocaleString('en')} bytes: refused`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof WordError) throw e;
    throw new WordError(`a damaged zip package (${(e as Error).message})`);
  }
  const document = parts['word/document.xml'];
  if (!document) throw new WordError('a zip package without word/document.xml: not a Word document');
  const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
  const body = paragraphsOf(decode(document), 'body');
  const notes = new Map<string, string>();
  for (const [part, kind] of [['word/footnotes.xml', 'footnote'], ['word/endnotes.xml', 'endnote']] as const) {
    if (parts[part]) for (const n of paragraphsOf(decode(parts[part]), kind)) notes.set(`${kind}:${n.noteId}`, [notes.get(`${kind}:${n.noteId}`), n.text].filter(Boolean).join(' '));
  }
  // Notes are numbered as Word shows them: in the order the body first refers to them, per kind.
  const numbers = new Map<string, number>();
  const counters = { footnote: 0, endnote: 0 };
  const marker = (kind: 'footnote' | 'endnote', id: string) => {
    const key = `${kind}:${id}`;
    if (!numbers.has(key)) numbers.set(key, ++counters[kind]);
    return `[^${kind === 'endnote' ? 'e' : ''}${numbers.get(key)}]`;
  };
  let text = '';
  const places: WordPlace[] = [];
  body.forEach((p, i) => {
    const content = p.pieces.map((piece) => (typeof piece === 'string' ? piece : marker(piece.kind, piece.id))).join('');
    places.push({ label: `¶${i + 1}`, paragraph: i + 1, start: text.length, end: text.length + content.length });
    text += `${content}\n\n`;
  });
  const kindOrder = (key: string) => (key.startsWith('footnote') ? 0 : 1);
  for (const [key, n] of [...numbers].sort((a, b) => kindOrder(a[0]) - kindOrder(b[0]) || a[1] - b[1])) {
    const [kind] = key.split(':') as ['footnote' | 'endnote'];
    const head = `[^${kind === 'endnote' ? 'e' : ''}${n}]: `;
    const content = (notes.get(key) ?? '').trimStart();
    places.push({ label: `${kind} ${n}`, start: text.length + head.length, end: text.length + head.length + content.length });
    text += `${head}${content}\n\n`;
  }
  return { text, places };
}

/** The place holding an offset of the extracted text, and the column (1-based) in it. */
export function placeOf(word: WordText, offset: number): { place: WordPlace; column: number } | undefined {
  let lo = 0;
  let hi = word.places.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = word.places[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset > p.end) lo = mid + 1;
    else return { place: p, column: offset - p.start + 1 };
  }
  return undefined;
}

type Piece = string | { kind: 'footnote' | 'endnote'; id: string };

interface ParsedParagraph {
  pieces: Piece[];
  text: string;
  /** For notes: the note's id. */
  noteId?: string;
}

/** Elements whose whole content is not text of the draft. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delText', 'w:delInstrText', 'mc:Fallback', 'w:commentReference', 'w:footnoteRef', 'w:endnoteRef']);

/** The paragraphs of a part in document order: the body's, or each note's (separators left out). */
function paragraphsOf(xml: string, kind: 'body' | 'footnote' | 'endnote'): ParsedParagraph[] {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const out: ParsedParagraph[] = [];
  let current: ParsedParagraph | undefined;
  let skipDepth = 0;
  let inText = false;
  let noteId: string | undefined;
  let noteSkipped = false;
  const add = (s: string) => {
    if (!current) return;
    const last = current.pieces[current.pieces.length - 1];
    if (typeof last === 'string') current.pieces[current.pieces.length - 1] = last + s;
    else current.pieces.push(s);
  };
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (kind !== 'body' && (name === 'w:footnote' || name === 'w:endnote')) {
      noteId = String(tag.attributes['w:id'] ?? '');
      const type = String(tag.attributes['w:type'] ?? '');
      noteSkipped = type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice';
    }
    if (skipDepth > 0 || SKIPPED.has(name)) {
      if (!tag.isSelfClosing) skipDepth++;
      return;
    }
    if (noteSkipped) return;
    switch (name) {
      case 'w:p':
        current = { pieces: [''], text: '', noteId };
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
      case 'w:ptab':
        add('\t');
        break;
      case 'w:br':
      case 'w:cr':
        add(' ');
        break;
      case 'w:noBreakHyphen':
        add('-');
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        if (kind === 'body' && current) current.pieces.push({ kind: name === 'w:footnoteReference' ? 'footnote' : 'endnote', id: String(tag.attributes['w:id'] ?? '') }, '');
        break;
    }
  });
  parser.on('text', (t) => {
    if (inText && skipDepth === 0) add(t);
  });
  parser.on('closetag', (tag) => {
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth--;
      return;
    }
    if (tag.name === 'w:t') inText = false;
    if (tag.name === 'w:p' && current) {
      current.text = current.pieces.filter((p): p is string => typeof p === 'string').join('');
      if (!noteSkipped) out.push(current);
      current = undefined;
    }
    if (tag.name === 'w:footnote' || tag.name === 'w:endnote') noteSkipped = false;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new WordError(`damaged XML in the package (${(e as Error).message.split('\n')[0]})`);
  }
  return out;
}
