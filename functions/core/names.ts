import { ValidationError } from './errors.js';

/** Longest name we print, in code points: beyond this no layout stays legible on one page. */
export const MAX_DISPLAY_NAME_LENGTH = 200;

/**
 * Invisible characters that change how a name looks or reads without being part of it:
 * bidi embeddings/overrides/isolates and marks (a "Trojan Source" name could otherwise print reversed
 * or hide text), zero-width spaces/joiners, the BOM and soft hyphens, the word joiner and the Arabic letter mark.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** Control characters and every Unicode space: all become one plain space. */
const WHITESPACE_OR_CONTROL = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]+/gu;

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const LETTER = /\p{L}/u;

/**
 * Overlay combining marks (canonical combining class 1: strokes and slashes through a letter, U+0334-U+0338
 * and their U+20D2-U+20EB counterparts). react-pdf's layout cannot place them and crashes; ordinary accents
 * (decomposed "é", Arabic harakat, Vietnamese tones) are other classes and still print.
 */
const OVERLAY_MARKS = /[\u0334-\u0338\u20D2\u20D3\u20D8-\u20DA\u20E5\u20E6\u20EA\u20EB]/u;

const FIELD = 'holderName';

/**
 * The form of a person's name we store and print: NFC, without invisible formatting characters,
 * single-spaced and trimmed. Rejects what cannot be printed as a name: nothing left, no letters at all
 * (emoji or symbols only), pictographs (no certificate font draws them) or more than 200 characters.
 */
export function normalizeDisplayName(raw: string, field: string = FIELD): string {
  // NFC after stripping too: a removed zero-width character may have separated a letter from its accent.
  const name = raw.replace(INVISIBLE, '').replace(WHITESPACE_OR_CONTROL, ' ').normalize('NFC').trim();
  const reject = (message: string): never => {
    throw new ValidationError(message, [{ field, message }]);
  };
  if (name.length === 0) {
    return reject('The name is empty.');
  }
  if (!LETTER.test(name)) {
    return reject('The name has no letters: a name made only of emoji, symbols or digits cannot be printed.');
  }
  if (OVERLAY_MARKS.test(name)) {
    return reject(
      'The name contains overlay marks (strokes through letters, U+0334-U+0338), which a certificate cannot print.',
    );
  }
  if (PICTOGRAPHIC.test(name)) {
    return reject('The name contains emoji or pictographs, which a certificate cannot print; remove them.');
  }
  const length = [...name].length;
  if (length > MAX_DISPLAY_NAME_LENGTH) {
    return reject(
      `The name is ${length} characters long; at most ${MAX_DISPLAY_NAME_LENGTH} fit on a certificate.`,
    );
  }
  return name;
}
