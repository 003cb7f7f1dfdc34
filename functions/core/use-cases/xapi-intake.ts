import * as z from 'zod';
import { ValidationError } from '../errors.js';
import type { Course } from '../model.js';
import type { Deps } from '../ports.js';
import { parseInput } from '../schemas.js';
import { emailHashOf } from './participant-access.js';
import { recordProgress } from './programme-setup.js';
import { recordApproval } from './record-approval.js';

/**
 * xAPI 1.0.3 intake: the learning platform (or its LRS) posts statements, and the ones this system
 * understands become progress and approvals, mapped by the activity ids staff put on the course.
 *
 * - `completed` on a module's activity marks the module done;
 * - `passed` / `failed` on a quiz's activity with a score (scaled, or raw with min and max) keeps the
 *   best score in percent;
 * - the configured approval verb on the course's activity records an approval (which issues).
 *
 * Each effect is idempotent (a set member, a best score, an approval keyed by participant, course and
 * attempt), so an LRS resending statements changes nothing twice. A statement that names an unknown verb,
 * activity or learner is never dropped: it is parked, with the reason, where staff list it
 * (`GET /operator/xapi/unmatched`).
 */

export const XAPI_VERBS = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  /** The default approval verb; `XAPI_APPROVED_VERB` names another. */
  approved: 'http://activitystrea.ms/schema/1.0/approve',
} as const;

const iri = z.string().trim().min(1).max(2000);
const statementSchema = z.object({
  id: z.string().uuid('must be a UUID').optional(),
  actor: z.object({
    objectType: z.enum(['Agent', 'Group']).optional(),
    mbox: z
      .string()
      .regex(/^mailto:[^@\s]+@[^@\s]+$/, 'must be mailto:<address>')
      .optional(),
    account: z.object({ homePage: iri, name: z.string().trim().min(1).max(200) }).optional(),
  }),
  verb: z.object({ id: iri }),
  object: z.object({ id: iri, objectType: z.literal('Activity').optional() }),
  result: z
    .object({
      score: z
        .object({
          scaled: z.number().min(-1).max(1).optional(),
          raw: z.number().optional(),
          min: z.number().optional(),
          max: z.number().optional(),
        })
        .optional(),
      success: z.boolean().optional(),
    })
    .optional(),
  timestamp: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
});
export type XapiStatement = z.infer<typeof statementSchema>;

export type StatementOutcome =
  | { statementId: string; outcome: 'applied'; effect: string }
  | { statementId: string; outcome: 'parked'; reason: string };

/** A statement not understood, kept for staff with why (never its learner's address: the id it named). */
export interface ParkedStatement {
  statementId: string;
  receivedAt: string;
  reason: string;
  verb: string;
  activity: string;
  /** The learner as the system knows them, when it does; an unknown learner is left out. */
  participantId?: string;
}

export type XapiDeps = Pick<
  Deps,
  | 'courses'
  | 'progress'
  | 'approvals'
  | 'participants'
  | 'participantRecords'
  | 'clock'
  | 'random'
  | 'erasures'
  | 'xapiParking'
>;

/** What staff see of the statements not understood. */
export async function listParkedStatements(deps: Pick<Deps, 'xapiParking'>) {
  return { statements: await deps.xapiParking.listParked() };
}

/** One statement or an array of them, as `POST /statements` takes (xAPI 1.0.3, 2.1.2). */
export async function receiveStatements(
  deps: XapiDeps,
  body: unknown,
  options: { approvedVerb?: string; approvedBy?: string } = {},
): Promise<{ ids: string[]; outcomes: StatementOutcome[] }> {
  const raw = Array.isArray(body) ? body : [body];
  if (raw.length === 0 || raw.length > 500)
    throw new ValidationError('Send between 1 and 500 statements', [
      { field: 'statements', message: 'must hold 1 to 500 statements' },
    ]);
  // Every statement is checked before any is applied: a malformed batch changes nothing.
  const statements = raw.map((entry, index) => parseInput(statementSchema, entry, `statement ${index}`));
  const courses = await deps.courses.listCourses();
  const outcomes: StatementOutcome[] = [];
  for (const statement of statements) {
    const statementId = statement.id ?? uuidFrom(deps.random.bytes(16));
    outcomes.push(await applyStatement(deps, courses, { ...statement, id: statementId }, options));
  }
  return { ids: outcomes.map((outcome) => outcome.statementId), outcomes };
}

async function applyStatement(
  deps: XapiDeps,
  courses: Course[],
  statement: XapiStatement & { id: string },
  options: { approvedVerb?: string; approvedBy?: string },
): Promise<StatementOutcome> {
  const park = async (reason: string, participantId?: string): Promise<StatementOutcome> => {
    await deps.xapiParking.park({
      statementId: statement.id,
      receivedAt: deps.clock.now().toISOString(),
      reason,
      verb: statement.verb.id,
      activity: statement.object.id,
      ...(participantId ? { participantId } : {}),
    });
    return { statementId: statement.id, outcome: 'parked', reason };
  };
  const participantId = await learnerOf(deps, statement.actor);
  if (!participantId) return park('the learner is not a registered participant');
  const target = findActivity(courses, statement.object.id);
  if (!target) return park('no course, module or quiz has this activity id', participantId);
  const verb = statement.verb.id;
  const { course } = target;

  if (verb === XAPI_VERBS.completed && target.kind === 'module') {
    const progress = await progressOf(deps, participantId, course.courseId);
    if (!progress.completedModuleIds.includes(target.id)) {
      await recordProgress(
        deps,
        { participantId, courseId: course.courseId },
        { ...progress, completedModuleIds: [...progress.completedModuleIds, target.id] },
      );
    }
    return { statementId: statement.id, outcome: 'applied', effect: `module ${target.id} completed` };
  }
  if ((verb === XAPI_VERBS.passed || verb === XAPI_VERBS.failed) && target.kind === 'quiz') {
    const score = percentOf(statement.result?.score);
    if (score === undefined)
      return park('a quiz result needs result.score (scaled, or raw with min and max)', participantId);
    const progress = await progressOf(deps, participantId, course.courseId);
    const best = Math.max(progress.quizScores[target.id] ?? 0, score);
    if (best !== progress.quizScores[target.id]) {
      await recordProgress(
        deps,
        { participantId, courseId: course.courseId },
        { ...progress, quizScores: { ...progress.quizScores, [target.id]: best } },
      );
    }
    return { statementId: statement.id, outcome: 'applied', effect: `quiz ${target.id} best score ${best}%` };
  }
  if (verb === (options.approvedVerb ?? XAPI_VERBS.approved) && target.kind === 'course') {
    const { approval } = await recordApproval(deps, {
      participantId,
      courseId: course.courseId,
      approvedBy: options.approvedBy ?? 'xAPI',
      contentRef: `xapi:${statement.id}`,
      ...(statement.timestamp ? { approvedAt: statement.timestamp } : {}),
    });
    return { statementId: statement.id, outcome: 'applied', effect: `approval ${approval.approvalId}` };
  }
  return park(`the verb ${verb} does not apply to this ${target.kind}`, participantId);
}

/** A learner by account name (the participant id) or by email address, matched by its hash. */
async function learnerOf(deps: XapiDeps, actor: XapiStatement['actor']): Promise<string | undefined> {
  if (actor.account) {
    const known = await deps.participants.getParticipant(actor.account.name);
    if (known) return known.participantId;
  }
  if (actor.mbox)
    return deps.participantRecords.findParticipantIdByEmailHash(
      emailHashOf(actor.mbox.slice('mailto:'.length)),
    );
  return undefined;
}

type ActivityTarget = { course: Course } & ({ kind: 'course' } | { kind: 'module' | 'quiz'; id: string });

function findActivity(courses: Course[], activityId: string): ActivityTarget | undefined {
  for (const course of courses) {
    if (course.activityId === activityId) return { course, kind: 'course' };
    const module = course.criteria.requiredModules.find((entry) => entry.activityId === activityId);
    if (module) return { course, kind: 'module', id: module.moduleId };
    const quiz = course.criteria.quizzes.find((entry) => entry.activityId === activityId);
    if (quiz) return { course, kind: 'quiz', id: quiz.quizId };
  }
  return undefined;
}

async function progressOf(deps: Pick<Deps, 'progress'>, participantId: string, courseId: string) {
  return (
    (await deps.progress.getProgress(participantId, courseId)) ?? {
      participantId,
      courseId,
      completedModuleIds: [],
      quizScores: {},
      peerReviewPassed: false,
    }
  );
}

/** A score in percent (0–100): `scaled` as is, or `raw` within `min`–`max`. */
export function percentOf(score: NonNullable<XapiStatement['result']>['score']): number | undefined {
  if (!score) return undefined;
  if (score.scaled !== undefined) return Math.max(0, Math.round(score.scaled * 1000) / 10);
  if (score.raw !== undefined && score.min !== undefined && score.max !== undefined && score.max > score.min)
    return Math.round(((score.raw - score.min) / (score.max - score.min)) * 1000) / 10;
  return undefined;
}

const uuidFrom = (bytes: Uint8Array) => {
  const b = Buffer.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
