import { renderNotEligibleEmail } from '../../../templates/email/not-eligible.js';
import { doOnce } from '../claims.js';
import { NotFoundError } from '../errors.js';
import type { UnmetRequirement } from '../model.js';
import type { Deps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';

/** The once-only key of the not-eligible email of one approval. */
export const notEligibleEmailClaimKey = (approvalId: string) => `not-eligible-email#${approvalId}`;

/**
 * Tells the participant what is still missing, and records the reasons on the approval for staff.
 * The email is sent at most once per approval, through the claim ledger.
 */
export async function notifyNotEligible(
  deps: Pick<
    Deps,
    'approvals' | 'participants' | 'courses' | 'mailer' | 'clock' | 'links' | 'claims' | 'random'
  >,
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
  const email = renderNotEligibleEmail({
    holderName: participant.fullName,
    courseTitle: course.title,
    missing: input.reasons.map((reason) => reason.message),
    supportAddress: deps.links.supportAddress,
  });
  const sent = await doOnce(deps, notEligibleEmailClaimKey(input.approvalId), () =>
    deps.mailer.send({ to: participant.email, ...email, tags: { approval: input.approvalId } }),
  );
  await deps.approvals.updateApproval(input.approvalId, {
    status: 'not_eligible',
    reasons: input.reasons,
    updatedAt: deps.clock.now().toISOString(),
  });
  return { approvalId: input.approvalId, notified: sent.done };
}
