/**
 * Certificate numbers: 115 random bits in Crockford base32 plus one check character, shown as six groups
 * of four (e.g. `7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE`). Random so that numbers cannot be guessed or counted;
 * the check character catches a mistyped character before any database read.
 * Read back forgivingly: any case, spaces or dashes, O for 0 and I/L for 1.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARACTERS = 23;
const GROUP = 4;

const VALUE_OF = new Map<string, number>([...ALPHABET].map((character, index) => [character, index]));

/** Luhn mod N over the base32 alphabet: catches every single-character error and most swaps. */
function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let index = payload.length - 1; index >= 0; index -= 1) {
    const codePoint = VALUE_OF.get(payload[index]!)!;
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

export function generateCertificateNumber(randomBytes: (length: number) => Uint8Array): string {
  // 23 characters × 5 bits = 115 bits; 15 bytes give 120 bits, of which the first 115 are used.
  const bytes = randomBytes(15);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  bits >>= 5n;
  let payload = '';
  for (let index = 0; index < RANDOM_CHARACTERS; index += 1) {
    payload = ALPHABET[Number(bits & 31n)] + payload;
    bits >>= 5n;
  }
  return payload + checkCharacter(payload);
}

export function formatCertificateNumber(canonical: string): string {
  return canonical.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

export type ParsedNumber = { ok: true; canonical: string } | { ok: false; reason: string };

/** Turns what a person typed or a QR code carried into the canonical form, or says why it cannot be one. */
export function parseCertificateNumber(input: string): ParsedNumber {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== RANDOM_CHARACTERS + 1) {
    return { ok: false, reason: `a certificate number has ${RANDOM_CHARACTERS + 1} characters` };
  }
  if (![...compact].every((character) => VALUE_OF.has(character))) {
    return {
      ok: false,
      reason: 'a certificate number uses only the digits 0-9 and letters A-Z except I, L, O, U',
    };
  }
  const payload = compact.slice(0, RANDOM_CHARACTERS);
  if (checkCharacter(payload) !== compact.slice(RANDOM_CHARACTERS)) {
    return {
      ok: false,
      reason: 'the certificate number has a typing mistake (its check character does not match)',
    };
  }
  return { ok: true, canonical: compact };
}
