import { describe, expect, it } from 'vitest';
import { CachedCertificateStore } from '../../functions/adapters/cached-certificate-store.js';
import { CachedSigningKeyRegistry } from '../../functions/adapters/cached-signing-key-registry.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

async function issuedWorld() {
  const world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  const { participant, progress } = sampleParticipants[0]!;
  await world.deps.participants.putParticipant(participant);
  await world.deps.progress.putProgress(progress);
  const { approval } = await recordApproval(world.deps, {
    participantId: participant.participantId,
    courseId: sampleCourse.courseId,
    approvedBy: 'staff',
  });
  const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
  return { world, number: certificateNumber };
}

describe('the read caches in front of the stores', () => {
  it('serve repeated reads of a certificate from memory within the time to live, then read again', async () => {
    const { world, number } = await issuedWorld();
    let reads = 0;
    const inner = world.deps.certificates;
    const counting = {
      ...inner,
      getCertificate: (n: string) => {
        reads += 1;
        return inner.getCertificate(n);
      },
    };
    let now = 0;
    const cached = new CachedCertificateStore(counting, 1_000, () => now);
    await Promise.all([
      cached.getCertificate(number),
      cached.getCertificate(number),
      cached.getCertificate(number),
    ]);
    expect(reads).toBe(1);
    now = 1_001;
    await cached.getCertificate(number);
    expect(reads).toBe(2);
  });

  it('show a revocation made through them on the very next read', async () => {
    const { world, number } = await issuedWorld();
    const cached = new CachedCertificateStore(world.deps.certificates, 60_000);
    expect((await cached.getCertificate(number))?.status).toBe('valid');
    await cached.revoke(number, { at: '2026-11-29T00:00:00Z', reason: 'test', by: 'staff' });
    expect((await cached.getCertificate(number))?.status).toBe('revoked');
  });

  it('never remember an absence, and hand out copies callers cannot corrupt', async () => {
    const { world, number } = await issuedWorld();
    const cached = new CachedCertificateStore(world.deps.certificates, 60_000);
    expect(await cached.getCertificate('NOT-YET-THERE')).toBeUndefined();
    const first = (await cached.getCertificate(number))!;
    first.holderName = 'changed by a caller';
    expect((await cached.getCertificate(number))?.holderName).toBe('Thandiwe Nkosi');
  });

  it('read the key list once per time to live, and at once after a key is marked compromised', async () => {
    const { world } = await issuedWorld();
    let lists = 0;
    const inner = world.deps.signingKeys;
    const counting = {
      ...inner,
      listKeys: () => {
        lists += 1;
        return inner.listKeys();
      },
    };
    const cached = new CachedSigningKeyRegistry(counting, 60_000);
    const [key] = await cached.listKeys();
    await cached.getKey(key!.kid);
    expect(lists).toBe(1);
    await cached.updateKey(key!.kid, { status: 'compromised' });
    expect((await cached.getKey(key!.kid))?.status).toBe('compromised');
  });

  it('answer from memory after the time to live while the list is read again in the background', async () => {
    const { world } = await issuedWorld();
    let clock = 0;
    let release: () => void = () => {};
    let slow = false;
    const inner = world.deps.signingKeys;
    const gated = {
      ...inner,
      listKeys: async () => {
        if (slow) await new Promise<void>((resolve) => (release = resolve));
        return inner.listKeys();
      },
    };
    const cached = new CachedSigningKeyRegistry(gated, 1_000, () => clock);
    const [key] = await cached.listKeys();
    await inner.updateKey(key!.kid, { status: 'compromised' });
    clock = 5_000;
    slow = true;
    // Stale: answered at once from memory (the refresh is held back), not after the refresh.
    expect((await cached.listKeys())[0]?.status).toBe(key!.status);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cached.listKeys())[0]?.status).toBe('compromised');
  });
});
