import type { Deps } from '../ports.js';
import { countForReports } from './staff-reports.js';

export interface WorkflowFailure {
  approvalId: string;
  error?: { Error?: string; Cause?: string };
}

/** Cause strings from Step Functions can be long JSON; operators need the message, not the stack. */
function describeCause(cause: string | undefined): string | undefined {
  if (!cause) return undefined;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // Not JSON: use it as it is.
  }
  return cause.slice(0, 500);
}

/**
 * The workflow's catch-all: parks the approval as failed with the reason, where `certs status` and the
 * operator API show it and `certs retry` can start it again. Nothing is lost.
 */
export async function recordFailure(
  deps: Pick<Deps, 'approvals' | 'clock' | 'reports'>,
  failure: WorkflowFailure,
) {
  const errorName = failure.error?.Error ?? 'UnknownError';
  const reason = [errorName, describeCause(failure.error?.Cause)].filter(Boolean).join(': ');
  await deps.approvals.updateApproval(failure.approvalId, {
    status: 'failed',
    reasons: [reason],
    updatedAt: deps.clock.now().toISOString(),
  });
  // Counted once per approval and reason: a replay of the same catch counts nothing more.
  const approval = await deps.approvals.getApproval(failure.approvalId);
  if (approval)
    await countForReports(deps, {
      type: 'failed',
      approvalId: failure.approvalId,
      courseId: approval.courseId,
      at: deps.clock.now().toISOString(),
      reason,
    });
  return { approvalId: failure.approvalId, status: 'failed' as const, reason };
}
