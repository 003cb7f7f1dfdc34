import type { Course, Participant, Progress } from '../model.js';
import type { Deps } from '../ports.js';
import { courseSchema, parseInput, participantSchema, progressSchema } from '../schemas.js';

/**
 * What staff set up before anyone is approved: courses with their criteria, participants, and their
 * progress (usually fed by the learning platform). Each replaces the stored record whole, so sending
 * the same definition twice changes nothing. The id in the path wins over one in the body.
 */

export async function defineCourse(
  deps: Pick<Deps, 'courses'>,
  courseId: string,
  body: unknown,
): Promise<Course> {
  const course = parseInput(courseSchema, { ...asObject(body), courseId }, 'course');
  await deps.courses.putCourse(course);
  return course;
}

/**
 * Registers or updates a participant. A change of consent to show their name reaches the certificates
 * already issued at once: the public view and credential follow the holder's current choice.
 */
export async function registerParticipant(
  deps: Pick<Deps, 'participants' | 'certificates' | 'participantRecords'>,
  participantId: string,
  body: unknown,
): Promise<Participant> {
  const participant = parseInput(participantSchema, { ...asObject(body), participantId }, 'participant');
  const before = await deps.participants.getParticipant(participantId);
  await deps.participants.putParticipant(participant);
  if (before && before.consentToPublicName !== participant.consentToPublicName) {
    for (const number of await deps.participantRecords.listCertificateNumbersOf(participantId)) {
      await deps.certificates.updateCertificate(number, {
        holderConsentsToPublicName: participant.consentToPublicName,
      });
    }
  }
  return participant;
}

/**
 * Records a participant's progress in a course, and sends every approval of theirs that was waiting as
 * `not_eligible` back for another assessment, so the certificate issues by itself once it qualifies.
 *
 * 1. Validate and store the progress (it replaces the stored record whole).
 * 2. Find the participant's approvals of the course (an index query).
 * 3. Re-mark each `not_eligible` one `received` with its evaluation counter incremented (one conditional
 *    write each); the approvals table's stream then starts the same workflow a new approval starts.
 */
export async function recordProgress(
  deps: Pick<Deps, 'progress' | 'approvals' | 'clock'>,
  key: { participantId: string; courseId: string },
  body: unknown,
): Promise<Progress & { reevaluated: string[] }> {
  const progress = parseInput(progressSchema, { ...asObject(body), ...key }, 'progress');
  await deps.progress.putProgress(progress);
  const waiting = (await deps.approvals.listApprovalsOfCompletion(key.participantId, key.courseId)).filter(
    (approval) => approval.status === 'not_eligible',
  );
  const now = deps.clock.now().toISOString();
  const reevaluated: string[] = [];
  for (const approval of waiting) {
    if ((await deps.approvals.requeueForEvaluation(approval.approvalId, now)) !== undefined) {
      reevaluated.push(approval.approvalId);
    }
  }
  return { ...progress, reevaluated };
}

/** A body that is not an object (null, a list, a string) still gets per-field answers, not a crash. */
function asObject(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
