import { beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_POLICY_VERSION, CONSENT_WORDING } from '../../functions/core/consent.js';
import { ValidationError } from '../../functions/core/errors.js';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import {
  readConsent,
  recordConsentFromPage,
  recordStaffConsent,
  requestConsent,
} from '../../functions/core/use-cases/consent.js';
import { deliverCertificate } from '../../functions/core/use-cases/deliver-certificate.js';
import { sendExpiryReminders } from '../../functions/core/use-cases/expiry-reminders.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { viewParticipantPage } from '../../functions/core/use-cases/participant-access.js';
import { registerParticipant } from '../../functions/core/use-cases/programme-setup.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

/** Consent per purpose, the approval that waits for it, and the reminders it gates: in-memory ports. */

let world: ReturnType<typeof inMemoryDeps>;
const nomsa = { participantId: 'nomsa-khumalo', fullName: 'Nomsa Khumalo', email: 'nomsa@example.org' };
const completed = { ...sampleParticipants[0]!.progress, participantId: nomsa.participantId };

beforeEach(async () => {
  world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  await registerParticipant(world.deps, nomsa.participantId, nomsa);
  await world.deps.progress.putProgress(completed);
});

const mails = () => world.state.sentMail.filter((mail) => mail.to === nomsa.email);
const tokenIn = (text: string) => /\/me\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function approveAndAssess() {
  const { approval } = await recordApproval(world.deps, {
    participantId: nomsa.participantId,
    courseId: sampleCourse.courseId,
    approvedBy: 'staff',
  });
  return { approval, decision: await checkEligibility(world.deps, approval.approvalId) };
}

describe('consent to the name on the certificate', () => {
  it('holds an eligible approval as awaiting_consent, asks once, and resumes it once consent is given', async () => {
    const { approval, decision } = await approveAndAssess();
    expect(decision).toMatchObject({ eligible: true, consentNeeded: true });

    expect(await requestConsent(world.deps, { approvalId: approval.approvalId })).toMatchObject({
      asked: true,
      resumed: false,
    });
    // A retried step sends nothing more.
    expect(await requestConsent(world.deps, { approvalId: approval.approvalId })).toMatchObject({
      asked: false,
    });
    expect(world.state.approvals.get(approval.approvalId)?.status).toBe('awaiting_consent');
    const [request, ...more] = mails();
    expect(more).toHaveLength(0);
    expect(request!.subject).toBe(
      'Your SayPro certificate for Digital Skills for the Workplace is ready: one choice needed',
    );
    expect(request!.text).toContain(CONSENT_WORDING['name-on-certificate'].text);

    const token = tokenIn(request!.text);
    const page = await viewParticipantPage(world.deps, token);
    expect(page?.consents.map((entry) => entry.granted)).toEqual([undefined, undefined, undefined]);
    expect(page?.courses[0]?.approval?.status).toBe('awaiting_consent');

    const given = await recordConsentFromPage(
      world.deps,
      token,
      form({ nameOnCertificate: 'yes', nameToVerifiers: 'no' }),
    );
    expect(given?.resumedApprovals).toEqual([approval.approvalId]);
    expect(world.state.approvals.get(approval.approvalId)).toMatchObject({
      status: 'received',
      evaluation: 1,
    });
    // The same form again changes nothing and resumes nothing.
    const again = await recordConsentFromPage(
      world.deps,
      token,
      form({ nameOnCertificate: 'yes', nameToVerifiers: 'no' }),
    );
    expect(again).toMatchObject({ recorded: [], resumedApprovals: [] });

    expect(await checkEligibility(world.deps, approval.approvalId)).toMatchObject({ consentNeeded: false });
    const issued = await issueCertificate(world.deps, approval.approvalId);
    expect(world.state.certificates.get(issued.certificateNumber)).toMatchObject({
      holderName: 'Nomsa Khumalo',
      holderConsentsToPublicName: false,
    });
  });

  it('resumes an approval whose consent arrived while the request step ran (no approval left waiting)', async () => {
    const { approval } = await approveAndAssess();
    // Consent given while the approval is still `processing`: the page finds nothing waiting yet.
    const early = await recordStaffConsent(world.deps, nomsa.participantId, {
      nameOnCertificate: true,
      channel: 'paper-form',
      recordedBy: 'registrar@saypro.online',
    });
    expect(early.resumedApprovals).toEqual([]);
    expect(await requestConsent(world.deps, { approvalId: approval.approvalId })).toMatchObject({
      resumed: true,
    });
    expect(world.state.approvals.get(approval.approvalId)?.status).toBe('received');
  });

  it('never sends a resumed or issued approval back to waiting when the step is retried late', async () => {
    const { approval } = await approveAndAssess();
    await world.deps.approvals.updateApproval(approval.approvalId, { status: 'issued' });
    expect(await requestConsent(world.deps, { approvalId: approval.approvalId })).toEqual({
      approvalId: approval.approvalId,
      asked: false,
      resumed: false,
    });
    expect(world.state.approvals.get(approval.approvalId)?.status).toBe('issued');
    expect(mails()).toHaveLength(0);
  });
});

describe('consent records', () => {
  it('keep every decision with its policy version, text, time and channel; withdrawing is one step', async () => {
    await recordStaffConsent(world.deps, nomsa.participantId, {
      nameOnCertificate: true,
      nameToVerifiers: true,
      channel: 'paper-form',
      recordedBy: 'registrar@saypro.online',
    });
    world.clock.current = new Date('2026-12-01T08:00:00.000Z');
    await recordStaffConsent(world.deps, nomsa.participantId, {
      nameToVerifiers: false,
      channel: 'email',
      recordedBy: 'registrar@saypro.online',
    });
    const { current, history } = await readConsent(world.deps, nomsa.participantId);
    expect(current).toMatchObject({
      'name-on-certificate': { granted: true, channel: 'paper-form' },
      'name-to-verifiers': { granted: false, channel: 'email', at: '2026-12-01T08:00:00.000Z' },
      'surveys-and-reminders': { granted: false, asked: false },
    });
    expect(history).toHaveLength(3);
    expect(history[2]).toEqual({
      participantId: nomsa.participantId,
      purpose: 'name-to-verifiers',
      granted: false,
      policyVersion: CONSENT_POLICY_VERSION,
      text: CONSENT_WORDING['name-to-verifiers'].text,
      at: '2026-12-01T08:00:00.000Z',
      channel: 'email',
      recordedBy: 'registrar@saypro.online',
    });
    expect((await world.deps.participants.getParticipant(nomsa.participantId))?.consentToPublicName).toBe(
      false,
    );
  });

  it('carry a change about showing the name to the certificates already issued', async () => {
    await recordStaffConsent(world.deps, nomsa.participantId, {
      nameOnCertificate: true,
      nameToVerifiers: true,
      channel: 'phone',
      recordedBy: 'helpdesk',
    });
    const { approval } = await approveAndAssess();
    const issued = await issueCertificate(world.deps, approval.approvalId);
    expect(world.state.certificates.get(issued.certificateNumber)?.holderConsentsToPublicName).toBe(true);
    await deliverCertificate(world.deps, issued);
    const token = tokenIn(mails().at(-1)!.text);
    await recordConsentFromPage(world.deps, token, form({ nameToVerifiers: 'no' }));
    expect(world.state.certificates.get(issued.certificateNumber)?.holderConsentsToPublicName).toBe(false);
  });

  it('refuse what is not a choice, naming the field', async () => {
    const refusal = (body: unknown) =>
      recordStaffConsent(world.deps, nomsa.participantId, body).then(
        () => undefined,
        (error: ValidationError) => error.issues,
      );
    expect(await refusal({ nameOnCertificate: true, channel: 'paper-form' })).toContainEqual(
      expect.objectContaining({ field: 'recordedBy' }),
    );
    expect(await refusal({ nameOnCertificate: true, channel: 'pigeon', recordedBy: 'x' })).toContainEqual(
      expect.objectContaining({ field: 'channel' }),
    );
    expect(await refusal({ channel: 'email', recordedBy: 'x' })).toContainEqual(
      expect.objectContaining({ field: 'nameOnCertificate' }),
    );
    const token = tokenIn((await issueToken()).text);
    await expect(
      recordConsentFromPage(world.deps, token, form({ nameOnCertificate: 'maybe' })),
    ).rejects.toThrow(ValidationError);
  });

  it('open nothing for a token that opens no page', async () => {
    expect(await recordConsentFromPage(world.deps, 'x'.repeat(43), form({ nameOnCertificate: 'yes' }))).toBe(
      undefined,
    );
  });
});

/** Any email to Nomsa carries a personal link; the consent request is one. */
async function issueToken() {
  const { approval } = await approveAndAssess();
  await requestConsent(world.deps, { approvalId: approval.approvalId });
  return mails().at(-1)!;
}

describe('expiry reminders', () => {
  it('go only to holders who agreed to reminders, and stop when they withdraw', async () => {
    const expiring = { ...sampleCourse, criteria: { ...sampleCourse.criteria, validityDays: 30 } };
    await world.deps.courses.putCourse(expiring);
    await recordStaffConsent(world.deps, nomsa.participantId, {
      nameOnCertificate: true,
      channel: 'paper-form',
      recordedBy: 'registrar',
    });
    const { approval } = await approveAndAssess();
    await issueCertificate(world.deps, approval.approvalId);
    const before = mails().length;
    world.clock.current = new Date(world.clock.current.getTime() + 30 * 24 * 3600 * 1000);
    expect(await sendExpiryReminders(world.deps)).toMatchObject({
      sent: { soon: 0, today: 0 },
      withoutConsent: 1,
    });
    expect(mails()).toHaveLength(before);

    await recordStaffConsent(world.deps, nomsa.participantId, {
      surveysAndReminders: true,
      channel: 'email',
      recordedBy: 'registrar',
    });
    expect((await sendExpiryReminders(world.deps)).sent).toEqual({ soon: 0, today: 1 });
  });
});

describe('errors as logged', () => {
  it('mask email addresses in the message and stack, keeping what went wrong', async () => {
    const { withoutEmailAddresses } = await import('../../functions/handlers/shared/http-api.js');
    const logged = withoutEmailAddresses(
      new Error('MessageRejected: Email address is not verified: "Nomsa" <nomsa.k+x@example.org>'),
    );
    expect(logged.message).toBe('MessageRejected: Email address is not verified: "Nomsa" <[email address]>');
    expect(logged.stack).not.toContain('nomsa.k+x@example.org');
    expect(withoutEmailAddresses('plain a@b.co text').message).toBe('plain [email address] text');
    // Package paths in a stack are not addresses.
    const path =
      'at file:///app/node_modules/.pnpm/@middy+core@6.4.5/node_modules/@middy/core/index.js:302:11';
    expect(withoutEmailAddresses(new Error(path)).message).toBe(path);
  });
});
