import { beforeEach, describe, expect, it } from 'vitest';
import { templatedReportRenderer } from '../../functions/adapters/templated-report-renderer.js';
import { ValidationError } from '../../functions/core/errors.js';
import {
  figuresOf,
  PERCENTILE_RELATIVE_PRECISION,
  parseReportPeriod,
  periodsDueAt,
  previousPeriod,
  type ReportEvent,
  timeBucketOf,
} from '../../functions/core/reports.js';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { notifyNotEligible } from '../../functions/core/use-cases/notify-not-eligible.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { recordMailEvent } from '../../functions/core/use-cases/record-mail-event.js';
import {
  buildPeriodReport,
  publishDueReports,
  publishPeriodReport,
} from '../../functions/core/use-cases/staff-reports.js';
import { openDownload, viewCertificatePage } from '../../functions/core/use-cases/view-certificate.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { renderReportCsv, renderReportPage } from '../../templates/web/report-page.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

let world: ReturnType<typeof inMemoryDeps>;
const record = (event: ReportEvent) => world.deps.reports.record(event);
const report = (period: string) => buildPeriodReport(world.deps, period);

beforeEach(() => {
  world = inMemoryDeps(new Date('2026-12-01T06:00:00.000Z'));
});

const issued = (n: number, extra: Partial<Extract<ReportEvent, { type: 'issued' }>> = {}): ReportEvent => ({
  type: 'issued',
  certificateNumber: `CERT${n}`,
  courseId: 'course-a',
  participantId: `p${n}`,
  approvedAt: '2026-11-10T09:00:00.000Z',
  issuedAt: '2026-11-10T09:01:00.000Z',
  issueBy: '2026-11-17T09:00:00.000Z',
  ...extra,
});

describe('report periods', () => {
  it('reads months and quarters, and names the period field when it cannot', () => {
    expect(parseReportPeriod('2026-11')).toMatchObject({
      kind: 'month',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(parseReportPeriod('2026-q4')).toMatchObject({
      id: '2026-Q4',
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(previousPeriod(parseReportPeriod('2026-01')).id).toBe('2025-12');
    expect(previousPeriod(parseReportPeriod('2026-Q1')).id).toBe('2025-Q4');
    for (const bad of ['2026-13', '2026-Q5', 'November', '26-11', '']) {
      const error = (() => {
        try {
          parseReportPeriod(bad);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.field).toBe('period');
    }
  });

  it('is due monthly for last month, and at a quarter start for last quarter too', () => {
    expect(periodsDueAt(new Date('2026-12-01T06:00:00Z'))).toEqual(['2026-11']);
    expect(periodsDueAt(new Date('2027-01-01T06:00:00Z'))).toEqual(['2026-12', '2026-Q4']);
    expect(periodsDueAt(new Date('2026-04-01T06:00:00Z'))).toEqual(['2026-03', '2026-Q1']);
  });
});

describe('figures from a known set of events', () => {
  it('counts issued certificates and unique recipients, per course and in total, month and quarter', async () => {
    await record(issued(1));
    await record(issued(2));
    // The same participant again, in another course: one more certificate, not one more recipient in total.
    await record(issued(3, { participantId: 'p1', courseId: 'course-b' }));
    await record(issued(4, { issuedAt: '2026-10-03T10:00:00.000Z', approvedAt: '2026-10-03T09:00:00.000Z' }));
    const month = await report('2026-11');
    expect(month.total.current).toMatchObject({ certificatesIssued: 3, uniqueRecipients: 2 });
    expect(month.courses.map((course) => [course.courseId, course.current.certificatesIssued])).toEqual([
      ['course-a', 2],
      ['course-b', 1],
    ]);
    expect(month.courses[1]!.current.uniqueRecipients).toBe(1);
    expect(month.total.previous.certificatesIssued).toBe(1);
    const quarter = await report('2026-Q4');
    expect(quarter.total.current).toMatchObject({ certificatesIssued: 4, uniqueRecipients: 3 });
  });

  it('counts an event once however often it is recorded', async () => {
    for (let replay = 0; replay < 3; replay += 1) await record(issued(1));
    const event: ReportEvent = {
      type: 'mail',
      messageId: 'm-1',
      outcome: 'bounced',
      courseId: 'course-a',
      at: '2026-11-11T00:00:00Z',
    };
    expect(await record(event)).toEqual({ counted: true });
    expect(await record(event)).toEqual({ counted: false });
    const { current } = (await report('2026-11')).total;
    expect(current.certificatesIssued).toBe(1);
    expect(current.uniqueRecipients).toBe(1);
    expect(current.email.bounced).toBe(1);
  });

  it('reads p50 and p95 of approval to certificate within the histogram precision', async () => {
    // 1..100 minutes: the exact p50 is 50 min, p95 is 95 min.
    for (let minutes = 1; minutes <= 100; minutes += 1)
      await record(
        issued(minutes, {
          approvedAt: '2026-11-10T00:00:00.000Z',
          issuedAt: new Date(Date.parse('2026-11-10T00:00:00.000Z') + minutes * 60_000).toISOString(),
        }),
      );
    const { p50, p95 } = (await report('2026-11')).total.current.timeToCertificateSeconds;
    expect(Math.abs(p50! - 3000) / 3000).toBeLessThanOrEqual(PERCENTILE_RELATIVE_PRECISION + 0.001);
    expect(Math.abs(p95! - 5700) / 5700).toBeLessThanOrEqual(PERCENTILE_RELATIVE_PRECISION + 0.001);
    expect(timeBucketOf(0.2)).toBe(0);
    expect(figuresOf({}).timeToCertificateSeconds).toEqual({ p50: null, p95: null });
  });

  it('shares issued within the course deadline, of those that had one', async () => {
    await record(issued(1));
    await record(issued(2, { issuedAt: '2026-11-20T00:00:00.000Z' }));
    await record(issued(3, { issuedAt: '2026-11-21T00:00:00.000Z' }));
    const { issueBy: _none, ...withoutDeadline } = issued(4) as Extract<ReportEvent, { type: 'issued' }>;
    await record(withoutDeadline);
    expect((await report('2026-11')).total.current.withinDeadline).toEqual({
      issued: 1,
      withDeadline: 3,
      share: 0.333,
    });
  });

  it('counts not-eligible approvals by missing requirement, failures, retries, revocations, corrections, mail and engagement', async () => {
    const at = '2026-11-12T00:00:00.000Z';
    await record({
      type: 'not-eligible',
      approvalId: 'a1',
      courseId: 'course-a',
      at,
      missing: ['QUIZ_BELOW_PASS_MARK', 'PEER_REVIEW_MISSING'],
      listKey: 'x',
    });
    await record({
      type: 'not-eligible',
      approvalId: 'a2',
      courseId: 'course-a',
      at,
      missing: ['PEER_REVIEW_MISSING'],
      listKey: 'y',
    });
    await record({ type: 'failed', approvalId: 'a3', courseId: 'course-a', at, reason: 'KMS: throttled' });
    await record({ type: 'failed', approvalId: 'a3', courseId: 'course-a', at, reason: 'KMS: throttled' });
    await record({ type: 'retried', executionName: 'a3-retry-1', courseId: 'course-a', at });
    await record({ type: 'revoked', certificateNumber: 'C1', courseId: 'course-a', at });
    await record({ type: 'corrected', certificateNumber: 'C2', courseId: 'course-a', at });
    await record({ type: 'mail', messageId: 'm1', outcome: 'delivered', courseId: 'course-a', at });
    await record({ type: 'mail', messageId: 'm2', outcome: 'delivered', at });
    await record({ type: 'mail', messageId: 'm3', outcome: 'complained', courseId: 'course-a', at });
    for (let view = 0; view < 3; view += 1)
      await record({ type: 'engagement', what: 'view', courseId: 'course-a', at });
    await record({ type: 'engagement', what: 'download', courseId: 'course-a', at });
    await record({ type: 'engagement', what: 'linkedin-share', courseId: 'course-a', at });
    const { total, courses } = await report('2026-11');
    expect(total.current).toMatchObject({
      notEligible: {
        approvals: 2,
        byMissingRequirement: { PEER_REVIEW_MISSING: 2, QUIZ_BELOW_PASS_MARK: 1 },
      },
      failures: 1,
      retries: 1,
      revocations: 1,
      corrections: 1,
      email: { delivered: 2, bounced: 0, complained: 1 },
      engagement: { verificationPageViews: 3, pdfDownloads: 1, linkedInShares: 1 },
    });
    // Mail about no certificate counts in the total only.
    expect(courses[0]!.current.email.delivered).toBe(1);
  });

  it('renders CSV rows and an HTML page with SVG charts, no script, print CSS', async () => {
    await record(issued(1));
    const built = await report('2026-11');
    const csv = renderReportCsv(built);
    expect(csv.split('\n')[0]).toBe(
      'period,previous_period,course_id,course_title,figure,value,previous_value',
    );
    expect(csv).toContain('2026-11,2026-10,ALL,All courses,certificates_issued,1,0');
    expect(csv).toContain('2026-11,2026-10,course-a,,certificates_issued,1,0');
    const page = renderReportPage(built);
    expect(page).toContain('<svg');
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script/i);
  });
});

describe('the use cases record what happens', () => {
  beforeEach(async () => {
    await world.deps.courses.putCourse(sampleCourse);
    for (const { participant, progress } of sampleParticipants) {
      await world.deps.participants.putParticipant(participant);
      await world.deps.progress.putProgress(progress);
    }
  });
  const approve = async (participantId: string) => {
    const { approval } = await recordApproval(world.deps, {
      participantId,
      courseId: sampleCourse.courseId,
      approvedBy: 'staff@saypro.test',
    });
    return approval.approvalId;
  };

  it('counts an issuance once, even when the step is retried, and fills in a count lost the first time', async () => {
    const approvalId = await approve('thandiwe-nkosi');
    world.reportLedger.failNext(1);
    const { certificateNumber } = await issueCertificate(world.deps, approvalId);
    expect((await report('2026-12')).total.current.certificatesIssued).toBe(0);
    await issueCertificate(world.deps, approvalId);
    await issueCertificate(world.deps, approvalId);
    const { current } = (await report('2026-12')).total;
    expect(current).toMatchObject({ certificatesIssued: 1, uniqueRecipients: 1 });
    expect(current.withinDeadline.share).toBe(1);

    await viewCertificatePage(world.deps, certificateNumber);
    const certificate = world.state.certificates.get(certificateNumber)!;
    await openDownload(world.deps, certificateNumber, certificate.downloadToken);
    await recordMailEvent(world.deps, {
      type: 'Delivery',
      messageId: 'ses-1',
      tags: { certificate: [certificateNumber] },
    });
    const course = (await report('2026-12')).courses[0]!;
    expect(course.courseTitle).toBe(sampleCourse.title);
    expect(course.current.engagement).toMatchObject({ verificationPageViews: 1, pdfDownloads: 1 });
    expect(course.current.email.delivered).toBe(1);
  });

  it('counts a not-eligible approval by what is missing, once per list', async () => {
    const approvalId = await approve('amina-yusuf');
    const result = await checkEligibility(world.deps, approvalId);
    const reasons = 'reasons' in result ? result.reasons : [];
    expect(reasons.length).toBeGreaterThan(0);
    await notifyNotEligible(world.deps, { approvalId, reasons });
    await notifyNotEligible(world.deps, { approvalId, reasons });
    const { notEligible } = (await report('2026-12')).total.current;
    expect(notEligible.approvals).toBe(1);
    expect(Object.keys(notEligible.byMissingRequirement).sort()).toEqual(
      [...new Set(reasons.map((reason) => reason.code))].sort(),
    );
  });

  it('never fails the request when the ledger is down', async () => {
    const approvalId = await approve('thandiwe-nkosi');
    world.reportLedger.failNext(5);
    await expect(issueCertificate(world.deps, approvalId)).resolves.toMatchObject({ approvalId });
  });

  it('publishes the due reports into the bucket and emails staff once per period', async () => {
    const deps = {
      ...world.deps,
      staffReportAddress: 'staff@saypro.test',
      reportRenderer: templatedReportRenderer,
    };
    await record(issued(1));
    const first = await publishDueReports(deps);
    expect(first.published).toMatchObject([{ period: '2026-11', emailed: true, to: 'staff@saypro.test' }]);
    expect([...world.state.documents.keys()].filter((key) => key.startsWith('reports/')).sort()).toEqual([
      'reports/2026-11.csv',
      'reports/2026-11.html',
      'reports/2026-11.json',
    ]);
    const again = await publishPeriodReport(deps, '2026-11', { send: true });
    expect(again).toMatchObject({ emailed: false, alreadyEmailed: true });
    const mails = world.state.sentMail.filter((mail) => mail.to === 'staff@saypro.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('SayPro certificates report 2026-11');
    expect(mails[0]!.text).toContain('Certificates issued: 1');
  });
});
