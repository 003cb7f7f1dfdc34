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
