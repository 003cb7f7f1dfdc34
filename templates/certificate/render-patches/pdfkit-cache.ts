import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';

/**
 * Work pdfkit (under react-pdf) repeats in every document, kept per process instead.
 *
 * Images. Prepares a course's PNG logo or signature for pdfkit once per process, which makes embedding it both
 * fast and deterministic.
 *
 * pdfkit embeds a PNG with transparency by inflating it, splitting colour from alpha and deflating both
 * again, in every document: for a logo and a signature, a quarter of a certificate's render time. Worse, it
 * inflates with zlib's asynchronous API and numbers the PDF objects it then creates when each callback
 * fires, so two images could come out in either order: the same certificate in different bytes.
 *
 * Here pdfkit's pixel passes keep their result per image content (SHA-1 of the PNG). preparePdfkitImage
 * runs them in a throwaway document before the certificate is rendered, so during the render pdfkit finds
 * the result and finishes the image synchronously, in document order. The kept bytes are what pdfkit would
 * compute again (zlib output is deterministic).
 *
 * pdfkit's PNG class is not exported: it is reached as the prototype of an image a throwaway document
 * opens, from the same pdfkit module react-pdf renders with.
 */

/** A 1x1 PNG. */
const PROBE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The parts of pdfkit's PNGImage this module touches. */
interface PdfkitPngImage {
  image: { data: Uint8Array };
  imgData: Uint8Array | null;
  alphaChannel?: Uint8Array;
  embed(document: unknown): unknown;
  finalize(): unknown;
  splitAlphaChannel(): unknown;
  loadIndexedAlphaChannel(): unknown;
  decodeData(): unknown;
}

interface Prepared {
  imgData: Uint8Array | null;
  alphaChannel?: Uint8Array;
}

type PixelPass = 'splitAlphaChannel' | 'loadIndexedAlphaChannel' | 'decodeData';
const PASSES: PixelPass[] = ['splitAlphaChannel', 'loadIndexedAlphaChannel', 'decodeData'];
/** Distinct images kept; a process serves few courses at a time. */
const MAX_PREPARED = 32;

const prepared = new Map<string, Prepared>();
const contentKeys = new WeakMap<Uint8Array, string>();
let installed: boolean | undefined;

function contentKey(data: Uint8Array): string {
  let key = contentKeys.get(data);
  if (!key) {
    key = createHash('sha1').update(data).digest('hex');
    contentKeys.set(data, key);
  }
  return key;
}

function install(): boolean {
  if (installed !== undefined) return installed;
  const probe = new PDFDocument({ autoFirstPage: false }).openImage(Buffer.from(PROBE_PNG, 'base64'));
  const prototype = Object.getPrototypeOf(probe) as PdfkitPngImage;
  installed =
    PASSES.every((pass) => typeof prototype[pass] === 'function') && typeof prototype.finalize === 'function';
  if (!installed) return false; // A pdfkit that embeds PNGs differently: leave it alone.
  for (const pass of PASSES) {
    const original = prototype[pass];
    prototype[pass] = function (this: PdfkitPngImage) {
      const key = contentKey(this.image.data);
      const done = prepared.get(key);
      if (done) {
        this.imgData = done.imgData;
        if (done.alphaChannel) this.alphaChannel = done.alphaChannel;
        return this.finalize();
      }
      const finalize = this.finalize;
      this.finalize = function (this: PdfkitPngImage) {
        const result: Prepared = { imgData: this.imgData };
        if (this.alphaChannel) result.alphaChannel = this.alphaChannel;
        if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
        prepared.set(key, result);
        return finalize.call(this);
      };
      return original.call(this);
    };
  }
  return true;
}

/** Runs pdfkit's pixel passes for `png` now, unless already done, so a render embeds it synchronously. */
export async function preparePdfkitImage(png: Uint8Array): Promise<void> {
  if (!install() || prepared.has(contentKey(png))) return;
  const document = new PDFDocument({ autoFirstPage: false });
  const image = document.openImage(png) as PdfkitPngImage;
  await new Promise<void>((resolve) => {
    const finalize = image.finalize;
    image.finalize = function (this: PdfkitPngImage) {
      const result = finalize.call(this);
      resolve();
      return result;
    };
    image.embed(document);
  });
}

/** The part of pdfkit's PDFDocument that memoizePdfkitPaths touches. */
interface PdfkitDocument {
  path(d: string): PdfkitDocument;
  addContent(data: string): PdfkitDocument;
}

/** Distinct SVG paths kept; every certificate draws the same dozen (logo, frame, signature) and one QR code. */
const MAX_PATHS = 128;
let pathsMemoized = false;

/**
 * SVG paths. pdfkit parses an SVG path string and formats its numbers anew on every draw; the logo's
 * wordmark, the frame's corners and the drawn signature are the same in every certificate. The operators a
 * path produces depend on the string alone (position and scale are set separately, with `cm`), so they are
 * kept per string and written in one piece: the same bytes, as pdfkit writes one line per operator. Least
 * recently used strings go first, so the QR code, new in each certificate, never pushes the others out.
 */
export function memoizePdfkitPaths(): void {
  if (pathsMemoized) return;
  pathsMemoized = true;
  const prototype = (PDFDocument as unknown as { prototype: PdfkitDocument }).prototype;
  if (typeof prototype.path !== 'function' || typeof prototype.addContent !== 'function') return;
  const draw = prototype.path;
  const operators = new Map<string, string>();
  prototype.path = function (this: PdfkitDocument, d: string) {
    let content = operators.get(d);
    if (content !== undefined) {
      operators.delete(d);
    } else {
      const lines: string[] = [];
      this.addContent = (data: string) => {
        lines.push(data);
        return this;
      };
      try {
        draw.call(this, d);
      } finally {
        delete (this as Partial<PdfkitDocument>).addContent;
      }
      content = lines.join('\n');
      if (operators.size >= MAX_PATHS) operators.delete(operators.keys().next().value as string);
    }
    operators.set(d, content);
    if (content) this.addContent(content);
    return this;
  };
}
