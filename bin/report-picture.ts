/**
 * Renders a staff report with synthetic figures (a quarter of three courses, and the quarter before) to
 * HTML and, with Debian's headless Chromium, to docs/images/report.png for the README.
 * Usage: npx tsx bin/report-picture.ts [output folder]   (default: ./preview)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Course } from '../functions/core/model.js';
import type { ReportEvent } from '../functions/core/reports.js';
import { buildPeriodReport } from '../functions/core/use-cases/staff-reports.js';
import { sampleCourse, sampleSecondCourse } from '../functions/local/sample-programme.js';
import { renderReportPage } from '../templates/web/report-page.js';
import { inMemoryReportLedger } from '../test/support/in-memory-report-ledger.js';

const out = resolve(process.argv[2] ?? 'preview');
mkdirSync(out, { recursive: true });

const courses: Course[] = [
  sampleCourse,
  sampleSecondCourse,
  { ...sampleSecondCourse, courseId: 'project-basics-110', title: 'Project Management Basics' },
];
const { ledger } = inMemoryReportLedger();
let seed = 42;
/** mulberry32: the same picture every run. */
const next = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const missingCodes = [
  'QUIZ_BELOW_PASS_MARK',
  'PEER_REVIEW_MISSING',
  'MODULE_NOT_COMPLETED',
  'DISCUSSION_MISSING',
] as const;

async function quarter(start: string, certificates: number, prefix: string) {
  for (let index = 0; index < certificates; index += 1) {
    const course = courses[Math.floor(next() ** 1.5 * courses.length)]!;
    const approvedAt = new Date(Date.parse(start) + next() * 88 * 86_400_000);
    const seconds = next() < 0.85 ? 8 + next() * 50 : 3600 + next() * 9 * 86_400;
    const at = new Date(approvedAt.getTime() + seconds * 1000).toISOString();
    const events: ReportEvent[] = [
      {
        type: 'issued',
        certificateNumber: `${prefix}${index}`,
        courseId: course.courseId,
        participantId: `p${Math.floor(next() * certificates * 0.85)}`,
        approvedAt: approvedAt.toISOString(),
        issuedAt: at,
        issueBy: new Date(
          approvedAt.getTime() + course.criteria.issueDeadlineDays * 86_400_000,
        ).toISOString(),
      },
      {
        type: 'mail',
        messageId: `${prefix}m${index}`,
        outcome: next() < 0.96 ? 'delivered' : 'bounced',
        courseId: course.courseId,
        at,
      },
    ];
    if (next() < 0.01)
      events.push({
        type: 'mail',
        messageId: `${prefix}c${index}`,
        outcome: 'complained',
        courseId: course.courseId,
        at,
      });
    if (next() < 0.3)
      events.push({
        type: 'not-eligible',
        approvalId: `${prefix}a${index}`,
        courseId: course.courseId,
        at,
        missing: [missingCodes[Math.floor(next() ** 2 * missingCodes.length)]!],
        listKey: 'k',
      });
    if (next() < 0.03)
      events.push({
        type: 'failed',
        approvalId: `${prefix}f${index}`,
        courseId: course.courseId,
        at,
        reason: 'x',
      });
    if (next() < 0.02)
      events.push({ type: 'retried', executionName: `${prefix}r${index}`, courseId: course.courseId, at });
    if (next() < 0.01)
      events.push({ type: 'revoked', certificateNumber: `${prefix}${index}`, courseId: course.courseId, at });
    if (next() < 0.015)
      events.push({
        type: 'corrected',
        certificateNumber: `${prefix}x${index}`,
        courseId: course.courseId,
        at,
      });
    for (let view = Math.floor(next() * 4); view > 0; view -= 1)
      events.push({ type: 'engagement', what: 'view', courseId: course.courseId, at });
    if (next() < 0.8) events.push({ type: 'engagement', what: 'download', courseId: course.courseId, at });
    if (next() < 0.35)
      events.push({ type: 'engagement', what: 'linkedin-share', courseId: course.courseId, at });
    for (const event of events) await ledger.record(event);
  }
}

await quarter('2026-07-01T00:00:00Z', 240, 'Q3-');
await quarter('2026-10-01T00:00:00Z', 310, 'Q4-');
const report = await buildPeriodReport(
  {
    reports: ledger,
    courses: {
      getCourse: async (id) => courses.find((course) => course.courseId === id),
      putCourse: async () => {},
      listCourses: async () => courses,
    },
    clock: { now: () => new Date('2027-01-01T06:00:00Z') },
  },
  '2026-Q4',
);
const html = join(out, 'report-2026-Q4.html');
writeFileSync(html, renderReportPage(report));
const png = join(out, 'report-2026-Q4.png');
execFileSync('/usr/bin/chromium', [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  `--screenshot=${png}`,
  '--window-size=1000,1500',
  `file://${html}`,
]);
copyFileSync(png, resolve('docs/images/report.png'));
console.log(`${html}\n${png} (copied to docs/images/report.png)`);
