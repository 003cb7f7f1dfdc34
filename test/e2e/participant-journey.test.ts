import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, mailbox } from '../support/local-api.js';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

const course = {
  courseId: 'journey-course',
  title: 'Journey Course',
  criteria: {
    requiredModules: [{ moduleId: 'm1', title: 'Module One' }],
    quizzes: [{ quizId: 'final', title: 'Final Quiz', passMark: 70 }],
    discussion: { minimumPosts: 2 },
  },
  signatory: { name: 'Neftaly Malatjie', title: 'Director' },
};
const participant = {
  participantId: 'lerato-journey',
  fullName: 'Lerato Journey',
  email: 'lerato.journey@example.org',
};
const progressPath = `/operator/progress/${participant.participantId}/${course.courseId}`;

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  await api.putCourse(course);
  const firstProgress = {
    participantId: participant.participantId,
    courseId: course.courseId,
    completedModuleIds: ['m1'],
    discussionPosts: 3,
  };
  await api.putParticipant(participant, firstProgress);
});

afterAll(async () => {
  await stack?.stop();
});

describe('a not-eligible approval issues by itself once the missing work is recorded', () => {
  it('not eligible, then the missing quiz is recorded: one certificate, one issued email, one not-eligible email', async () => {
    const approvalId = await api.approve(participant.participantId, course.courseId);
    const waiting = await api.settledApproval(approvalId);
    expect(waiting.status).toBe('not_eligible');
    expect(JSON.stringify(waiting.reasons)).toContain('QUIZ_NOT_TAKEN');
    expect(waiting.issueBy).toEqual(expect.any(String));

    // `certs retry` explains instead of retrying.
    const retried = await api.request('POST', `/operator/approvals/${approvalId}/retry`);
    expect(retried.status).toBe(409);
    expect(retried.text).toContain('assessed again by itself');

    // Same things still missing: re-assessed, but no second "what is missing" email.
    const unchanged = await api.request('PUT', progressPath, {
      completedModuleIds: ['m1'],
      discussionPosts: 3,
    });
    expect(unchanged.json.reevaluated).toEqual([approvalId]);
    await waitFor(
      async () =>
        (await api.request('GET', `/operator/approvals/${approvalId}`)).json.status === 'not_eligible',
    );

    const started = Date.now();
    const recorded = await api.request('PUT', progressPath, {
      completedModuleIds: ['m1'],
      quizScores: { final: 91 },
      discussionPosts: 3,
    });
    expect(recorded.status).toBe(200);
    const issued = await api.settledApproval(approvalId, 15_000);
    expect(issued.status).toBe('issued');
    expect(Date.now() - started).toBeLessThan(15_000);

    // Recording the same progress again (or a replayed stream record) issues nothing more.
    const again = await api.request('PUT', progressPath, {
      completedModuleIds: ['m1'],
      quizScores: { final: 91 },
      discussionPosts: 3,
    });
    expect(again.json.reevaluated).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const all = await mailbox(stack);
    const mine = all.filter((mail) => mail.destination.to.includes(participant.email));
    const notEligible = mine.filter((mail) => /a few steps left/.test(mail.subject));
    const issuedMail = mine.filter((mail) => /^Your SayPro certificate: /.test(mail.subject));
    expect(mine).toHaveLength(2);
    expect(notEligible).toHaveLength(1);
    expect(issuedMail).toHaveLength(1);
    const final = await api.request('GET', `/operator/approvals/${approvalId}`);
    expect(final.json.certificate.number).toBe(issued.certificate.number);
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
