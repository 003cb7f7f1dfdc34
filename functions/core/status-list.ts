import { gunzipSync, gzipSync } from 'node:zlib';
import type { Links } from './ports.js';

/**
 * W3C Bitstring Status List v1.0: every credential names one bit (its `statusListIndex`) of a public,
 * signed list; the bit set means "revoked". A verifier fetches the whole list, so the issuer never
 * learns which credential was checked; the index is drawn at random, so neighbours in the list say
 * nothing about who was certified together.
 */

/** Bits per list: the spec's minimum (16 KB), which is what keeps the herd big enough for privacy. */
export const STATUS_LIST_LENGTH = 131_072;

/** How long a verifier may keep a fetched list (the list's `ttl`, and the HTTP max-age), in seconds. */
export const STATUS_LIST_TTL_SECONDS = 60;

export const STATUS_PURPOSE = 'revocation' as const;

/** What a certificate records of its place in a list; the credential's `credentialStatus` is built from it. */
export interface StatusListPosition {
  listId: string;
  index: number;
}

/** The stable public URL of a list: `statusListCredential` in every credential that points into it. */
export const statusListUrlOf = (links: Pick<Links, 'apiBaseUrl'>, listId: string) =>
  `${links.apiBaseUrl}/status-lists/${encodeURIComponent(listId)}`;

/** The credential's `credentialStatus` (a BitstringStatusListEntry; the index is a base-10 string). */
export function statusListEntryOf(links: Pick<Links, 'apiBaseUrl'>, position: StatusListPosition) {
  const list = statusListUrlOf(links, position.listId);
  return {
    id: `${list}#${position.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: STATUS_PURPOSE,
    statusListIndex: String(position.index),
    statusListCredential: list,
  };
}

/** A bitstring of `length` bits, all 0, with the given bits set. Bit 0 is the left-most bit of byte 0. */
export function bitstringWith(setIndices: Iterable<number>, length = STATUS_LIST_LENGTH): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const index of setIndices) setBit(bytes, index);
  return bytes;
}

function checkIndex(bytes: Uint8Array, index: number) {
  if (!Number.isInteger(index) || index < 0 || index >= bytes.length * 8)
    throw new RangeError(`Status list index ${index} is outside the list (0..${bytes.length * 8 - 1})`);
}

export function setBit(bytes: Uint8Array, index: number) {
  checkIndex(bytes, index);
  bytes[index >> 3] = (bytes[index >> 3] ?? 0) | (0x80 >> (index & 7));
}

export function getBit(bytes: Uint8Array, index: number): boolean {
  checkIndex(bytes, index);
  return ((bytes[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** `encodedList`: the bitstring GZIP-compressed, then multibase base64url without padding (prefix `u`). */
export function encodeBitstring(bytes: Uint8Array): string {
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export class MalformedStatusListError extends Error {
  override name = 'MalformedStatusListError' as const;
}

/** The reverse of encodeBitstring; refuses anything that is not multibase-u GZIP of a big enough list. */
export function decodeBitstring(encodedList: string): Uint8Array {
  if (!encodedList.startsWith('u'))
    throw new MalformedStatusListError('encodedList is not multibase base64url (it must start with "u")');
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), {
      // A list is 16 KB to a few MB; a "zip bomb" is refused, not inflated.
      maxOutputLength: 16 * 1024 * 1024,
    });
  } catch {
    throw new MalformedStatusListError('encodedList is not GZIP-compressed data');
  }
  if (bytes.length * 8 < STATUS_LIST_LENGTH)
    throw new MalformedStatusListError(
      `the list has ${bytes.length * 8} entries, fewer than the ${STATUS_LIST_LENGTH} the spec requires`,
    );
  return new Uint8Array(bytes);
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/**
 * The BitstringStatusListCredential of one list, as claims for a VC-JWT (the same shape and JWT claims
 * as the certificates' credentials, signed by the same key).
 */
export function buildStatusListClaims(input: {
  links: Pick<Links, 'apiBaseUrl' | 'verificationBaseUrl'>;
  listId: string;
  setIndices: Iterable<number>;
  signedAt: string;
}) {
  const id = statusListUrlOf(input.links, input.listId);
  const issuer = `${input.links.verificationBaseUrl}/issuer`;
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: input.signedAt,
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: STATUS_PURPOSE,
      encodedList: encodeBitstring(bitstringWith(input.setIndices)),
      ttl: STATUS_LIST_TTL_SECONDS * 1000,
    },
    iss: issuer,
    jti: id,
    iat: seconds(input.signedAt),
    nbf: seconds(input.signedAt),
  };
}

export type StatusListClaims = ReturnType<typeof buildStatusListClaims>;

export type StatusCheck =
  | { known: true; revoked: boolean; listUrl: string; index: number }
  | { known: false; reason: string };

/**
 * Reads a credential's revocation bit from the claims of its (already signature-checked) status list.
 * Refuses a list that is not the one the credential names, or not a revocation list.
 */
export function revocationBitOf(
  credentialClaims: Record<string, unknown>,
  listClaims: Record<string, unknown>,
): StatusCheck {
  const entries = [credentialClaims.credentialStatus].flat() as
    | { type?: unknown; statusPurpose?: unknown; statusListIndex?: unknown; statusListCredential?: unknown }[]
    | undefined[];
  const entry = entries.find(
    (candidate) =>
      candidate?.type === 'BitstringStatusListEntry' && candidate.statusPurpose === STATUS_PURPOSE,
  );
  if (!entry) return { known: false, reason: 'the credential names no revocation status list entry' };
  const listUrl = String(entry.statusListCredential);
  if (listClaims.id !== listUrl)
    return {
      known: false,
      reason: `the status list given is ${String(listClaims.id)}, not the credential's ${listUrl}`,
    };
  // The spec's check: the list must come from the credential's own issuer.
  const issuerOf = (claims: Record<string, unknown>) =>
    typeof claims.issuer === 'string' ? claims.issuer : (claims.issuer as { id?: unknown } | undefined)?.id;
  if (issuerOf(listClaims) !== issuerOf(credentialClaims))
    return {
      known: false,
      reason: `the status list's issuer ${String(issuerOf(listClaims))} is not the credential's`,
    };
  const types = [listClaims.type].flat();
  const subject = (listClaims.credentialSubject ?? {}) as {
    type?: unknown;
    statusPurpose?: unknown;
    encodedList?: unknown;
  };
  if (!types.includes('BitstringStatusListCredential') || subject.type !== 'BitstringStatusList')
    return { known: false, reason: 'the status list given is not a BitstringStatusListCredential' };
  if (subject.statusPurpose !== STATUS_PURPOSE)
    return {
      known: false,
      reason: `the status list is for ${String(subject.statusPurpose)}, not revocation`,
    };
  const index = Number(entry.statusListIndex);
  if (typeof entry.statusListIndex !== 'string' || !/^\d+$/.test(entry.statusListIndex))
    return { known: false, reason: 'the credential’s statusListIndex is not a base-10 number' };
  let bits: Uint8Array;
  try {
    bits = decodeBitstring(String(subject.encodedList));
  } catch (error) {
    return { known: false, reason: (error as Error).message };
  }
  if (index >= bits.length * 8)
    return { known: false, reason: `statusListIndex ${index} is outside the list` };
  return { known: true, revoked: getBit(bits, index), listUrl, index };
}
