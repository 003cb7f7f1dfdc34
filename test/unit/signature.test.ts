import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  derToJoseSignature,
  joseToDerSignature,
  MalformedSignatureError,
  sha256,
  spkiDerToJwk,
  toHex,
  verifyDigestSignature,
} from '../../functions/core/signature.js';

const secretKey = p256.utils.randomSecretKey();
const spkiDer = spkiOf(secretKey);
const nodePublicKey = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });

function spkiOf(secret: Uint8Array): Uint8Array {
  const point = p256.getPublicKey(secret, false);
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: Buffer.from(point.subarray(1, 33)).toString('base64url'),
      y: Buffer.from(point.subarray(33)).toString('base64url'),
    },
    format: 'jwk',
  });
  return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
}

/** Signs sha256(message) with deterministic k, searching messages until the raw signature matches. */
function findSignature(match: (raw: Uint8Array) => boolean): { message: Uint8Array; raw: Uint8Array } {
  for (let i = 0; i < 20_000; i += 1) {
    const message = new TextEncoder().encode(`message ${i}`);
    const raw = p256.sign(sha256(message), secretKey, { prehash: false, lowS: false, extraEntropy: false });
    if (match(raw)) return { message, raw };
  }
  throw new Error('no matching signature found');
}

describe('sha256 and toHex', () => {
  it('hashes like the standard test vector', () => {
    expect(toHex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('respects the view of a subarray', () => {
    const bytes = Uint8Array.from([1, 2, 0xab, 0xcd, 3]);
    expect(toHex(bytes.subarray(2, 4))).toBe('abcd');
  });
});

describe('DER <-> raw r||s', () => {
  it('matches node:crypto for ordinary signatures, both ways', () => {
    for (let i = 0; i < 20; i += 1) {
      const message = new TextEncoder().encode(`node ${i}`);
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const der = new Uint8Array(sign('sha256', message, privateKey));
      const raw = derToJoseSignature(der);
      expect(raw).toHaveLength(64);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
      expect(joseToDerSignature(raw)).toEqual(der);
    }
  });

  it('round-trips an r with leading zero bytes (short DER integer, left-padded raw)', () => {
    const { message, raw } = findSignature((sig) => sig[0] === 0 && (sig[1] ?? 0) < 0x80);
    const der = joseToDerSignature(raw);
    // r is encoded in fewer than 32 bytes and without the leading zero.
    expect(der[3]).toBe(31);
    expect(verify('sha256', message, nodePublicKey, der)).toBe(true);
    expect(derToJoseSignature(der)).toEqual(raw);
  });

  it('round-trips r and s with the high bit set (33-byte DER integers with a 0x00 prefix)', () => {
    const { message, raw } = findSignature((sig) => (sig[0] ?? 0) >= 0x80 && (sig[32] ?? 0) >= 0x80);
    const der = joseToDerSignature(raw);
    expect(der).toHaveLength(2 + 2 * (2 + 33));
    expect([der[3], der[4]]).toEqual([33, 0]);
    expect(verify('sha256', message, nodePublicKey, der)).toBe(true);
    expect(derToJoseSignature(der)).toEqual(raw);
  });

  it('accepts a low s that needs no padding and one that needs it', () => {
    const raw = new Uint8Array(64);
    raw[31] = 1; // r = 1
    raw[63] = 0x80; // s = 128: high bit of its only byte
    const der = joseToDerSignature(raw);
    expect([...der]).toEqual([0x30, 7, 0x02, 1, 1, 0x02, 2, 0, 0x80]);
    expect(derToJoseSignature(der)).toEqual(raw);
  });

  it('rejects malformed DER with a clear error', () => {
    const good = joseToDerSignature(findSignature(() => true).raw);
    const cases: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array()],
      ['not a sequence', Uint8Array.from([0x31, ...good.subarray(1)])],
      ['wrong sequence length', Uint8Array.from([0x30, (good[1] ?? 0) + 1, ...good.subarray(2)])],
      ['truncated', good.subarray(0, good.length - 1)],
      ['trailing bytes', Uint8Array.from([0x30, (good[1] ?? 0) + 1, ...good.subarray(2), 0])],
      ['r not an integer', Uint8Array.from([0x30, 6, 0x04, 1, 1, 0x02, 1, 1])],
      ['negative r', Uint8Array.from([0x30, 6, 0x02, 1, 0x81, 0x02, 1, 1])],
      ['r too long', Uint8Array.from([0x30, 38, 0x02, 33, 1, ...new Uint8Array(32), 0x02, 1, 1])],
      ['missing s', Uint8Array.from([0x30, 6, 0x02, 4, 1, 2, 3, 4])],
    ];
    for (const [label, der] of cases) {
      expect(() => derToJoseSignature(der), label).toThrow(MalformedSignatureError);
      expect(() => derToJoseSignature(der), label).toThrow(/Malformed DER ECDSA signature/);
    }
    expect(() => joseToDerSignature(new Uint8Array(63))).toThrow(/64 bytes/);
  });
});

describe('verifyDigestSignature', () => {
  const digest = sha256(new TextEncoder().encode('certificate.pdf bytes'));
  const signatureDer = p256.sign(digest, secretKey, { prehash: false, format: 'der' });

  it('accepts a signature over the digest taken as is', () => {
    expect(verifyDigestSignature({ spkiDer, digest, signatureDer })).toBe(true);
  });

  it('rejects another digest, another key, a flipped bit and garbage, without throwing', () => {
    const otherDigest = sha256(digest);
    expect(verifyDigestSignature({ spkiDer, digest: otherDigest, signatureDer })).toBe(false);
    expect(
      verifyDigestSignature({ spkiDer: spkiOf(p256.utils.randomSecretKey()), digest, signatureDer }),
    ).toBe(false);
    const flipped = Uint8Array.from(signatureDer);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(verifyDigestSignature({ spkiDer, digest, signatureDer: flipped })).toBe(false);
    expect(verifyDigestSignature({ spkiDer, digest, signatureDer: Uint8Array.from([1, 2, 3]) })).toBe(false);
    expect(verifyDigestSignature({ spkiDer, digest: digest.subarray(0, 31), signatureDer })).toBe(false);
  });

  it('does not hash the digest again: a signature over sha256(message) made by node:crypto verifies', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const message = new TextEncoder().encode('hello');
    const der = new Uint8Array(sign('sha256', message, privateKey));
    const nodeSpki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
    expect(verifyDigestSignature({ spkiDer: nodeSpki, digest: sha256(message), signatureDer: der })).toBe(
      true,
    );
    expect(
      verifyDigestSignature({ spkiDer: nodeSpki, digest: sha256(sha256(message)), signatureDer: der }),
    ).toBe(false);
  });

  it('accepts a high-S signature (KMS does not normalise s)', () => {
    const high = p256.sign(digest, secretKey, { prehash: false, lowS: true });
    const sig = p256.Signature.fromBytes(high);
    const highS = new p256.Signature(sig.r, p256.Point.CURVE().n - sig.s).toBytes('der');
    expect(verifyDigestSignature({ spkiDer, digest, signatureDer: highS })).toBe(true);
  });

  it('throws on a key that is not P-256', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const p384 = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
    expect(() => verifyDigestSignature({ spkiDer: p384, digest, signatureDer })).toThrow(/P-256/);
  });
});

describe('spkiDerToJwk', () => {
  it('gives a public ES256 JWK that jose imports and verifies a JWS with', async () => {
    const jwk = spkiDerToJwk(spkiDer, 'key-1');
    expect(jwk).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: 'key-1',
      alg: 'ES256',
      use: 'sig',
    });
    expect(jwk).not.toHaveProperty('d');
    expect(nodePublicKey.export({ format: 'jwk' })).toMatchObject({ x: jwk.x, y: jwk.y });

    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${encode({ alg: 'ES256', kid: 'key-1' })}.${encode({ sub: 'participant-1' })}`;
    const der = p256.sign(sha256(new TextEncoder().encode(signingInput)), secretKey, {
      prehash: false,
      format: 'der',
    });
    const jws = `${signingInput}.${Buffer.from(derToJoseSignature(der)).toString('base64url')}`;

    const key = await importJWK(jwk, 'ES256');
    const { payload, protectedHeader } = await compactVerify(jws, key);
    expect(protectedHeader.kid).toBe('key-1');
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ sub: 'participant-1' });

    const tampered = `${encode({ alg: 'ES256', kid: 'key-1' })}.${encode({ sub: 'participant-2' })}.${jws.split('.')[2]}`;
    await expect(compactVerify(tampered, key)).rejects.toThrow();
  });
});
