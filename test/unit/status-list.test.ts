import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkCredentialJwt } from '../../functions/core/credential-verification.js';
import { publishedKeys } from '../../functions/core/signing-keys.js';
import {
  bitstringWith,
  decodeBitstring,
  encodeBitstring,
  getBit,
  MalformedStatusListError,
  revocationBitOf,
  STATUS_LIST_LENGTH,
  setBit,
} from '../../functions/core/status-list.js';
import {
  correctCertificate,
  revokeCertificate,
} from '../../functions/core/use-cases/certificate-lifecycle.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import {
  describeAchievement,
  describeStatusList,
  openPublicDocument,
} from '../../functions/core/use-cases/public-descriptions.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import {
  allocateStatusListPosition,
  ensureStatusListSigned,
  getStatusListCredential,
} from '../../functions/core/use-cases/status-lists.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests read decoded JSON freely
const payloadOf = (token: string): Record<string, any> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

/** The spec's example encodedList (Bitstring Status List v1.0, §2.2): a 16 KB list, every bit 0. */
const SPEC_EXAMPLE_ENCODED_LIST = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

describe('the bitstring: GZIP, multibase base64url, bit order', () => {
  it("decodes the spec's example list to 131,072 zero bits", () => {
    const bits = decodeBitstring(SPEC_EXAMPLE_ENCODED_LIST);
    expect(bits.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(bits.every((byte) => byte === 0)).toBe(true);
    // Our encoding of the same empty list decodes to the same bytes (gzip headers may differ).
    expect(decodeBitstring(encodeBitstring(bitstringWith([])))).toEqual(bits);
  });

  it('puts index 0 at the left-most bit of the first byte, and round-trips set bits', () => {
    const bits = bitstringWith([0, 7, 8, 94_567, STATUS_LIST_LENGTH - 1]);
    expect(bits[0]).toBe(0b1000_0001);
    expect(bits[1]).toBe(0b1000_0000);
    expect(bits.at(-1)).toBe(0b0000_0001);
    const encoded = encodeBitstring(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/); // base64url, no padding
    expect(gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))).toEqual(Buffer.from(bits));
    const decoded = decodeBitstring(encoded);
    for (const index of [0, 7, 8, 94_567, STATUS_LIST_LENGTH - 1]) expect(getBit(decoded, index)).toBe(true);
    for (const index of [1, 6, 9, 94_566, 94_568]) expect(getBit(decoded, index)).toBe(false);
    setBit(decoded, 1);
    expect(getBit(decoded, 1)).toBe(true);
  });

  it('compresses a sparse list to well under a kilobyte', () => {
    const indices = Array.from({ length: 100 }, (_, i) => i * 1_300);
    expect(encodeBitstring(bitstringWith(indices)).length).toBeLessThan(1_000);
  });

  it('refuses a list without the multibase prefix, not GZIP, or shorter than the spec allows', () => {
    expect(() => decodeBitstring(SPEC_EXAMPLE_ENCODED_LIST.slice(1))).toThrow(MalformedStatusListError);
    expect(() => decodeBitstring(`u${Buffer.from('plain').toString('base64url')}`)).toThrow(/GZIP/);
    expect(() => decodeBitstring(encodeBitstring(new Uint8Array(1024)))).toThrow(/fewer than the 131072/);
    expect(() => setBit(new Uint8Array(2), 16)).toThrow(RangeError);
  });
});

let world: ReturnType<typeof inMemoryDeps>;

beforeEach(async () => {
  world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) {
    await world.deps.participants.putParticipant(participant);
    await world.deps.progress.putProgress(progress);
  }
});

async function issue(participantId: string) {
  const { approval } = await recordApproval(world.deps, {
    participantId,
    courseId: sampleCourse.courseId,
    approvedBy: 'staff@saypro.test',
  });
  const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
  return world.state.certificates.get(certificateNumber)!;
}

/** The list a credential points at, checked with the published keys, and its bit for that credential. */
async function bitOf(credential: string) {
  const status = payloadOf(credential).credentialStatus;
  const listId = String(status.statusListCredential).split('/').at(-1)!;
  const { jwt } = await getStatusListCredential(world.deps, listId);
  const check = await checkCredentialJwt(jwt, await publishedKeys(world.deps), world.clock.current);
  expect(check.ok).toBe(true);
  if (!check.ok) throw new Error(check.reason);
  const bit = revocationBitOf(payloadOf(credential), check.claims);
  if (!bit.known) throw new Error(bit.reason);
  return bit.revoked;
}

describe('the credential’s credentialStatus and the signed list', () => {
  it('names a BitstringStatusListEntry whose list is signed with the certificates’ key at once', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const status = payloadOf(certificate.credential).credentialStatus;
    expect(status).toEqual({
      id: `${status.statusListCredential}#${certificate.statusList!.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(certificate.statusList!.index),
      statusListCredential: `${world.deps.links.apiBaseUrl}/status-lists/1`,
    });
    const { jwt } = await getStatusListCredential(world.deps, '1');
    const list = payloadOf(jwt);
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.id).toBe(status.statusListCredential);
    expect(list.credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
    });
    expect(await bitOf(certificate.credential)).toBe(false);
    // Same kid as the certificate's credential.
    expect(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid).toBe(
      certificate.signature.kid,
    );
  });

  it('a tampered list fails its signature check', async () => {
    await issue('thandiwe-nkosi');
    const { jwt } = await getStatusListCredential(world.deps, '1');
    const [header, , signature] = jwt.split('.');
    const claims = payloadOf(jwt);
    claims.credentialSubject.encodedList = encodeBitstring(bitstringWith([1, 2, 3]));
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const check = await checkCredentialJwt(forged, await publishedKeys(world.deps), world.clock.current);
    expect(check).toMatchObject({ ok: false, failure: 'signature' });
  });

  it('a list from another issuer, for another credential or purpose, answers nothing about the bit', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const credential = payloadOf(certificate.credential);
    const list = payloadOf((await getStatusListCredential(world.deps, '1')).jwt);
    expect(revocationBitOf(credential, list)).toMatchObject({ known: true, revoked: false });
    expect(
      revocationBitOf(credential, { ...list, issuer: 'https://elsewhere.example/issuer' }),
    ).toMatchObject({
      known: false,
      reason: expect.stringMatching(/issuer/),
    });
    expect(revocationBitOf(credential, { ...list, id: `${list.id}0` })).toMatchObject({ known: false });
    expect(
      revocationBitOf(credential, {
        ...list,
        credentialSubject: { ...list.credentialSubject, statusPurpose: 'suspension' },
      }),
    ).toMatchObject({ known: false, reason: expect.stringMatching(/suspension/) });
    expect(revocationBitOf({ ...credential, credentialStatus: undefined }, list)).toMatchObject({
      known: false,
    });
  });

  it('revocation sets the bit and re-signs once; a repeat changes nothing', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const other = await issue('pieter-van-der-merwe');
    const before = (await getStatusListCredential(world.deps, '1')).revision;
    const answer = await revokeCertificate(world.deps, certificate.number, {
      reason: 'Issued in error',
      revokedBy: 'registrar',
    });
    expect(answer).toMatchObject({ status: 'revoked', statusListUpdated: true });
    expect(await bitOf(certificate.credential)).toBe(true);
    expect(await bitOf(other.credential)).toBe(false);
    const signed = await getStatusListCredential(world.deps, '1');
    expect(signed.revision).toBe(before + 1);
    // Nothing left to do: the list is not signed again.
    expect(await ensureStatusListSigned(world.deps, '1')).toEqual({
      signed: false,
      revision: signed.revision,
    });
    await expect(
      revokeCertificate(world.deps, certificate.number, {
        reason: 'Issued in error',
        revokedBy: 'registrar',
      }),
    ).rejects.toThrow(/already revoked/);
    expect((await describeStatusList(world.deps, '1')).setBits).toBe(1);
  });

  it('a correction sets the old version’s bit; the new version has its own, unset', async () => {
    const old = await issue('thandiwe-nkosi');
    const corrected = await correctCertificate(world.deps, old.number, {
      holderName: 'Thandiwe N. Nkosi',
      reason: 'Name misspelt',
      correctedBy: 'registrar',
    });
    expect(corrected).toMatchObject({ statusListUpdated: true });
    const replacement = [...world.state.certificates.values()].find((c) => c.supersedes === old.number)!;
    expect(await bitOf(old.credential)).toBe(true);
    expect(await bitOf(replacement.credential)).toBe(false);
    expect(replacement.statusList).not.toEqual(old.statusList);
  });

  it('a revocation whose signing fails stands, says so, and the next revocation run signs the list', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const signer = world.deps.signer;
    world.deps.signer = {
      ...signer,
      signDigest: async () => {
        throw new Error('KMS is unavailable');
      },
    };
    const answer = await revokeCertificate(world.deps, certificate.number, {
      reason: 'Issued in error',
      revokedBy: 'registrar',
    });
    expect(answer).toMatchObject({ status: 'revoked', statusListUpdated: false });
    expect(answer.statusListError).toMatch(/KMS is unavailable/);
    expect(await bitOf(certificate.credential)).toBe(false);
    world.deps.signer = signer;
    const again = await revokeCertificate(world.deps, certificate.number, {
      reason: 'Issued in error',
      revokedBy: 'registrar',
    });
    expect(again).toMatchObject({ alreadyRevoked: true, statusListUpdated: true });
    expect(await bitOf(certificate.credential)).toBe(true);
  });
});

describe('index allocation', () => {
  it('never gives two certificates the same index, and moves to a next list when one fills', async () => {
    const length = 64;
    const positions = [];
    for (let i = 0; i < 200; i += 1)
      positions.push(await allocateStatusListPosition(world.deps, `N${i}`, { length }));
    const keys = positions.map((position) => `${position.listId}#${position.index}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(world.state.statusLists.claims.size).toBe(200);
    const lists = new Set(positions.map((position) => position.listId));
    expect(lists.size).toBeGreaterThanOrEqual(4);
    expect(positions.every((position) => position.index >= 0 && position.index < length)).toBe(true);
    // Each list a certificate points at is signed and served.
    for (const listId of lists)
      await expect(getStatusListCredential(world.deps, listId)).resolves.toBeTruthy();
  });

  it('retries another random index when the drawn one is taken', async () => {
    const drawn = [7, 7, 7, 9];
    world.deps.random = { bytes: () => Uint8Array.from([0, 0, 0, drawn.shift() ?? 0]) };
    expect(await allocateStatusListPosition(world.deps, 'A')).toEqual({ listId: '1', index: 7 });
    expect(await allocateStatusListPosition(world.deps, 'B')).toEqual({ listId: '1', index: 9 });
    expect(world.state.statusLists.claims.get('1#7')).toBe('A');
    expect(world.state.statusLists.claims.get('1#9')).toBe('B');
  });

  it('draws indices across the whole list, not in issue order', async () => {
    const indices = [];
    for (let i = 0; i < 50; i += 1)
      indices.push((await allocateStatusListPosition(world.deps, `N${i}`)).index);
    expect(Math.max(...indices)).toBeGreaterThan(STATUS_LIST_LENGTH / 2);
    expect(indices).not.toEqual([...indices].sort((a, b) => a - b));
  });

  it('an unknown or malformed list id is a 404, not a lookup', async () => {
    await expect(getStatusListCredential(world.deps, '1')).rejects.toThrow(/No status list/);
    await expect(getStatusListCredential(world.deps, '../etc')).rejects.toThrow(/No status list/);
  });
});

describe('what the credential’s other URLs answer', () => {
  it('achievement.id: the course’s Achievement, the same as in the credential', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const achievement = payloadOf(certificate.credential).credentialSubject.achievement;
    const described = await describeAchievement(world.deps, sampleCourse.courseId);
    expect(described).toMatchObject(achievement);
    expect(described.creator.id).toBe(`${world.deps.links.verificationBaseUrl}/issuer`);
    await expect(describeAchievement(world.deps, 'no-such-course')).rejects.toThrow(/No course/);
  });

  it('relatedResource: the PDF without a token when the holder consents, a reason when not', async () => {
    const consenting = await issue('thandiwe-nkosi');
    const resource = payloadOf(consenting.credential).relatedResource[0];
    expect(resource.id).toMatch(/\/certificates\/[0-9A-Z-]+\/document$/);
    expect(await openPublicDocument(world.deps, consenting.number)).toMatchObject({ shown: true });
    const private_ = await issue('pieter-van-der-merwe');
    expect(await openPublicDocument(world.deps, private_.number)).toMatchObject({
      shown: false,
      reason: expect.stringMatching(/has not agreed/),
    });
  });
});
