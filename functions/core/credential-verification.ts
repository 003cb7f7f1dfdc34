import { timingSafeEqual } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { emailIdentityHash } from './credential.js';
import type { PublishedJwk } from './signing-keys.js';

/** How far a verifier's clock may be ahead of or behind ours before nbf/exp judgements change. */
export const CLOCK_SKEW_SECONDS = 300;

export type CredentialFailure =
  | 'malformed'
  | 'algorithm'
  | 'unknown-key'
  | 'signature'
  | 'not-yet-valid'
  | 'expired';

export type CredentialCheck =
  | { ok: true; kid: string; claims: Record<string, unknown> }
  | { ok: false; failure: CredentialFailure; reason: string; kid?: string; claims?: Record<string, unknown> };

/**
 * Checks a VC-JWT's signature against a JWKS, strictly: only ES256 (so `none`, HS256 keyed with our
 * public key, ES384 and the like are refused before any key is used), only a kid we published, only
 * a 64-byte r‖s signature (jose refuses DER). Then the validity window, with CLOCK_SKEW_SECONDS leeway.
 * Works offline: it needs only the token, the key set and a clock.
 */
export async function checkCredentialJwt(
  token: string,
  jwks: { keys: PublishedJwk[] },
  now: Date,
): Promise<CredentialCheck> {
  const compact = token.trim();
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(compact)) {
    return { ok: false, failure: 'malformed', reason: 'not a compact JWS (header.payload.signature)' };
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(compact);
  } catch {
    return { ok: false, failure: 'malformed', reason: 'the JWS header is not valid JSON' };
  }
  if (header.alg !== 'ES256')
    return {
      ok: false,
      failure: 'algorithm',
      reason: `algorithm ${String(header.alg)} is not accepted (only ES256)`,
    };
  if (typeof header.kid !== 'string')
    return { ok: false, failure: 'malformed', reason: 'the JWS header names no key (kid)' };
  const jwk = jwks.keys.find((key) => key.kid === header.kid);
  if (!jwk)
    return {
      ok: false,
      failure: 'unknown-key',
      kid: header.kid,
      reason: `key ${header.kid} is not one of SayPro's published signing keys`,
    };

  let claims: Record<string, unknown>;
  try {
    const key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256');
    const { payload } = await compactVerify(compact, key, { algorithms: ['ES256'] });
    claims = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return {
      ok: false,
      failure: 'signature',
      kid: header.kid,
      reason: 'the signature does not match the credential (it was altered or not signed by SayPro)',
    };
  }

  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + CLOCK_SKEW_SECONDS) {
    return {
      ok: false,
      failure: 'not-yet-valid',
      kid: header.kid,
      claims,
      reason: `not valid before ${new Date(claims.nbf * 1000).toISOString()}`,
    };
  }
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds - CLOCK_SKEW_SECONDS) {
    return {
      ok: false,
      failure: 'expired',
      kid: header.kid,
      claims,
      reason: `expired on ${new Date(claims.exp * 1000).toISOString()}`,
    };
  }
  return { ok: true, kid: header.kid, claims };
}

/** The certificate number a credential speaks of, from its id (…/certificates/<number>). */
export function certificateNumberOf(claims: Record<string, unknown>): string | undefined {
  const id =
    typeof claims.id === 'string' ? claims.id : typeof claims.jti === 'string' ? claims.jti : undefined;
  return id?.split('/certificates/')[1];
}

/** The PDF digest a credential binds (hex), from relatedResource[].digestSRI. */
export function boundDocumentDigest(claims: Record<string, unknown>): string | undefined {
  const resources = Array.isArray(claims.relatedResource) ? claims.relatedResource : [];
  for (const resource of resources as { digestSRI?: unknown; mediaType?: unknown }[]) {
    if (typeof resource.digestSRI === 'string' && resource.digestSRI.startsWith('sha256-')) {
      return Buffer.from(resource.digestSRI.slice('sha256-'.length), 'base64').toString('hex');
    }
  }
  return undefined;
}

export type HolderCheck =
  /** `publishedSalt`: an older credential that carries its own salt, which anyone could have checked. */
  { names: true; publishedSalt: boolean } | { names: false; reason: string };

/**
 * Whether a credential names this email address as its holder: the check a verifier makes once the holder
 * reveals their address and proof secret (shown on their personal page). The credential's email hash is
 * salted with that secret, so without it nothing can be confirmed. Credentials issued before the secret
 * was withheld carry their salt; for those the address alone suffices, and the answer says so.
 */
export function credentialNamesHolder(
  claims: Record<string, unknown>,
  email: string,
  proofSecret?: string,
): HolderCheck {
  const subject = (claims.credentialSubject ?? {}) as { identifier?: unknown };
  const identifiers = (Array.isArray(subject.identifier) ? subject.identifier : []) as {
    identityType?: unknown;
    hashed?: unknown;
    identityHash?: unknown;
    salt?: unknown;
  }[];
  const emails = identifiers.filter(
    (identifier) =>
      identifier.identityType === 'emailAddress' &&
      identifier.hashed === true &&
      typeof identifier.identityHash === 'string',
  );
  if (!emails.length) return { names: false, reason: 'the credential names no email address' };
  for (const identifier of emails) {
    const publishedSalt = typeof identifier.salt === 'string' ? identifier.salt : undefined;
    const salt = publishedSalt ?? proofSecret;
    if (salt === undefined) continue;
    const expected = Buffer.from(emailIdentityHash(email, salt));
    const stated = Buffer.from(String(identifier.identityHash).toLowerCase());
    if (expected.length === stated.length && timingSafeEqual(expected, stated))
      return { names: true, publishedSalt: publishedSalt !== undefined };
  }
  return proofSecret === undefined && emails.every((identifier) => typeof identifier.salt !== 'string')
    ? {
        names: false,
        reason: "the credential's address is hashed with the holder's secret: ask the holder for it",
      }
    : { names: false, reason: 'the address and secret do not match the credential' };
}
