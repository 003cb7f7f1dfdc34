import { formatCertificateNumber } from '../certificate-number.js';
import { assessEligibility } from '../eligibility.js';
import { NotFoundError } from '../errors.js';
import type { Approval, ApprovalStatus } from '../model.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';
import { requirementsOf } from './participant-access.js';

export interface ApprovalStatusView extends Approval {
  /** True when the approval is still not issued after the course's issue deadline. */
  overdue: boolean;
  /** Set when something needs an operator's eye (see attentionOf). */
  attention?: string;
  certificate?: { number: string; status: string; delivery?: string };
}

/**
 * What an operator should look at, beyond the status: an issued approval whose email is not out, or work
 * in flight for long. Undefined when all is well.
 */
export function attentionOf(approval: Approval, now: Date): string | undefined {
  if (approval.status === 'issued' && approval.email?.status !== 'sent') {
    const state = approval.email
      ? `email ${approval.email.status} since ${approval.email.at}`
      : 'email not started';
    return approval.email?.status === 'failed' ? `${state}; certs retry sends it` : state;
  }
  const inFlight = approval.status === 'received' || approval.status === 'processing';
  if (inFlight && now.getTime() - new Date(approval.updatedAt).getTime() > 5 * 60 * 1000) {
    return `in flight since ${approval.updatedAt}`;
  }
  return undefined;
}

/** Not issued (nor rejected) after the course's issue deadline. */
export function isOverdue(approval: Approval, now: Date) {
  return (
    approval.status !== 'issued' &&
    approval.status !== 'rejected' &&
    !!approval.issueBy &&
    new Date(approval.issueBy) < now
  );
}

/** What staff see of one approval: where it is in the flow, why it stopped, and its certificate. */
export async function getApprovalStatus(
  deps: Pick<Deps, 'approvals' | 'certificates' | 'clock'>,
  approvalId: string,
): Promise<ApprovalStatusView> {
  const approval = await loadApproval(deps, approvalId);
  const certificate = approval.certificateNumber
    ? await deps.certificates.getCertificate(approval.certificateNumber)
    : undefined;
  const attention = attentionOf(approval, deps.clock.now());
  return {
    ...approval,
    overdue: isOverdue(approval, deps.clock.now()),
    ...(attention ? { attention } : {}),
    ...(certificate
      ? {
          certificate: {
            number: formatCertificateNumber(certificate.number),
            status: certificate.status,
            ...(certificate.delivery ? { delivery: certificate.delivery.status } : {}),
          },
        }
      : {}),
  };
}

/** Every approval, newest first, for `certs status` without an id. */
export async function listApprovals(deps: Pick<Deps, 'approvals' | 'clock'>) {
  return withFlags(deps, await deps.approvals.listApprovals());
}

function withFlags(deps: Pick<Deps, 'clock'>, approvals: Approval[]) {
  const now = deps.clock.now();
  return approvals
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((approval) => {
      const attention = attentionOf(approval, now);
      return { ...approval, overdue: isOverdue(approval, now), ...(attention ? { attention } : {}) };
    });
}

/** The statuses in which an approval can be overdue, in flight or failed: all but issued and rejected. */
const STATUSES_NOT_SETTLED = [
  'received',
  'processing',
  'not_eligible',
  'awaiting_consent',
  'failed',
] as const;

/**
 * Every approval that can be overdue, need an operator (attentionOf) or be stuck (stuckReasonOf): those
 * not settled, and those issued whose email is not recorded sent. Key queries of the status pointers, so
 * the cost follows the work outstanding, not the certificates ever issued.
 */
export async function listApprovalsThatMayNeedWork(deps: Pick<Deps, 'approvals'>): Promise<Approval[]> {
  const [unsettled, awaitingEmail] = await Promise.all([
    Promise.all(
      STATUSES_NOT_SETTLED.map(
        async (status) => (await deps.approvals.listApprovalsInStatus(status)).approvals,
      ),
    ),
    deps.approvals.listApprovalsAwaitingEmail(),
  ]);
  return [...unsettled.flat(), ...awaitingEmail];
}

/** The same listing, flagged: what the staff pages and `certs status --overdue` filter. */
export async function listApprovalsNeedingWork(deps: Pick<Deps, 'approvals' | 'clock'>) {
  return withFlags(deps, await listApprovalsThatMayNeedWork(deps));
}

/**
 * One status's approvals, newest first, a page at a time (`after`: the `next` of the page before): the
 * listing that stays fast however many certificates there are.
 */
export async function listApprovalsInStatus(
  deps: Pick<Deps, 'approvals' | 'clock'>,
  status: ApprovalStatus,
  options: { limit?: number; after?: string } = {},
) {
  const page = await deps.approvals.listApprovalsInStatus(status, options);
  return { approvals: withFlags(deps, page.approvals), ...(page.next ? { next: page.next } : {}) };
}

/**
 * One course's approvals, newest approval first, a page at a time (`after`: the `next` of the page
 * before), optionally in one status: a key query of the course index, so it stays fast however many
 * courses and certificates there are.
 *
 * 1. Check the course exists (a clear 404 rather than an empty list for a mistyped id).
 * 2. Read a page of its approvals through the course index, filtered by status when asked.
 * 3. Flag each as the other listings do, keeping the page's order.
 */
export async function listApprovalsOfCourse(
  deps: Pick<Deps, 'approvals' | 'courses' | 'clock'>,
  courseId: string,
  options: { limit?: number; after?: string; status?: ApprovalStatus } = {},
) {
  if (!(await deps.courses.getCourse(courseId))) throw new NotFoundError(`course ${courseId} does not exist`);
  const page = await deps.approvals.listApprovalsOfCourse(courseId, options);
  const now = deps.clock.now();
  const approvals = page.approvals.map((approval) => {
    const attention = attentionOf(approval, now);
    return { ...approval, overdue: isOverdue(approval, now), ...(attention ? { attention } : {}) };
  });
  return { approvals, ...(page.next ? { next: page.next } : {}) };
}

/** Grace before an unfinished claim counts as stuck: a lease that ran out a moment ago is usually being retried. */
const STUCK_CLAIM_GRACE_MS = 60 * 1000;

/** What an operator does about stuck once-only work, by the kind of work (the start of its claim key). */
const STUCK_CLAIM_ACTIONS: Record<string, string> = {
  'certificate-email': 'the sweep re-sends it up to 5 times; then `certs retry <approvalId>`',
  'not-eligible-email': '`certs retry <approvalId>` assesses the approval again and tells the participant',
  'enrolment-email': '`certs enrol --participant <id> --course <id>` again sends the email still due',
  'certificate-revoked-email': 'the same `certs revoke` again sends the revocation email still due',
  'expiry-reminder': 'the next reminder run (daily, or `certs reminders`) sends it',
  'certificate-resend': '`certs resend <number>` again (a new request) sends a fresh email',
  'page-link': 'the participant may ask again in an hour',
  'survey-reminder': 'the next reminder run (daily, or `certs reminders`) sends it',
  'webhook-attempt':
    'its sender stopped mid-attempt; the next webhook run makes it again (`certs webhooks deliveries <id>`)',
};

export interface StuckClaimView {
  key: string;
  kind: string;
  state: string;
  attempts: number;
  leaseExpiresAt: string;
  lastError?: string;
  action: string;
}

/**
 * Once-only work of every kind (emails, reminders) that is not done and whose lease ran out over a minute
 * ago: given back after a failure and not retried since, or left by a holder that died. One index query.
 */
export async function listStuckWork(deps: Pick<Deps, 'claims' | 'clock'>): Promise<StuckClaimView[]> {
  const before = new Date(deps.clock.now().getTime() - STUCK_CLAIM_GRACE_MS);
  return (await deps.claims.listUnfinished(before)).map((claim) => {
    const kind = claim.key.split('#')[0] ?? claim.key;
    return {
      key: claim.key,
      kind,
      state: claim.state,
      attempts: claim.attempts,
      leaseExpiresAt: claim.leaseExpiresAt,
      ...(claim.lastError ? { lastError: claim.lastError } : {}),
      action: STUCK_CLAIM_ACTIONS[kind] ?? 'look at the claim in the registry table',
    };
  });
}

/**
 * Staff's tracking view of one course: every enrolled participant, each requirement met or missing, where
 * their latest approval stands, their certificate, and whether it is overdue. Key queries only (the
 * course's `ENROLLED#` items, then each participant's progress, approvals by index, certificate), a page
 * at a time, sorted by participant id; `status` filters by approval state (`none` for not yet approved).
 */
export async function trackCourse(
  deps: Pick<Deps, 'courses' | 'enrolments' | 'progress' | 'approvals' | 'certificates' | 'clock'>,
  courseId: string,
  options: { limit?: number; after?: string; status?: string } = {},
) {
  const course = await deps.courses.getCourse(courseId);
  if (!course) throw new NotFoundError(`course ${courseId} does not exist`);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const now = deps.clock.now();
  const enrolled = (await deps.enrolments.listEnrolmentsOfCourse(courseId))
    .sort((a, b) => a.participantId.localeCompare(b.participantId))
    .filter((enrolment) => !options.after || enrolment.participantId > options.after);
  const rows = [];
  let next: string | undefined;
  for (const enrolment of enrolled) {
    if (rows.length === limit) {
      next = rows.at(-1)?.participantId;
      break;
    }
    const [progress, approvals] = await Promise.all([
      deps.progress.getProgress(enrolment.participantId, courseId),
      deps.approvals.listApprovalsOfCompletion(enrolment.participantId, courseId),
    ]);
    const latest = approvals.sort((a, b) => b.approvedAt.localeCompare(a.approvedAt))[0];
    if (options.status && (latest?.status ?? 'none') !== options.status) continue;
    const certificate = latest?.certificateNumber
      ? await deps.certificates.getCertificate(latest.certificateNumber)
      : undefined;
    const { eligible, unmet } = assessEligibility(course, progress);
    rows.push({
      participantId: enrolment.participantId,
      enrolledAt: enrolment.enrolledAt,
      ...(enrolment.cohort ? { cohort: enrolment.cohort } : {}),
      eligible,
      requirements: requirementsOf(course, unmet),
      approval: latest
        ? {
            approvalId: latest.approvalId,
            status: latest.status,
            ...(latest.issueBy ? { issueBy: latest.issueBy } : {}),
          }
        : null,
      certificate: certificate
        ? {
            number: formatCertificateNumber(certificate.number),
            status: certificate.status,
            ...(certificate.delivery ? { delivery: certificate.delivery.status } : {}),
          }
        : null,
      overdue: latest ? isOverdue(latest, now) : false,
    });
  }
  return { courseId, participants: rows, ...(next ? { next } : {}) };
}
