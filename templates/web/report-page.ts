import { figureRows, type PeriodReport, type ReportSection } from '../../functions/core/reports.js';
import { escapeHtml } from '../text.js';
import { cspForStyle } from './page-layout.js';

/**
 * The staff report as one HTML page: tables of every figure beside the previous period, and bar charts
 * drawn here as inline SVG (no script, no chart library), laid out to print on A4 (save as PDF).
 */
export const REPORT_PAGE_STYLE = `
:root{--ink:#1b2a3a;--muted:#5b6b7b;--brand:#0b4f8a;--prev:#b9c6d3;--bad:#a11d2b;--ok:#17663a}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header{background:var(--brand);color:#fff;padding:12px 20px;font-weight:700;letter-spacing:.04em}
main{max-width:960px;margin:16px auto;padding:0 16px}
h1{font-size:1.4rem;margin:8px 0 4px}h2{font-size:1.1rem;margin:24px 0 8px;border-bottom:2px solid var(--brand);padding-bottom:2px}
.meta{color:var(--muted);margin:0 0 12px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:12px}
figure{margin:0;border:1px solid #d8dee5;border-radius:8px;padding:8px;break-inside:avoid}
figcaption{font-weight:600;margin-bottom:4px}svg{display:block;width:100%;height:auto}
.legend{color:var(--muted);font-size:.85rem}.swatch{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;vertical-align:middle}.now{background:var(--brand)}.prev{background:var(--prev)}
table{border-collapse:collapse;width:100%;margin:4px 0 12px;break-inside:auto}
th,td{text-align:right;padding:3px 8px;border-bottom:1px solid #e3e8ee}th:first-child,td:first-child{text-align:left}
thead th{background:#eef2f6}tr{break-inside:avoid}.better{color:var(--ok)}.worse{color:var(--bad)}td.sub{padding-left:24px;color:var(--muted)}
.notes{color:var(--muted);font-size:.85rem}
@media print{@page{size:A4;margin:14mm}header{-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;margin:0;padding:0}section.course{break-before:page}figure,thead th,.swatch{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

export const REPORT_PAGE_CSP = cspForStyle(REPORT_PAGE_STYLE);

const LABELS: Record<string, string> = {
  certificates_issued: 'Certificates issued',
  unique_recipients: 'Unique recipients',
  time_to_certificate_p50_seconds: 'Approval to certificate, median',
  time_to_certificate_p95_seconds: 'Approval to certificate, 95th percentile',
  issued_within_deadline_share: 'Issued within the course deadline',
  not_eligible_approvals: 'Approvals not eligible',
  failures: 'Issuance failures',
  retries: 'Retries by staff',
  revocations: 'Revocations',
  corrections: 'Corrections',
  email_delivered: 'Emails delivered',
  email_bounced: 'Emails bounced',
  email_complained: 'Emails marked as spam',
  verification_page_views: 'Verification page views',
  pdf_downloads: 'PDF downloads',
  linkedin_shares: 'LinkedIn shares',
};

const labelOf = (figure: string) =>
  LABELS[figure] ??
  (figure.startsWith('not_eligible_missing_')
    ? `missing: ${figure.slice('not_eligible_missing_'.length).toLowerCase().replace(/_/g, ' ')}`
    : figure);

/** Seconds as staff read them: 45 s, 12 min, 3.5 h, 2.1 days. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

function formatValue(figure: string, value: number | null): string {
  if (value === null) return '–';
  if (figure.endsWith('_seconds')) return formatDuration(value);
  if (figure.endsWith('_share')) return `${Math.round(value * 1000) / 10} %`;
  return value.toLocaleString('en-GB');
}

function change(figure: string, current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '';
  const difference = current - previous;
  if (difference === 0) return '±0';
  const sign = difference > 0 ? '+' : '−';
  const magnitude = Math.abs(difference);
  if (figure.endsWith('_seconds')) return `${sign}${formatDuration(magnitude)}`;
  if (figure.endsWith('_share')) return `${sign}${Math.round(magnitude * 1000) / 10} pt`;
  const percent = previous > 0 ? ` (${sign}${Math.round((magnitude / previous) * 100)} %)` : '';
  return `${sign}${magnitude.toLocaleString('en-GB')}${percent}`;
}

/** Figures where a rise is bad news: the change column shows them red when they go up. */
const LOWER_IS_BETTER = /seconds|not_eligible|failures|retries|revocations|corrections|bounced|complained/;

function figuresTable(section: ReportSection, report: PeriodReport): string {
  const rows = figureRows(section)
    .map(({ figure, current, previous }) => {
      const delta = change(figure, current, previous);
      const up = delta.startsWith('+');
      const down = delta.startsWith('−');
      const lowerIsBetter = LOWER_IS_BETTER.test(figure);
      const direction =
        (up && !lowerIsBetter) || (down && lowerIsBetter) ? 'better' : up || down ? 'worse' : '';
      const sub = figure.startsWith('not_eligible_missing_') ? ' class="sub"' : '';
      return `<tr><td${sub}>${escapeHtml(labelOf(figure))}</td><td>${formatValue(figure, current)}</td><td>${formatValue(figure, previous)}</td><td class="${direction}">${escapeHtml(delta)}</td></tr>`;
    })
    .join('\n');
  return `<table><thead><tr><th>Figure</th><th>${escapeHtml(report.period.id)}</th><th>${escapeHtml(report.previousPeriod.id)}</th><th>Change</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

interface BarRow {
  label: string;
  current: number;
  previous: number;
}

/** Horizontal bars, this period over the previous one, scaled to the largest value; plain SVG. */
export function barChart(title: string, rows: BarRow[], periods: [string, string]): string {
  const width = 440;
  const labelWidth = 165;
  const rowHeight = 30;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const max = Math.max(1, ...rows.flatMap((row) => [row.current, row.previous]));
  const scale = (value: number) => ((width - labelWidth - 50) * value) / max;
  const bars = rows
    .map((row, index) => {
      const y = 4 + index * rowHeight;
      return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="11" fill="#1b2a3a">${escapeHtml(row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label)}</text>
<rect x="${labelWidth}" y="${y + 2}" width="${scale(row.current).toFixed(1)}" height="12" fill="#0b4f8a"><title>${escapeHtml(`${row.label}, ${periods[0]}: ${row.current}`)}</title></rect>
<text x="${(labelWidth + scale(row.current) + 4).toFixed(1)}" y="${y + 12}" font-size="10" fill="#1b2a3a">${row.current}</text>
<rect x="${labelWidth}" y="${y + 15}" width="${scale(row.previous).toFixed(1)}" height="9" fill="#b9c6d3"><title>${escapeHtml(`${row.label}, ${periods[1]}: ${row.previous}`)}</title></rect>
<text x="${(labelWidth + scale(row.previous) + 4).toFixed(1)}" y="${y + 23}" font-size="9" fill="#5b6b7b">${row.previous}</text>`;
    })
    .join('\n');
  const empty =
    rows.length === 0
      ? `<text x="${width / 2}" y="20" text-anchor="middle" font-size="11" fill="#5b6b7b">nothing recorded</text>`
      : '';
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">
<line x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}" stroke="#9aa7b4"/>
${bars}${empty}
</svg>
<div class="legend"><span class="swatch now"></span>${escapeHtml(periods[0])}<span class="swatch prev"></span>${escapeHtml(periods[1])}</div></figure>`;
}

function chartsOf(section: ReportSection, report: PeriodReport, perCourse?: ReportSection[]): string {
  const periods: [string, string] = [report.period.id, report.previousPeriod.id];
  const { current, previous } = section;
  const codes = [
    ...new Set([
      ...Object.keys(current.notEligible.byMissingRequirement),
      ...Object.keys(previous.notEligible.byMissingRequirement),
    ]),
  ].sort();
  const charts = [
    perCourse
      ? barChart(
          'Certificates issued, by course',
          perCourse.map((course) => ({
            label: course.courseTitle ?? course.courseId ?? '',
            current: course.current.certificatesIssued,
            previous: course.previous.certificatesIssued,
          })),
          periods,
        )
      : barChart(
          'Issuance',
          [
            { label: 'Issued', current: current.certificatesIssued, previous: previous.certificatesIssued },
            { label: 'Recipients', current: current.uniqueRecipients, previous: previous.uniqueRecipients },
            {
              label: 'Not eligible',
              current: current.notEligible.approvals,
              previous: previous.notEligible.approvals,
            },
            { label: 'Failures', current: current.failures, previous: previous.failures },
          ],
          periods,
        ),
    barChart(
      'Not eligible, by what was missing',
      codes.map((code) => ({
        label: code.toLowerCase().replace(/_/g, ' '),
        current: current.notEligible.byMissingRequirement[code] ?? 0,
        previous: previous.notEligible.byMissingRequirement[code] ?? 0,
      })),
      periods,
    ),
    barChart(
      'Email delivery',
      [
        { label: 'Delivered', current: current.email.delivered, previous: previous.email.delivered },
        { label: 'Bounced', current: current.email.bounced, previous: previous.email.bounced },
        { label: 'Marked as spam', current: current.email.complained, previous: previous.email.complained },
      ],
      periods,
    ),
    barChart(
      'Engagement',
      [
        {
          label: 'Verification views',
          current: current.engagement.verificationPageViews,
          previous: previous.engagement.verificationPageViews,
        },
        {
          label: 'PDF downloads',
          current: current.engagement.pdfDownloads,
          previous: previous.engagement.pdfDownloads,
        },
        {
          label: 'LinkedIn shares',
          current: current.engagement.linkedInShares,
          previous: previous.engagement.linkedInShares,
        },
      ],
      periods,
    ),
  ];
  return `<div class="charts">${charts.join('\n')}</div>`;
}

const dayOf = (iso: string) => iso.slice(0, 10);

export function renderReportPage(report: PeriodReport): string {
  const { period, previousPeriod } = report;
  const lastDay = dayOf(new Date(new Date(period.to).getTime() - 1).toISOString());
  const courses = report.courses
    .map(
      (
        course,
      ) => `<section class="course"><h2>${escapeHtml(course.courseTitle ?? course.courseId ?? '')} <small>(${escapeHtml(course.courseId ?? '')})</small></h2>
${chartsOf(course, report)}
${figuresTable(course, report)}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SayPro certificates report ${escapeHtml(period.id)}</title><style>${REPORT_PAGE_STYLE}</style></head>
<body><header>SayPro Certificates · Staff report</header><main>
<h1>${period.kind === 'quarter' ? 'Quarter' : 'Month'} ${escapeHtml(period.id)}</h1>
<p class="meta">${dayOf(period.from)} to ${lastDay} (UTC), compared with ${escapeHtml(previousPeriod.id)}. Generated ${escapeHtml(report.generatedAt.replace('T', ' ').slice(0, 16))} UTC.</p>
<section><h2>All courses</h2>
${chartsOf(report.total, report, report.courses)}
${figuresTable(report.total, report)}</section>
${courses}
<p class="notes">${escapeHtml(report.notes.timeToCertificate)} ${escapeHtml(report.notes.engagement)}</p>
</main></body></html>`;
}

/** The same figures as CSV: one row per scope and figure, this period and the previous one. */
export function renderReportCsv(report: PeriodReport): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = ['period,previous_period,course_id,course_title,figure,value,previous_value'];
  const sections: ReportSection[] = [report.total, ...report.courses];
  for (const section of sections)
    for (const row of figureRows(section))
      lines.push(
        [
          report.period.id,
          report.previousPeriod.id,
          section.courseId ?? 'ALL',
          section.courseTitle ?? (section.courseId ? '' : 'All courses'),
          row.figure,
          row.current === null ? '' : String(row.current),
          row.previous === null ? '' : String(row.previous),
        ]
          .map(quote)
          .join(','),
      );
  return `${lines.join('\n')}\n`;
}
