import { beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../functions/core/model.js';
import {
  correctCertificate,
  revokeCertificate,
} from '../../functions/core/use-cases/certificate-lifecycle.js';
import { deliverCertificate, resendCertificate } from '../../functions/core/use-cases/deliver-certificate.js';
import { sendExpiryReminders } from '../../functions/core/use-cases/expiry-reminders.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { viewParticipantPage } from '../../functions/core/use-cases/participant-access.js';
import { enrolParticipant } from '../../functions/core/use-cases/programme-setup.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { openDownload } from '../../functions/core/use-cases/view-certificate.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

/** The emails around a certificate, each sent once per event, against the in-memory ports. */

let world: ReturnType<typeof inMemoryDeps>;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Certificates of this course are valid for two years; it links its own renewal page. */
const expiringCourse: Course = {
  ...sampleCourse,
  courseId: 'first-aid',
  title: 'First Aid at Work',
  renewalUrl: 'https://learn.saypro.test/first-aid/renew',
  criteria: { ...sampleCourse.criteria, validityDays: 730, discussion: { minimumPosts: 2 } },
};
const thandiwe = sampleParticipants[0]!;

beforeEach(async () => {
  world = inMemoryDeps();
  for (const course of [sampleCourse, expiringCourse]) await world.deps.courses.putCourse(course);
  for (const { participant, progress } of sampleParticipants) {
    await world.deps.participants.putParticipant(participant);
    await world.deps.progress.putProgress(progress);
  }
  await world.deps.progress.putProgress({
    ...thandiwe.progress,
    courseId: expiringCourse.courseId,
    discussionPosts: 3,
  });
});

/** Approves and runs the workflow's steps, as the stream and Step Functions would. */
async function issueTo(participantId: string, courseId = sampleCourse.courseId) {
  const { approval } = await recordApproval(world.deps, { participantId, courseId, approvedBy: 'staff' });
  const issued = await issueCertificate(world.deps, approval.approvalId);
  await deliverCertificate(world.deps, issued);
  return issued.certificateNumber;
}

const mailsTo = (address: string) => world.state.sentMail.filter((mail) => mail.to === address);
const afterDays = (days: number) => {
  world.clock.current = new Date(world.clock.current.getTime() + days * DAY_MS);
};

describe('enrolment', () => {
  it('records the enrolment and emails what earns the certificate, once however often it is repeated', async () => {
    const key = { participantId: 'thandiwe-nkosi', courseId: expiringCourse.courseId };
    const first = await enrolParticipant(world.deps, key, { cohort: '2026-Q4 Johannesburg' });
    const again = await enrolParticipant(world.deps, key, {});
    expect(first).toMatchObject({ enrolled: true, emailed: true, cohort: '2026-Q4 Johannesburg' });
    expect(again).toMatchObject({ enrolled: false, emailed: false, cohort: '2026-Q4 Johannesburg' });
    const [mail, ...more] = mailsTo(thandiwe.participant.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Welcome to First Aid at Work: how to earn your SayPro certificate');
    for (const line of [
      'Module “Collaboration Tools”',
      'Quiz “Final Assessment” (pass mark 70%)',
      'Peer review',
      'Course discussions (at least 2 posts)',
      'at the latest 7 days after approval',
      'valid for 730 days',
      'https://verify.test/me/',
    ])
      expect(mail!.text).toContain(line);
  });

  it('sends the email an earlier attempt could not send, and names unknown participants and courses', async () => {
    world.failNextMails(1);
    const key = { participantId: 'amina-yusuf', courseId: sampleCourse.courseId };
    await expect(enrolParticipant(world.deps, key, {})).rejects.toMatchObject({ name: 'TransientError' });
    expect(await enrolParticipant(world.deps, key, {})).toMatchObject({ enrolled: false, emailed: true });
    expect(mailsTo('amina.yusuf@example.org')).toHaveLength(1);
    await expect(
      enrolParticipant(world.deps, { participantId: 'nobody', courseId: sampleCourse.courseId }, {}),
    ).rejects.toMatchObject({ name: 'NotFoundError', message: 'participant nobody does not exist' });
    await expect(
      enrolParticipant(world.deps, { participantId: 'amina-yusuf', courseId: 'bad id!' }, {}),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('the participant page', () => {
  it('lists enrolled courses without progress, and says when each certificate is due', async () => {
    await world.deps.participants.putParticipant({ ...thandiwe.participant, participantId: 'new-starter' });
    await enrolParticipant(world.deps, { participantId: 'new-starter', courseId: sampleCourse.courseId }, {});
    await recordApproval(world.deps, {
      participantId: 'thandiwe-nkosi',
      courseId: sampleCourse.courseId,
      approvedBy: 'staff',
      approvedAt: '2026-11-28T09:00:00Z',
    });
    const tokenOf = (text: string) => /\/me\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
    const starter = await viewParticipantPage(world.deps, tokenOf(world.state.sentMail[0]!.text));
    expect(starter?.courses).toEqual([
      expect.objectContaining({ courseId: sampleCourse.courseId, eligible: false }),
    ]);
    expect(starter?.courses[0]?.approval).toBeUndefined();

    const number = await issueTo('pieter-van-der-merwe');
    const pieterMail = mailsTo('pieter.vdmerwe@example.org').at(-1)!;
    const pieter = await viewParticipantPage(world.deps, tokenOf(pieterMail.text));
    expect(pieter?.courses[0]?.approval).toMatchObject({ status: 'issued' });
    expect(pieter?.certificates.map((certificate) => certificate.number)).toEqual([number]);
  });
});

describe('corrections and revocations', () => {
  it('announce a correction with the number it replaces and the reason, without the staff name', async () => {
    const number = await issueTo('thandiwe-nkosi');
    const corrected = await correctCertificate(world.deps, number, {
      holderName: 'Thandiwe N. Nkosi',
      reason: 'Middle initial missing',
      correctedBy: 'registrar@saypro.test',
    });
    const mail = mailsTo(thandiwe.participant.email).at(-1)!;
    expect(mail.subject).toBe('Your corrected SayPro certificate: Digital Skills for the Workplace');
    expect(mail.text).toContain(`replaces number ${corrected.supersedes}`);
    expect(mail.text).toContain('Reason for the correction: Middle initial missing');
    expect(mail.text).toContain(`New certificate number: ${corrected.number}`);
    expect(mail.text).not.toContain('registrar@saypro.test');
  });

  it('tell the holder of a revoked certificate why, once; a revocation whose email failed is completed by running it again', async () => {
    const number = await issueTo('thandiwe-nkosi');
    const revocation = { reason: 'Issued in error: the assessment was not passed', revokedBy: 'registrar' };
    world.failNextMails(1);
    const first = await revokeCertificate(world.deps, number, revocation);
    expect(first).toMatchObject({ status: 'revoked', holderNotified: false });
    expect(first.notificationError).toContain('run the same revocation again');
    const second = await revokeCertificate(world.deps, number, revocation);
    expect(second).toMatchObject({ alreadyRevoked: true, holderNotified: true });
    await expect(revokeCertificate(world.deps, number, revocation)).rejects.toMatchObject({
      name: 'ConflictError',
    });
    const revokedMails = mailsTo(thandiwe.participant.email).filter((mail) => /revoked/.test(mail.subject));
    expect(revokedMails).toHaveLength(1);
    expect(revokedMails[0]!.text).toContain('Reason: Issued in error: the assessment was not passed');
  });
});

describe('sending a certificate again', () => {
  it('mints a new download link (the old one stops working) and sends once per request id', async () => {
    const number = await issueTo('thandiwe-nkosi');
    const before = world.state.certificates.get(number)!;
    const request = { requestedBy: 'helpdesk', requestId: 'ticket-4711' };
    const sent = await resendCertificate(world.deps, number, request);
    const retried = await resendCertificate(world.deps, number, request);
    expect(sent).toMatchObject({ emailed: true });
    expect(retried).toMatchObject({ emailed: false });
    const mail = mailsTo(thandiwe.participant.email).at(-1)!;
    expect(mail.subject).toBe('Your SayPro certificate (sent again): Digital Skills for the Workplace');
    const token = decodeURIComponent(/download\?token=([^\s&]+)/.exec(mail.text)![1]!);
    expect(token).not.toBe(before.downloadToken);
    await expect(openDownload(world.deps, number, before.downloadToken)).rejects.toBeDefined();
    await expect(openDownload(world.deps, number, token)).resolves.toBeDefined();
  });

  it('without a request id sends at most once an hour, and refuses revoked certificates', async () => {
    const number = await issueTo('thandiwe-nkosi');
    expect(await resendCertificate(world.deps, number, { requestedBy: 'a' })).toMatchObject({
      emailed: true,
    });
    expect(await resendCertificate(world.deps, number, { requestedBy: 'b' })).toMatchObject({
      emailed: false,
    });
    afterDays(1 / 24);
    expect(await resendCertificate(world.deps, number, { requestedBy: 'c' })).toMatchObject({
      emailed: true,
    });
    await expect(resendCertificate(world.deps, number, {})).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [{ field: 'requestedBy', message: 'is required' }],
    });
    await revokeCertificate(world.deps, number, { reason: 'withdrawn', revokedBy: 'registrar' });
    await expect(resendCertificate(world.deps, number, { requestedBy: 'a' })).rejects.toMatchObject({
      name: 'ConflictError',
    });
  });
});

describe('expiry reminders', () => {
  it('remind 60 days before and on the day, once each, with the course renewal page; catch up on missed days', async () => {
    const number = await issueTo('thandiwe-nkosi', expiringCourse.courseId);
    const certificate = world.state.certificates.get(number)!;
    expect(certificate.expiresAt).toBe(new Date(world.clock.current.getTime() + 730 * DAY_MS).toISOString());
    expect(world.state.rendered.at(-1)?.expiresAt).toBe(certificate.expiresAt);
    const reminders = () =>
      mailsTo(thandiwe.participant.email).filter((mail) => /expires/.test(mail.subject));

    expect((await sendExpiryReminders(world.deps)).sent).toEqual({ soon: 0, today: 0 });
    afterDays(730 - 60 + 3); // the job did not run for three days around the 60-day mark
    expect((await sendExpiryReminders(world.deps)).sent).toEqual({ soon: 1, today: 0 });
    expect(await sendExpiryReminders(world.deps)).toMatchObject({
      sent: { soon: 0, today: 0 },
      alreadySent: 1,
    });
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.text).toContain('https://learn.saypro.test/first-aid/renew');

    afterDays(57);
    expect((await sendExpiryReminders(world.deps)).sent).toEqual({ soon: 0, today: 1 });
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1]!.subject).toBe('Your SayPro certificate for First Aid at Work expires today');
  });

  it('skip revoked certificates, and report a failed send for the next run to retry', async () => {
    const kept = await issueTo('thandiwe-nkosi', expiringCourse.courseId);
    await world.deps.progress.putProgress({
      ...sampleParticipants[1]!.progress,
      courseId: expiringCourse.courseId,
      discussionPosts: 2,
    });
    const revoked = await issueTo('pieter-van-der-merwe', expiringCourse.courseId);
    await revokeCertificate(world.deps, revoked, { reason: 'withdrawn', revokedBy: 'registrar' });
    afterDays(730 - 60);
    world.failNextMails(1);
    const first = await sendExpiryReminders(world.deps);
    expect(first.failed.map((failure) => failure.number)).toEqual([kept]);
    expect(first.skipped).toBe(1);
    expect((await sendExpiryReminders(world.deps)).sent.soon).toBe(1);
  });
});
