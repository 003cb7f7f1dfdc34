import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_MS } from '../../functions/core/claims.js';
import { ValidationError } from '../../functions/core/errors.js';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import {
  certificateEmailClaimKey,
  deliverCertificate,
} from '../../functions/core/use-cases/deliver-certificate.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { notifyNotEligible } from '../../functions/core/use-cases/notify-not-eligible.js';
import { attentionOf } from '../../functions/core/use-cases/operator-queries.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { recordFailure } from '../../functions/core/use-cases/record-failure.js';
import { recoverStuckWork } from '../../functions/core/use-cases/recover-stuck-work.js';
import { retryApproval } from '../../functions/core/use-cases/retry-approval.js';
import { startIssuance } from '../../functions/core/use-cases/start-issuance.js';
import { openDownload, viewCertificate } from '../../functions/core/use-cases/view-certificate.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

let world: ReturnType<typeof inMemoryDeps>;

beforeEach(async () => {
  world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) {
    await world.deps.participants.putParticipant(participant);
    await world.deps.progress.putProgress(progress);
  }
});

const approve = (participantId: string, extra: object = {}) =>
  recordApproval(world.deps, {
    participantId,
    courseId: sampleCourse.courseId,
    approvedBy: 'staff@saypro.test',
    ...extra,
  });

describe('recording an approval', () => {
  it('accepts a valid approval and sets its issue deadline from the course', async () => {
    const result = await approve('thandiwe-nkosi', { approvedAt: '2026-11-28T09:00:00Z' });
    expect(result.outcome).toBe('accepted');
    expect(result.approval).toMatchObject({
      status: 'received',
      attempt: 1,
      issueBy: '2026-12-05T09:00:00.000Z',
    });
  });

  it('names every bad field of a malformed approval', async () => {
    const error = await recordApproval(world.deps, { participantId: '', courseId: 42, attempt: 0 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field).sort()).toEqual([
      'approvedBy',
      'attempt',
      'courseId',
      'participantId',
    ]);
    expect(world.state.approvals.size).toBe(0);
  });

  it('keeps an approval for an unknown participant or course as rejected, with the reason', async () => {
    const result = await recordApproval(world.deps, {
      participantId: 'nobody',
      courseId: 'no-course',
      approvedBy: 'x',
    });
    expect(result.outcome).toBe('rejected');
    const stored = world.state.approvals.get(result.approval.approvalId);
    expect(stored).toMatchObject({
      status: 'rejected',
      reasons: ['unknown participant "nobody"', 'unknown course "no-course"'],
    });
    expect(startIssuance(world.deps, { change: 'INSERT', approval: stored })).resolves.toMatchObject({
      started: false,
    });
  });

  it('treats the same approval sent twice as one', async () => {
    const first = await approve('thandiwe-nkosi');
    const second = await approve('thandiwe-nkosi');
    expect(second).toMatchObject({
      outcome: 'duplicate',
      approval: { approvalId: first.approval.approvalId },
    });
    expect(world.state.approvals.size).toBe(1);
    const another = await approve('thandiwe-nkosi', { attempt: 2 });
    expect(another.approval.approvalId).not.toBe(first.approval.approvalId);
  });
});

describe('the issuance workflow steps', () => {
  it('issue a signed certificate whose stored digest and signature match the PDF', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    expect(await checkEligibility(world.deps, approval.approvalId)).toEqual({
      approvalId: approval.approvalId,
      eligible: true,
      reasons: [],
      consentNeeded: false,
    });
    const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
    const certificate = world.state.certificates.get(certificateNumber)!;
    expect(certificate).toMatchObject({ holderName: 'Thandiwe Nkosi', status: 'valid', version: 1 });
    expect(world.state.documents.get(certificate.document.key)).toBeDefined();
    expect(world.state.rendered[0]?.verificationUrl).toMatch(
      /^https:\/\/verify\.test\/verify\/[0-9A-Z-]{29}$/,
    );

    const view = await viewCertificate(world.deps, certificateNumber.toLowerCase());
    expect(view).toMatchObject({
      status: 'valid',
      holder: { name: 'Thandiwe Nkosi' },
      signature: { valid: true },
    });
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({
      status: 'issued',
      certificateNumber,
    });
  });

  it('never issue twice for one completion, whatever is retried or replayed', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const first = await issueCertificate(world.deps, approval.approvalId);
    const replay = await issueCertificate(world.deps, approval.approvalId);
    // A second execution that lost the race on the completion claim returns the winner's number.
    await world.deps.approvals.updateApproval(approval.approvalId, { certificateNumber: undefined });
    const raced = await issueCertificate(world.deps, approval.approvalId);
    expect(replay.certificateNumber).toBe(first.certificateNumber);
    expect(raced.certificateNumber).toBe(first.certificateNumber);
    expect(world.state.certificates.size).toBe(1);
    expect(world.state.rendered).toHaveLength(1);
  });

  it('email once, even when delivery is retried or replayed', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const issued = await issueCertificate(world.deps, approval.approvalId);
    expect(await deliverCertificate(world.deps, issued)).toMatchObject({ delivered: true });
    expect(await deliverCertificate(world.deps, issued)).toMatchObject({ delivered: false });
    expect(world.state.sentMail).toHaveLength(1);
    const mail = world.state.sentMail[0]!;
    expect(mail.to).toBe('thandiwe.nkosi@example.org');
    expect(mail.text).toContain('https://api.test/certificates/');
    expect(world.state.certificates.get(issued.certificateNumber)?.delivery).toMatchObject({
      status: 'sent',
    });
  });

  it('never send twice when recording the sent state fails after the email went out', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const issued = await issueCertificate(world.deps, approval.approvalId);
    // DynamoDB refuses the write that records `sent` (a throttle, a timeout), once.
    const update = world.deps.certificates.updateCertificate;
    let refused = false;
    world.deps.certificates.updateCertificate = async (number, changes) => {
      if (!refused && changes.delivery?.status === 'sent') {
        refused = true;
        throw Object.assign(new Error('Rate exceeded'), { name: 'TransientError' });
      }
      return update(number, changes);
    };
    await expect(deliverCertificate(world.deps, issued)).rejects.toMatchObject({ name: 'TransientError' });
    // The workflow's retry finds the claim done: it records `sent` and sends nothing.
    expect(await deliverCertificate(world.deps, issued)).toMatchObject({ delivered: false });
    expect(world.state.sentMail).toHaveLength(1);
    expect(world.state.certificates.get(issued.certificateNumber)?.delivery).toMatchObject({
      status: 'sent',
      messageId: 'message-1',
    });
    expect(world.state.approvals.get(approval.approvalId)?.email?.status).toBe('sent');
  });

  it('record a failed send so the workflow retry can send it (and only then)', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const issued = await issueCertificate(world.deps, approval.approvalId);
    world.failNextMails(1);
    await expect(deliverCertificate(world.deps, issued)).rejects.toMatchObject({ name: 'TransientError' });
    expect(world.state.certificates.get(issued.certificateNumber)?.delivery).toMatchObject({
      status: 'failed',
    });
    expect(await deliverCertificate(world.deps, issued)).toMatchObject({ delivered: true });
    expect(world.state.sentMail).toHaveLength(1);
  });

  it('take over a delivery whose sender died mid-send, once its lease has lapsed', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const issued = await issueCertificate(world.deps, approval.approvalId);
    // A crashed run: it claimed the email and never came back.
    const claimKey = certificateEmailClaimKey(issued.certificateNumber);
    await world.deps.claims.claim(claimKey, {
      holder: 'dead',
      now: world.clock.current,
      leaseMs: DEFAULT_LEASE_MS,
    });
    expect(await deliverCertificate(world.deps, issued)).toMatchObject({ delivered: false });
    world.clock.current = new Date(world.clock.current.getTime() + DEFAULT_LEASE_MS + 1000);
    const [first, second] = await Promise.all([
      deliverCertificate(world.deps, issued),
      deliverCertificate(world.deps, issued),
    ]);
    expect([first.delivered, second.delivered].sort()).toEqual([false, true]);
    expect(world.state.sentMail).toHaveLength(1);
    expect(world.state.claims.get(claimKey)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('tell a participant who is not eligible what is missing, once', async () => {
    const { approval } = await approve('amina-yusuf');
    const decision = await checkEligibility(world.deps, approval.approvalId);
    expect(decision.eligible).toBe(false);
    expect(decision.reasons.map((reason) => reason.code)).toEqual([
      'MODULE_NOT_COMPLETED',
      'QUIZ_BELOW_PASS_MARK',
      'PEER_REVIEW_MISSING',
    ]);
    await notifyNotEligible(world.deps, decision);
    await notifyNotEligible(world.deps, decision);
    expect(world.state.sentMail).toHaveLength(1);
    expect(world.state.sentMail[0]?.text).toContain('Collaboration Tools');
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({ status: 'not_eligible' });
  });

  it('park a failure on the approval with a readable reason', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const cause = JSON.stringify({
      errorType: 'TransientError',
      errorMessage: 'KMS is throttling',
      trace: ['...'],
    });
    await recordFailure(world.deps, {
      approvalId: approval.approvalId,
      error: { Error: 'TransientError', Cause: cause },
    });
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({
      status: 'failed',
      reasons: ['TransientError: KMS is throttling'],
    });
  });
});

describe('verification and download', () => {
  it('hide the holder name without consent, and show expiry and revocation', async () => {
    const { approval } = await approve('pieter-van-der-merwe');
    const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
    const view = await viewCertificate(world.deps, certificateNumber);
    expect(view.holder).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain('example.org');

    await world.deps.certificates.updateCertificate(certificateNumber, { expiresAt: '2026-11-01T00:00:00Z' });
    expect((await viewCertificate(world.deps, certificateNumber)).status).toBe('expired');
    await world.deps.certificates.updateCertificate(certificateNumber, {
      status: 'revoked',
      revocationReason: 'issued in error',
    });
    expect((await viewCertificate(world.deps, certificateNumber)).status).toBe('revoked');
  });

  it('refuse a malformed number before reading anything, and answer unknown numbers with 404 semantics', async () => {
    await expect(viewCertificate(world.deps, 'not-a-number')).rejects.toBeInstanceOf(ValidationError);
    await expect(viewCertificate(world.deps, '0000-0000-0000-0000-0000-0000')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('open the download only with the emailed token, and only until it expires', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
    const { downloadToken } = world.state.certificates.get(certificateNumber)!;
    await expect(openDownload(world.deps, certificateNumber, 'wrong')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(openDownload(world.deps, certificateNumber, undefined)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(await openDownload(world.deps, certificateNumber, downloadToken)).toMatchObject({
      fileName: expect.stringMatching(/^SayPro-Certificate-[0-9A-Z-]+\.pdf$/),
    });
    world.clock.current = new Date('2027-01-01T00:00:00Z');
    await expect(openDownload(world.deps, certificateNumber, downloadToken)).rejects.toMatchObject({
      name: 'DownloadLinkExpiredError',
    });
  });
});

describe('retrying an approval', () => {
  it('restarts a failed approval, or one stuck in flight for over 15 minutes, under a new execution name', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    await expect(retryApproval(world.deps, approval.approvalId)).rejects.toMatchObject({
      name: 'ConflictError',
    });

    world.clock.current = new Date(world.clock.current.getTime() + 16 * 60 * 1000);
    const stuck = await retryApproval(world.deps, approval.approvalId);
    expect(stuck).toMatchObject({
      started: true,
      executionName: expect.stringMatching(/-retry-[0-9a-f]{12}$/),
    });

    await recordFailure(world.deps, { approvalId: approval.approvalId, error: { Error: 'TransientError' } });
    const failed = await retryApproval(world.deps, approval.approvalId);
    expect(failed.executionName).not.toBe(stuck.executionName);
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({ status: 'received' });
    expect(world.state.approvals.get(approval.approvalId)?.reasons).toBeUndefined();
  });

  it('after an email failure, a retry ends issued with its email sent, not processing', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    await checkEligibility(world.deps, approval.approvalId);
    const issued = await issueCertificate(world.deps, approval.approvalId);
    world.failNextMails(1);
    await expect(deliverCertificate(world.deps, issued)).rejects.toMatchObject({ name: 'TransientError' });
    await recordFailure(world.deps, { approvalId: approval.approvalId, error: { Error: 'TransientError' } });
    await retryApproval(world.deps, approval.approvalId);
    // The workflow's steps, as the retried execution runs them.
    await checkEligibility(world.deps, approval.approvalId);
    await issueCertificate(world.deps, approval.approvalId);
    await deliverCertificate(world.deps, issued);
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({
      status: 'issued',
      email: { status: 'sent' },
    });
    expect(world.state.sentMail).toHaveLength(1);
  });

  it('lets an operator re-drive an issued approval whose email failed, and refuses one whose email went out', async () => {
    const { approval } = await approve('thandiwe-nkosi');
    const issued = await issueCertificate(world.deps, approval.approvalId);
    world.failNextMails(1);
    await expect(deliverCertificate(world.deps, issued)).rejects.toMatchObject({ name: 'TransientError' });
    expect(attentionOf(world.state.approvals.get(approval.approvalId)!, world.clock.current)).toMatch(
      /^email failed since .*certs retry sends it$/,
    );
    world.clock.current = new Date(world.clock.current.getTime() + 60_000);
    const retried = await retryApproval(world.deps, approval.approvalId);
    expect(retried).toMatchObject({ started: true, reason: 'email-not-sent' });
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({ status: 'issued' });
    await deliverCertificate(world.deps, issued);
    world.clock.current = new Date(world.clock.current.getTime() + 60_000);
    await expect(retryApproval(world.deps, approval.approvalId)).rejects.toMatchObject({
      name: 'ConflictError',
    });
  });
});

describe('recovering work a crash left unfinished', () => {
  it('restarts what was in flight before the restart and emails whose sender died, and nothing else', async () => {
    const [inFlight, issuedSent, issuedOrphan, fresh] = await Promise.all(
      ['thandiwe-nkosi', 'pieter-van-der-merwe', 'thandiwe-nkosi', 'pieter-van-der-merwe'].map((id, index) =>
        approve(id, { attempt: index + 1 }),
      ),
    );
    for (const { approval } of [issuedSent!, issuedOrphan!]) {
      await world.deps.approvals.updateApproval(approval.approvalId, { status: 'received' });
    }
    const sent = await issueCertificate(world.deps, issuedSent!.approval.approvalId);
    await deliverCertificate(world.deps, sent);
    const orphan = await issueCertificate(world.deps, issuedOrphan!.approval.approvalId);
    // The sender of this one died after claiming the email.
    await world.deps.claims.claim(certificateEmailClaimKey(orphan.certificateNumber), {
      holder: 'dead',
      now: world.clock.current,
      leaseMs: DEFAULT_LEASE_MS,
    });
    const restartAt = new Date(world.clock.current.getTime() + 1000);
    world.clock.current = new Date(restartAt.getTime() + 1000);
    await world.deps.approvals.updateApproval(fresh!.approval.approvalId, {
      updatedAt: world.clock.current.toISOString(),
    });

    // At restart the dead sender's lease still holds: only the lost execution is restarted.
    expect((await recoverStuckWork(world.deps, { inFlightBefore: restartAt })).restarted).toEqual([
      { approvalId: inFlight!.approval.approvalId, reason: 'in-flight' },
    ]);
    // Once the lease has run out, the email is re-driven too.
    world.clock.current = new Date(world.clock.current.getTime() + DEFAULT_LEASE_MS);
    const later = await recoverStuckWork(world.deps, { inFlightBefore: restartAt });
    expect(later.restarted).toContainEqual({
      approvalId: issuedOrphan!.approval.approvalId,
      reason: 'email-not-sent',
    });
    expect(later.restarted.map((entry) => entry.approvalId)).not.toContain(issuedSent!.approval.approvalId);
    expect(later.restarted.map((entry) => entry.approvalId)).not.toContain(fresh!.approval.approvalId);
  });
});

describe('consent withdrawn after issue', () => {
  it('takes the name off the public view and withholds the named credential, and gives both back with consent', async () => {
    const { registerParticipant } = await import('../../functions/core/use-cases/programme-setup.js');
    const { getCredential } = await import('../../functions/core/use-cases/view-certificate.js');
    const { approval } = await approve('thandiwe-nkosi');
    const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
    const profile = world.state.participants.get('thandiwe-nkosi')!;
    expect((await viewCertificate(world.deps, certificateNumber)).holder?.name).toBe(profile.fullName);

    await registerParticipant(world.deps, 'thandiwe-nkosi', { ...profile, consentToPublicName: false });
    expect(await viewCertificate(world.deps, certificateNumber)).not.toHaveProperty('holder');
    await expect(getCredential(world.deps, certificateNumber)).rejects.toMatchObject({ name: 'GoneError' });

    await registerParticipant(world.deps, 'thandiwe-nkosi', { ...profile, consentToPublicName: true });
    expect((await viewCertificate(world.deps, certificateNumber)).holder?.name).toBe(profile.fullName);
    expect(await getCredential(world.deps, certificateNumber)).toMatch(/^ey/);
  });
});
