import type { PeriodReport } from '../../functions/core/reports.js';
import { formatDuration } from '../web/report-page.js';
import { escapeHtml, safeHref, styles } from './html.js';

/** The short email telling staff a period's report is ready: the headline figures and the links. */
export function renderStaffReportEmail(
  report: PeriodReport,
  links: { html: string; csv: string; json: string; expiresInDays: number },
): { subject: string; text: string; html: string } {
  const { current, previous } = report.total;
  const p50 = current.timeToCertificateSeconds.p50;
  const headline = [
    `Certificates issued: ${current.certificatesIssued} (${report.previousPeriod.id}: ${previous.certificatesIssued})`,
    `Unique recipients: ${current.uniqueRecipients}`,
    `Approval to certificate, median: ${p50 === null ? '–' : formatDuration(p50)}`,
    `Approvals not eligible: ${current.notEligible.approvals}`,
    `Emails bounced: ${current.email.bounced}`,
  ];
  const subject = `SayPro certificates report ${report.period.id}`;
  const text = [
    `The certificates report for ${report.period.id} is ready.`,
    '',
    ...headline,
    '',
    `Report (HTML, printable): ${links.html}`,
    `Figures (CSV): ${links.csv}`,
    `Figures (JSON): ${links.json}`,
    `These links work for ${links.expiresInDays} days; later, ask for it again with: certs report --period ${report.period.id}`,
  ].join('\n');
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
<p style="${styles.p}">The certificates report for <strong>${escapeHtml(report.period.id)}</strong> is ready.</p>
<ul>${headline.map((line) => `<li style="${styles.p}">${escapeHtml(line)}</li>`).join('')}</ul>
<p style="${styles.p}"><a href="${safeHref(links.html)}">Report (HTML, printable)</a> · <a href="${safeHref(links.csv)}">CSV</a> · <a href="${safeHref(links.json)}">JSON</a></p>
<p style="${styles.p}">These links work for ${links.expiresInDays} days; later, ask for it again with <code>certs report --period ${escapeHtml(report.period.id)}</code>.</p>
</body></html>`;
  return { subject, text, html };
}
