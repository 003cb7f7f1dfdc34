import { escapeHtml } from '../text.js';
import { renderStaffPage, type StaffPageContext } from './staff-layout.js';

/** The periods offered: this month and this quarter, in the reports route's own notation. */
export function currentPeriods(now: Date): { month: string; quarter: string } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    month: `${year}-${String(month + 1).padStart(2, '0')}`,
    quarter: `${year}-Q${Math.floor(month / 3) + 1}`,
  };
}

/**
 * /staff/reports: this month's and this quarter's staff report, served to the signed-in browser by
 * /staff/reports/{period} (the same use case and page as the API-key route GET /operator/reports/{period}).
 */
export function renderStaffReports(context: StaffPageContext, now: Date): string {
  const { month, quarter } = currentPeriods(now);
  const item = (label: string, period: string) => {
    const path = `${context.base}/staff/reports/${period}`;
    return `<li>${escapeHtml(label)} (${escapeHtml(period)}): <a href="${escapeHtml(path)}">report</a> · <a href="${escapeHtml(`${path}?format=csv`)}">CSV</a></li>`;
  };
  return renderStaffPage(
    'Reports · Staff',
    context,
    `<section class="card"><h1>Reports</h1>
<p>Certificates issued, verified and downloaded, per course, beside the previous period.</p>
<ul>${item('This month', month)}${item('This quarter', quarter)}</ul>
<p>Another period: <code>/staff/reports/2026-11</code> or <code>/staff/reports/2026-Q4</code>. Scripts use <code>GET /operator/reports/{period}</code> with the API key, or <code>certs report</code>.</p></section>`,
  );
}
