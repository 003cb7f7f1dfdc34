import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { apiClient, certsCli, mailbox } from '../support/local-api.js';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  certs = certsCli(stack);
  await stack.deps.courses.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) {
    await stack.deps.participants.putParticipant(participant);
    await stack.deps.progress.putProgress(progress);
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('the operator CLI', () => {
  let number: string;

  it('approves, and shows the approval moving to issued', async () => {
    const approved = await certs(
      'approve',
      '--participant',
      'thandiwe-nkosi',
      '--course',
      sampleCourse.courseId,
      '--by',
      'cli@saypro.online',
    );
    expect(approved.code).toBe(0);
    const approvalId = /Approval (apr-[0-9a-f]+) recorded/.exec(approved.stdout)?.[1];
    expect(approvalId).toBeDefined();
    const settled = await api.settledApproval(approvalId!);
    number = settled.certificate.number;

    const listed = await certs('status');
    expect(listed.stdout).toMatch(
      new RegExp(
        `issued\\s+${approvalId}\\s+thandiwe-nkosi → ${sampleCourse.courseId}\\s+\\(certificate ${number}\\)`,
      ),
    );
    const again = await certs(
      'approve',
      '--participant',
      'thandiwe-nkosi',
      '--course',
      sampleCourse.courseId,
      '--by',
      'cli@saypro.online',
    );
    expect(again.stdout).toContain('nothing new was issued');
  });

  it('dry-runs eligibility without recording anything, and reads back what staff entered', async () => {
    const approvalsBefore = (await api.request('GET', '/operator/approvals')).json.approvals.length;
    const amina = await certs(
      'eligibility',
      '--participant',
      'amina-yusuf',
      '--course',
      sampleCourse.courseId,
    );
    expect(amina.code).toBe(0);
    expect(amina.stdout).toContain('amina-yusuf does not yet meet every requirement');
    expect(amina.stdout).toContain('✓ Module “Foundations of Digital Work”');
    expect(amina.stdout).toContain(
      '✗ Module “Collaboration Tools”: Complete the module "Collaboration Tools".',
    );
    expect(amina.stdout).toContain('✗ Peer review');
    const thandiwe = await certs(
      'eligibility',
      '--participant',
      'thandiwe-nkosi',
      '--course',
      sampleCourse.courseId,
    );
    expect(thandiwe.stdout).toContain('meets every requirement');
    expect((await api.request('GET', '/operator/approvals')).json.approvals).toHaveLength(approvalsBefore);
    expect(
      (await mailbox(stack)).filter((mail) => mail.destination.to.includes('amina.yusuf@example.org')),
    ).toHaveLength(0);

    expect((await api.request('GET', `/operator/courses/${sampleCourse.courseId}`)).json).toMatchObject({
      title: sampleCourse.title,
      criteria: { issueDeadlineDays: 7 },
    });
    expect((await api.request('GET', '/operator/courses')).json.courses).toHaveLength(1);
    expect((await api.request('GET', '/operator/participants/amina-yusuf')).json.email).toBe(
      'amina.yusuf@example.org',
    );
    expect(
      (await api.request('GET', `/operator/progress/amina-yusuf/${sampleCourse.courseId}`)).json.quizScores,
    ).toEqual({ 'final-quiz': 61 });
    const unknown = await api.request('GET', '/operator/courses/no-such-course');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('course no-such-course does not exist');
    expect(
      (await certs('eligibility', '--participant', 'nobody', '--course', sampleCourse.courseId)).stderr,
    ).toContain('participant nobody does not exist');
  });

  it('names the missing option or the bad field, with exit code 2', async () => {
    const missing = await certs('approve', '--participant', 'thandiwe-nkosi', '--by', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --course');
    const unknownParticipant = await certs(
      'approve',
      '--participant',
      'nobody',
      '--course',
      sampleCourse.courseId,
      '--by',
      'x',
    );
    expect(unknownParticipant.code).toBe(2);
    expect(unknownParticipant.stderr).toContain('unknown participant "nobody"');
    const badNumber = await certs('revoke', '1234', '--reason', 'test', '--by', 'x');
    expect(badNumber.stderr).toContain('24 characters');
    const wrongKey = await certsCli({ ...stack, apiKey: 'wrong' })('status');
    expect(wrongKey.stderr).toContain('refused the operator key');
    expect((await certs('frobnicate')).stderr).toContain('Unknown command "frobnicate"');
  });

  it('corrects a certificate: a new version supersedes it and is emailed', async () => {
    const corrected = await certs(
      'correct',
      number,
      '--name',
      'Thandiwe N. Nkosi',
      '--reason',
      'middle initial missing',
      '--by',
      'cli@saypro.online',
    );
    expect(corrected.code).toBe(0);
    const result = JSON.parse(corrected.stdout);
    expect(result).toMatchObject({ supersedes: number, version: 2, emailed: true });
    expect((await api.request('GET', `/certificates/${number}`)).json).toMatchObject({
      status: 'superseded',
      supersededBy: result.number,
    });
    expect((await api.request('GET', `/certificates/${result.number}`)).json).toMatchObject({
      status: 'valid',
      holder: { name: 'Thandiwe N. Nkosi' },
      supersedes: number,
    });
    const mails = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('thandiwe.nkosi@example.org'),
    );
    expect(mails).toHaveLength(2);
    expect(
      (await certs('correct', number, '--name', 'X Y', '--reason', 'again', '--by', 'x')).stderr,
    ).toContain('already superseded');
    number = result.number;
  });

  it('revokes, and rotates the signing key with old certificates still verifying', async () => {
    const before = JSON.parse((await certs('keys')).stdout).keys;
    expect(before).toHaveLength(1);
    const rotated = await certs('keys', 'rotate');
    expect(rotated.code).toBe(0);
    const after = JSON.parse((await certs('keys', 'list')).stdout).keys;
    expect(after.map((key: { status: string }) => key.status).sort()).toEqual(['active', 'retired']);
    expect((await api.request('GET', `/certificates/${number}`)).json.signature.valid).toBe(true);

    const revoked = await certs('revoke', number, '--reason', 'issued in error', '--by', 'cli@saypro.online');
    expect(revoked.code).toBe(0);
    expect((await api.request('GET', `/certificates/${number}`)).json).toMatchObject({
      status: 'revoked',
      revocationReason: 'issued in error',
    });
    // Who revoked it is for staff only.
    expect((await api.request('GET', `/certificates/${number}`)).text).not.toContain('cli@saypro.online');
  });
});
