import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, mailbox } from '../support/local-api.js';

/**
 * xAPI intake on the local stack, as an LMS's xAPI plugin uses it: statements posted with Basic auth
 * become progress and an approval, the certificate issues once however often they are resent, and a
 * statement not understood is parked for staff rather than lost.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

const LMS = 'https://lms.saypro.test';
const COURSE = {
  courseId: 'xapi-course',
  title: 'Learning by Statement',
  description: 'Progress fed by xAPI.',
  activityId: `${LMS}/course/view.php?id=12`,
  criteria: {
    requiredModules: [
      { moduleId: 'm1', title: 'First Steps', activityId: `${LMS}/mod/page/view.php?id=301` },
    ],
    quizzes: [
      { quizId: 'q1', title: 'Final Quiz', passMark: 70, activityId: `${LMS}/mod/quiz/view.php?id=302` },
    ],
    peerReviewRequired: false,
    issueDeadlineDays: 7,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};
const learner = { objectType: 'Agent', mbox: 'mailto:naledi.xapi@example.org' };
const statement = (id: string, verb: string, activity: string, result?: object) => ({
  id,
  actor: learner,
  verb: { id: verb, display: { 'en-US': verb.split('/').at(-1) } },
  object: { objectType: 'Activity', id: activity },
  ...(result ? { result } : {}),
  timestamp: '2026-12-01T09:00:00Z',
});
const STATEMENTS = [
  statement(
    '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a01',
    'http://adlnet.gov/expapi/verbs/completed',
    COURSE.criteria.requiredModules[0]!.activityId,
  ),
  statement(
    '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a02',
    'http://adlnet.gov/expapi/verbs/failed',
    COURSE.criteria.quizzes[0]!.activityId,
    { score: { raw: 12, min: 0, max: 20 } },
  ),
  statement(
    '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a03',
    'http://adlnet.gov/expapi/verbs/passed',
    COURSE.criteria.quizzes[0]!.activityId,
    { score: { scaled: 0.85 } },
  ),
  statement(
    '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a04',
    'http://activitystrea.ms/schema/1.0/approve',
    COURSE.activityId,
  ),
];

/** POSTs statements as an LMS plugin does: Basic auth with the key as password, the xAPI version header. */
const post = (
  body: unknown,
  authorization = `Basic ${Buffer.from(`lms:${stack.apiKey}`).toString('base64')}`,
) =>
  fetch(`${stack.url}/operator/xapi/statements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  await api.putCourse(COURSE);
  const registered = await api.request('PUT', '/operator/participants/naledi', {
    fullName: 'Naledi Xapi',
    email: 'naledi.xapi@example.org',
    consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'xapi test' },
  });
  expect(registered.status).toBe(200);
});

afterAll(async () => {
  await stack?.stop();
});

describe('POST /operator/xapi/statements', () => {
  it('turns completed, failed, passed and approve statements into progress and a certificate, once', async () => {
    const answered = await post(STATEMENTS);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(await answered.json()).toEqual(STATEMENTS.map((entry) => entry.id));
    const progress = await api.request('GET', `/operator/progress/naledi/${COURSE.courseId}`);
    expect(progress.json).toMatchObject({ completedModuleIds: ['m1'], quizScores: { q1: 85 } });

    // The LRS resends everything: nothing new happens.
    expect((await post(STATEMENTS)).status).toBe(200);
    const approvals = (await api.request('GET', '/operator/approvals')).json.approvals.filter(
      (approval: { participantId: string }) => approval.participantId === 'naledi',
    );
    expect(approvals).toHaveLength(1);
    expect((await api.settledApproval(approvals[0].approvalId, 60_000)).status).toBe('issued');
    const emails = (await mailbox(stack)).filter(
      (mail) =>
        mail.destination.to.includes('naledi.xapi@example.org') &&
        /^Your SayPro certificate: /.test(mail.subject),
    );
    expect(emails).toHaveLength(1);
  });

  it('parks what it does not understand, with the reason, and refuses what is malformed or unauthenticated', async () => {
    const odd = [
      statement(
        '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a05',
        'http://adlnet.gov/expapi/verbs/experienced',
        COURSE.criteria.requiredModules[0]!.activityId,
      ),
      statement(
        '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a06',
        'http://adlnet.gov/expapi/verbs/completed',
        `${LMS}/mod/page/view.php?id=999`,
      ),
      {
        ...statement(
          '6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a07',
          'http://adlnet.gov/expapi/verbs/completed',
          COURSE.criteria.requiredModules[0]!.activityId,
        ),
        actor: { mbox: 'mailto:stranger@example.org' },
      },
    ];
    const answered = await post(odd);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-saypro-outcomes')).toBe('parked,parked,parked');
    const parked = await api.request('GET', '/operator/xapi/unmatched');
    const reasons = Object.fromEntries(
      parked.json.statements.map((entry: { statementId: string; reason: string }) => [
        entry.statementId,
        entry.reason,
      ]),
    );
    expect(reasons['6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a05']).toMatch(/does not apply to this module/);
    expect(reasons['6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a06']).toBe(
      'no course, module or quiz has this activity id',
    );
    expect(reasons['6f1c0a5e-8d7b-4c61-9d62-3a9b7e0c1a07']).toBe(
      'the learner is not a registered participant',
    );
    // The stranger's address is not kept with their statement.
    expect(parked.text).not.toContain('stranger@example.org');

    const malformed = await post([STATEMENTS[0], { actor: learner, verb: {}, object: { id: 'x' } }]);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).issues).toContainEqual(expect.objectContaining({ field: 'verb.id' }));
    expect((await post(STATEMENTS, 'Basic bG1zOndyb25n')).status).toBe(403);
  });
});
