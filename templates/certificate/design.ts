import { inflateSync } from 'node:zlib';
import type { CertificateDesign } from '../../functions/core/model.js';
import { brand } from './brand.js';

/**
 * A course's design (colours, logo, signature image) turned into what the templates draw with. Anything
 * missing or unusable falls back to SayPro's own look, so a bad value in a course record changes how a
 * certificate looks, never whether it is issued.
 */

/** The colours a template uses that a course may change. Text colours are always readable on white. */
export interface Palette {
  /** Frame, spine and other large shapes. */
  primary: string;
  /** Headings and the names set in the primary colour; the primary itself unless it is too light for text. */
  primaryText: string;
  /** Corner brackets, short rules, bars. */
  accent: string;
  /** Letter-spaced captions in the accent colour; primaryText when the accent is too light for them. */
  accentText: string;
  /** A pale accent for hairlines, such as the classic design's inner frame. */
  accentLight: string;
  /** Barely visible: the modern design's large background mark. */
  watermark: string;
}

/** A PNG to draw, with its pixel size (from its header) for fitting it into a box. */
export interface DesignImage {
  /** data: URI; react-pdf caches decoded images by it, so each distinct image is read once per process. */
  uri: string;
  /** The PNG file. */
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ResolvedDesign {
  palette: Palette;
  /** A course or partner logo drawn instead of SayPro's (with an "Issued by SayPro" line). */
  logo?: DesignImage;
  /** A scanned signature drawn instead of the name in a script face. */
  signature?: DesignImage;
}

export const DEFAULT_PALETTE: Palette = {
  primary: brand.navy,
  primaryText: brand.navy,
  accent: brand.gold,
  accentText: brand.gold,
  accentLight: brand.goldLight,
  watermark: '#F7F5EF',
};

/** WCAG AA for body text. */
const TEXT_CONTRAST = 4.5;
/**
 * WCAG's threshold for large text and graphics, used for the accent captions (letter-spaced capitals).
 * SayPro gold itself is 3.7:1 on white.
 */
const CAPTION_CONTRAST = 3;

const COLOUR = /^#[0-9A-Fa-f]{6}$/;

export function resolveDesign(design: CertificateDesign | undefined): ResolvedDesign {
  if (!design) return { palette: DEFAULT_PALETTE };
  const primary = validColour(design.primaryColour);
  const accent = validColour(design.accentColour);
  const palette: Palette = { ...DEFAULT_PALETTE };
  if (primary) {
    palette.primary = primary;
    palette.primaryText = contrastOnWhite(primary) >= TEXT_CONTRAST ? primary : brand.ink;
    palette.watermark = mix(primary, '#FFFFFF', 0.04);
  }
  if (accent) {
    palette.accent = accent;
    palette.accentLight = mix(accent, '#FFFFFF', 0.5);
  }
  palette.accentText =
    contrastOnWhite(palette.accent) >= CAPTION_CONTRAST ? palette.accent : palette.primaryText;
  const resolved: ResolvedDesign = { palette };
  const logo = pngImage(design.logoPngBase64);
  if (logo) resolved.logo = logo;
  const signature = pngImage(design.signatureImagePngBase64);
  if (signature) resolved.signature = signature;
  return resolved;
}

function validColour(value: string | undefined): string | undefined {
  return value !== undefined && COLOUR.test(value) ? value.toUpperCase() : undefined;
}

function channels(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = channels(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of a colour against white paper, 1 to 21. */
export function contrastOnWhite(colour: string): number {
  return 1.05 / (relativeLuminance(colour) + 0.05);
}

/** `colour` blended into `base`: weight 1 is the colour itself, 0 is the base. */
export function mix(colour: string, base: string, weight: number): string {
  const a = channels(colour);
  const b = channels(base);
  const hex = a.map((channel, index) =>
    Math.round(channel * weight + (b[index] as number) * (1 - weight))
      .toString(16)
      .padStart(2, '0'),
  );
  return `#${hex.join('')}`.toUpperCase();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Larger images are refused: a 200 KB PNG can still declare a huge canvas that takes seconds to decode. */
const MAX_PIXELS = 4_000_000;

const MAX_CHECKED = 32;
const checked = new Map<string, DesignImage | null>();

/**
 * The PNG and its size, or undefined when the data is not a whole, readable PNG (pdfkit would fail on it
 * mid-render, outside any error handler). Checked once per distinct image.
 */
function pngImage(base64: string | undefined): DesignImage | undefined {
  if (!base64) return undefined;
  let image = checked.get(base64);
  if (image === undefined) {
    image = checkPng(base64);
    if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value as string);
    checked.set(base64, image);
  }
  return image ?? undefined;
}

function checkPng(base64: string): DesignImage | null {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 33 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) return null;
  const data: Buffer[] = [];
  let ended = false;
  for (let offset = 8; offset + 12 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) return null;
    if (type === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') {
      ended = true;
      break;
    }
    offset += 12 + length;
  }
  if (!ended || data.length === 0) return null;
  try {
    inflateSync(Buffer.concat(data));
  } catch {
    return null;
  }
  return { uri: `data:image/png;base64,${base64}`, bytes, width, height };
}

/** The size of an image fitted into a box, keeping its aspect ratio. */
export function fitImage(
  image: { width: number; height: number },
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}
