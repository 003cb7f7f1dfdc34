import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { loadSampleProgramme, sampleSecondCourse } from '../../functions/local/sample-programme.js';
import { apiClient, certsCli, mailbox } from '../support/local-api.js';

/**
 * Staff reports on the local stack: the sample programme (what `npm start` loads) issued through the real
 * workflow, then read back by GET /operator/reports/{period} and `certs report`, and sent once by email.
 */
let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  certs = certsCli(stack);
  expect(await loadSampleProgramme(stack.deps)).toEqual({ loaded: true });
  const { json } = await api.request('GET', '/operator/approvals');
  const approvals = json.approvals as { approvalId: string }[];
  expect(approvals).toHaveLength(6);
  for (const { approvalId } of approvals) await api.settledApproval(approvalId, 45_000);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

describe('staff reports on the local stack', () => {
  it('shows what was issued through the workflow, per course and in total', async () => {
    const { status, json } = await api.request('GET', `/operator/reports/${month}`);
    expect(status).toBe(200);
    expect(json.period.id).toBe(month);
    expect(json.total.current).toMatchObject({
      certificatesIssued: 4,
      // Thandiwe earned both courses: four certificates, three people.
      uniqueRecipients: 3,
      notEligible: { approvals: 2 },
      failures: 0,
    });
    expect(json.total.current.notEligible.byMissingRequirement).toMatchObject({
      DISCUSSION_MISSING: 1,
      PEER_REVIEW_MISSING: 1,
    });
    expect(json.total.current.withinDeadline.share).toBe(1);
    expect(json.total.current.timeToCertificateSeconds.p50).toBeLessThan(120);
    const second = json.courses.find(
      (course: { courseId: string }) => course.courseId === sampleSecondCourse.courseId,
    );
    expect(second).toMatchObject({
      courseTitle: sampleSecondCourse.title,
      current: { certificatesIssued: 2, notEligible: { approvals: 1 } },
    });
  });

  it('counts verification page views and LinkedIn shares through our redirect', async () => {
    const { json } = await api.request('GET', '/operator/approvals');
    const number = (json.approvals as { certificateNumber?: string }[]).find((a) => a.certificateNumber)!
      .certificateNumber!;
    await api.request('GET', `/verify/${number}`, undefined, { accept: 'text/html' });
    await api.request('GET', `/verify/${number}`, undefined, { accept: 'text/html' });
    const share = await api.request('GET', `/certificates/${number}/linkedin`);
    expect(share.status).toBe(302);
    expect(new URL(share.headers.get('location')!).origin).toBe('https://www.linkedin.com');
    const { json: report } = await api.request('GET', `/operator/reports/${month}`);
    expect(report.total.current.engagement).toMatchObject({ verificationPageViews: 2, linkedInShares: 1 });
  });

  it('answers CSV and printable HTML with inline SVG, and names the field of a bad period', async () => {
    const csv = await api.request('GET', `/operator/reports/${month}?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain(`${month},`);
    expect(csv.text).toMatch(/,ALL,All courses,certificates_issued,4,/);
    const page = await api.request('GET', `/operator/reports/${month}?format=html`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<svg');
    expect(page.text).not.toMatch(/<script/i);
    const bad = await api.request('GET', '/operator/reports/2026-13');
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].field).toBe('period');
    const badFormat = await api.request('GET', `/operator/reports/${month}?format=pdf`);
    expect(badFormat.status).toBe(400);
    expect(badFormat.json.issues[0].field).toBe('format');
  });

  it('certs report writes the report, refuses a bad period naming it, and --send emails staff once', async () => {
    const csv = await certs('report', '--period', month, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(
      'period,previous_period,course_id,course_title,figure,value,previous_value',
    );
    const bad = await certs('report', '--period', 'Q4-2026');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period must be a month (YYYY-MM');

    const sent = await certs('report', '--period', month, '--send', '--format', 'json');
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain('emailed to training.staff@saypro.online');
    expect(JSON.parse(sent.stdout).total.current.certificatesIssued).toBe(4);
    const again = await api.request('POST', '/operator/jobs/reports', { period: month });
    expect(again.json.published[0]).toMatchObject({ emailed: false, alreadyEmailed: true });
    const staffMail = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('training.staff@saypro.online'),
    );
    expect(staffMail).toHaveLength(1);
    expect(staffMail[0]!.subject).toBe(`SayPro certificates report ${month}`);
    // The link is a working presigned URL of the stored report.
    const link = /Report \(HTML, printable\): (\S+)/.exec(staffMail[0]!.body.text ?? '')![1]!;
    const stored = await fetch(link);
    expect(stored.status).toBe(200);
    expect(await stored.text()).toContain('<svg');
  });
});
