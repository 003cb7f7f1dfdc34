import { renderNotEligibleEmail } from '../../../templates/email/not-eligible.js';
import { NotFoundError } from '../errors.js';
import type { UnmetRequirement } from '../model.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';

/**
 * Tells the participant what is still missing, and records the reasons on the approval for staff.
 * The email is sent at most once per approval: the notification is claimed with a conditional write.
 */
export async function notifyNotEligible(
  deps: Pick<Deps, 'approvals' | 'participants' | 'courses' | 'mailer' | 'clock' | 'links'>,
  input: { approvalId: string; reasons: UnmetRequirement[] },
): Promise<{ approvalId: string; notified: boolean }> {
  const approval = await loadApproval(deps, input.approvalId);
  const [participant, course] = await Promise.all([
    deps.participants.getParticipant(approval.participantId),
    deps.courses.getCourse(approval.courseId),
  ]);
  if (!participant) throw new NotFoundError(`participant ${approval.participantId} does not exist`);
  if (!course) throw new NotFoundError(`course ${approval.courseId} does not exist`);

  // The status changes last, so whoever sees `not_eligible` knows the participant has been told.
  const now = deps.clock.now().toISOString();
  const notified = await deps.approvals.claimNotification(input.approvalId, now);
  if (notified) {
    const email = renderNotEligibleEmail({
      holderName: participant.fullName,
      courseTitle: course.title,
      missing: input.reasons.map((reason) => reason.message),
      supportAddress: deps.links.supportAddress,
    });
    try {
      await deps.mailer.send({ to: participant.email, ...email, tags: { approval: input.approvalId } });
    } catch (error) {
      await deps.approvals.releaseNotification(input.approvalId);
      throw error;
    }
  }
  await deps.approvals.updateApproval(input.approvalId, {
    status: 'not_eligible',
    reasons: input.reasons,
    updatedAt: now,
  });
  return { approvalId: input.approvalId, notified };
}
