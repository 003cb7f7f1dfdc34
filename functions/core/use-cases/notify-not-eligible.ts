import { createHash } from 'node:crypto';
import { doOnce } from '../claims.js';
import { NotFoundError } from '../errors.js';
import type { UnmetRequirement } from '../model.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';
import { refuseIfErased } from './erase-participant.js';
import { missingFactOf, type NoticeDeps, noticeContextFor } from './participant-access.js';
import { countForReports } from './staff-reports.js';
import { publishWebhookEvent, type WebhookPublishDeps } from './webhooks.js';

/**
 * The once-only key of the not-eligible email of one approval and one list of what is missing: a
 * re-assessment that finds the same things missing sends nothing, one that finds a different list does.
 */
export const notEligibleEmailClaimKey = (approvalId: string, reasons: UnmetRequirement[]) =>
  `not-eligible-email#${approvalId}#${reasonsKeyOf(reasons)}`;

const reasonsKeyOf = (reasons: UnmetRequirement[]) =>
  createHash('sha256')
    .update(JSON.stringify(reasons.map((reason) => reason.message)))
    .digest('hex')
    .slice(0, 16);

/**
 * Tells the participant what is still missing, and records the reasons on the approval for staff.
 * The email is sent at most once per approval and list of what is missing, through the claim ledger,
 * and the `approval.not_eligible` webhook is queued once per the same (with the reasons' codes only).
 */
export async function notifyNotEligible(
  deps: Pick<Deps, 'approvals' | 'participants' | 'courses' | 'erasures' | 'reports'> &
    NoticeDeps &
    WebhookPublishDeps,
  input: { approvalId: string; reasons: UnmetRequirement[] },
): Promise<{ approvalId: string; notified: boolean }> {
  const approval = await loadApproval(deps, input.approvalId);
  await refuseIfErased(deps, approval.participantId);
  const [participant, course] = await Promise.all([
    deps.participants.getParticipant(approval.participantId),
    deps.courses.getCourse(approval.courseId),
  ]);
  if (!participant) throw new NotFoundError(`participant ${approval.participantId} does not exist`);
  if (!course) throw new NotFoundError(`course ${approval.courseId} does not exist`);

  // The status changes last, so whoever sees `not_eligible` knows the participant has been told.
  const sent = await doOnce(deps, notEligibleEmailClaimKey(input.approvalId, input.reasons), async () =>
    deps.notifications.send({
      kind: 'not-eligible',
      ...(await noticeContextFor(deps, participant, { approval: input.approvalId })),
      courseTitle: course.title,
      missing: input.reasons.map((reason) => reason.message),
      missingFacts: input.reasons.map((reason) => missingFactOf(course, reason)),
    }),
  );
  await publishWebhookEvent(deps, {
    type: 'approval.not_eligible',
    key: `${input.approvalId}#${reasonsKeyOf(input.reasons)}`,
    data: {
      approvalId: input.approvalId,
      courseId: approval.courseId,
      status: 'not_eligible',
      reasons: input.reasons.map((reason) => reason.code),
    },
  });
  await deps.approvals.updateApproval(input.approvalId, {
    status: 'not_eligible',
    reasons: input.reasons,
    updatedAt: deps.clock.now().toISOString(),
  });
  // Counted once per approval and list of what is missing, like the email.
  await countForReports(deps, {
    type: 'not-eligible',
    approvalId: input.approvalId,
    courseId: approval.courseId,
    at: deps.clock.now().toISOString(),
    missing: input.reasons.map((reason) => reason.code),
    listKey: reasonsKeyOf(input.reasons),
  });
  return { approvalId: input.approvalId, notified: sent.done };
}
