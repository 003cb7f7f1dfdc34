import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, certsCli } from '../support/local-api.js';

/**
 * `GET /operator/approvals?course=` and `certs status --course`: one course's approvals through the
 * course index, newest approval first, paged, filtered by status, with a reason for every bad value.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;
/** The carpentry approvals, oldest first. */
const carpentry: string[] = [];

const course = (courseId: string, requiredModules: string[]) => ({
  courseId,
  title: `Course ${courseId}`,
  description: 'Approvals listed by course.',
  criteria: {
    requiredModules: requiredModules.map((moduleId) => ({ moduleId, title: `Module ${moduleId}` })),
    quizzes: [],
    peerReviewRequired: false,
    issueDeadlineDays: 7,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
});

async function approve(participantId: string, courseId: string, completedModuleIds: string[]) {
  await api.putParticipant(
    {
      participantId,
      fullName: `Person ${participantId}`,
      email: `${participantId}@example.org`,
      consentToPublicName: true,
    } as never,
    { participantId, courseId, completedModuleIds, quizScores: {} } as never,
  );
  const posted = await api.request('POST', '/approvals', {
    participantId,
    courseId,
    approvedBy: 'staff@saypro.online',
  });
  expect(posted.status, posted.text).toBe(202);
  await api.settledApproval(posted.json.approvalId, 60_000);
  return posted.json.approvalId as string;
}

beforeAll(async () => {
  stack = await startLocalStack({ recoverySweepMs: 0, reminderSweepMs: 0 });
  api = apiClient(stack);
  certs = certsCli(stack);
  await api.putCourse(course('carpentry', ['m1']));
  await api.putCourse(course('welding', []));
  carpentry.push(await approve('ana', 'carpentry', ['m1']));
  carpentry.push(await approve('ben', 'carpentry', []));
  carpentry.push(await approve('cai', 'carpentry', ['m1']));
  await approve('dee', 'welding', []);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const idsOf = (json: { approvals: { approvalId: string }[] }) => json.approvals.map((a) => a.approvalId);

describe('GET /operator/approvals?course=', () => {
  it('lists the course only, newest approval first, each in its current status', async () => {
    const { status, json } = await api.request('GET', '/operator/approvals?course=carpentry');
    expect(status).toBe(200);
    expect(idsOf(json)).toEqual([...carpentry].reverse());
    expect(json.approvals.map((a: { status: string }) => a.status)).toEqual([
      'issued',
      'not_eligible',
      'issued',
    ]);
    expect(json.next).toBeUndefined();
  });

  it('filters by status and pages with limit and after', async () => {
    const issued = await api.request('GET', '/operator/approvals?course=carpentry&status=issued');
    expect(idsOf(issued.json)).toEqual([carpentry[2], carpentry[0]]);
    const waiting = await api.request('GET', '/operator/approvals?course=carpentry&status=not_eligible');
    expect(idsOf(waiting.json)).toEqual([carpentry[1]]);

    const first = await api.request('GET', '/operator/approvals?course=carpentry&limit=2');
    expect(idsOf(first.json)).toEqual([carpentry[2], carpentry[1]]);
    expect(first.json.next).toEqual(expect.any(String));
    const second = await api.request(
      'GET',
      `/operator/approvals?course=carpentry&limit=2&after=${encodeURIComponent(first.json.next)}`,
    );
    expect(idsOf(second.json)).toEqual([carpentry[0]]);
    expect(second.json.next).toBeUndefined();
  });

  it('answers a bad value with a 4xx naming it', async () => {
    const cases: [string, number, RegExp][] = [
      ['?course=', 400, /course/],
      ['?course=carpentry&status=done', 400, /status must be one of/],
      ['?course=carpentry&limit=0', 400, /limit/],
      ['?course=carpentry&limit=ten', 400, /limit/],
      ['?course=carpentry&after=not-a-cursor', 400, /after/],
      ['?course=carpentry&overdue=true', 400, /overdue/],
      ['?course=no-such-course', 404, /no-such-course/],
    ];
    for (const [query, expected, reason] of cases) {
      const answer = await api.request('GET', `/operator/approvals${query}`);
      expect(answer.status, query).toBe(expected);
      expect(answer.text, query).toMatch(reason);
    }
  });
});

describe('certs status --course', () => {
  it('prints one page of the course, and the command for the next', async () => {
    const all = await certs('status', '--course', 'carpentry');
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^issued +${carpentry[2]} +cai +approved `));
    expect(all.stdout).not.toContain('dee');

    const waiting = await certs('status', '--course', 'carpentry', '--status', 'not_eligible');
    expect(waiting.stdout.trim()).toMatch(new RegExp(`^not_eligible +${carpentry[1]} +ben`));

    const paged = await certs('status', '--course', 'carpentry', '--limit', '1');
    expect(paged.stdout).toContain(carpentry[2]);
    const more = paged.stdout.match(/More: certs status --course carpentry --limit 1 --after '([^']+)'/);
    expect(more, paged.stdout).not.toBeNull();
    const next = await certs('status', '--course', 'carpentry', '--limit', '1', '--after', more![1]!);
    expect(next.stdout).toContain(carpentry[1]);

    const none = await certs('status', '--course', 'welding', '--status', 'failed');
    expect(none.stdout.trim()).toBe('No approvals for welding in status failed.');
  });

  it('names the bad value', async () => {
    const bad = await certs('status', '--course', 'carpentry', '--status', 'done');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/status: must be one of/);
    const unknown = await certs('status', '--course', 'nope');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/course nope does not exist/);
  });
});
