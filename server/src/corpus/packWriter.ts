// Writes a corpus pack (layout in packFormat.ts) from parsed documents. Documents are added one
// batch at a time, so a large corpus can be parsed and written one source file at a time; the
// parsers stay the one source of paragraph text.

import type { CorpusDocument, Paragraph } from './model';
import type { PackedDocumentMeta } from './packFormat';
import {
  BLOCKS_START,
  type ByteSink,
  Bytes,
  type Checksum,
  COLUMN_COUNT,
  Column,
  DOC_EAGER,
  DOC_FIRST_COPY,
  HEADER_BYTES,
  LITTLE_ENDIAN,
  PACK_MAGIC,
  PACK_VERSION,
  PARAGRAPH_KINDS,
  PATH_SEPARATOR,
  SECTION_COUNT,
  SECTION_ENTRY_BYTES,
  Section,
  align8,
  crc32,
  headerCrc,
  utf8,
} from './packFormat';
import { termsOf } from './packTerms';

interface DocEntry {
  offset: number;
  length: number;
  firstParagraph: number;
  count: number;
  crc: number;
  instrumentId: string;
  eager: boolean;
  compendium: boolean;
}

interface Posting {
  bytes: Bytes;
  last: number;
  df: number;
}

export interface PackStats {
  documents: number;
  paragraphs: number;
  terms: number;
  bytes: number;
}

/**
 * Loaded into memory at open rather than read lazily: what the resolver finds through lists, not
 * by instrument id (compendium sections, meetings, drafts, users' documents with their own aliases).
 */
export function isEagerDocument(d: CorpusDocument): boolean {
  // Another body's instrument with no aliases of its own is found by its id: read lazily, like a Conference one.
  if (d.body && d.aliases.length === 0) return false;
  return !!d.origin.compendium || !!d.origin.user || d.kind === 'wg-recommendations' || d.kind === 'draft-resolution' || d.kind === 'document';
}

export class PackWriter {
  private readonly docs: DocEntry[] = [];
  private readonly postings = new Map<string, Posting>();
  private lengths = new Uint16Array(1024);
  private paragraphs = 0;

  /** `mapFile` turns a paragraph's file into the name the pack stores (e.g. relative to the pack). */
  constructor(private readonly sink: ByteSink, private readonly mapFile: (file: string) => string = (f) => f, private readonly crc: Checksum = crc32) {
    if (!LITTLE_ENDIAN) throw new Error('corpus packs are written on little-endian machines only');
    sink.append(new Uint8Array(BLOCKS_START));
  }

  addDocument(d: CorpusDocument): void {
    const block = this.encodeBlock(d);
    const offset = this.sink.append(block);
    this.docs.push({ offset, length: block.length, firstParagraph: this.paragraphs, count: d.paragraphs.length, crc: this.crc(block), instrumentId: d.instrumentId, eager: isEagerDocument(d), compendium: !!d.origin.compendium });
    for (const p of d.paragraphs) this.index(p);
  }

  private index(p: Paragraph): void {
    const id = this.paragraphs++;
    const terms = termsOf(p.text);
    if (id >= this.lengths.length) {
      const next = new Uint16Array(this.lengths.length * 2);
      next.set(this.lengths);
      this.lengths = next;
    }
    this.lengths[id] = Math.min(terms.length, 0xffff);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, count] of tf) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { bytes: new Bytes(), last: -1, df: 0 }));
      posting.bytes.varint(id - posting.last);
      posting.bytes.byte(Math.min(count, 255));
      posting.last = id;
      posting.df++;
    }
  }

  private encodeBlock(d: CorpusDocument): Uint8Array {
    const files: string[] = [];
    const fileIndex = (f: string) => {
      const mapped = this.mapFile(f);
      const i = files.indexOf(mapped);
      return i >= 0 ? i : files.push(mapped) - 1;
    };
    const origin = { ...d.origin, file: this.mapFile(d.origin.file), heading: { ...d.origin.heading, file: this.mapFile(d.origin.heading.file) } };
    const n = d.paragraphs.length;
    const columns = new Uint32Array(COLUMN_COUNT * n);
    const strings: Uint8Array[] = [];
    const localIndex = new Map(d.paragraphs.map((p, i) => [p.key, i]));
    d.paragraphs.forEach((p, i) => {
      const set = (c: Column, v: number) => (columns[c * n + i] = v);
      const parts = [p.key, p.label, p.path.join(PATH_SEPARATOR), p.text, p.footnotes.length ? JSON.stringify(p.footnotes) : ''].map((s) => utf8.encode(s));
      set(Column.Kind, PARAGRAPH_KINDS.indexOf(p.kind));
      set(Column.Parent, p.parentKey !== undefined && localIndex.has(p.parentKey) ? localIndex.get(p.parentKey)! + 1 : 0);
      set(Column.File, fileIndex(p.location.file));
      set(Column.StartLine, p.location.start.line);
      set(Column.StartCharacter, p.location.start.character);
      set(Column.EndLine, p.location.end.line);
      set(Column.EndCharacter, p.location.end.character);
      set(Column.KeyLength, parts[0].length);
      set(Column.LabelLength, parts[1].length);
      set(Column.PathLength, parts[2].length);
      set(Column.TextLength, parts[3].length);
      set(Column.NotesLength, parts[4].length);
      strings.push(...parts);
    });
    const meta: PackedDocumentMeta = {
      id: d.id,
      instrumentId: d.instrumentId,
      kind: d.kind,
      name: d.name,
      title: d.title,
      session: d.session,
      sessionName: d.sessionName,
      dates: d.dates,
      year: d.year,
      symbol: d.symbol,
      body: d.body,
      aliases: d.aliases,
      opening: d.opening,
      origin,
      files,
    };
    const metaBytes = utf8.encode(JSON.stringify(meta));
    const out = new Bytes();
    out.push(new Uint8Array(new Uint32Array([metaBytes.length, n]).buffer));
    out.push(metaBytes);
    out.pad8();
    out.push(new Uint8Array(columns.buffer));
    for (const s of strings) out.push(s);
    out.pad8();
    return out.bytes().slice();
  }

  /** Writes the indexes and the header; returns what was written. */
  finish(): PackStats {
    const sections = new Map<Section, { offset: number; length: number; crc: number }>();
    const put = (id: Section, bytes: Uint8Array, crc = this.crc(bytes)) => {
      const padded = new Uint8Array(align8(bytes.length));
      padded.set(bytes);
      sections.set(id, { offset: this.sink.append(padded), length: bytes.length, crc });
    };
    const blocksEnd = this.docs.length ? this.docs[this.docs.length - 1].offset + this.docs[this.docs.length - 1].length : BLOCKS_START;
    sections.set(Section.Blocks, { offset: BLOCKS_START, length: blocksEnd - BLOCKS_START, crc: 0 });

    // POSTINGS, in term order, and the TERMS dictionary pointing into it.
    const terms = [...this.postings.keys()].sort();
    const postingsStart = blocksEnd;
    const termOffsets = new Float64Array(terms.length);
    const termLengths = new Uint32Array(terms.length);
    const termDf = new Uint32Array(terms.length);
    const termCrc = new Uint32Array(terms.length);
    let at = 0;
    const postingChunks: Uint8Array[] = [];
    terms.forEach((t, i) => {
      const p = this.postings.get(t)!;
      const bytes = p.bytes.bytes();
      termOffsets[i] = at;
      termLengths[i] = bytes.length;
      termDf[i] = p.df;
      termCrc[i] = this.crc(bytes);
      at += bytes.length;
      postingChunks.push(bytes);
    });
    let offset = -1;
    for (const c of postingChunks) {
      const o = this.sink.append(c);
      if (offset < 0) offset = o;
    }
    const pad = align8(at) - at;
    if (pad) this.sink.append(new Uint8Array(pad));
    sections.set(Section.Postings, { offset: offset < 0 ? postingsStart : offset, length: at, crc: 0 });
    this.postings.clear();

    put(Section.Lengths, new Uint8Array(this.lengths.buffer, 0, this.paragraphs * 2));
    put(Section.Terms, stringTable(terms, [new Uint8Array(termOffsets.buffer), new Uint8Array(termLengths.buffer), new Uint8Array(termDf.buffer), new Uint8Array(termCrc.buffer)]));

    // DOCS and IDS, read at open.
    const firstCopy = new Set<string>();
    const order = this.docs.map((d, i) => ({ d, i })).sort((a, b) => (a.d.instrumentId < b.d.instrumentId ? -1 : a.d.instrumentId > b.d.instrumentId ? 1 : Number(b.d.compendium) - Number(a.d.compendium) || a.i - b.i));
    const eagerInstruments = new Set(this.docs.filter((d) => d.eager).map((d) => d.instrumentId));
    const flags = new Uint32Array(this.docs.length);
    for (const { d, i } of order) {
      if (!firstCopy.has(d.instrumentId)) {
        firstCopy.add(d.instrumentId);
        flags[i] |= DOC_FIRST_COPY;
      }
      if (eagerInstruments.has(d.instrumentId)) flags[i] |= DOC_EAGER;
    }
    // Columns, each 8-byte aligned: block offsets (f64), then block lengths, first paragraphs,
    // paragraph counts, block CRCs and flags (u32).
    const docs = new Bytes();
    docs.push(new Uint8Array(new Float64Array(this.docs.map((d) => d.offset)).buffer));
    for (const column of [this.docs.map((d) => d.length), this.docs.map((d) => d.firstParagraph), this.docs.map((d) => d.count), this.docs.map((d) => d.crc), [...flags]]) {
      docs.push(new Uint8Array(new Uint32Array(column).buffer));
      docs.pad8();
    }
    put(Section.Docs, docs.bytes());
    put(Section.Ids, stringTable(order.map((x) => x.d.instrumentId), [new Uint8Array(new Uint32Array(order.map((x) => x.i)).buffer)]));

    // The header and the section directory, last.
    const fileLength = [...sections.values()].reduce((end, s) => Math.max(end, align8(s.offset + s.length)), BLOCKS_START);
    const head = new DataView(new ArrayBuffer(BLOCKS_START));
    const headBytes = new Uint8Array(head.buffer);
    headBytes.set(new TextEncoder().encode(PACK_MAGIC), 0);
    head.setUint32(8, PACK_VERSION, true);
    head.setUint32(12, SECTION_COUNT, true);
    head.setFloat64(16, fileLength, true);
    head.setUint32(24, this.docs.length, true);
    head.setUint32(28, this.paragraphs, true);
    [Section.Blocks, Section.Postings, Section.Lengths, Section.Terms, Section.Docs, Section.Ids].forEach((id, k) => {
      const s = sections.get(id)!;
      const o = HEADER_BYTES + k * SECTION_ENTRY_BYTES;
      head.setUint32(o, id, true);
      head.setUint32(o + 4, s.crc, true);
      head.setFloat64(o + 8, s.offset, true);
      head.setFloat64(o + 16, s.length, true);
    });
    head.setUint32(32, headerCrc(headBytes), true);
    this.sink.writeAt(0, headBytes);
    return { documents: this.docs.length, paragraphs: this.paragraphs, terms: terms.length, bytes: fileLength };
  }
}

/**
 * A table of strings: count (u32), then count + 1 offsets into the UTF-8 blob (u32), then the
 * per-string columns given (each 8-byte aligned), then the blob.
 */
function stringTable(strings: string[], columns: Uint8Array[]): Uint8Array {
  const out = new Bytes();
  const encoded = strings.map((s) => utf8.encode(s));
  const offsets = new Uint32Array(strings.length + 1);
  encoded.forEach((e, i) => (offsets[i + 1] = offsets[i] + e.length));
  out.push(new Uint8Array(new Uint32Array([strings.length]).buffer));
  out.pad8();
  out.push(new Uint8Array(offsets.buffer));
  out.pad8();
  for (const c of columns) {
    out.push(c);
    out.pad8();
  }
  for (const e of encoded) out.push(e);
  return out.bytes().slice();
}
