import type { ImprovementReport } from '../../functions/core/use-cases/improvement-report.js';
import { escapeHtml } from '../text.js';
import { formatDuration, REPORT_PAGE_STYLE } from './report-page.js';

/**
 * The quarterly improvement report as one HTML page, in the staff report's look (its stylesheet and CSP):
 * what to improve first, then what participants and staff said and what the system counted. Every word
 * participants or staff wrote is escaped.
 */

const value = (
  figure: number | null | undefined,
  format: (n: number) => string = (n) => n.toLocaleString('en-GB'),
) => (figure === null || figure === undefined ? '–' : format(figure));

function row(label: string, current: string, previous: string) {
  return `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(current)}</td><td>${escapeHtml(previous)}</td></tr>`;
}

export function renderImprovementReportPage(report: ImprovementReport): string {
  const { current, previous } = report.participants;
  const ops = report.operations;
  const share = (n: number) => `${Math.round(n * 1000) / 10} %`;
  const findings = report.findings.length
    ? `<table><thead><tr><th>Area</th><th>What the figures say</th><th>What to look at</th></tr></thead><tbody>${report.findings
        .map(
          (item) =>
            `<tr><td>${escapeHtml(item.area)}</td><td style="text-align:left">${escapeHtml(item.finding)}</td><td style="text-align:left">${escapeHtml(item.suggestion)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Nothing stands out this quarter.</p>';
  const figures = [
    row('Survey answers', value(current.responseCount), value(previous.responseCount)),
    row(
      'Certificate process, average of 1–5',
      value(current.processRating.average),
      value(previous.processRating.average),
    ),
    row(
      'Net promoter score (−100 to 100)',
      value(current.recommendation.netPromoterScore),
      value(previous.recommendation.netPromoterScore),
    ),
    ...Object.entries(current.problemsReported).map(([problem, count]) =>
      row(
        `Reported wrong on the certificate: ${problem}`,
        value(count),
        value(previous.problemsReported[problem]),
      ),
    ),
    row(
      'Staff minutes recorded',
      value(report.staff.current.totalMinutes),
      value(report.staff.previous.totalMinutes),
    ),
    row('Certificates issued', value(ops.current.certificatesIssued), value(ops.previous.certificatesIssued)),
    row(
      'Approval to certificate, median',
      value(ops.current.timeToCertificateSeconds.p50, formatDuration),
      value(ops.previous.timeToCertificateSeconds.p50, formatDuration),
    ),
    row(
      'Issued within the course deadline',
      value(ops.current.withinDeadline.share, share),
      value(ops.previous.withinDeadline.share, share),
    ),
    row('Issuance failures', value(ops.current.failures), value(ops.previous.failures)),
    row('Corrections', value(ops.current.corrections), value(ops.previous.corrections)),
    row('Emails bounced', value(ops.current.email.bounced), value(ops.previous.email.bounced)),
  ].join('');
  const courses = report.participants.byCourse
    .map(
      (course) =>
        `<tr><td>${escapeHtml(course.courseTitle ?? course.courseId)}</td><td>${escapeHtml(value(course.responseCount))}</td><td>${escapeHtml(value(course.processRating.average))}</td><td>${escapeHtml(value(course.recommendation.netPromoterScore))}</td></tr>`,
    )
    .join('');
  const comments = report.comments.length
    ? `<table><thead><tr><th>Certificate</th><th>Course</th><th>Comment</th></tr></thead><tbody>${report.comments
        .map(
          (entry) =>
            `<tr><td>${escapeHtml(entry.certificateNumber)}</td><td>${escapeHtml(entry.courseId)}</td><td style="text-align:left;white-space:pre-wrap">${escapeHtml(entry.comment)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No comments this quarter.</p>';
  const staff = report.staffProblems.length
    ? `<table><thead><tr><th>Recorded</th><th>By</th><th>Course</th><th>Minutes</th><th>Problems met</th></tr></thead><tbody>${report.staffProblems
        .map(
          (entry) =>
            `<tr><td>${escapeHtml(entry.recordedAt.slice(0, 10))}</td><td>${escapeHtml(entry.recordedBy)}</td><td>${escapeHtml(entry.courseId ?? '–')}</td><td>${escapeHtml(String(entry.timeSpentMinutes))}</td><td style="text-align:left;white-space:pre-wrap">${escapeHtml(entry.problems)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No staff entries this quarter.</p>';
  const title = `SayPro improvement report ${report.period.id}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${REPORT_PAGE_STYLE}</style></head>
<body><header>SayPro · Improvement report</header><main>
<h1>${escapeHtml(title)}</h1><p class="meta">Beside ${escapeHtml(report.previousPeriod.id)}. Generated ${escapeHtml(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p>
<h2>What to improve</h2>${findings}
<h2>The quarter in figures</h2><table><thead><tr><th>Figure</th><th>${escapeHtml(report.period.id)}</th><th>${escapeHtml(report.previousPeriod.id)}</th></tr></thead><tbody>${figures}</tbody></table>
<h2>Per course</h2>${courses ? `<table><thead><tr><th>Course</th><th>Answers</th><th>Process (1–5)</th><th>Net promoter score</th></tr></thead><tbody>${courses}</tbody></table>` : '<p>No survey answers this quarter.</p>'}
<h2>What participants wrote</h2>${comments}
<h2>What staff met</h2>${staff}
<p class="notes">Comments are personal data: keep this report among staff, and do not copy it outside SayPro.</p>
</main></body></html>`;
}
