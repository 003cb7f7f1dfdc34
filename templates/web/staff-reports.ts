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
 * /staff/reports: links to the operator reports route (`GET /operator/reports/{period}`), which answers
 * JSON, CSV or HTML. That route is behind the API key, which a browser never holds: until the dashboard
 * serves the reports itself (a staff route calling the same use case), staff fetch them with the CLI.
 */
export function renderStaffReports(context: StaffPageContext, now: Date): string {
  const { month, quarter } = currentPeriods(now);
  const item = (label: string, period: string) =>
    `<li>${escapeHtml(label)}: <code>/operator/reports/${escapeHtml(period)}</code> (JSON, <code>?format=csv</code>, <code>?format=html</code>)</li>`;
  return renderStaffPage(
    'Reports · Staff',
    context,
    `<section class="card"><h1>Reports</h1>
<p>The issuance reports come from the operator API's reports route, which needs the operator API key. Fetch them with the key (CLI or a script):</p>
<ul>${item('This month', month)}${item('This quarter', quarter)}</ul>
<p>The staff pages do not embed them yet: they never hold or pass on the API key.</p></section>`,
  );
}
