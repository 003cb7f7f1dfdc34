import { doOnce } from '../claims.js';
import { decisionsThatChange } from '../consent.js';
import { assessEligibility } from '../eligibility.js';
import { NotFoundError } from '../errors.js';
import type { Course, Enrolment, Participant, Progress } from '../model.js';
import type { Deps } from '../ports.js';
import { courseSchema, enrolmentSchema, parseInput, participantSchema, progressSchema } from '../schemas.js';
import { applyConsentDecisions, type ConsentDeps, choicesOf } from './consent.js';
import { refuseIfErased } from './erase-participant.js';
import {
  type NoticeDeps,
  noticeContextFor,
  requirementFactsOf,
  requirementLabelsOf,
  requirementsOf,
} from './participant-access.js';

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
 * Registers or updates a participant, with any consent they gave on the enrolment form.
 *
 * 1. Store the profile (name, email); the consent already recorded stays as it is.
 * 2. Record the consent choices the body carries, if they change anything (consent.ts): a changed choice
 *    about the name reaches issued certificates and approvals awaiting it (applyConsentDecisions).
 */
export async function registerParticipant(
  deps: ConsentDeps & Pick<Deps, 'erasures'>,
  participantId: string,
  body: unknown,
): Promise<Participant> {
  const { consent, consentToPublicName, ...profile } = parseInput(
    participantSchema,
    { ...asObject(body), participantId },
    'participant',
  );
  // An erased id stays erased: a learning platform re-sending the old record must not bring them back.
  await refuseIfErased(deps, participantId);
  const before = await deps.participants.getParticipant(participantId);
  const participant: Participant = {
    ...profile,
    consentToPublicName: before?.consentToPublicName ?? false,
    ...(before?.consents ? { consents: before.consents } : {}),
  };
  // The language the participant chose on their page stays unless staff send another.
  if (!participant.locale && before?.locale) participant.locale = before.locale;
  await deps.participants.putParticipant(participant);
  const choices = choicesOf(consent ?? {});
  if (consentToPublicName !== undefined && consent?.nameToVerifiers === undefined)
    choices['name-to-verifiers'] = consentToPublicName;
  const decisions = decisionsThatChange(before?.consents, choices, {
    at: deps.clock.now().toISOString(),
    channel: consent?.channel ?? 'registration',
    recordedBy: consent?.recordedBy ?? 'operator API',
  });
  return (await applyConsentDecisions(deps, participant, decisions)).participant;
}

/** The once-only key of the enrolment email of one participant in one course. */
export const enrolmentEmailClaimKey = (participantId: string, courseId: string) =>
  `enrolment-email#${participantId}#${courseId}`;

/**
 * Adds a participant to a course and tells them, once, what earns the certificate and where to follow
 * their progress. Enrolling again changes nothing and sends nothing; it does send the email if an
 * earlier attempt recorded the enrolment but could not send it.
 *
 * 1. Check the participant and the course exist.
 * 2. Record the enrolment (under the participant and under the course, one transaction).
 * 3. Send the enrolment email through the claim ledger.
 */
export async function enrolParticipant(
  deps: Pick<Deps, 'participants' | 'courses' | 'enrolments' | 'erasures'> & NoticeDeps,
  key: { participantId: string; courseId: string },
  body: unknown,
): Promise<Enrolment & { enrolled: boolean; emailed: boolean }> {
  const request = parseInput(enrolmentSchema, { ...asObject(body), ...key }, 'enrolment');
  await refuseIfErased(deps, request.participantId);
  const [participant, course] = await Promise.all([
    deps.participants.getParticipant(request.participantId),
    deps.courses.getCourse(request.courseId),
  ]);
  if (!participant) throw new NotFoundError(`participant ${request.participantId} does not exist`);
  if (!course) throw new NotFoundError(`course ${request.courseId} does not exist`);
  const enrolment: Enrolment = {
    participantId: request.participantId,
    courseId: request.courseId,
    enrolledAt: deps.clock.now().toISOString(),
    ...(request.cohort ? { cohort: request.cohort } : {}),
  };
  const enrolled = await deps.enrolments.putEnrolment(enrolment);
  const stored = enrolled
    ? enrolment
    : ((await deps.enrolments.getEnrolment(request.participantId, request.courseId)) ?? enrolment);
  const sent = await doOnce(deps, enrolmentEmailClaimKey(request.participantId, request.courseId), async () =>
    deps.notifications.send({
      kind: 'enrolled',
      ...(await noticeContextFor(deps, participant, { course: course.courseId, kind: 'enrolled' })),
      courseTitle: course.title,
      courseDescription: course.description,
      requirements: requirementLabelsOf(course),
      requirementFacts: requirementFactsOf(course),
      issueDeadlineDays: course.criteria.issueDeadlineDays,
      ...(course.criteria.validityDays ? { validityDays: course.criteria.validityDays } : {}),
    }),
  );
  return { ...stored, enrolled, emailed: sent.done };
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
  deps: Pick<Deps, 'progress' | 'approvals' | 'clock' | 'erasures'>,
  key: { participantId: string; courseId: string },
  body: unknown,
): Promise<Progress & { reevaluated: string[] }> {
  const progress = parseInput(progressSchema, { ...asObject(body), ...key }, 'progress');
  await refuseIfErased(deps, key.participantId);
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

/** What staff read back: a course, a participant, their progress (404 when there is none). */
export async function readCourse(deps: Pick<Deps, 'courses'>, courseId: string): Promise<Course> {
  const course = await deps.courses.getCourse(courseId);
  if (!course) throw new NotFoundError(`course ${courseId} does not exist`);
  return course;
}

export async function readParticipant(deps: Pick<Deps, 'participants' | 'erasures'>, participantId: string) {
  const participant = await deps.participants.getParticipant(participantId);
  // Staff looking up an erased participant learn that (410, when and why), not "never existed".
  if (!participant) await refuseIfErased(deps, participantId);
  if (!participant) throw new NotFoundError(`participant ${participantId} does not exist`);
  return participant;
}

export async function readProgress(
  deps: Pick<Deps, 'progress'>,
  key: { participantId: string; courseId: string },
) {
  const progress = await deps.progress.getProgress(key.participantId, key.courseId);
  if (!progress)
    throw new NotFoundError(
      `no progress of participant ${key.participantId} in course ${key.courseId} is recorded`,
    );
  return progress;
}

/**
 * The eligibility check as the workflow runs it, without recording an approval or sending anything: what
 * a participant has met and what is still missing, for staff answering "why no certificate yet?".
 */
export async function previewEligibility(
  deps: Pick<Deps, 'courses' | 'participants' | 'progress' | 'erasures'>,
  key: { participantId: string; courseId: string },
) {
  const [course] = await Promise.all([
    readCourse(deps, key.courseId),
    readParticipant(deps, key.participantId),
  ]);
  const progress = await deps.progress.getProgress(key.participantId, key.courseId);
  const { eligible, unmet } = assessEligibility(course, progress);
  return {
    ...key,
    eligible,
    requirements: requirementsOf(course, unmet),
    missing: unmet.map((entry) => entry.message),
  };
}

/** A body that is not an object (null, a list, a string) still gets per-field answers, not a crash. */
function asObject(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
