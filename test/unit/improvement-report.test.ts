import type { APIGatewayProxyResult } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import { deliverCertificate } from '../../functions/core/use-cases/deliver-certificate.js';
import { recordStaffFeedback, submitSurvey } from '../../functions/core/use-cases/feedback.js';
import { buildImprovementReport } from '../../functions/core/use-cases/improvement-report.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { registerParticipant } from '../../functions/core/use-cases/programme-setup.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { operatorRoutes } from '../../functions/handlers/operator-api.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { improvementReportCsv } from '../../templates/feedback-csv.js';
import { renderImprovementReportPage } from '../../templates/web/improvement-report-page.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

/** The quarterly improvement report from survey answers, staff entries and the counted figures. */

let world: ReturnType<typeof inMemoryDeps>;
const HOSTILE = '<script>alert(1)</script> =cmd|calc';

beforeEach(async () => {
  world = inMemoryDeps(new Date('2026-11-02T09:00:00.000Z'));
  await world.deps.courses.putCourse(sampleCourse);
  await registerParticipant(world.deps, 'nomsa', {
    fullName: 'Nomsa Khumalo',
    email: 'nomsa@example.org',
    consent: {
      nameOnCertificate: true,
      surveysAndReminders: true,
      channel: 'paper-form',
      recordedBy: 'registrar',
    },
  });
  await world.deps.progress.putProgress({ ...sampleParticipants[0]!.progress, participantId: 'nomsa' });
  const { approval } = await recordApproval(world.deps, {
    participantId: 'nomsa',
    courseId: sampleCourse.courseId,
    approvedBy: 'staff',
  });
  await checkEligibility(world.deps, approval.approvalId);
  const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
  await deliverCertificate(world.deps, { approvalId: approval.approvalId, certificateNumber });
  const token = /\/feedback\/([A-Za-z0-9_-]{43})/.exec(world.state.sentMail.at(-1)!.text)![1]!;
  const saved = await submitSurvey(
    world.deps,
    token,
    new URLSearchParams({ processRating: '2', recommendLikelihood: '3', problems: 'name', comment: HOSTILE }),
  );
  expect(saved.outcome).toBe('saved');
  await recordStaffFeedback(world.deps, {
    timeSpentMinutes: 30,
    problems: 'Name typed wrong <b>twice</b>',
    recordedBy: 'ops',
  });
});

describe('the improvement report', () => {
  it('says what to improve, with the figure behind each line', async () => {
    const report = await buildImprovementReport(world.deps, '2026-Q4');
    expect(report.previousPeriod.id).toBe('2026-Q3');
    expect(report.findings.map((finding) => finding.area)).toEqual([
      'certificate details',
      'participant experience',
      'participant experience',
      'staff effort',
    ]);
    expect(report.findings[0]!.finding).toBe(
      '1 participant reported a problem with “My name” on their certificate.',
    );
    expect(report.findings[1]!.finding).toBe('Participants rate the certificate process 2 out of 5.');
    expect(report.findings[2]!.finding).toContain('The net promoter score is -100');
    expect(report.findings[3]!.finding).toBe(
      'Staff recorded 30 minutes on the process: 30 per certificate issued.',
    );
    expect(report.operations.current.certificatesIssued).toBe(1);
    expect(report.comments).toEqual([expect.objectContaining({ comment: HOSTILE })]);
    expect(report.staffProblems).toEqual([expect.objectContaining({ timeSpentMinutes: 30 })]);
    // Nothing from the previous quarter: no findings there, and no comparison invented.
    expect(report.participants.previous.responseCount).toBe(0);
  });

  it('is quarterly: a month is refused naming the period', async () => {
    await expect(buildImprovementReport(world.deps, '2026-11')).rejects.toMatchObject({
      issues: [{ field: 'period', message: expect.stringContaining('the improvement report is quarterly') }],
    });
  });

  it('escapes what participants and staff wrote, in the HTML and the CSV', async () => {
    const report = await buildImprovementReport(world.deps, '2026-Q4');
    const page = renderImprovementReportPage(report);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>twice');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; =cmd|calc');
    const csv = improvementReportCsv(report);
    expect(csv).toContain('"<script>alert(1)</script> =cmd|calc"');
    expect(csv.split('\r\n')[0]).toBe('"section","item","value","previous_value"');
  });

  it('is served by the report route with ?kind=improvement, under the report CSP', async () => {
    const route = operatorRoutes(() => world.deps).find((r) => r.resource === '/operator/reports/{period}')!;
    const ask = (query: Record<string, string>) =>
      route.handle({
        params: { period: '2026-Q4' },
        query,
        headers: {},
        json: undefined,
        rawBody: Buffer.alloc(0),
        sourceIp: '',
      }) as Promise<APIGatewayProxyResult>;
    const html = await ask({ kind: 'improvement', format: 'html' });
    expect(html.statusCode).toBe(200);
    expect(html.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('SayPro improvement report 2026-Q4');
    expect(JSON.parse((await ask({ kind: 'improvement' })).body).kind).toBe('improvement');
    await expect(ask({ kind: 'gossip' })).rejects.toMatchObject({ issues: [{ field: 'kind' }] });
    // Without a kind, the staff report as before.
    expect(JSON.parse((await ask({})).body).kind).toBeUndefined();
  });
});
