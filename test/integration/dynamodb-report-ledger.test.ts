import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { DynamoDbReportLedger } from '../../functions/adapters/aws/dynamodb-report-ledger.js';
import type { ReportEvent } from '../../functions/core/reports.js';
import { buildPeriodReport } from '../../functions/core/use-cases/staff-reports.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';
import { inMemoryReportLedger } from '../support/in-memory-report-ledger.js';

let dynamodb: LocalService;
let ledger: DynamoDbReportLedger;
/** Names of the DynamoDB commands sent, for the test of how many requests one recording takes. */
const sent: string[] = [];

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  ledger = new DynamoDbReportLedger(clients.documentClient, 'registry');
  clients.dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
});

afterAll(async () => {
  await dynamodb?.stop();
});

const noCourses = {
  getCourse: async () => undefined,
  putCourse: async () => {},
  listCourses: async () => [],
};
const clock = { now: () => new Date('2026-12-01T06:00:00Z') };
const reportOf = (
  reports: DynamoDbReportLedger | ReturnType<typeof inMemoryReportLedger>['ledger'],
  period: string,
) => buildPeriodReport({ reports, courses: noCourses, clock }, period);

const events: ReportEvent[] = [
  ...Array.from(
    { length: 12 },
    (_, index): ReportEvent => ({
      type: 'issued',
      certificateNumber: `INT${index}`,
      courseId: index % 3 === 0 ? 'course-b' : 'course-a',
      participantId: `participant-${index % 8}`,
      approvedAt: '2026-11-05T08:00:00.000Z',
      issuedAt: new Date(Date.parse('2026-11-05T08:00:00.000Z') + (index + 1) * 45_000).toISOString(),
      issueBy: '2026-11-05T08:05:00.000Z',
    }),
  ),
  {
    type: 'not-eligible',
    approvalId: 'apr-1',
    courseId: 'course-a',
    at: '2026-11-06T00:00:00Z',
    missing: ['QUIZ_BELOW_PASS_MARK', 'PEER_REVIEW_MISSING'],
    listKey: 'k1',
  },
  { type: 'failed', approvalId: 'apr-2', courseId: 'course-a', at: '2026-11-07T00:00:00Z', reason: 'boom' },
  { type: 'retried', executionName: 'apr-2-retry-1', courseId: 'course-a', at: '2026-11-07T01:00:00Z' },
  { type: 'revoked', certificateNumber: 'INT1', courseId: 'course-a', at: '2026-11-08T00:00:00Z' },
  {
    type: 'mail',
    messageId: 'msg-1',
    outcome: 'delivered',
    courseId: 'course-a',
    at: '2026-11-05T09:00:00Z',
  },
  { type: 'mail', messageId: 'msg-2', outcome: 'bounced', at: '2026-11-05T09:00:00Z' },
  // Last quarter, for the comparison column.
  {
    type: 'issued',
    certificateNumber: 'INT-OLD',
    courseId: 'course-a',
    participantId: 'participant-1',
    approvedAt: '2026-09-30T08:00:00.000Z',
    issuedAt: '2026-09-30T08:10:00.000Z',
  },
];

describe('the DynamoDB report ledger (DynamoDB Local)', () => {
  it('counts every event exactly once under concurrent replays, as the in-memory ledger does', async () => {
    // Each event sent five times, all at once: retries, replays, two workers racing on the same counters.
    const outcomes = await Promise.all(
      events.flatMap((event) => Array.from({ length: 5 }, () => ledger.record(event))),
    );
    const counted = outcomes.filter((outcome) => outcome.counted).length;
    expect(counted).toBe(events.length);

    const reference = inMemoryReportLedger();
    for (const event of events) await reference.ledger.record(event);
    for (const period of ['2026-11', '2026-Q4']) {
      const fromDynamo = await reportOf(ledger, period);
      const fromMemory = await reportOf(reference.ledger, period);
      expect(fromDynamo.total).toEqual(fromMemory.total);
      expect(fromDynamo.courses).toEqual(fromMemory.courses);
    }
    const quarter = await reportOf(ledger, '2026-Q4');
    expect(quarter.total.current).toMatchObject({
      certificatesIssued: 12,
      uniqueRecipients: 8,
      failures: 1,
      retries: 1,
      revocations: 1,
      email: { delivered: 1, bounced: 1, complained: 0 },
      notEligible: {
        approvals: 1,
        byMissingRequirement: { PEER_REVIEW_MISSING: 1, QUIZ_BELOW_PASS_MARK: 1 },
      },
    });
    expect(quarter.total.previous.certificatesIssued).toBe(1);
    expect(quarter.courses.map((course) => [course.courseId, course.current.certificatesIssued])).toEqual([
      ['course-a', 8],
      ['course-b', 4],
    ]);
  });

  it('adds engagement every time (it has no id), and a replay later still counts nothing', async () => {
    const view: ReportEvent = {
      type: 'engagement',
      what: 'view',
      courseId: 'course-c',
      at: '2026-11-20T00:00:00Z',
    };
    await Promise.all(Array.from({ length: 7 }, () => ledger.record(view)));
    expect(await ledger.record(events[0]!)).toEqual({ counted: false });
    const month = await reportOf(ledger, '2026-11');
    expect(
      month.courses.find((course) => course.courseId === 'course-c')?.current.engagement
        .verificationPageViews,
    ).toBe(7);
    expect(month.total.current.certificatesIssued).toBe(12);
  });

  it("counts a new participant's certificate in one request, and their second in the same periods exactly once", async () => {
    const first: ReportEvent = {
      type: 'issued',
      certificateNumber: 'ONE-REQUEST-1',
      courseId: 'course-d',
      participantId: 'participant-new',
      approvedAt: '2026-12-01T08:00:00.000Z',
      issuedAt: '2026-12-01T08:00:05.000Z',
    };
    sent.length = 0;
    expect(await ledger.record(first)).toEqual({ counted: true });
    expect(sent).toEqual(['TransactWriteItemsCommand']);

    // Same participant, same periods, another course: the recipient is already counted in TOTAL, so the
    // single transaction is refused and the step-by-step path counts the event and only the new scope.
    const second: ReportEvent = { ...first, certificateNumber: 'ONE-REQUEST-2', courseId: 'course-e' };
    expect(await ledger.record(second)).toEqual({ counted: true });
    expect(await ledger.record(second)).toEqual({ counted: false });
    const month = await reportOf(ledger, '2026-12');
    expect(month.total.current).toMatchObject({ certificatesIssued: 2, uniqueRecipients: 1 });
    expect(
      month.courses
        .filter((course) => course.current.certificatesIssued > 0)
        .map((course) => [
          course.courseId,
          course.current.certificatesIssued,
          course.current.uniqueRecipients,
        ]),
    ).toEqual([
      ['course-d', 1, 1],
      ['course-e', 1, 1],
    ]);
  });
});
