// The corpus pack's byte layout, shared by the writer (packWriter.ts) and the reader (pack.ts).
// Pure: bytes in, bytes out; the Node adapter (node/packFiles.ts) does the file I/O through the
// two small interfaces below.
//
// Layout (little-endian; every section starts on an 8-byte boundary):
//
//   header   64 bytes: magic "UNCPACK\0", format version, section count, file length,
//            document and paragraph counts, CRC-32 of the header and section directory
//   sections SECTION_COUNT × 24 bytes: id, CRC-32 of the section, offset, length
//   BLOCKS   one block per document: its metadata (JSON), its paragraph records as columns
//            (kind, parent, file, start/end line and character, string lengths) and their strings
//            (key, label, path, text, footnotes). One positioned read gives a whole document.
//   POSTINGS per term: paragraph numbers as varint gaps, each followed by its term frequency
//   LENGTHS  words per paragraph (Uint16), for ranking
//   TERMS    sorted term dictionary: offsets into a UTF-8 blob, postings offset and length, CRC
//   DOCS     per document: block offset and length, first paragraph number, paragraph count,
//            block CRC, flags
//   IDS      sorted instrument ids → document numbers (copies in order, the compendium's first)
//
// Opening reads the header and DOCS + IDS (contiguous, at the end) only; TERMS and LENGTHS are read
// on the first search, BLOCKS and POSTINGS by positioned reads when a document or term is asked for.

import type { CorpusDocument } from './model';

export const PACK_MAGIC = 'UNCPACK\u0000';
export const PACK_VERSION = 1;
export const PACK_EXTENSION = '.uncpack';
export const HEADER_BYTES = 64;
export const SECTION_ENTRY_BYTES = 24;

export enum Section {
  Blocks = 1,
  Postings = 2,
  Lengths = 3,
  Terms = 4,
  Docs = 5,
  Ids = 6,
}
export const SECTION_COUNT = 6;
/** Where BLOCKS starts: after the header and the section directory, rounded up to 8. */
export const BLOCKS_START = align8(HEADER_BYTES + SECTION_COUNT * SECTION_ENTRY_BYTES);

/** DOCS columns: block offsets (f64), then lengths, first paragraphs, paragraph counts, CRCs, flags (u32), each 8-byte aligned. */
export function docsTableBytes(documents: number): number {
  return documents * 8 + 5 * align8(documents * 4);
}
/** Loaded into the in-memory corpus at open (compendium sections, users' aliased documents, drafts). */
export const DOC_EAGER = 1;
/** The first copy of its instrument: the one search returns. */
export const DOC_FIRST_COPY = 2;

/** Paragraph record columns in a block, each `n` × u32. */
export enum Column {
  Kind,
  Parent,
  File,
  StartLine,
  StartCharacter,
  EndLine,
  EndCharacter,
  KeyLength,
  LabelLength,
  PathLength,
  TextLength,
  NotesLength,
}
export const COLUMN_COUNT = 12;
export const PARAGRAPH_KINDS = ['preambular', 'operative', 'subparagraph'] as const;
/** Joins a label path in a block: ["9", "c"] → "9\u001fc". */
export const PATH_SEPARATOR = '\u001f';

/** Where a pack's bytes come from: a file read with positioned reads, or bytes in memory. */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`, in a fresh buffer; throws when they cannot be read. */
  read(offset: number, length: number): Uint8Array;
}

/** Where the writer puts a pack's bytes. */
export interface ByteSink {
  /** Appends bytes; returns the offset they were written at. */
  append(bytes: Uint8Array): number;
  /** Overwrites bytes written earlier (the header, once everything else is known). */
  writeAt(offset: number, bytes: Uint8Array): void;
}

export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the zip/PNG one). */
export type Checksum = (bytes: Uint8Array) => number;

/** CRC-32 in JavaScript; the Node adapter passes its native one where there is one. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export const utf8 = new TextEncoder();
export const fromUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Typed arrays are written as the machine lays them out: refuse a big-endian machine rather than misread. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A growable byte buffer. */
export class Bytes {
  buffer = new Uint8Array(1024);
  length = 0;

  private room(n: number) {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  push(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  byte(b: number): void {
    this.room(1);
    this.buffer[this.length++] = b;
  }

  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.buffer[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buffer[this.length++] = n;
  }

  pad8(): void {
    const n = align8(this.length) - this.length;
    this.room(n);
    this.length += n;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * A copy of `length` bytes at `offset` in a fresh ArrayBuffer, which any typed array can view.
 */
export function aligned(bytes: Uint8Array, offset: number, length: number): ArrayBuffer {
  if (offset < 0 || length < 0 || offset + length > bytes.length) throw new PackError(`a table runs past the end of its section (${offset + length} > ${bytes.length})`);
  const copy = new Uint8Array(length);
  copy.set(bytes.subarray(offset, offset + length));
  return copy.buffer;
}

/** A typed-array view of `count` elements at `offset`, without copying when the bytes are aligned. */
export function view<T>(make: (buffer: ArrayBuffer, byteOffset: number, length: number) => T, bytes: Uint8Array, offset: number, count: number, size: number): T {
  const length = count * size;
  if (offset < 0 || count < 0 || offset + length > bytes.length) throw new PackError(`a table runs past the end of its section (${offset + length} > ${bytes.length})`);
  const start = bytes.byteOffset + offset;
  if (start % size === 0 && bytes.buffer instanceof ArrayBuffer) return make(bytes.buffer, start, count);
  return make(aligned(bytes, offset, length), 0, count);
}

export const u32 = (buffer: ArrayBuffer, byteOffset: number, length: number) => new Uint32Array(buffer, byteOffset, length);
export const f64 = (buffer: ArrayBuffer, byteOffset: number, length: number) => new Float64Array(buffer, byteOffset, length);
export const u16 = (buffer: ArrayBuffer, byteOffset: number, length: number) => new Uint16Array(buffer, byteOffset, length);

/** A pack that cannot be read as written: the message says what is wrong. */
export class PackError extends Error {}

/** What a document's block stores besides its paragraphs (those are columns): the document's own fields. */
export type PackedDocumentMeta = Omit<CorpusDocument, 'paragraphs'> & {
  /** Source files the paragraphs sit in (the File column indexes this). */
  files: string[];
};

/** CRC of the header (its CRC field counted as zero) and the section directory. */
export function headerCrc(head: Uint8Array): number {
  const copy = head.slice(0, HEADER_BYTES + SECTION_COUNT * SECTION_ENTRY_BYTES);
  copy.fill(0, 32, 36);
  return crc32(copy);
}

