import { createHash } from 'node:crypto';
import type { Approval } from '../model.js';
import type { Deps } from '../ports.js';
import { type ApprovalRequest, approvalRequestSchema, parseInput } from '../schemas.js';
import { refuseIfErased } from './erase-participant.js';

export type RecordApprovalResult =
  | { outcome: 'accepted'; approval: Approval }
  | { outcome: 'duplicate'; approval: Approval }
  | { outcome: 'rejected'; approval: Approval; reasons: string[] };

/** Same participant, course and attempt: same id. This is what makes a resent approval a no-op. */
export function approvalIdFor(participantId: string, courseId: string, attempt: number): string {
  const digest = createHash('sha256')
    .update(`${participantId}\u0000${courseId}\u0000${attempt}`)
    .digest('hex');
  return `apr-${digest.slice(0, 32)}`;
}

export function completionKeyOf(approval: Pick<Approval, 'participantId' | 'courseId' | 'attempt'>): string {
  return `${approval.participantId}#${approval.courseId}#${approval.attempt}`;
}

/**
 * Records that a member of staff approved a participant's content for a course.
 *
 * 1. Validate the request (every bad field is named).
 * 2. Check that the participant and the course exist; if not, keep the approval as rejected with the
 *    reason, so nothing an operator sent is lost, and report it.
 * 3. Store the approval under its deterministic id; a second copy is reported as a duplicate.
 * An approval of an erased participant (say, the old one replayed) is refused as gone: nothing is stored.
 * The approvals table's stream then starts the issuance workflow; nothing else happens here.
 */
export async function recordApproval(
  deps: Pick<Deps, 'approvals' | 'participants' | 'courses' | 'clock' | 'random' | 'erasures'>,
  rawRequest: unknown,
): Promise<RecordApprovalResult> {
  const request: ApprovalRequest = parseInput(approvalRequestSchema, rawRequest, 'approval');
  await refuseIfErased(deps, request.participantId);
  const now = deps.clock.now().toISOString();
  const approvedAt = request.approvedAt ? new Date(request.approvedAt).toISOString() : now;

  const [participant, course] = await Promise.all([
    deps.participants.getParticipant(request.participantId),
    deps.courses.getCourse(request.courseId),
  ]);

  const base = {
    participantId: request.participantId,
    courseId: request.courseId,
    attempt: request.attempt,
    approvedBy: request.approvedBy,
    approvedAt,
    ...(request.contentRef ? { contentRef: request.contentRef } : {}),
    updatedAt: now,
  };

  const reasons = [
    ...(participant ? [] : [`unknown participant "${request.participantId}"`]),
    ...(course ? [] : [`unknown course "${request.courseId}"`]),
  ];
  if (reasons.length > 0) {
    // Rejected approvals get an id of their own so a later, valid approval of the same completion is
    // not mistaken for a duplicate of the rejected one.
    const randomPart = Buffer.from(deps.random.bytes(12)).toString('hex');
    const rejected: Approval = { ...base, approvalId: `rej-${randomPart}`, status: 'rejected', reasons };
    await deps.approvals.createApproval(rejected);
    return { outcome: 'rejected', approval: rejected, reasons };
  }

  const deadline = new Date(approvedAt);
  deadline.setUTCDate(deadline.getUTCDate() + course!.criteria.issueDeadlineDays);
  const approval: Approval = {
    ...base,
    approvalId: approvalIdFor(request.participantId, request.courseId, request.attempt),
    status: 'received',
    issueBy: deadline.toISOString(),
  };

  if (await deps.approvals.createApproval(approval)) return { outcome: 'accepted', approval };
  const existing = await deps.approvals.getApproval(approval.approvalId);
  return { outcome: 'duplicate', approval: existing ?? approval };
}
