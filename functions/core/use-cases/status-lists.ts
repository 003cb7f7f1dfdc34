import { compactJws, jwsSigningInput } from '../credential.js';
import { NotFoundError, TransientError } from '../errors.js';
import type { Deps } from '../ports.js';
import { derToJoseSignature, sha256 } from '../signature.js';
import { currentSigningKey } from '../signing-keys.js';
import { buildStatusListClaims, STATUS_LIST_LENGTH, type StatusListPosition } from '../status-list.js';

export type StatusListDeps = Pick<
  Deps,
  'statusLists' | 'signer' | 'signingKeys' | 'clock' | 'links' | 'random'
>;

/**
 * Random picks that may hit taken indices before a list counts as full. At 90% use, 20 misses in a
 * row happen 12% of the time, at 50% once in a million: lists fill to about nine tenths, and no
 * issuance waits on more than a few dozen conditional writes.
 */
const COLLISIONS_BEFORE_FULL = 20;
/** More lists than that in one issuance means something is wrong with the store, not that lists filled. */
const MAX_LISTS_PER_ALLOCATION = 3;

const randomIndex = (deps: Pick<Deps, 'random'>, length: number) => {
  const [a = 0, b = 0, c = 0, d = 0] = deps.random.bytes(4);
  // length is a power of two, so the modulo has no bias.
  return (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) % length;
};

/**
 * Gives a new certificate its own bit in the current status list.
 * 1. Draw a random index of the current list and claim it put-if-absent for this certificate.
 * 2. On a collision draw again; after COLLISIONS_BEFORE_FULL collisions in a row, the list counts as
 *    full: open the next list and go on there.
 * 3. Make sure the list has a signed copy, so the credential's statusListCredential resolves at once.
 * An index claimed by an issuance that then fails stays unused: its bit is simply never set.
 */
export async function allocateStatusListPosition(
  deps: StatusListDeps,
  certificateNumber: string,
  options: { length?: number } = {},
): Promise<StatusListPosition> {
  const length = options.length ?? STATUS_LIST_LENGTH;
  let listId = await deps.statusLists.currentListId();
  for (let lists = 0; lists < MAX_LISTS_PER_ALLOCATION; lists += 1) {
    for (let attempt = 0; attempt < COLLISIONS_BEFORE_FULL; attempt += 1) {
      const index = randomIndex(deps, length);
      if (await deps.statusLists.claimIndex(listId, index, certificateNumber)) {
        await ensureStatusListSigned(deps, listId);
        return { listId, index };
      }
    }
    listId = await deps.statusLists.openNextList(listId);
  }
  throw new TransientError(`No free status list index after ${MAX_LISTS_PER_ALLOCATION} lists; retrying`);
}

/**
 * Signs the list again when its signed copy is missing or older than its bits.
 * 1. Read the list (a list no bit was set in yet is all zeros, revision 0).
 * 2. If the signed copy shows this revision, nothing to do.
 * 3. Build the BitstringStatusListCredential, sign it as a VC-JWT with the certificates' key.
 * 4. Store it unless a newer revision got stored meanwhile (two revocations at once).
 */
export async function ensureStatusListSigned(
  deps: StatusListDeps,
  listId: string,
): Promise<{ signed: boolean; revision: number }> {
  const list = (await deps.statusLists.getList(listId)) ?? { listId, setIndices: [], revision: 0 };
  if (list.signed && list.signed.revision >= list.revision) return { signed: false, revision: list.revision };
  const signedAt = deps.clock.now().toISOString();
  const claims = buildStatusListClaims({ links: deps.links, listId, setIndices: list.setIndices, signedAt });
  const key = await currentSigningKey(deps);
  const signingInput = jwsSigningInput(claims, key.kid);
  const signature = await deps.signer.signDigest(sha256(new TextEncoder().encode(signingInput)));
  if (signature.keyId !== key.keyId)
    throw new TransientError(`The signing key changed while signing status list ${listId}; retrying`);
  const jwt = compactJws(signingInput, derToJoseSignature(signature.signatureDer));
  await deps.statusLists.putSigned(listId, { jwt, revision: list.revision, signedAt });
  return { signed: true, revision: list.revision };
}

/**
 * Sets a withdrawn certificate's bit and signs the list again, so verifiers holding only the list
 * see it as revoked. Idempotent: a bit already set and a list already signed change nothing.
 * `changed` says whether this call did any of it (a re-run after a failed signing does). A bit set but
 * not yet signed is picked up by the next ensureStatusListSigned of that list: every issuance into it
 * and every revocation in it call that.
 */
export async function markWithdrawnInStatusList(
  deps: StatusListDeps,
  position: StatusListPosition | undefined,
): Promise<{ statusListUpdated: boolean; changed: boolean; statusListError?: string }> {
  if (!position) return { statusListUpdated: false, changed: false };
  try {
    const flipped = await deps.statusLists.setBit(position.listId, position.index);
    const { signed } = await ensureStatusListSigned(deps, position.listId);
    return { statusListUpdated: true, changed: flipped || signed };
  } catch (error) {
    return {
      statusListUpdated: false,
      changed: false,
      statusListError: `${String(error)}; the list is signed again by the next issuance into it or revocation`,
    };
  }
}

/** The signed list as served at its public URL: no signing here, only the stored copy. */
export async function getStatusListCredential(
  deps: Pick<Deps, 'statusLists'>,
  listId: string,
): Promise<{ jwt: string; signedAt: string; revision: number }> {
  if (!/^[1-9]\d{0,8}$/.test(listId)) throw new NotFoundError(`No status list has the id ${listId}.`);
  const list = await deps.statusLists.getList(listId);
  if (!list?.signed) throw new NotFoundError(`No status list has the id ${listId}.`);
  return { jwt: list.signed.jwt, signedAt: list.signed.signedAt, revision: list.signed.revision };
}
