// Reads a corpus pack (layout in packFormat.ts) lazily: opening reads the header and the small
// tables that find an instrument's documents; a document's paragraphs are read (one positioned
// read) when it is asked for, and kept in a small cache; search reads the term dictionary once and
// a term's postings when a query has it. A damaged pack is refused at open with a PackError that
// says what is wrong; damage found later (a block whose checksum fails) is reported once through
// `onProblem` and the document is treated as absent. Nothing here throws after open.

import type { CorpusDocument, Footnote, Paragraph } from './model';
import {
  type ByteSource,
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
  PackError,
  SECTION_COUNT,
  SECTION_ENTRY_BYTES,
  Section,
  align8,
  crc32,
  docsTableBytes,
  f64,
  u16,
  u32,
  view,
  type Checksum,
  fromUtf8,
  headerCrc,
  type PackedDocumentMeta,
} from './packFormat';
import { BM25_B, BM25_K1, idf, termsOf } from './packTerms';

/** Documents kept materialized (least recently used dropped first). */
const DOCUMENT_CACHE = 512;
/** Bytes of postings lists kept in memory (the most recently used lists). */
const POSTINGS_CACHE_BYTES = 16 * 1024 * 1024;
/** Words of a query looked up; prefix expansions per word. */
const MAX_QUERY_TERMS = 12;
const MAX_EXPANSIONS = 6;
const MAX_PREFIX_SCAN = 2_000;

export interface PackOptions {
  /** Shown in messages: the pack's file name. */
  name: string;
  /** A paragraph's stored file name → the name locations use (e.g. an absolute path). */
  resolveFile?: (file: string) => string;
  /** Damage found after open (a block whose checksum fails); reported once per place. */
  onProblem?: (message: string) => void;
  /** A faster CRC-32 than the JavaScript one (Node's zlib.crc32), where there is one. */
  crc32?: Checksum;
}

export interface PackHit {
  document: CorpusDocument;
  paragraph: Paragraph;
  score: number;
  terms: string[];
}

interface Table {
  count: number;
  offsets: Uint32Array;
  columns: (Uint32Array | Float64Array)[];
  blob: Uint8Array;
}

/** Entry k of a sorted string table (instrument ids, search terms). */
function stringAt(table: Table, k: number): string {
  return fromUtf8.decode(table.blob.subarray(table.offsets[k], table.offsets[k + 1]));
}

/** The first entry of a sorted string table not below `key`: a binary search, nothing decoded but the probes. */
function lowerBound(table: Table, key: string): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stringAt(table, mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface SectionEntry {
  crc: number;
  offset: number;
  length: number;
}

export class CorpusPack {
  readonly documentCount: number;
  readonly paragraphCount: number;
  private readonly docOffset: Float64Array;
  private readonly docLength: Uint32Array;
  private readonly docFirst: Uint32Array;
  private readonly docCount: Uint32Array;
  private readonly docCrc: Uint32Array;
  private readonly docFlags: Uint32Array;
  private readonly ids: Table;
  private readonly idDocs: Uint32Array;
  private readonly cache = new Map<number, CorpusDocument>();
  private readonly reported = new Set<string>();
  private search_: PackSearch | undefined;

  private constructor(
    private readonly source: ByteSource,
    private readonly sections: Map<Section, SectionEntry>,
    private readonly options: PackOptions,
    counts: { documents: number; paragraphs: number },
  ) {
    this.documentCount = counts.documents;
    this.paragraphCount = counts.paragraphs;
    const docs = this.section(Section.Docs);
    const n = this.documentCount;
    if (docs.length !== docsTableBytes(n)) throw new PackError(`its document table has ${docs.length} bytes, not ${docsTableBytes(n)}`);
    const column = (k: number) => view(u32, docs, n * 8 + k * align8(n * 4), n, 4);
    this.docOffset = view(f64, docs, 0, n, 8);
    [this.docLength, this.docFirst, this.docCount, this.docCrc, this.docFlags] = [column(0), column(1), column(2), column(3), column(4)];
    // The tables passed their checksum; each entry is checked where it is used, so opening stays
    // independent of the number of documents.
    this.ids = readTable(this.section(Section.Ids), [4]);
    this.idDocs = this.ids.columns[0] as Uint32Array;
  }

  /** Opens a pack: reads and checks the header and the tables needed to find documents. Throws PackError. */
  static open(source: ByteSource, options: PackOptions): CorpusPack {
    if (!LITTLE_ENDIAN) throw new PackError('corpus packs are read on little-endian machines only');
    const headLength = HEADER_BYTES + SECTION_COUNT * SECTION_ENTRY_BYTES;
    if (source.size < headLength) throw new PackError(`it is ${source.size} bytes long, too short to be a corpus pack`);
    const head = source.read(0, headLength);
    if (fromUtf8.decode(head.subarray(0, 8)) !== PACK_MAGIC) throw new PackError('it is not a corpus pack (no "UNCPACK" signature)');
    const view = new DataView(head.buffer, head.byteOffset, head.length);
    const version = view.getUint32(8, true);
    if (version !== PACK_VERSION) throw new PackError(`it is format version ${version}; this version of UN Citations reads version ${PACK_VERSION}: pack the corpus again with this version's "un-cite pack"`);
    if (view.getUint32(12, true) !== SECTION_COUNT) throw new PackError('its section directory is not the expected size');
    if (view.getUint32(32, true) !== headerCrc(head)) throw new PackError('its header is damaged (checksum mismatch)');
    const fileLength = view.getFloat64(16, true);
    if (source.size < fileLength) throw new PackError(`it is truncated: ${source.size.toLocaleString('en')} of ${fileLength.toLocaleString('en')} bytes`);
    if (source.size > fileLength) throw new PackError(`it has ${(source.size - fileLength).toLocaleString('en')} bytes more than it was written with`);
    const sections = new Map<Section, SectionEntry>();
    for (let k = 0; k < SECTION_COUNT; k++) {
      const o = HEADER_BYTES + k * SECTION_ENTRY_BYTES;
      const entry = { crc: view.getUint32(o + 4, true), offset: view.getFloat64(o + 8, true), length: view.getFloat64(o + 16, true) };
      if (!(entry.offset >= 0 && entry.length >= 0 && entry.offset + entry.length <= fileLength)) throw new PackError('a section lies outside the file');
      sections.set(view.getUint32(o, true) as Section, entry);
    }
    for (const s of [Section.Blocks, Section.Postings, Section.Lengths, Section.Terms, Section.Docs, Section.Ids]) if (!sections.has(s)) throw new PackError(`section ${s} is missing`);
    return new CorpusPack(source, sections, options, { documents: view.getUint32(24, true), paragraphs: view.getUint32(28, true) });
  }

  get name(): string {
    return this.options.name;
  }

  /** The documents of an instrument ("resolution-17-342"), the compendium's copy first; [] when the pack has none. */
  instrument(id: string): CorpusDocument[] {
    const out: CorpusDocument[] = [];
    for (let k = this.lowerBound(id); k < this.ids.count && this.idAt(k) === id; k++) {
      const d = this.document(this.idDocs[k]);
      if (d) out.push(d);
    }
    return out;
  }

  /** Whether the pack holds an instrument, without reading its documents. */
  has(id: string): boolean {
    const k = this.lowerBound(id);
    return k < this.ids.count && this.idAt(k) === id;
  }

  /** Instrument ids, sorted (each once). */
  *instrumentIds(): Iterable<string> {
    let last: string | undefined;
    for (let k = 0; k < this.ids.count; k++) {
      const id = this.idAt(k);
      if (id !== last) yield id;
      last = id;
    }
  }

  /** Documents the in-memory corpus takes at open: compendium sections, meetings, drafts, users' aliased documents and their instruments' other copies. */
  eagerDocuments(): CorpusDocument[] {
    const out: CorpusDocument[] = [];
    for (let i = 0; i < this.documentCount; i++) if (this.docFlags[i] & DOC_EAGER) {
      const d = this.readDocument(i);
      if (d) out.push(d);
    }
    return out;
  }

  /** Documents and paragraphs served lazily (not among the eager documents), for the status line. */
  lazyCounts(): { documents: number; paragraphs: number } {
    let documents = 0;
    let paragraphs = 0;
    for (let i = 0; i < this.documentCount; i++) {
      if (this.docFlags[i] & DOC_EAGER) continue;
      documents++;
      paragraphs += this.docCount[i];
    }
    return { documents, paragraphs };
  }

  isEager(document: number): boolean {
    return (this.docFlags[document] & DOC_EAGER) !== 0;
  }

  /** Document `i` (0-based, in pack order), read on first use; undefined when its block is damaged. */
  document(i: number): CorpusDocument | undefined {
    const known = this.cache.get(i);
    if (known) {
      this.cache.delete(i);
      this.cache.set(i, known);
      return known;
    }
    const d = this.readDocument(i);
    if (!d) return undefined;
    this.cache.set(i, d);
    if (this.cache.size > DOCUMENT_CACHE) this.cache.delete(this.cache.keys().next().value!);
    return d;
  }

  /** Ranked full-text search over the lazily read documents (not the eager ones, which the in-memory index has). */
  search(query: string, limit = 20): PackHit[] {
    try {
      this.search_ ??= new PackSearch(this);
      return this.search_.run(query, limit);
    } catch (e) {
      this.problem('search', `full-text search failed: ${(e as Error).message}`);
      return [];
    }
  }

  // --- internals shared with PackSearch ---

  /** The bytes of a section, read now and checked against its checksum. */
  section(id: Section): Uint8Array {
    const s = this.sections.get(id)!;
    const bytes = this.source.read(s.offset, s.length);
    if (this.crc(bytes) !== s.crc) throw new PackError(`its ${Section[id].toLowerCase()} table is damaged (checksum mismatch)`);
    return bytes;
  }

  crc(bytes: Uint8Array): number {
    return (this.options.crc32 ?? crc32)(bytes);
  }

  sectionEntry(id: Section): SectionEntry {
    return this.sections.get(id)!;
  }

  read(offset: number, length: number): Uint8Array {
    return this.source.read(offset, length);
  }

  /** The document holding paragraph number `p`, and whether search may return it. */
  documentOf(p: number): number {
    let lo = 0;
    let hi = this.documentCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.docFirst[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  searchable(document: number): boolean {
    return (this.docFlags[document] & (DOC_FIRST_COPY | DOC_EAGER)) === DOC_FIRST_COPY;
  }

  paragraphAt(p: number): { document: CorpusDocument; paragraph: Paragraph } | undefined {
    const i = this.documentOf(p);
    if (!(p >= this.docFirst[i] && p < this.docFirst[i] + this.docCount[i])) {
      this.problem('paragraph numbers', 'its document table is inconsistent (paragraph numbers do not follow each other); search results are left out');
      return undefined;
    }
    const d = this.document(i);
    const paragraph = d?.paragraphs[p - this.docFirst[i]];
    return d && paragraph ? { document: d, paragraph } : undefined;
  }

  problem(place: string, message: string): void {
    if (this.reported.has(place)) return;
    this.reported.add(place);
    this.options.onProblem?.(message);
  }

  private idAt(k: number): string {
    return stringAt(this.ids, k);
  }

  private lowerBound(id: string): number {
    return lowerBound(this.ids, id);
  }

  private readDocument(i: number): CorpusDocument | undefined {
    if (!(i >= 0 && i < this.documentCount)) {
      this.problem('document numbers', 'its instrument table names a document it does not have');
      return undefined;
    }
    try {
      const block = this.source.read(this.docOffset[i], this.docLength[i]);
      if (this.crc(block) !== this.docCrc[i]) throw new PackError('checksum mismatch');
      return decodeBlock(block, this.options.resolveFile ?? ((f) => f));
    } catch (e) {
      this.problem(`document ${i}`, `document ${i + 1} of the pack cannot be read (${(e as Error).message}); its paragraphs are left out`);
      return undefined;
    }
  }
}

function decodeBlock(block: Uint8Array, resolveFile: (file: string) => string): CorpusDocument {
  const [metaLength, n] = view(u32, block, 0, 2, 4);
  const meta = JSON.parse(fromUtf8.decode(block.subarray(8, 8 + metaLength))) as PackedDocumentMeta;
  const columnsAt = align8(8 + metaLength);
  const columns = view(u32, block, columnsAt, COLUMN_COUNT * n, 4);
  const col = (c: Column, i: number) => columns[c * n + i];
  let at = columnsAt + COLUMN_COUNT * n * 4;
  const take = (length: number) => {
    if (at + length > block.length) throw new PackError('a paragraph runs past the end of its block');
    const s = fromUtf8.decode(block.subarray(at, at + length));
    at += length;
    return s;
  };
  const files = meta.files.map(resolveFile);
  const keys: string[] = [];
  const rest: [string, string, string, string][] = [];
  for (let i = 0; i < n; i++) {
    keys.push(take(col(Column.KeyLength, i)));
    rest.push([take(col(Column.LabelLength, i)), take(col(Column.PathLength, i)), take(col(Column.TextLength, i)), take(col(Column.NotesLength, i))]);
  }
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < n; i++) {
    const [label, path, text, notes] = rest[i];
    const kind = PARAGRAPH_KINDS[col(Column.Kind, i)];
    const file = files[col(Column.File, i)];
    const parent = col(Column.Parent, i);
    if (!kind || file === undefined || parent > n) throw new PackError('a paragraph record is out of range');
    // In the parsers' field order, so that a packed paragraph is indistinguishable from a parsed one.
    const location = { file, start: { line: col(Column.StartLine, i), character: col(Column.StartCharacter, i) }, end: { line: col(Column.EndLine, i), character: col(Column.EndCharacter, i) } };
    paragraphs.push({ key: keys[i], label, path: path ? path.split(PATH_SEPARATOR) : [], kind, parentKey: parent ? keys[parent - 1] : undefined, childKeys: [], text, footnotes: [], location });
    if (notes) paragraphs[i].footnotes = JSON.parse(notes) as Footnote[];
  }
  for (let i = 0; i < n; i++) {
    const parent = col(Column.Parent, i);
    if (parent) paragraphs[parent - 1].childKeys.push(keys[i]);
  }
  const origin = { ...meta.origin, file: resolveFile(meta.origin.file), heading: { ...meta.origin.heading, file: resolveFile(meta.origin.heading.file) } };
  return {
    id: meta.id,
    instrumentId: meta.instrumentId,
    kind: meta.kind,
    name: meta.name,
    title: meta.title,
    session: meta.session,
    sessionName: meta.sessionName,
    dates: meta.dates,
    year: meta.year,
    symbol: meta.symbol,
    body: meta.body,
    aliases: meta.aliases,
    opening: meta.opening,
    paragraphs,
    origin,
  };
}

/** count (u32), offsets (count + 1 × u32), columns of `sizes[k]` bytes per entry, UTF-8 blob; each part 8-byte aligned. */
function readTable(bytes: Uint8Array, sizes: (4 | 8)[]): Table {
  const [count] = view(u32, bytes, 0, 1, 4);
  let at = 8;
  const offsets = view(u32, bytes, at, count + 1, 4);
  at = align8(at + (count + 1) * 4);
  const columns = sizes.map((size) => {
    const c = size === 8 ? view(f64, bytes, at, count, 8) : view(u32, bytes, at, count, 4);
    at = align8(at + count * size);
    return c;
  });
  const blob = bytes.subarray(at);
  if (count && offsets[count] > blob.length) throw new PackError('a string table is damaged');
  return { count, offsets, columns, blob };
}

/** BM25 over the pack's postings: every word of the query (or a word it begins) must match; else any. */
class PackSearch {
  private readonly terms: Table;
  private readonly postingOffset: Float64Array;
  private readonly postingLength: Uint32Array;
  private readonly df: Uint32Array;
  private readonly crc: Uint32Array;
  private readonly lengths: Uint16Array;
  private readonly averageLength: number;
  private readonly postings = new Map<number, Uint8Array>();
  private cachedBytes = 0;
  private readonly score: Float64Array;
  private readonly queryMark: Int32Array;
  private readonly termMark: Int32Array;
  private readonly matched: Uint8Array;
  private readonly touched: Int32Array;
  private generation = 0;

  constructor(private readonly pack: CorpusPack) {
    this.terms = readTable(pack.section(Section.Terms), [8, 4, 4, 4]);
    [this.postingOffset, this.postingLength, this.df, this.crc] = [this.terms.columns[0] as Float64Array, this.terms.columns[1] as Uint32Array, this.terms.columns[2] as Uint32Array, this.terms.columns[3] as Uint32Array];
    const lengths = pack.section(Section.Lengths);
    if (lengths.length !== pack.paragraphCount * 2) throw new PackError('its paragraph length table does not match its paragraph count');
    this.lengths = view(u16, lengths, 0, pack.paragraphCount, 2);
    let sum = 0;
    for (const l of this.lengths) sum += l;
    this.averageLength = sum / Math.max(1, this.lengths.length);
    const n = pack.paragraphCount;
    this.score = new Float64Array(n);
    this.queryMark = new Int32Array(n);
    this.termMark = new Int32Array(n);
    this.matched = new Uint8Array(n);
    this.touched = new Int32Array(n);
  }

  run(query: string, limit: number): PackHit[] {
    const words = [...new Set(termsOf(query))].slice(0, MAX_QUERY_TERMS);
    if (!words.length || limit <= 0) return [];
    const expanded = words.map((w, k) => this.expand(w, k === words.length - 1));
    const matchedTerms = expanded.flatMap((e) => e.map((x) => this.term(x.index)));
    // Rarest word first: with AND, only its paragraphs can match.
    const order = expanded.map((e, k) => ({ e, k, df: e.reduce((n, x) => n + this.df[x.index], 0) })).sort((a, b) => a.df - b.df);
    let candidates = order.some((o) => o.e.length === 0) ? [] : this.evaluate(order.map((o) => o.e), true);
    if (!candidates.length) candidates = this.evaluate(order.map((o) => o.e).filter((e) => e.length), false);
    return this.top(candidates, limit).flatMap((p) => {
      const ref = this.pack.paragraphAt(p);
      return ref ? [{ ...ref, score: this.score[p], terms: matchedTerms }] : [];
    });
  }

  /**
   * The dictionary entries for a word: itself (weight 1) and, for the word being typed (the last)
   * or a word the dictionary lacks, the words it begins (weight ½), a few, shortest first.
   */
  private expand(word: string, prefix: boolean): { index: number; weight: number }[] {
    const out: { index: number; weight: number }[] = [];
    const first = this.lowerBound(word);
    const exact = first < this.terms.count && this.term(first) === word;
    if (exact) out.push({ index: first, weight: 1 });
    if (exact && !prefix) return out;
    const longer: { index: number; length: number }[] = [];
    for (let k = exact ? first + 1 : first; k < this.terms.count && longer.length < MAX_PREFIX_SCAN; k++) {
      const t = this.term(k);
      if (!t.startsWith(word)) break;
      longer.push({ index: k, length: t.length });
    }
    longer.sort((a, b) => a.length - b.length || a.index - b.index);
    for (const l of longer.slice(0, MAX_EXPANSIONS)) out.push({ index: l.index, weight: 0.5 });
    return out;
  }

  private evaluate(groups: { index: number; weight: number }[][], all: boolean): number[] {
    const gen = ++this.generation;
    let count = 0;
    for (let g = 0; g < groups.length; g++) {
      for (const { index, weight } of groups[g]) {
        const w = idf(this.df[index], this.pack.paragraphCount) * weight * (BM25_K1 + 1);
        count = this.accumulate(this.postingsOf(index), w, gen, gen * 16 + g, all && g > 0, count);
        if (count < 0) throw new PackError(`the postings of "${this.term(index)}" name a paragraph the pack does not have`);
      }
    }
    const out: number[] = [];
    const { matched, touched } = this;
    for (let k = 0; k < count; k++) if (!all || matched[touched[k]] === groups.length) out.push(touched[k]);
    return out;
  }

  /**
   * Adds one postings list's scores (the hot loop: locals, not fields; gaps decoded with shifts).
   * With `onlyKnown`, paragraphs no earlier word matched are skipped. Returns the new count of
   * touched paragraphs, or -1 for a paragraph number out of range.
   */
  private accumulate(bytes: Uint8Array, w: number, gen: number, termGen: number, onlyKnown: boolean, count: number): number {
    const { score, queryMark, termMark, matched, lengths, touched } = this;
    const total = score.length;
    const k1 = BM25_K1 * (1 - BM25_B);
    const k2 = (BM25_K1 * BM25_B) / this.averageLength;
    const end = bytes.length;
    let id = -1;
    let at = 0;
    while (at < end) {
      let b = bytes[at++];
      let gap = b & 0x7f;
      let shift = 7;
      while (b & 0x80 && at < end && shift < 35) {
        b = bytes[at++];
        gap |= (b & 0x7f) << shift;
        shift += 7;
      }
      id += gap >>> 0;
      const tf = bytes[at++];
      if (id >= total) return -1;
      if (queryMark[id] !== gen) {
        if (onlyKnown) continue;
        queryMark[id] = gen;
        score[id] = 0;
        matched[id] = 0;
        touched[count++] = id;
      }
      if (termMark[id] !== termGen) {
        termMark[id] = termGen;
        matched[id]++;
      }
      score[id] += (w * tf) / (tf + k1 + k2 * lengths[id]);
    }
    return count;
  }

  /** The best `limit` searchable paragraphs, best first. */
  private top(candidates: number[], limit: number): number[] {
    const best: number[] = [];
    for (const id of candidates) {
      const s = this.score[id];
      if (best.length === limit && s <= this.score[best[best.length - 1]]) continue;
      if (!this.pack.searchable(this.pack.documentOf(id))) continue;
      let k = best.length;
      while (k > 0 && this.score[best[k - 1]] < s) k--;
      best.splice(k, 0, id);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  private postingsOf(index: number): Uint8Array {
    const known = this.postings.get(index);
    if (known) {
      this.postings.delete(index);
      this.postings.set(index, known);
      return known;
    }
    const section = this.pack.sectionEntry(Section.Postings);
    const bytes = this.pack.read(section.offset + this.postingOffset[index], this.postingLength[index]);
    if (this.pack.crc(bytes) !== this.crc[index]) throw new PackError(`the postings of "${this.term(index)}" are damaged (checksum mismatch)`);
    this.postings.set(index, bytes);
    this.cachedBytes += bytes.length;
    while (this.cachedBytes > POSTINGS_CACHE_BYTES && this.postings.size > 1) {
      const [oldest, dropped] = this.postings.entries().next().value!;
      this.postings.delete(oldest);
      this.cachedBytes -= dropped.length;
    }
    return bytes;
  }

  private term(k: number): string {
    return stringAt(this.terms, k);
  }

  private lowerBound(word: string): number {
    return lowerBound(this.terms, word);
  }
}
