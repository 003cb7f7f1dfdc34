import { ConflictError } from '../errors.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';
import { IN_FLIGHT_STUCK_AFTER_MS, restartIssuance, stuckReasonOf } from './recover-stuck-work.js';
import { countForReports } from './staff-reports.js';

/**
 * Starts issuance again for an approval that failed, is stuck in flight, or is issued with an email that
 * never went out, after an operator fixed the cause. Safe to repeat: issuance and delivery are
 * exactly-once by their own conditional writes, so a retry of something that in fact went through
 * issues and emails nothing new.
 */
export async function retryApproval(
  deps: Pick<Deps, 'approvals' | 'workflow' | 'clock' | 'random' | 'claims' | 'reports'>,
  approvalId: string,
) {
  const approval = await loadApproval(deps, approvalId);
  const now = deps.clock.now();
  const stuck = await stuckReasonOf(deps, approval, {
    now,
    inFlightBefore: new Date(now.getTime() - IN_FLIGHT_STUCK_AFTER_MS),
  });
  if (approval.status !== 'failed' && !stuck) {
    if (approval.status === 'not_eligible') {
      throw new ConflictError(
        `Approval ${approvalId} is not_eligible: it is assessed again by itself when the participant's progress is recorded (PUT /operator/progress/{participantId}/{courseId}); there is nothing to retry.`,
      );
    }
    const what =
      approval.status === 'issued' ? 'issued and its email is sent or being sent' : approval.status;
    throw new ConflictError(
      `Approval ${approvalId} is ${what}: only a failed approval, one stuck in flight for over 15 minutes, or an issued one whose email did not go out is retried.`,
    );
  }
  if (approval.status !== 'issued') {
    await deps.approvals.updateApproval(approvalId, {
      status: 'received',
      reasons: undefined,
      updatedAt: now.toISOString(),
    });
  }
  const { executionName, started } = await restartIssuance(deps, approvalId, 'retry');
  // Counted per execution: the same retry sent twice starts (and counts) one.
  await countForReports(deps, {
    type: 'retried',
    executionName,
    courseId: approval.courseId,
    at: now.toISOString(),
  });
  return { approvalId, executionName, started, ...(stuck ? { reason: stuck } : {}) };
}
