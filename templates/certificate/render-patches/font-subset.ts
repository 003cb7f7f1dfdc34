/**
 * A faster TrueType subsetter for the fonts embedded in certificates.
 *
 * pdfkit embeds every font as a subset, made by fontkit at the end of each document. fontkit's subsetter
 * decodes every glyph's outline (only to tell simple from composite glyphs) and writes the font through
 * restructure, one number at a time, the 4 kB of hinting programs included: about 5 ms per face, a third of a
 * certificate's render time. This one writes the same tables (head, hhea, maxp, hmtx, loca, glyf and the
 * hinting tables cvt, fpgm, prep, which are copied byte for byte) from the font file's own bytes, keeps each
 * glyph's bytes and metrics per font once read, and computes real table checksums, which fontkit leaves at
 * zero. What it writes depends only on the font and the glyph list, so renders stay deterministic.
 *
 * It replaces `encode` on fontkit's TrueType subset class, reached through a font's `createSubset()`, so no
 * second copy of fontkit is involved. Fonts it cannot handle (variable fonts, a missing glyf table) keep
 * fontkit's encoder.
 */

/** The parts of a fontkit TrueType font this module reads. */
export interface SubsettableFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(id: number): { _getMetrics(): { advanceWidth: number; leftBearing: number } } | null;
  createSubset(): TrueTypeSubset;
}

/** The parts of fontkit's TTFSubset this module uses. */
interface TrueTypeSubset {
  font: SubsettableFont;
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

interface GlyphRecord {
  /** The glyph's bytes from the glyf table, padded to a multiple of 4. */
  bytes: Uint8Array;
  /** Where each component's glyph id sits in `bytes`, for composite glyphs. */
  components: { glyphId: number; offset: number }[];
  advance: number;
  leftBearing: number;
}

const GLYPHS = Symbol('certificate-subset-glyphs');
const PATCHED = Symbol('certificate-subset-patched');

type CachedFont = SubsettableFont & { [GLYPHS]?: Map<number, GlyphRecord> };

/** Installs the fast encoder on the subset class of `font` (once per class). */
export function installFastSubsetter(font: SubsettableFont): void {
  if (!font.directory.tables.glyf || font.directory.tables['CFF ']) return;
  const prototype = Object.getPrototypeOf(font.createSubset()) as TrueTypeSubset & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const fontkitEncode = prototype.encode;
  prototype.encode = function encode(this: TrueTypeSubset): Uint8Array {
    const source = this.font;
    if (source._variationProcessor || !source.directory.tables.glyf) return fontkitEncode.call(this);
    return encodeSubset(this);
  };
  prototype[PATCHED] = true;
}

function tableBytes(font: SubsettableFont, tag: string): Uint8Array | undefined {
  const entry = font.directory.tables[tag];
  if (!entry || entry.length === 0) return undefined;
  return font.stream.buffer.subarray(entry.offset, entry.offset + entry.length);
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function glyphRecord(font: CachedFont, glyphId: number): GlyphRecord {
  let cache = font[GLYPHS];
  if (!cache) {
    cache = new Map();
    font[GLYPHS] = cache;
  }
  const cached = cache.get(glyphId);
  if (cached) return cached;

  const glyf = font.directory.tables.glyf as { offset: number };
  const start = font.loca.offsets[glyphId] ?? 0;
  const end = font.loca.offsets[glyphId + 1] ?? start;
  const raw = font.stream.buffer.subarray(glyf.offset + start, glyf.offset + end);
  const bytes = new Uint8Array((raw.length + 3) & ~3);
  bytes.set(raw);
  const components: GlyphRecord['components'] = [];
  const view = new DataView(bytes.buffer);
  if (raw.length >= 10 && view.getInt16(0) < 0) {
    let offset = 10;
    for (;;) {
      const flags = view.getUint16(offset);
      components.push({ glyphId: view.getUint16(offset + 2), offset: offset + 2 });
      offset += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) offset += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) offset += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) offset += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
  }
  const metrics = font.getGlyph(glyphId)?._getMetrics();
  const record: GlyphRecord = {
    bytes,
    components,
    advance: metrics?.advanceWidth ?? 0,
    leftBearing: metrics?.leftBearing ?? 0,
  };
  cache.set(glyphId, record);
  return record;
}

function encodeSubset(subset: TrueTypeSubset): Uint8Array {
  const font = subset.font as CachedFont;
  const glyphs: Uint8Array[] = [];
  const metrics: number[] = [];
  // includeGlyph appends a composite's components to subset.glyphs: the loop picks them up.
  for (let index = 0; index < subset.glyphs.length; index += 1) {
    const record = glyphRecord(font, subset.glyphs[index] as number);
    let bytes = record.bytes;
    if (record.components.length > 0) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer);
      for (const component of record.components) {
        view.setUint16(component.offset, subset.includeGlyph(component.glyphId));
      }
    }
    glyphs.push(bytes);
    metrics.push(record.advance, record.leftBearing);
  }

  let glyfLength = 0;
  for (const bytes of glyphs) glyfLength += bytes.length;
  const shortLoca = glyfLength / 2 <= 0xffff;
  const loca = new Uint8Array((glyphs.length + 1) * (shortLoca ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  const glyf = new Uint8Array(glyfLength);
  let offset = 0;
  glyphs.forEach((bytes, index) => {
    if (shortLoca) locaView.setUint16(index * 2, offset / 2);
    else locaView.setUint32(index * 4, offset);
    glyf.set(bytes, offset);
    offset += bytes.length;
  });
  if (shortLoca) locaView.setUint16(glyphs.length * 2, offset / 2);
  else locaView.setUint32(glyphs.length * 4, offset);

  const hmtx = new Uint8Array(glyphs.length * 4);
  const hmtxView = new DataView(hmtx.buffer);
  for (let index = 0; index < glyphs.length; index += 1) {
    hmtxView.setUint16(index * 4, metrics[index * 2] as number);
    hmtxView.setInt16(index * 4 + 2, metrics[index * 2 + 1] as number);
  }

  // Copies: the font file's bytes may be a Node Buffer, whose slice() would share (and let us change) them.
  const head = new Uint8Array(tableBytes(font, 'head') as Uint8Array);
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0);
  headView.setInt16(50, shortLoca ? 0 : 1);
  const hhea = new Uint8Array(tableBytes(font, 'hhea') as Uint8Array);
  new DataView(hhea.buffer).setUint16(34, glyphs.length);
  const maxp = new Uint8Array(tableBytes(font, 'maxp') as Uint8Array);
  new DataView(maxp.buffer).setUint16(4, glyphs.length);

  const tables: [string, Uint8Array | undefined][] = [
    ['cvt ', tableBytes(font, 'cvt ')],
    ['fpgm', tableBytes(font, 'fpgm')],
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['prep', tableBytes(font, 'prep')],
  ];
  return writeFont(tables.filter((entry): entry is [string, Uint8Array] => entry[1] !== undefined));
}

/** An sfnt file from its tables, given sorted by tag, each 4-byte aligned, with checksums. */
function writeFont(tables: [string, Uint8Array][]): Uint8Array {
  const headerLength = 12 + 16 * tables.length;
  let length = headerLength;
  for (const [, bytes] of tables) length += (bytes.length + 3) & ~3;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(tables.length));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tables.length * 16 - searchRange);
  let offset = headerLength;
  let headOffset = -1;
  tables.forEach(([tag, bytes], index) => {
    const record = 12 + index * 16;
    for (let char = 0; char < 4; char += 1) out[record + char] = tag.charCodeAt(char);
    out.set(bytes, offset);
    view.setUint32(record + 4, checksum(view, offset, bytes.length));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, bytes.length);
    if (tag === 'head') headOffset = offset;
    offset += (bytes.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(view, 0, length)) >>> 0);
  return out;
}

function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  const end = offset + ((length + 3) & ~3);
  for (let at = offset; at < end; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}
