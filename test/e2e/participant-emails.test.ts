import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { sampleCourse } from '../../functions/local/sample-programme.js';
import { apiClient, certsCli, mailbox, type StoredMail } from '../support/local-api.js';

/**
 * The emails around a certificate on the local stack, driven the way staff drive them (operator API and
 * `certs`), counted in the local mailbox: enrolment, issued (with LinkedIn and expiry), sent again,
 * corrected, revoked and the expiry reminder, each once per event however often it is asked for.
 */

const run = promisify(execFile);
let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;
let workDir: string;

/** Valid for 60 days: its first reminder is due the day it is issued. */
const course = {
  ...sampleCourse,
  courseId: 'first-aid-at-work',
  title: 'First Aid at Work',
  renewalUrl: 'https://learn.saypro.online/first-aid/renew',
  criteria: { ...sampleCourse.criteria, validityDays: 60, discussion: { minimumPosts: 2 } },
};
const participant = {
  participantId: 'lerato-dube',
  fullName: 'Lerato Dube',
  email: 'lerato.dube@example.org',
  consentToPublicName: true,
  consent: {
    nameOnCertificate: true,
    surveysAndReminders: true,
    channel: 'paper-form',
    recordedBy: 'emails test',
  },
};
const progress = {
  completedModuleIds: course.criteria.requiredModules.map((module) => module.moduleId),
  quizScores: { 'final-quiz': 91 },
  peerReviewPassed: true,
  discussionPosts: 4,
};

const mailsTo = async (address: string) =>
  (await mailbox(stack)).filter((mail) => mail.destination.to.includes(address));
const textOf = (mail: StoredMail) => mail.body.text ?? '';

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  certs = certsCli(stack);
  workDir = mkdtempSync(join(tmpdir(), 'saypro-emails-'));
  await api.putCourse(course);
  await api.request('PUT', `/operator/participants/${participant.participantId}`, participant);
});

afterAll(async () => {
  await stack?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the emails around a certificate', () => {
  let number: string;

  it('enrols once: what earns the certificate and where to follow it', async () => {
    const path = `/operator/courses/${course.courseId}/enrolments/${participant.participantId}`;
    const first = await api.request('PUT', path, { cohort: '2026 Soweto' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ enrolled: true, emailed: true, cohort: '2026 Soweto' });
    const again = await certs(
      'enrol',
      '--participant',
      participant.participantId,
      '--course',
      course.courseId,
    );
    expect(again.stdout).toContain('was already enrolled');
    const mails = await mailsTo(participant.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Welcome to First Aid at Work: how to earn your SayPro certificate',
    ]);
    expect(textOf(mails[0]!)).toContain('Course discussions (at least 2 posts)');
    // The personal page lists the course before any progress is recorded.
    const token = /\/me\/([A-Za-z0-9_-]{43})/.exec(textOf(mails[0]!))![1];
    const page = await api.request('GET', `/me/${token}`);
    expect(page.text).toContain('First Aid at Work');

    const unknown = await api.request('PUT', `/operator/courses/${course.courseId}/enrolments/nobody`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toContain('participant nobody does not exist');
  });

  it('issues with LinkedIn and the expiry date in the email, and "Valid until" on the PDF', async () => {
    await api.request('PUT', `/operator/progress/${participant.participantId}/${course.courseId}`, progress);
    const settled = await api.approveAndSettle(participant.participantId, course.courseId, 30_000);
    expect(settled).toMatchObject({ status: 'issued', certificate: { delivery: 'sent' } });
    number = settled.certificate.number;
    const issued = (await mailsTo(participant.email)).at(-1)!;
    expect(issued.subject).toBe('Your SayPro certificate: First Aid at Work');
    expect(textOf(issued)).toMatch(/Valid until: \d+ \w+ 2027/);
    // Through our redirect (it counts the share), on to LinkedIn's add-to-profile form.
    const share = await fetch(/Add it to your LinkedIn profile: (\S+)/.exec(textOf(issued))![1]!, {
      redirect: 'manual',
    });
    expect(share.status).toBe(302);
    const linkedIn = new URL(share.headers.get('location')!);
    expect(linkedIn.origin).toBe('https://www.linkedin.com');
    expect(linkedIn.searchParams.get('certId')).toBe(number);
    expect(linkedIn.searchParams.get('expirationYear')).toBe('2027');

    const download = /Download your certificate \(PDF\): (\S+)/.exec(textOf(issued))![1]!;
    const redirect = await fetch(download, { redirect: 'manual' });
    const pdf = new Uint8Array(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
    writeFileSync(join(workDir, 'certificate.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(workDir, 'certificate.pdf'), '-']);
    // Labels are letter-spaced capitals, which pdftotext reads with gaps.
    expect(stdout.replace(/\s+/g, '')).toMatch(/VALIDUNTIL\d+\w+2027/);
  });

  it('reminds of the expiry once, however often the reminders run', async () => {
    const first = await api.request('POST', '/operator/jobs/expiry-reminders');
    expect(first.json).toMatchObject({ sent: { soon: 1, today: 0 }, failed: [] });
    const again = await certs('reminders');
    expect(again.stdout).toContain(
      '0 sent 60 days ahead, 0 on the day, 1 already sent before, 0 not sent without consent to reminders, 0 failed',
    );
    const reminders = (await mailsTo(participant.email)).filter((mail) => /expires/.test(mail.subject));
    expect(reminders).toHaveLength(1);
    expect(textOf(reminders[0]!)).toContain(course.renewalUrl);
  });

  it('sends a fresh download link again, once per request, and the old link stops working', async () => {
    const before = (await mailsTo(participant.email)).find((mail) =>
      mail.subject.startsWith('Your SayPro certificate:'),
    )!;
    const oldLink = /Download your certificate \(PDF\): (\S+)/.exec(textOf(before))![1]!;
    const request = { requestedBy: 'helpdesk@saypro.online', requestId: 'ticket-0815' };
    const path = `/operator/certificates/${number}/resend`;
    expect((await api.request('POST', path, request)).status).toBe(202);
    expect((await api.request('POST', path, request)).json).toMatchObject({ emailed: false });
    const cli = await certs('resend', number, '--by', 'helpdesk@saypro.online');
    expect(cli.stdout).toContain(`Sent ${number} again`);
    const resent = (await mailsTo(participant.email)).filter((mail) => mail.subject.includes('(sent again)'));
    expect(resent).toHaveLength(2);
    const newLink = /Download your certificate \(PDF\): (\S+)/.exec(textOf(resent.at(-1)!))![1]!;
    expect((await fetch(oldLink, { redirect: 'manual' })).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(newLink, { redirect: 'manual' })).status).toBe(302);

    const missing = await api.request('POST', path, {});
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toEqual([{ field: 'requestedBy', message: 'is required' }]);
  });

  it('announces a correction and a revocation, each once', async () => {
    const corrected = await api.request('POST', `/operator/certificates/${number}/corrections`, {
      holderName: 'Lerato M. Dube',
      reason: 'Middle initial missing',
      correctedBy: 'registrar@saypro.online',
    });
    expect(corrected.status).toBe(201);
    const correctedNumber = corrected.json.number as string;
    const revocation = { reason: 'Issued in error', revokedBy: 'registrar@saypro.online' };
    const revoked = await api.request(
      'POST',
      `/operator/certificates/${correctedNumber}/revocation`,
      revocation,
    );
    expect(revoked.json).toMatchObject({ status: 'revoked', holderNotified: true });
    const twice = await api.request(
      'POST',
      `/operator/certificates/${correctedNumber}/revocation`,
      revocation,
    );
    expect(twice.status).toBe(409);

    const mails = await mailsTo(participant.email);
    const correction = mails.filter((mail) => mail.subject.startsWith('Your corrected SayPro certificate'));
    expect(correction).toHaveLength(1);
    expect(textOf(correction[0]!)).toContain(`replaces number ${number}`);
    expect(textOf(correction[0]!)).not.toContain('registrar@saypro.online');
    const revokedMails = mails.filter((mail) => mail.subject.endsWith('has been revoked'));
    expect(revokedMails.map((mail) => mail.subject)).toEqual([
      `Your SayPro certificate ${correctedNumber} has been revoked`,
    ]);
    // A revoked certificate is not sent again.
    const resend = await api.request('POST', `/operator/certificates/${correctedNumber}/resend`, {
      requestedBy: 'helpdesk',
    });
    expect(resend.status).toBe(409);
  });

  it('exports everything held about the participant, records who exported it, and leaves secrets out', async () => {
    const exported = await certs(
      'participant',
      'export',
      participant.participantId,
      '--by',
      'dpo@saypro.online',
    );
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.participant).toMatchObject({
      participantId: participant.participantId,
      email: participant.email,
    });
    expect(data.enrolments).toEqual([
      expect.objectContaining({ courseId: course.courseId, cohort: '2026 Soweto' }),
    ]);
    expect(data.progress).toEqual([
      expect.objectContaining({ courseId: course.courseId, discussionPosts: 4 }),
    ]);
    expect(data.approvals).toHaveLength(1);
    expect(data.certificates.map((c: { number: string; status: string }) => c.status).sort()).toEqual([
      'revoked',
      'superseded',
    ]);
    // The download token is a secret that opens the PDF, not data about them: left out.
    expect(data.certificates.some((c: object) => 'downloadToken' in c)).toBe(false);
    const kinds = data.emailsSent.map((sent: { notice: string }) => sent.notice);
    for (const kind of [
      'enrolled',
      'certificate-issued',
      'expiry-reminder',
      'certificate-corrected',
      'certificate-revoked',
    ])
      expect(kinds).toContain(kind);
    // Every email sent to them is in the log, and nothing more (the log keeps no text or address).
    expect(kinds).toHaveLength((await mailsTo(participant.email)).length);
    expect(data.personalLinks.length).toBe(kinds.length);
    // What they agreed to on the enrolment form, with the words and policy version of the day.
    expect(data.consentHistory.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'name-on-certificate',
      'name-to-verifiers',
      'surveys-and-reminders',
    ]);
    expect(data.consentHistory[0]).toMatchObject({ channel: 'paper-form', text: expect.any(String) });
    // The staff correction earlier in this file is in the trail too (action `correction`).
    expect(data.accessTrail).toEqual([
      expect.objectContaining({ action: 'correction', actor: 'registrar@saypro.online' }),
      expect.objectContaining({ actor: 'dpo@saypro.online', action: 'export', at: data.exportedAt }),
    ]);
    const trail = await api.request('GET', `/operator/participants/${participant.participantId}/access-log`);
    expect(trail.json.accesses).toHaveLength(2);
    const unnamed = await api.request(
      'POST',
      `/operator/participants/${participant.participantId}/export`,
      {},
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.issues).toEqual([{ field: 'requestedBy', message: 'is required' }]);
  });

  it('lists overdue approvals in the operator API and in `certs status --overdue`', async () => {
    await api.request('PUT', '/operator/participants/late-larry', {
      participantId: 'late-larry',
      fullName: 'Larry Late',
      email: 'larry@example.org',
    });
    const late = await api.request('POST', '/approvals', {
      participantId: 'late-larry',
      courseId: course.courseId,
      approvedBy: 'staff@saypro.online',
      approvedAt: '2026-10-01T09:00:00Z',
    });
    await api.settledApproval(late.json.approvalId);
    const overdue = await api.request('GET', '/operator/approvals?overdue=true');
    expect(overdue.json.approvals.map((approval: { approvalId: string }) => approval.approvalId)).toEqual([
      late.json.approvalId,
    ]);
    const cli = await certs('status', '--overdue');
    expect(cli.stdout).toMatch(new RegExp(`not_eligible\\s+${late.json.approvalId}.*OVERDUE`));
    // An enrolment email whose sender died an hour ago: listed as stuck, with what to do.
    await stack.deps.claims.claim('enrolment-email#late-larry#first-aid-at-work', {
      holder: 'a-dead-process',
      now: new Date(Date.now() - 60 * 60 * 1000),
      leaseMs: 120_000,
    });
    const stuck = await api.request('GET', '/operator/stuck-work');
    expect(stuck.json.claims).toEqual([
      expect.objectContaining({
        key: 'enrolment-email#late-larry#first-aid-at-work',
        state: 'leased',
        attempts: 1,
      }),
    ]);
    expect((await certs('stuck')).stdout).toContain(
      'what to do: `certs enrol --participant <id> --course <id>`',
    );
    const links = await certs('participant', 'revoke-links', 'late-larry');
    expect(links.stdout).toMatch(/Withdrew \d+ personal link\(s\) of late-larry/);
  });

  it("tracks the course for staff: each enrolled participant's requirements, approval, certificate and overdue flag", async () => {
    await api.request('PUT', `/operator/courses/${course.courseId}/enrolments/late-larry`, {});
    const tracking = await api.request('GET', `/operator/courses/${course.courseId}/tracking`);
    expect(tracking.status).toBe(200);
    const rows = tracking.json.participants as {
      participantId: string;
      eligible: boolean;
      overdue: boolean;
      approval: { status: string } | null;
      certificate: { status: string } | null;
      requirements: { met: boolean }[];
    }[];
    expect(rows.map((row) => row.participantId)).toEqual(['late-larry', participant.participantId]);
    expect(rows[0]).toMatchObject({
      eligible: false,
      overdue: true,
      approval: { status: 'not_eligible' },
      certificate: null,
    });
    expect(rows[0]!.requirements.some((requirement) => !requirement.met)).toBe(true);
    expect(rows[1]).toMatchObject({ eligible: true, overdue: false, approval: { status: 'issued' } });

    const firstPage = await api.request('GET', `/operator/courses/${course.courseId}/tracking?limit=1`);
    expect(firstPage.json.participants).toHaveLength(1);
    expect(firstPage.json.next).toBe('late-larry');
    const secondPage = await api.request(
      'GET',
      `/operator/courses/${course.courseId}/tracking?limit=1&after=late-larry`,
    );
    expect(secondPage.json.participants.map((row: { participantId: string }) => row.participantId)).toEqual([
      participant.participantId,
    ]);
    expect(secondPage.json.next).toBeUndefined();
    const waiting = await api.request(
      'GET',
      `/operator/courses/${course.courseId}/tracking?status=not_eligible`,
    );
    expect(waiting.json.participants.map((row: { participantId: string }) => row.participantId)).toEqual([
      'late-larry',
    ]);
    const badLimit = await api.request('GET', `/operator/courses/${course.courseId}/tracking?limit=0`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.issues).toEqual([
      { field: 'limit', message: 'must be a whole number from 1 to 200' },
    ]);
    expect((await api.request('GET', '/operator/courses/nope/tracking')).status).toBe(404);
  });
});
