import type { Approval } from '../model.js';
import type { Deps } from '../ports.js';

export interface ApprovalChange {
  change: 'INSERT' | 'MODIFY' | 'REMOVE';
  approval: Approval | undefined;
}

/** Only a newly received approval starts issuance; rejected ones and status updates do not. */
export function startsIssuance(change: ApprovalChange): change is ApprovalChange & { approval: Approval } {
  return change.change === 'INSERT' && change.approval?.status === 'received';
}

/** Reacts to one change of the approvals table (the stream handler's use case). */
export async function startIssuance(deps: Pick<Deps, 'workflow'>, change: ApprovalChange) {
  if (!startsIssuance(change)) return { approvalId: change.approval?.approvalId, started: false };
  const { started } = await deps.workflow.startIssuance(change.approval.approvalId);
  return { approvalId: change.approval.approvalId, started };
}
