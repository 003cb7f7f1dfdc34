import { ConflictError } from '../errors.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';

/**
 * Starts issuance again for an approval that failed (or is stuck past its deadline), after an operator
 * fixed the cause. Safe to repeat: issuance and delivery are exactly-once by their own conditional
 * writes, so a retry of something that in fact went through issues and emails nothing new.
 */
export async function retryApproval(
  deps: Pick<Deps, 'approvals' | 'workflow' | 'clock'>,
  approvalId: string,
) {
  const approval = await loadApproval(deps, approvalId);
  const now = deps.clock.now();
  const stuck = approval.status === 'received' || approval.status === 'processing';
  const overdue = !!approval.issueBy && new Date(approval.issueBy) < now;
  if (!(approval.status === 'failed' || (stuck && overdue))) {
    throw new ConflictError(
      `Approval ${approvalId} is ${approval.status}: only a failed approval, or one stuck past its issue deadline, is retried.`,
    );
  }
  // Each retry is a new execution: Step Functions keeps the names of past executions.
  const executionName = `${approvalId}-retry-${now.getTime()}`;
  await deps.approvals.updateApproval(approvalId, {
    status: 'received',
    reasons: undefined,
    updatedAt: now.toISOString(),
  });
  const { started } = await deps.workflow.startIssuance(approvalId, executionName);
  return { approvalId, executionName, started };
}
