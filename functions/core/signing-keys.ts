import { createHash } from 'node:crypto';
import { NotFoundError } from './errors.js';
import type { SigningKeyRecord } from './model.js';
import type { Deps } from './ports.js';
import { spkiDerToJwk } from './signature.js';

/** RFC 7638 thumbprint of a P-256 public key: a short, stable, public id for it (no account or ARN in it). */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string; y: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export interface CurrentSigningKey {
  keyId: string;
  kid: string;
}

/**
 * The key that signs from now on, registered for the JWKS the first time it is seen. Registering a new
 * key retires the previous active ones: they no longer sign, but what they signed still verifies.
 */
export async function currentSigningKey(
  deps: Pick<Deps, 'signer' | 'signingKeys' | 'clock'>,
): Promise<CurrentSigningKey> {
  const { keyId, spkiDer } = await deps.signer.publicKey();
  const { kty, crv, x, y } = spkiDerToJwk(spkiDer, '');
  const publicJwk = { kty: kty!, crv: crv!, x: x!, y: y! };
  const kid = jwkThumbprint(publicJwk);
  const known = await deps.signingKeys.getKey(kid);
  if (known?.status === 'compromised')
    throw new Error(`The current signing key ${kid} is marked compromised: rotate it first`);
  if (!known) {
    const now = deps.clock.now().toISOString();
    if (
      await deps.signingKeys.addKey({ kid, kmsKeyId: keyId, publicJwk, status: 'active', firstUsedAt: now })
    ) {
      for (const other of await deps.signingKeys.listKeys()) {
        if (other.kid !== kid && other.status === 'active') {
          await deps.signingKeys.updateKey(other.kid, { status: 'retired', retiredAt: now });
        }
      }
    }
  }
  return { keyId, kid };
}

export interface PublishedJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/** The JWKS anyone can verify with: every key that ever signed, except those marked compromised. */
export async function publishedKeys(deps: Pick<Deps, 'signingKeys'>): Promise<{ keys: PublishedJwk[] }> {
  const keys = await deps.signingKeys.listKeys();
  return {
    keys: keys
      .filter((key) => key.status !== 'compromised')
      .sort((a, b) => b.firstUsedAt.localeCompare(a.firstUsedAt))
      .map((key) => ({ ...key.publicJwk, kid: key.kid, alg: 'ES256' as const, use: 'sig' as const })),
  };
}

export async function rotateSigningKey(deps: Pick<Deps, 'keyAdmin' | 'signer' | 'signingKeys' | 'clock'>) {
  await deps.keyAdmin.rotate();
  return currentSigningKey(deps);
}

/** After a key is marked compromised, nothing it signed verifies, online or with the JWKS. */
export async function markKeyCompromised(
  deps: Pick<Deps, 'signingKeys' | 'clock'>,
  kid: string,
): Promise<SigningKeyRecord> {
  const key = await deps.signingKeys.getKey(kid);
  if (!key) throw new NotFoundError(`No signing key has the id ${kid}`);
  const compromisedAt = deps.clock.now().toISOString();
  await deps.signingKeys.updateKey(kid, { status: 'compromised', compromisedAt });
  return { ...key, status: 'compromised', compromisedAt };
}
