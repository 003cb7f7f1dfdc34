import type { staffOverview } from '../../functions/core/use-cases/staff-dashboard.js';
import { escapeHtml } from '../text.js';
import { actionForm, renderStaffPage, type StaffPageContext } from './staff-layout.js';

export type StaffOverview = Awaited<ReturnType<typeof staffOverview>>;
type AttentionApproval = StaffOverview['approvals'][number];

/** Revoke takes a reason (kept on the certificate and told to the holder): a required field in its form. */
export const revokeFields =
  '<label class="visually-hidden" for="reason">Reason</label><input name="reason" required minlength="3" maxlength="500" placeholder="Reason for revoking">';

/** The actions that can work for this approval: retry unless issued and mailed; resend and revoke for a valid certificate. */
export function approvalActions(
  context: StaffPageContext,
  approval: { approvalId: string; status: string; certificate?: { number: string; status: string } | null },
  back: string,
): string {
  const forms: string[] = [];
  if (approval.status !== 'rejected' && approval.status !== 'not_eligible')
    forms.push(
      actionForm(context, `/staff/approvals/${encodeURIComponent(approval.approvalId)}/retry`, 'Retry', back),
    );
  const certificate = approval.certificate;
  if (certificate?.status === 'valid') {
    const path = `/staff/certificates/${encodeURIComponent(certificate.number)}`;
    forms.push(actionForm(context, `${path}/resend`, 'Resend email', back));
    forms.push(actionForm(context, `${path}/revocation`, 'Revoke', back, revokeFields));
  }
  return forms.join('');
}

const why = (approval: AttentionApproval) =>
  [
    approval.status === 'failed' ? 'failed' : '',
    approval.overdue
      ? `<span class="overdue">overdue</span> (issue by ${escapeHtml(approval.issueBy ?? '')})`
      : '',
    approval.attention ? escapeHtml(approval.attention) : '',
    ...(approval.reasons ?? []).map((reason) =>
      escapeHtml(typeof reason === 'string' ? reason : reason.message),
    ),
  ]
    .filter(Boolean)
    .join('<br>');

/** /staff: courses, approvals needing someone (with their actions), and stuck once-only work. */
export function renderStaffHome(view: StaffOverview, context: StaffPageContext): string {
  const { base } = context;
  const courses = view.courses.length
    ? `<ul>${view.courses
        .map(
          (course) =>
            `<li><a href="${escapeHtml(`${base}/staff/courses/${encodeURIComponent(course.courseId)}`)}">${escapeHtml(course.title)}</a> <code>${escapeHtml(course.courseId)}</code></li>`,
        )
        .join('')}</ul>`
    : '<p>No courses yet.</p>';
  const approvals = view.approvals.length
    ? `<table><thead><tr><th>Approval</th><th>Participant · course</th><th>Status</th><th>Why it needs you</th><th>Certificate</th><th>Actions</th></tr></thead><tbody>${view.approvals
        .map(
          (approval) =>
            `<tr id="approval-${escapeHtml(approval.approvalId)}"><td><code>${escapeHtml(approval.approvalId)}</code></td><td>${escapeHtml(approval.participantId)} · ${escapeHtml(approval.courseId)}</td><td>${escapeHtml(approval.status)}</td><td>${why(approval)}</td><td>${approval.certificate ? `<code>${escapeHtml(approval.certificate.number)}</code> ${escapeHtml(approval.certificate.status)}` : '–'}</td><td>${approvalActions(context, approval, '/staff')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Nothing failed or overdue.</p>';
  const stuck = view.stuckWork.length
    ? `<table><thead><tr><th>Work</th><th>State</th><th>Attempts</th><th>Last error</th><th>What to do</th></tr></thead><tbody>${view.stuckWork
        .map(
          (claim) =>
            `<tr><td><code>${escapeHtml(claim.key)}</code></td><td>${escapeHtml(claim.state)}</td><td>${claim.attempts}</td><td>${escapeHtml(claim.lastError ?? '')}</td><td>${escapeHtml(claim.action)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No stuck emails or reminders.</p>';
  return renderStaffPage(
    'Staff · SayPro Certificates',
    context,
    `<section class="card"><h1>Approvals that need you</h1>${approvals}</section>
<section class="card"><h2>Courses</h2>${courses}</section>
<section class="card"><h2>Stuck emails and reminders</h2>${stuck}</section>`,
  );
}
