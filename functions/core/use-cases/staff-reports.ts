import { doOnce } from '../claims.js';
import type { Deps, ReportRenderer } from '../ports.js';
import {
  figuresOf,
  PERCENTILE_RELATIVE_PRECISION,
  type PeriodReport,
  parseReportPeriod,
  periodsDueAt,
  previousPeriod,
  type ReportEvent,
  type ReportSection,
} from '../reports.js';

/**
 * Counts an event for the staff reports, best effort: a lost count is better than a failed issuance or a
 * failed page. Callers record on every path of their idempotent step (a retry, a replay), and the event's
 * id makes a second recording count nothing, so a count lost to a passing fault is filled in by the next
 * retry of the same step. The ledger's wiring logs what failed.
 */
export async function countForReports(deps: Pick<Deps, 'reports'>, event: ReportEvent): Promise<void> {
  try {
    await deps.reports.record(event);
  } catch {
    // Logged by the ledger's wiring (LoggedReportLedger); the request goes on.
  }
}

/**
 * A period's report, per course and in total, each figure beside the previous period's.
 *
 * 1. Check the period (`2026-11` or `2026-Q4`); a bad one is a ValidationError naming `period`.
 * 2. Read its counters and the previous period's: two key queries, no scan, however many certificates.
 * 3. Turn counters into figures (percentiles from the time histogram), and name each course.
 */
export async function buildPeriodReport(
  deps: Pick<Deps, 'reports' | 'courses' | 'clock'>,
  periodInput: string,
): Promise<PeriodReport> {
  const period = parseReportPeriod(periodInput);
  const before = previousPeriod(period);
  const [current, previous] = await Promise.all([
    deps.reports.readPeriod(period.id),
    deps.reports.readPeriod(before.id),
  ]);
  const totalOf = (rows: typeof current) => rows.find((row) => row.courseId === undefined)?.counters;
  const courseIds = [
    ...new Set([...current, ...previous].flatMap((row) => (row.courseId ? [row.courseId] : []))),
  ].sort();
  const titles = await Promise.all(courseIds.map((id) => deps.courses.getCourse(id)));
  const courses: ReportSection[] = courseIds.map((courseId, index) => ({
    courseId,
    ...(titles[index] ? { courseTitle: titles[index].title } : {}),
    current: figuresOf(current.find((row) => row.courseId === courseId)?.counters),
    previous: figuresOf(previous.find((row) => row.courseId === courseId)?.counters),
  }));
  return {
    period,
    previousPeriod: before,
    generatedAt: deps.clock.now().toISOString(),
    total: { current: figuresOf(totalOf(current)), previous: figuresOf(totalOf(previous)) },
    courses,
    notes: {
      timeToCertificate: `Time from approval to certificate is read from a histogram of four buckets per doubling: each percentile is within ${Math.round(PERCENTILE_RELATIVE_PRECISION * 1000) / 10} % of the exact value.`,
      engagement:
        'Verification page views, PDF downloads and LinkedIn shares are counted only: nothing records who looked.',
    },
  };
}

/** Where a period's report files are kept in the documents bucket. */
export const reportDocumentKeyOf = (periodId: string, format: 'html' | 'csv' | 'json') =>
  `reports/${periodId}.${format}`;

/** The once-only key of the email telling staff a period's report is ready. */
export const staffReportEmailClaimKey = (periodId: string) => `staff-report-email#${periodId}`;

/** How long the emailed links work. */
const REPORT_LINK_DAYS = 7;

export type ReportingDeps = Pick<
  Deps,
  | 'reports'
  | 'courses'
  | 'clock'
  | 'documents'
  | 'mailer'
  | 'claims'
  | 'random'
  | 'claimLeaseMs'
  | 'links'
  | 'staffReportAddress'
> & { reportRenderer: ReportRenderer };

/**
 * Publishes a period's report: the HTML, CSV and JSON into the documents bucket, and (with `send`) an
 * email to staff with short-lived links to them, at most once per period.
 *
 * 1. Build the report (buildPeriodReport).
 * 2. Write `reports/<period>.html|csv|json`; writing again replaces them with fresher figures.
 * 3. Email staff the links through the claim ledger (`staff-report-email#<period>`): a rerun of the
 *    schedule, or a second `certs report --send`, sends nothing more.
 */
export async function publishPeriodReport(
  deps: ReportingDeps,
  periodInput: string,
  options: { send: boolean },
) {
  const report = await buildPeriodReport(deps, periodInput);
  const id = report.period.id;
  const encode = (text: string) => new TextEncoder().encode(text);
  const files = {
    html: { body: deps.reportRenderer.html(report), type: 'text/html; charset=utf-8' },
    csv: { body: deps.reportRenderer.csv(report), type: 'text/csv; charset=utf-8' },
    json: { body: JSON.stringify(report, null, 2), type: 'application/json' },
  };
  for (const [format, file] of Object.entries(files) as [keyof typeof files, (typeof files)['html']][])
    await deps.documents.put(reportDocumentKeyOf(id, format), encode(file.body), file.type);
  const keys = {
    html: reportDocumentKeyOf(id, 'html'),
    csv: reportDocumentKeyOf(id, 'csv'),
    json: reportDocumentKeyOf(id, 'json'),
  };
  if (!options.send) return { period: id, keys, emailed: false, alreadyEmailed: false };

  const to = deps.staffReportAddress ?? deps.links.supportAddress;
  const sent = await doOnce(deps, staffReportEmailClaimKey(id), async () => {
    const seconds = REPORT_LINK_DAYS * 86_400;
    const link = (format: 'html' | 'csv' | 'json') =>
      deps.documents.temporaryDownloadUrl(keys[format], `SayPro-report-${id}.${format}`, seconds);
    const [html, csv, json] = await Promise.all([link('html'), link('csv'), link('json')]);
    const words = deps.reportRenderer.email(report, { html, csv, json, expiresInDays: REPORT_LINK_DAYS });
    return deps.mailer.send({ to, ...words, tags: { report: id } });
  });
  return {
    period: id,
    keys,
    emailed: sent.done,
    alreadyEmailed: !sent.done && sent.why === 'already-done',
    to,
  };
}

/**
 * The monthly schedule (1st of the month, 06:00 UTC): last month's report and, when a quarter starts,
 * last quarter's, each published and emailed once however often the schedule fires.
 */
export async function publishDueReports(deps: ReportingDeps) {
  const published = [];
  for (const period of periodsDueAt(deps.clock.now()))
    published.push(await publishPeriodReport(deps, period, { send: true }));
  return { published };
}
