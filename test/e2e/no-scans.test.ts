import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintParticipantPageLink } from '../../functions/core/use-cases/participant-access.js';
import { sweepOperations } from '../../functions/core/use-cases/recover-stuck-work.js';
import { staffOverview } from '../../functions/core/use-cases/staff-dashboard.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { commandsSentDuring } from '../support/dynamodb-commands.js';
import { apiClient } from '../support/local-api.js';

/**
 * Request paths read by key, never by scanning: the table holds every certificate, so a Scan behind a
 * request costs more with every certificate issued. Every DynamoDB command sent while the routes below
 * answer is recorded (the background loops are off), and none may be a Scan.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let number: string;
let pagePath: string;
let statusListPath: string;
let approvalId: string;

const COURSE = {
  courseId: 'scanless',
  title: 'Reading by Key',
  description: 'No scans on request paths.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

beforeAll(async () => {
  stack = await startLocalStack({ recoverySweepMs: 0, reminderSweepMs: 0 });
  api = apiClient(stack);
  await api.putCourse(COURSE);
  await api.putParticipant(
    {
      participantId: 'kea',
      fullName: 'Kea Mokoena',
      email: 'kea@example.org',
      consentToPublicName: true,
    } as never,
    { participantId: 'kea', courseId: COURSE.courseId, completedModuleIds: [], quizScores: {} } as never,
  );
  approvalId = await api.approve('kea', COURSE.courseId);
  const settled = await api.settledApproval(approvalId, 60_000);
  expect(settled.status).toBe('issued');
  number = settled.certificate.number;
  pagePath = new URL((await mintParticipantPageLink(stack.deps, 'kea')).url).pathname;
  const credential = await api.request('GET', `/certificates/${number}/credential`);
  const payload = JSON.parse(Buffer.from(credential.text.split('.')[1]!, 'base64url').toString('utf8'));
  statusListPath = new URL(payload.credentialStatus.statusListCredential).pathname;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('request paths', () => {
  it('send no Scan for verification, credentials, keys, status lists, pages or staff reads', async () => {
    const routes = [
      `/certificates/${number}`,
      `/verify/${number}`,
      `/certificates/${number}/credential`,
      '/.well-known/jwks.json',
      '/issuer',
      statusListPath,
      `/courses/${COURSE.courseId}`,
      '/help',
      '/help/faq',
      '/privacy',
      pagePath,
      '/operator/courses',
      `/operator/courses/${COURSE.courseId}`,
      `/operator/courses/${COURSE.courseId}/tracking`,
      '/operator/participants/kea',
      '/operator/participants/kea/consent',
      `/operator/eligibility/kea/${COURSE.courseId}`,
    ];
    const everything: string[] = [];
    for (const route of routes) {
      const sent = await commandsSentDuring(async () => {
        const response = await api.request('GET', route);
        expect(response.status, route).toBeLessThan(400);
      });
      expect(sent, route).not.toContain('ScanCommand');
      everything.push(...sent);
    }
    // Some answers come from the read caches; the routes together read the table many times.
    expect(everything.filter((name) => /Get|Query/.test(name)).length).toBeGreaterThan(routes.length);
    const exported = await commandsSentDuring(() =>
      api.request('POST', '/operator/participants/kea/export', { requestedBy: 'dpo@saypro.online' }),
    );
    expect(exported).not.toContain('ScanCommand');
  });

  it('send no Scan for the approvals listings, the stuck work, the staff overview or the sweep', async () => {
    // The issued approval is listed (found through its status pointer); nothing is overdue or stuck.
    const listings: [string, number][] = [
      ['/operator/approvals', 1],
      ['/operator/approvals?status=issued&limit=10', 1],
      ['/operator/approvals?overdue=true', 0],
      ['/operator/stuck-work', 0],
    ];
    for (const [route, expected] of listings) {
      let answer: Awaited<ReturnType<typeof api.request>> | undefined;
      const sent = await commandsSentDuring(async () => {
        answer = await api.request('GET', route);
      });
      expect(answer!.status, route).toBe(200);
      const rows = (answer!.json.approvals ?? answer!.json.claims) as { approvalId?: string }[];
      expect(rows.length, route).toBe(expected);
      if (expected) expect(rows[0]!.approvalId, route).toBe(approvalId);
      expect(sent, route).not.toContain('ScanCommand');
      expect(
        sent.some((name) => name === 'QueryCommand'),
        route,
      ).toBe(true);
    }
    // The staff home page's use case, and the sweep the local stack and AWS run on a schedule.
    const overview = await commandsSentDuring(() => staffOverview(stack.deps));
    expect(overview).not.toContain('ScanCommand');
    const swept = await commandsSentDuring(() => sweepOperations(stack.deps));
    expect(swept).not.toContain('ScanCommand');
    expect(swept.filter((name) => name === 'QueryCommand').length).toBeGreaterThanOrEqual(6);
  });

  it("send no Scan for one course's approvals (the course index, then reads by key)", async () => {
    for (const route of [
      `/operator/approvals?course=${COURSE.courseId}`,
      `/operator/approvals?course=${COURSE.courseId}&status=issued&limit=10`,
    ]) {
      let answer: Awaited<ReturnType<typeof api.request>> | undefined;
      const sent = await commandsSentDuring(async () => {
        answer = await api.request('GET', route);
      });
      expect(answer!.status, route).toBe(200);
      expect(
        answer!.json.approvals.map((a: { approvalId: string }) => a.approvalId),
        route,
      ).toEqual([approvalId]);
      expect(sent, route).not.toContain('ScanCommand');
      expect(sent, route).toContain('QueryCommand');
      expect(sent, route).toContain('BatchGetCommand');
    }
  });

  it('can tell: listing every certificate still scans (the check is real; no request path does it)', async () => {
    const sent = await commandsSentDuring(() => stack.deps.certificates.listCertificates());
    expect(sent).toContain('ScanCommand');
  });
});
