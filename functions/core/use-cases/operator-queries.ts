import { formatCertificateNumber } from '../certificate-number.js';
import type { Approval } from '../model.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';

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
  const now = deps.clock.now();
  const approvals = await deps.approvals.listApprovals();
  return approvals
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((approval) => {
      const attention = attentionOf(approval, now);
      return { ...approval, overdue: isOverdue(approval, now), ...(attention ? { attention } : {}) };
    });
}
