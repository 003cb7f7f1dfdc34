import { ConflictError } from '../errors.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';

const STUCK_AFTER_MS = 15 * 60 * 1000;

/**
 * Starts issuance again for an approval that failed (or is stuck in flight), after an operator
 * fixed the cause. Safe to repeat: issuance and delivery are exactly-once by their own conditional
 * writes, so a retry of something that in fact went through issues and emails nothing new.
 */
export async function retryApproval(
  deps: Pick<Deps, 'approvals' | 'workflow' | 'clock' | 'random'>,
  approvalId: string,
) {
  const approval = await loadApproval(deps, approvalId);
  const now = deps.clock.now();
  const inFlight = approval.status === 'received' || approval.status === 'processing';
  // A workflow finishes in seconds; one still in flight after this long was lost on the way (for
  // example a stream record parked after its retries ran out).
  const stuck = inFlight && now.getTime() - new Date(approval.updatedAt).getTime() > STUCK_AFTER_MS;
  if (!(approval.status === 'failed' || stuck)) {
    throw new ConflictError(
      `Approval ${approvalId} is ${approval.status}: only a failed approval, or one stuck for over 15 minutes, is retried.`,
    );
  }
  // Each retry is a new execution: Step Functions keeps the names of past executions (at most 80 characters).
  const executionName = `${approvalId}-retry-${Buffer.from(deps.random.bytes(6)).toString('hex')}`;
  await deps.approvals.updateApproval(approvalId, {
    status: 'received',
    reasons: undefined,
    updatedAt: now.toISOString(),
  });
  const { started } = await deps.workflow.startIssuance(approvalId, executionName);
  return { approvalId, executionName, started };
}
