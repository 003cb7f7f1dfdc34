/**
 * ECDSA P-256 helpers for the certificate signature and the ES256 credential.
 * KMS returns ASN.1 DER signatures; JWS (ES256) wants the fixed 64-byte r‖s form (RFC 7518 §3.4).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';

const SCALAR_BYTES = 32;

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export class MalformedSignatureError extends Error {
  override name = 'MalformedSignatureError' as const;
}

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }, DER encoded → 64-byte r‖s. */
export function derToJoseSignature(der: Uint8Array): Uint8Array {
  const fail = (why: string): never => {
    throw new MalformedSignatureError(`Malformed DER ECDSA signature: ${why}`);
  };
  if (der.length < 8) fail(`too short (${der.length} bytes)`);
  if (der[0] !== 0x30) fail('expected a SEQUENCE');
  // A P-256 signature is at most 72 bytes, so its lengths always use the short form (< 0x80).
  const sequenceLength = der[1] ?? 0;
  if (sequenceLength >= 0x80) fail('unexpected long-form length');
  if (sequenceLength !== der.length - 2) fail('SEQUENCE length does not match the input');

  let offset = 2;
  const readInteger = (label: string): Uint8Array => {
    if (der[offset] !== 0x02) fail(`expected INTEGER for ${label}`);
    const length = der[offset + 1] ?? 0;
    if (length === 0 || length >= 0x80) fail(`bad length for ${label}`);
    const start = offset + 2;
    const end = start + length;
    if (end > der.length) fail(`${label} runs past the end`);
    let value = der.subarray(start, end);
    if ((value[0] ?? 0) & 0x80) fail(`${label} is negative`);
    offset = end;
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > SCALAR_BYTES) fail(`${label} is longer than ${SCALAR_BYTES} bytes`);
    return value;
  };
  const r = readInteger('r');
  const s = readInteger('s');
  if (offset !== der.length) fail('trailing bytes after s');

  const raw = new Uint8Array(2 * SCALAR_BYTES);
  raw.set(r, SCALAR_BYTES - r.length);
  raw.set(s, 2 * SCALAR_BYTES - s.length);
  return raw;
}

/** 64-byte r‖s → DER, each integer minimal and with a 0x00 in front when its high bit is set. */
export function joseToDerSignature(raw: Uint8Array): Uint8Array {
  if (raw.length !== 2 * SCALAR_BYTES) {
    throw new MalformedSignatureError(`Raw ES256 signature must be 64 bytes, got ${raw.length}`);
  }
  const encodeInteger = (bytes: Uint8Array): number[] => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const value = [...bytes.subarray(start)];
    if ((value[0] ?? 0) & 0x80) value.unshift(0);
    return [0x02, value.length, ...value];
  };
  const body = [
    ...encodeInteger(raw.subarray(0, SCALAR_BYTES)),
    ...encodeInteger(raw.subarray(SCALAR_BYTES)),
  ];
  return Uint8Array.from([0x30, body.length, ...body]);
}

function p256PublicPoint(spkiDer: Uint8Array): { x: Buffer; y: Buffer } {
  const jwk = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' }).export({
    format: 'jwk',
  });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) {
    throw new Error(`Expected a P-256 public key, got ${jwk.kty ?? 'unknown'} ${jwk.crv ?? ''}`.trim());
  }
  return { x: Buffer.from(jwk.x, 'base64url'), y: Buffer.from(jwk.y, 'base64url') };
}

/**
 * Verifies a DER ECDSA signature over a SHA-256 digest taken as is (what KMS signs with MessageType DIGEST).
 * A wrong or garbled signature gives false; only an unusable public key throws.
 * High-S signatures are accepted: KMS does not normalise s.
 */
export function verifyDigestSignature(input: {
  spkiDer: Uint8Array;
  digest: Uint8Array;
  signatureDer: Uint8Array;
}): boolean {
  const { x, y } = p256PublicPoint(input.spkiDer);
  if (input.digest.length !== SCALAR_BYTES) return false;
  const publicKey = Uint8Array.from([0x04, ...x, ...y]);
  try {
    return p256.verify(input.signatureDer, input.digest, publicKey, {
      prehash: false,
      lowS: false,
      format: 'der',
    });
  } catch {
    return false;
  }
}

export type SigningJwk = JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' };

/** The public key as a JWK for a JWKS document (RFC 7517), with only the public members. */
export function spkiDerToJwk(spkiDer: Uint8Array, kid: string): SigningJwk {
  const { x, y } = p256PublicPoint(spkiDer);
  return {
    kty: 'EC',
    crv: 'P-256',
    x: x.toString('base64url'),
    y: y.toString('base64url'),
    kid,
    alg: 'ES256',
    use: 'sig',
  };
}

/** Like verifyDigestSignature, for a key published as a JWK (x and y in base64url). */
export function verifyDigestSignatureWithJwk(input: {
  jwk: { x: string; y: string };
  digest: Uint8Array;
  signatureDer: Uint8Array;
}): boolean {
  if (input.digest.length !== SCALAR_BYTES) return false;
  const x = Buffer.from(input.jwk.x, 'base64url');
  const y = Buffer.from(input.jwk.y, 'base64url');
  if (x.length !== SCALAR_BYTES || y.length !== SCALAR_BYTES) return false;
  try {
    return p256.verify(input.signatureDer, input.digest, Uint8Array.from([0x04, ...x, ...y]), {
      prehash: false,
      lowS: false,
      format: 'der',
    });
  } catch {
    return false;
  }
}
