import { formatLongDate } from '../text.js';

/**
 * Sizing text before layout. react-pdf cannot shrink text to fit, so the templates choose a font size from
 * an estimate of the text's width. The estimate is deliberately generous (wide glyphs, bold faces), so text
 * sized by it fits; the worst case is a name set a point or two smaller than it could have been.
 */

const CJK_OR_FULLWIDTH =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const UPPER = /\p{Lu}/u;
const NARROW = /[ilj.,;:'!|()[\]\-\u2019 ]/u;
const COMBINING = /\p{M}/u;

/** Estimated advance of one character, in ems, for a bold serif/sans at most as wide as Noto Serif Bold. */
function charEms(char: string, emPerChar: number): number {
  if (COMBINING.test(char)) return 0;
  if (CJK_OR_FULLWIDTH.test(char)) return 1;
  if (char === ' ') return 0.27;
  if (NARROW.test(char)) return emPerChar * 0.55;
  if (UPPER.test(char)) return emPerChar * 1.3;
  return emPerChar;
}

/** Width of a text in ems. */
export function textEms(text: string, emPerChar = 0.6): number {
  let ems = 0;
  for (const char of text) ems += charEms(char, emPerChar);
  return ems;
}

/** How many lines greedy word wrapping needs for `text` at `fontSize` in a box `width` points wide. */
export function estimateLines(text: string, fontSize: number, width: number, emPerChar = 0.6): number {
  const lineEms = width / fontSize;
  const space = 0.27;
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ').filter(Boolean)) {
    const ems = textEms(word, emPerChar);
    if (ems > lineEms) {
      // An unbreakable run longer than a line is broken anywhere (see splitForLineBreaking).
      const start = used === 0 ? 0 : 1;
      lines += start + Math.ceil(ems / lineEms) - 1;
      used = ems % lineEms;
      continue;
    }
    const needed = used === 0 ? ems : used + space + ems;
    if (needed <= lineEms) {
      used = needed;
    } else {
      lines += 1;
      used = ems;
    }
  }
  return lines;
}

export interface FitOptions {
  width: number;
  maxSize: number;
  minSize: number;
  /** Most lines the text may take; below minSize it takes as many as it needs. */
  maxLines: number;
  emPerChar?: number;
}

/** The largest size, in half points from maxSize down to minSize, at which `text` fits in maxLines lines. */
export function fitFontSize(
  text: string,
  { width, maxSize, minSize, maxLines, emPerChar = 0.6 }: FitOptions,
): number {
  for (let size = maxSize; size > minSize; size -= 0.5) {
    if (estimateLines(text, size, width, emPerChar) <= maxLines) return size;
  }
  return minSize;
}

/**
 * Like fitFontSize, but keeps one line down to `preferOneLineDownTo` before it lets the text wrap:
 * a name reads better on one slightly smaller line than split over two large ones.
 */
export function fitHeadline(
  text: string,
  options: FitOptions & { preferOneLineDownTo: number },
): { fontSize: number; lines: number } {
  const emPerChar = options.emPerChar ?? 0.6;
  for (let size = options.maxSize; size >= options.preferOneLineDownTo; size -= 0.5) {
    if (estimateLines(text, size, options.width, emPerChar) === 1) return { fontSize: size, lines: 1 };
  }
  const fontSize = fitFontSize(text, { ...options, maxSize: options.preferOneLineDownTo });
  return { fontSize, lines: estimateLines(text, fontSize, options.width, emPerChar) };
}

/** Certificate dates: see formatLongDate. */
export const formatCertificateDate = formatLongDate;

/** The verification address without its scheme, as printed under the QR code. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
