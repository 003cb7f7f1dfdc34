import type { trackCourse } from '../../functions/core/use-cases/operator-queries.js';
import { escapeHtml } from '../text.js';
import { approvalActions } from './staff-home.js';
import { renderStaffPage, type StaffPageContext } from './staff-layout.js';

export type CourseTracking = Awaited<ReturnType<typeof trackCourse>>;

/** The filters offered: the approval states, and `none` for participants not yet approved. */
export const TRACKING_FILTERS = [
  'none',
  'received',
  'processing',
  'awaiting_consent',
  'not_eligible',
  'failed',
  'issued',
  'rejected',
] as const;

/** /staff/courses/{courseId}: every enrolled participant, a page at a time, filterable by links. */
export function renderStaffCourse(
  tracking: CourseTracking,
  context: StaffPageContext,
  options: { title: string; status?: string; after?: string },
): string {
  const path = `/staff/courses/${encodeURIComponent(tracking.courseId)}`;
  const link = (query: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]),
    ).toString();
    return `${context.base}${path}${search ? `?${search}` : ''}`;
  };
  const back = `${path}${options.status || options.after ? `?${new URLSearchParams({ ...(options.status ? { status: options.status } : {}), ...(options.after ? { after: options.after } : {}) })}` : ''}`;
  const filters = `<p class="filters">Show: <a href="${escapeHtml(link({}))}"${options.status ? '' : ' class="current"'}>all</a>${TRACKING_FILTERS.map(
    (status) =>
      `<a href="${escapeHtml(link({ status }))}"${options.status === status ? ' class="current"' : ''}>${status === 'none' ? 'not approved yet' : status.replace('_', ' ')}</a>`,
  ).join('')}</p>`;
  const rows = tracking.participants
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.participantId)}${row.cohort ? `<br><small>${escapeHtml(row.cohort)}</small>` : ''}</td><td><ul class="compact">${row.requirements
          .map(
            (requirement) =>
              `<li class="${requirement.met ? 'met' : 'unmet'}">${requirement.met ? '✓' : '✗'} ${escapeHtml(requirement.label)}</li>`,
          )
          .join(
            '',
          )}</ul></td><td>${row.approval ? `${escapeHtml(row.approval.status)}${row.overdue ? ' <span class="overdue">overdue</span>' : ''}` : 'not approved yet'}</td><td>${row.certificate ? `<code>${escapeHtml(row.certificate.number)}</code> ${escapeHtml(row.certificate.status)}${row.certificate.delivery ? ` · email ${escapeHtml(row.certificate.delivery)}` : ''}` : '–'}</td><td>${row.approval ? approvalActions(context, { ...row.approval, certificate: row.certificate }, back) : ''}</td></tr>`,
    )
    .join('');
  const table = tracking.participants.length
    ? `<table><thead><tr><th>Participant</th><th>Requirements</th><th>Approval</th><th>Certificate</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No participant matches.</p>';
  const next = tracking.next
    ? `<p><a href="${escapeHtml(link({ status: options.status, after: tracking.next }))}">Next page</a></p>`
    : '';
  const first = options.after
    ? `<p><a href="${escapeHtml(link({ status: options.status }))}">First page</a></p>`
    : '';
  return renderStaffPage(
    `${options.title} · Staff`,
    context,
    `<section class="card"><h1>${escapeHtml(options.title)}</h1><p><code>${escapeHtml(tracking.courseId)}</code></p>${filters}${table}${first}${next}</section>`,
  );
}
