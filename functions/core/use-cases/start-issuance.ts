import type { Approval } from '../model.js';
import type { Deps } from '../ports.js';

export interface ApprovalChange {
  change: 'INSERT' | 'MODIFY' | 'REMOVE';
  approval: Approval | undefined;
}

/**
 * A newly received approval starts issuance, and so does one that recorded progress sent back for
 * another assessment (a MODIFY to `received` carrying an evaluation counter). Rejected approvals and
 * other status updates do not.
 */
export function startsIssuance(change: ApprovalChange): change is ApprovalChange & { approval: Approval } {
  if (change.approval?.status !== 'received') return false;
  if (change.change === 'INSERT') return true;
  return change.change === 'MODIFY' && (change.approval.evaluation ?? 0) > 0;
}

/** One execution per assessment: a replayed stream record reuses the name and so starts nothing. */
export function executionNameFor(approval: Approval): string {
  return approval.evaluation ? `${approval.approvalId}-eval-${approval.evaluation}` : approval.approvalId;
}

/** Reacts to one change of the approvals table (the stream handler's use case). */
export async function startIssuance(deps: Pick<Deps, 'workflow'>, change: ApprovalChange) {
  if (!startsIssuance(change)) return { approvalId: change.approval?.approvalId, started: false };
  const { started } = await deps.workflow.startIssuance(
    change.approval.approvalId,
    executionNameFor(change.approval),
  );
  return { approvalId: change.approval.approvalId, started };
}
