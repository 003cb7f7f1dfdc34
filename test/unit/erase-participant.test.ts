import { beforeEach, describe, expect, it } from 'vitest';
import { GoneError, NotFoundError, ValidationError } from '../../functions/core/errors.js';
import { correctCertificate } from '../../functions/core/use-cases/certificate-lifecycle.js';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import { deliverCertificate } from '../../functions/core/use-cases/deliver-certificate.js';
import { eraseParticipant } from '../../functions/core/use-cases/erase-participant.js';
import { sendExpiryReminders } from '../../functions/core/use-cases/expiry-reminders.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { notifyNotEligible } from '../../functions/core/use-cases/notify-not-eligible.js';
import { mintParticipantPageLink } from '../../functions/core/use-cases/participant-access.js';
import { exportParticipantData } from '../../functions/core/use-cases/personal-data.js';
import { recordProgress, registerParticipant } from '../../functions/core/use-cases/programme-setup.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { verifyCredential, verifyDocument } from '../../functions/core/use-cases/verify-submission.js';
import {
  getCredential,
  openDownload,
  viewCertificate,
} from '../../functions/core/use-cases/view-certificate.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

const [thandiwe] = sampleParticipants;
const holder = thandiwe!.participant;
const request = { reason: 'holder-request', actor: 'dpo@saypro.test' };

let world: ReturnType<typeof inMemoryDeps>;

const approval = () => ({
  participantId: holder.participantId,
  courseId: sampleCourse.courseId,
  approvedBy: 'staff@saypro.test',
});

/** Issues and delivers Thandiwe's certificate as the workflow would; returns its number, PDF and credential. */
async function issued() {
  const { approval: recorded } = await recordApproval(world.deps, approval());
  await checkEligibility(world.deps, recorded.approvalId);
  const { certificateNumber } = await issueCertificate(world.deps, recorded.approvalId);
  await deliverCertificate(world.deps, { approvalId: recorded.approvalId, certificateNumber });
  const certificate = world.state.certificates.get(certificateNumber)!;
  return {
    approvalId: recorded.approvalId,
    number: certificateNumber,
    pdf: world.state.documents.get(certificate.document.key)!,
    credential: certificate.credential,
  };
}

beforeEach(async () => {
  world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  await world.deps.participants.putParticipant(holder);
  await world.deps.progress.putProgress(thandiwe!.progress);
  await world.deps.enrolments.putEnrolment({
    participantId: holder.participantId,
    courseId: sampleCourse.courseId,
    enrolledAt: '2026-11-01T00:00:00.000Z',
  });
});

describe('erasing a participant', () => {
  it('removes name, email, progress, links, notices and PDFs, and keeps a tombstone without them', async () => {
    const { number } = await issued();
    await mintParticipantPageLink(world.deps, holder.participantId);
    expect(world.state.sentNotices.length).toBeGreaterThan(0);

    const result = await eraseParticipant(world.deps, holder.participantId, request);

    expect(result).toMatchObject({
      participantId: holder.participantId,
      reason: 'holder-request',
      alreadyErased: false,
    });
    expect(result.removed).toMatchObject({
      participant: 1,
      progress: 1,
      documentVersions: 1,
      certificateHolderDetails: 1,
    });
    expect(world.state.participants.has(holder.participantId)).toBe(false);
    expect(world.state.progress.size).toBe(0);
    expect(world.state.enrolments.size).toBe(0);
    expect(world.state.accessTokens.size).toBe(0);
    expect(world.state.sentNotices).toEqual([]);
    expect(world.state.documents.size).toBe(0);
    const tombstone = world.state.tombstones.get(holder.participantId)!;
    expect(tombstone.completedAt).toBeDefined();
    const certificate = world.state.certificates.get(number)!;
    expect(certificate).toMatchObject({ holderName: '', holderConsentsToPublicName: false, status: 'valid' });
    expect(certificate.holderProofSecret).toBeUndefined();
    // The holder consented to show their name, so the credential named them: it is no longer kept.
    expect(certificate.credential).toBeUndefined();
    const everything = JSON.stringify([tombstone, certificate, ...world.state.approvals.values()]);
    expect(everything).not.toContain(holder.fullName);
    expect(everything).not.toContain(holder.email);
    // The erasure is in the access trail, which is kept.
    expect(world.state.accesses.map((access) => access.action)).toEqual(['erasure']);
  });

  it('leaves the certificate verifiable by number, by PDF and by the holder’s saved credential', async () => {
    const { number, pdf, credential } = await issued();
    await eraseParticipant(world.deps, holder.participantId, request);

    const view = await viewCertificate(world.deps, number);
    expect(view).toMatchObject({ status: 'valid', signature: { valid: true } });
    expect(view.holder).toBeUndefined();
    expect(view.holderDetailsWithdrawn?.note).toMatch(/withdrawn at the holder’s request/);
    const byPdf = await verifyDocument(world.deps, pdf);
    expect(byPdf).toMatchObject({ valid: true, checks: { issuedDocument: true } });
    expect(await verifyCredential(world.deps, credential)).toMatchObject({ valid: true });
    // What named the holder is no longer handed out.
    await expect(getCredential(world.deps, number)).rejects.toBeInstanceOf(GoneError);
    const token = world.state.certificates.get(number)!.downloadToken;
    await expect(openDownload(world.deps, number, token)).rejects.toBeInstanceOf(GoneError);
  });

  it('refuses a replayed approval, workflow step, re-registration, progress or correction, and sends nothing', async () => {
    const { approvalId, number } = await issued();
    await eraseParticipant(world.deps, holder.participantId, request);
    const mailsBefore = world.state.sentMail.length;
    const certificatesBefore = world.state.certificates.size;

    await expect(recordApproval(world.deps, approval())).rejects.toBeInstanceOf(GoneError);
    await expect(checkEligibility(world.deps, approvalId)).rejects.toBeInstanceOf(GoneError);
    await expect(issueCertificate(world.deps, approvalId)).rejects.toBeInstanceOf(GoneError);
    await expect(notifyNotEligible(world.deps, { approvalId, reasons: [] })).rejects.toBeInstanceOf(
      GoneError,
    );
    await expect(deliverCertificate(world.deps, { approvalId, certificateNumber: number })).rejects.toThrow(
      /was erased/,
    );
    await expect(registerParticipant(world.deps, holder.participantId, holder)).rejects.toBeInstanceOf(
      GoneError,
    );
    await expect(
      recordProgress(
        world.deps,
        { participantId: holder.participantId, courseId: sampleCourse.courseId },
        thandiwe!.progress,
      ),
    ).rejects.toBeInstanceOf(GoneError);
    await expect(
      correctCertificate(world.deps, number, {
        holderName: 'T. Nkosi',
        reason: 'spelling',
        correctedBy: 'staff',
      }),
    ).rejects.toBeInstanceOf(GoneError);

    expect(world.state.sentMail.length).toBe(mailsBefore);
    expect(world.state.certificates.size).toBe(certificatesBefore);
    expect(world.state.participants.size).toBe(0);
    expect(world.state.progress.size).toBe(0);
  });

  it('sends no expiry reminder for an erased holder’s certificate', async () => {
    await world.deps.courses.putCourse({
      ...sampleCourse,
      criteria: { ...sampleCourse.criteria, validityDays: 90 },
    });
    await issued();
    await eraseParticipant(world.deps, holder.participantId, request);
    const mailsBefore = world.state.sentMail.length;
    world.clock.current = new Date(world.clock.current.getTime() + 30 * 86_400_000);
    const run = await sendExpiryReminders(world.deps);
    expect(run.sent).toEqual({ soon: 0, today: 0 });
    expect(run.skipped).toBe(1);
    expect(world.state.sentMail.length).toBe(mailsBefore);
  });

  it('is idempotent: a second run changes nothing and says it was already done', async () => {
    await issued();
    const first = await eraseParticipant(world.deps, holder.participantId, request);
    const second = await eraseParticipant(world.deps, holder.participantId, {
      ...request,
      actor: 'someone else',
    });
    expect(second).toMatchObject({
      alreadyErased: true,
      erasedAt: first.erasedAt,
      erasedBy: 'dpo@saypro.test',
    });
    expect(second.removed).toEqual(first.removed);
    expect(world.state.accesses).toHaveLength(1);
  });

  it('finishes on a re-run after crashing half-way', async () => {
    const { number } = await issued();
    const deleteAllVersions = world.deps.documents.deleteAllVersions;
    world.deps.documents.deleteAllVersions = async () => {
      throw new Error('S3 went away');
    };
    await expect(eraseParticipant(world.deps, holder.participantId, request)).rejects.toThrow('S3 went away');
    // Half-way: the tombstone already refuses replays, but the profile and PDF are still there.
    expect(world.state.tombstones.get(holder.participantId)?.completedAt).toBeUndefined();
    await expect(recordApproval(world.deps, approval())).rejects.toBeInstanceOf(GoneError);
    expect(world.state.documents.size).toBe(1);

    world.deps.documents.deleteAllVersions = deleteAllVersions;
    const rerun = await eraseParticipant(world.deps, holder.participantId, request);
    expect(rerun.alreadyErased).toBe(false);
    expect(world.state.tombstones.get(holder.participantId)?.completedAt).toBeDefined();
    expect(world.state.documents.size).toBe(0);
    expect(world.state.participants.size).toBe(0);
    expect(world.state.certificates.get(number)?.holderErasedAt).toBeDefined();
  });

  it('deletes every version of a corrected certificate’s PDFs', async () => {
    const { number } = await issued();
    const corrected = await correctCertificate(world.deps, number, {
      holderName: 'Thandiwe N. Nkosi',
      reason: 'middle initial missing',
      correctedBy: 'staff@saypro.test',
    });
    expect(world.state.accesses.map((access) => access.action)).toEqual(['correction']);
    expect(world.state.documents.size).toBe(2);
    const result = await eraseParticipant(world.deps, holder.participantId, request);
    expect(result.removed.documentVersions).toBe(2);
    expect(world.state.documents.size).toBe(0);
    const newNumber = [...world.state.certificates.keys()].find((n) => n !== number)!;
    expect(corrected.supersedes).toBeDefined();
    expect(world.state.certificates.get(newNumber)?.holderName).toBe('');
    expect(world.state.certificates.get(newNumber)?.correctionReason).toBeUndefined();
  });

  it('names the bad field of a request, and refuses a participant it never knew', async () => {
    const error = await eraseParticipant(world.deps, holder.participantId, {
      reason: 'because',
      actor: '',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field).sort()).toEqual(['actor', 'reason']);
    expect((error as ValidationError).issues.find((i) => i.field === 'reason')?.message).toContain(
      'holder-request',
    );
    await expect(eraseParticipant(world.deps, 'nobody', request)).rejects.toBeInstanceOf(NotFoundError);
    expect(world.state.tombstones.size).toBe(0);
    await expect(
      exportParticipantData(world.deps, holder.participantId, { requestedBy: 'x' }),
    ).resolves.toBeDefined();
  });
});
