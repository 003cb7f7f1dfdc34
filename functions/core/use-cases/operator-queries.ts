import { formatCertificateNumber } from '../certificate-number.js';
import type { Approval } from '../model.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';

export interface ApprovalStatusView extends Approval {
  /** True when the approval is still not issued after the course's issue deadline. */
  overdue: boolean;
  certificate?: { number: string; status: string; delivery?: string };
}

function isOverdue(approval: Approval, now: Date) {
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
  return {
    ...approval,
    overdue: isOverdue(approval, deps.clock.now()),
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
    .map((approval) => ({ ...approval, overdue: isOverdue(approval, now) }));
}
