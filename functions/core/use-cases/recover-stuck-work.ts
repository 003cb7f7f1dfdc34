import { isClaimFree } from '../claims.js';
import type { Approval } from '../model.js';
import type { Deps } from '../ports.js';
import { certificateEmailClaimKey } from './deliver-certificate.js';
import { attentionOf, isOverdue, listApprovalsThatMayNeedWork, listStuckWork } from './operator-queries.js';

/** A workflow finishes in seconds; one still in flight after this long was lost on the way. */
export const IN_FLIGHT_STUCK_AFTER_MS = 15 * 60 * 1000;
/** Grace for an issued approval whose email step has simply not begun yet. */
const EMAIL_START_GRACE_MS = 30 * 1000;
/** The sweep re-drives an email this many times in all; after that it waits for an operator's retry. */
const MAX_AUTOMATIC_EMAIL_ATTEMPTS = 5;

export type StuckReason = 'in-flight' | 'email-not-sent';

const isInFlight = (approval: Approval) => approval.status === 'received' || approval.status === 'processing';

/**
 * Why an approval needs its workflow run again, if it does:
 * - `in-flight`: received or processing, last touched before `inFlightBefore` (its execution was lost:
 *   a crash of the local stack, or a stream record parked after its retries);
 * - `email-not-sent`: issued, but its certificate email is not sent and nobody holds its claim (the
 *   sender failed for good, or died and its lease ran out).
 */
export async function stuckReasonOf(
  deps: Pick<Deps, 'claims'>,
  approval: Approval,
  at: { now: Date; inFlightBefore: Date; maxEmailAttempts?: number },
): Promise<StuckReason | undefined> {
  if (isInFlight(approval))
    return approval.updatedAt < at.inFlightBefore.toISOString() ? 'in-flight' : undefined;
  if (approval.status !== 'issued' || !approval.certificateNumber || approval.email?.status === 'sent')
    return;
  const since = approval.email?.at ?? approval.updatedAt;
  if (new Date(since).getTime() > at.now.getTime() - EMAIL_START_GRACE_MS) return undefined;
  const claim = await deps.claims.get(certificateEmailClaimKey(approval.certificateNumber));
  // Sent, but `sent` was never recorded (a fault or a crash right after): a rerun records it, sends nothing.
  if (claim?.state === 'done') return 'email-not-sent';
  // An address SES keeps refusing is left for an operator instead of being tried for ever.
  if (claim && at.maxEmailAttempts !== undefined && claim.attempts >= at.maxEmailAttempts) return undefined;
  return isClaimFree(claim, at.now) ? 'email-not-sent' : undefined;
}

/** Starts the issuance workflow again under a fresh name (Step Functions keeps past names; at most 80 characters). */
export async function restartIssuance(
  deps: Pick<Deps, 'workflow' | 'random'>,
  approvalId: string,
  why: 'retry' | 'recover',
) {
  const executionName = `${approvalId}-${why}-${Buffer.from(deps.random.bytes(6)).toString('hex')}`;
  const { started } = await deps.workflow.startIssuance(approvalId, executionName);
  return { executionName, started };
}

export interface RecoveryRun {
  restarted: { approvalId: string; reason: StuckReason }[];
  /** Approvals past their issue-by date without a certificate (an alarm in AWS). */
  overdue: number;
  /** Approvals an operator should look at (see attentionOf), restarted or not. */
  needsAttention: number;
}

/**
 * Finds work that a crash or a lost execution left unfinished and runs its workflow again, so it ends
 * without an operator. Safe to run at any time and any number of times: issuance and every email are
 * exactly-once by their own conditional writes, so a restart of something that in fact went through
 * issues and emails nothing new.
 *
 * 1. Read the approvals that may need work (listApprovalsThatMayNeedWork: key queries, never a scan).
 * 2. For each stuck one (stuckReasonOf), start its workflow again under a fresh execution name.
 * 3. Count what is overdue or needs an operator, for the alarms.
 */
export async function recoverStuckWork(
  deps: Pick<Deps, 'approvals' | 'claims' | 'workflow' | 'clock' | 'random'>,
  options: { inFlightBefore?: Date } = {},
): Promise<RecoveryRun> {
  const now = deps.clock.now();
  const inFlightBefore = options.inFlightBefore ?? new Date(now.getTime() - IN_FLIGHT_STUCK_AFTER_MS);
  const restarted: { approvalId: string; reason: StuckReason }[] = [];
  let overdue = 0;
  let needsAttention = 0;
  for (const approval of await listApprovalsThatMayNeedWork(deps)) {
    if (isOverdue(approval, now)) overdue += 1;
    if (attentionOf(approval, now)) needsAttention += 1;
    const reason = await stuckReasonOf(deps, approval, {
      now,
      inFlightBefore,
      maxEmailAttempts: MAX_AUTOMATIC_EMAIL_ATTEMPTS,
    });
    if (!reason) continue;
    await restartIssuance(deps, approval.approvalId, 'recover');
    restarted.push({ approvalId: approval.approvalId, reason });
  }
  return { restarted, overdue, needsAttention };
}

/**
 * The scheduled operations sweep in AWS: the recovery above, plus how much once-only work of other kinds
 * is stuck (one query of the open-claim pointers).
 */
export async function sweepOperations(
  deps: Pick<Deps, 'approvals' | 'claims' | 'workflow' | 'clock' | 'random'>,
): Promise<RecoveryRun & { stuckClaims: number }> {
  const [recovery, stuck] = await Promise.all([recoverStuckWork(deps), listStuckWork(deps)]);
  return { ...recovery, stuckClaims: stuck.length };
}
