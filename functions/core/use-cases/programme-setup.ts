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

export async function registerParticipant(
  deps: Pick<Deps, 'participants'>,
  participantId: string,
  body: unknown,
): Promise<Participant> {
  const participant = parseInput(participantSchema, { ...asObject(body), participantId }, 'participant');
  await deps.participants.putParticipant(participant);
  return participant;
}

export async function recordProgress(
  deps: Pick<Deps, 'progress'>,
  key: { participantId: string; courseId: string },
  body: unknown,
): Promise<Progress> {
  const progress = parseInput(progressSchema, { ...asObject(body), ...key }, 'progress');
  await deps.progress.putProgress(progress);
  return progress;
}

/** A body that is not an object (null, a list, a string) still gets per-field answers, not a crash. */
function asObject(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
