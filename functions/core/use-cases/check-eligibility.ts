import { hasConsented } from '../consent.js';
import { assessEligibility } from '../eligibility.js';
import { NotFoundError } from '../errors.js';
import type { Approval, UnmetRequirement } from '../model.js';
import type { Deps } from '../ports.js';
import { refuseIfErased } from './erase-participant.js';

export interface EligibilityDecision {
  approvalId: string;
  eligible: boolean;
  reasons: UnmetRequirement[];
  /** Eligible, but the participant has not agreed to their name on the certificate: ask before issuing. */
  consentNeeded: boolean;
}

export async function loadApproval(deps: Pick<Deps, 'approvals'>, approvalId: string): Promise<Approval> {
  const approval = await deps.approvals.getApproval(approvalId);
  if (!approval) throw new NotFoundError(`approval ${approvalId} does not exist`);
  return approval;
}

/**
 * First step of the issuance workflow: is the approved participant eligible for the certificate?
 *
 * 1. Load the approval and its course and progress.
 * 2. Assess eligibility (every unmet requirement is a reason), and whether the participant agreed to their
 *    name on the certificate (without it nothing is issued: the workflow asks them instead).
 * 3. Mark the approval as processing, so operators see it moving.
 */
export async function checkEligibility(
  deps: Pick<Deps, 'approvals' | 'courses' | 'progress' | 'participants' | 'clock' | 'erasures'>,
  approvalId: string,
): Promise<EligibilityDecision> {
  const approval = await loadApproval(deps, approvalId);
  // A replayed stream record or an operator's retry of an erased participant's approval stops here.
  await refuseIfErased(deps, approval.participantId);
  const course = await deps.courses.getCourse(approval.courseId);
  if (!course) throw new NotFoundError(`course ${approval.courseId} does not exist`);
  const [progress, participant] = await Promise.all([
    deps.progress.getProgress(approval.participantId, approval.courseId),
    deps.participants.getParticipant(approval.participantId),
  ]);
  if (!participant) throw new NotFoundError(`participant ${approval.participantId} does not exist`);

  const { eligible, unmet } = assessEligibility(course, progress);
  const consentNeeded = eligible && !hasConsented(participant.consents, 'name-on-certificate');
  if (approval.status === 'received') {
    await deps.approvals.updateApproval(approvalId, {
      status: 'processing',
      updatedAt: deps.clock.now().toISOString(),
    });
  }
  return { approvalId, eligible, reasons: unmet, consentNeeded };
}
