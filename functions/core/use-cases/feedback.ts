import * as z from 'zod';
import { formatCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { hasConsented } from '../consent.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import {
  CERTIFICATE_PROBLEMS,
  type CertificateProblem,
  FEEDBACK_ANSWER_MAX,
  FEEDBACK_COMMENT_MAX,
  type FeedbackResponse,
  isPeriod,
  quarterOf,
  questionField,
  type StaffFeedbackEntry,
} from '../feedback.js';
import type { Certificate, Course, Participant, SurveyQuestion } from '../model.js';
import type { Deps } from '../ports.js';
import { parseInput } from '../schemas.js';
import {
  hashAccessToken,
  type NoticeDeps,
  noticeContextFor,
  participantForToken,
} from './participant-access.js';
import { addDays } from './produce-certificate.js';

/** 256 bits, like the personal links: far beyond guessing, and only the hash is stored. */
const SURVEY_TOKEN_BYTES = 32;
const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How long a survey link works: long enough for a reminder a week later and a late answer. */
export const SURVEY_LINK_TTL_DAYS = 90;
/** When an unanswered survey is recalled, once, after issue. */
export const SURVEY_REMINDER_AFTER_DAYS = 7;
/** How many days back a reminder run also looks, so a job that missed a few days still sends what fell due. */
const CATCH_UP_DAYS = 7;

/** The once-only key of the one survey reminder of a certificate. */
export const surveyReminderClaimKey = (number: string) => `survey-reminder#${number}`;

export const surveyUrlOf = (deps: Pick<Deps, 'links'>, token: string) =>
  `${deps.links.verificationBaseUrl}/feedback/${token}`;

export type SurveyLinkDeps = Pick<Deps, 'feedback' | 'random' | 'clock' | 'links'>;

/**
 * Mints a link to one certificate's survey (put in the issued email, the reminder, or asked for on the
 * participant's page). It opens that survey and nothing else: not the participant's page.
 *
 * 1. Draw a random 256-bit token.
 * 2. Store only its SHA-256, with the certificate number and an expiry (no name, no address).
 * 3. Return the survey URL carrying the token.
 */
export async function mintSurveyLink(deps: SurveyLinkDeps, certificateNumber: string): Promise<string> {
  const token = Buffer.from(deps.random.bytes(SURVEY_TOKEN_BYTES)).toString('base64url');
  const createdAt = deps.clock.now().toISOString();
  await deps.feedback.addSurveyToken({
    tokenHash: hashAccessToken(token),
    certificateNumber,
    createdAt,
    expiresAt: addDays(createdAt, SURVEY_LINK_TTL_DAYS),
  });
  return surveyUrlOf(deps, token);
}

/**
 * What the issued email adds for the survey: a link, only when the participant agreed to surveys, and
 * the reminder's due day noted either way (the reminder checks consent again when it falls due).
 *
 * Best effort: the survey never holds up a certificate email. A fault here (the store busy) sends the
 * email without the link, rather than failing the step and retrying the email; the participant's page
 * still offers the survey.
 */
export async function surveyLinkForIssuedEmail(
  deps: SurveyLinkDeps,
  participant: Participant,
  certificate: Certificate,
): Promise<{ surveyUrl?: string }> {
  try {
    await deps.feedback.scheduleSurveyReminder(
      certificate.number,
      addDays(certificate.issuedAt, SURVEY_REMINDER_AFTER_DAYS).slice(0, 10),
    );
    if (!hasConsented(participant.consents, 'surveys-and-reminders')) return {};
    return { surveyUrl: await mintSurveyLink(deps, certificate.number) };
  } catch {
    return {};
  }
}

type SurveyReadDeps = Pick<Deps, 'feedback' | 'clock' | 'certificates' | 'participants' | 'courses'>;

interface SurveySubject {
  certificate: Certificate;
  participant: Participant;
  questions: SurveyQuestion[];
  courseTitle: string;
  response?: FeedbackResponse;
}

/**
 * The certificate, participant and course a survey token opens, or undefined for a token that is
 * malformed, unknown or expired, or whose participant is gone (erased): all answered the same way.
 */
async function surveySubjectOf(deps: SurveyReadDeps, token: string): Promise<SurveySubject | undefined> {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return undefined;
  const record = await deps.feedback.findSurveyToken(hashAccessToken(token));
  if (!record || record.expiresAt <= deps.clock.now().toISOString()) return undefined;
  const certificate = await deps.certificates.getCertificate(record.certificateNumber);
  if (!certificate) return undefined;
  const participant = await deps.participants.getParticipant(certificate.participantId);
  if (!participant) return undefined;
  const [course, response] = await Promise.all([
    deps.courses.getCourse(certificate.courseId),
    deps.feedback.getResponse(participant.participantId, certificate.number),
  ]);
  return {
    certificate,
    participant,
    questions: course?.surveyQuestions ?? [],
    courseTitle: course?.title ?? certificate.courseTitle,
    ...(response ? { response } : {}),
  };
}

/** What the survey form shows as filled in: the answers given before, or those just sent back with errors. */
export interface SurveyFormValues {
  processRating?: string;
  recommendLikelihood?: string;
  problems: string[];
  comment: string;
  /** By question id. */
  answers: Record<string, string>;
}

export interface SurveyView {
  courseTitle: string;
  /** As printed. */
  certificateNumber: string;
  questions: SurveyQuestion[];
  values: SurveyFormValues;
  /** When they answered before (the form then changes that answer). */
  answeredAt?: string;
  /** The participant's language for the survey page; absent: English. */
  locale?: string;
}

const valuesOf = (response: FeedbackResponse | undefined): SurveyFormValues =>
  response
    ? {
        processRating: String(response.processRating),
        recommendLikelihood: String(response.recommendLikelihood),
        problems: [...response.problems],
        comment: response.comment ?? '',
        answers: Object.fromEntries(
          Object.entries(response.answers ?? {}).map(([id, value]) => [id, String(value)]),
        ),
      }
    : { problems: [], comment: '', answers: {} };

const viewOf = (subject: SurveySubject, values: SurveyFormValues): SurveyView => ({
  courseTitle: subject.courseTitle,
  certificateNumber: formatCertificateNumber(subject.certificate.number),
  questions: subject.questions,
  values,
  ...(subject.response ? { answeredAt: subject.response.submittedAt } : {}),
  ...(subject.participant.locale ? { locale: subject.participant.locale } : {}),
});

/** The survey form for the holder of a survey link; undefined for a token that opens nothing (404). */
export async function viewSurvey(deps: SurveyReadDeps, token: string): Promise<SurveyView | undefined> {
  const subject = await surveySubjectOf(deps, token);
  return subject ? viewOf(subject, valuesOf(subject.response)) : undefined;
}

/** Bidi embeddings, overrides and isolates, which make text read differently from what is stored. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** NUL and the other control characters but tab and newline: they have no place in an answer. */
const isUnwantedControl = (character: string) => {
  const code = character.codePointAt(0) ?? 0;
  return (code < 0x20 && character !== '\n' && character !== '\t') || code === 0x7f;
};
const cleanText = (text: string) =>
  [...text.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS, '')]
    .filter((character) => !isUnwantedControl(character))
    .join('')
    .trim();

const wholeNumberIn = (value: string | undefined, min: number, max: number) => {
  if (value === undefined || !/^\d{1,2}$/.test(value.trim())) return undefined;
  const number = Number(value.trim());
  return number >= min && number <= max ? number : undefined;
};

/** Reads the form: the answers, or every problem named by its field. */
function readSurveyForm(form: URLSearchParams, questions: SurveyQuestion[]) {
  const values: SurveyFormValues = {
    ...(form.get('processRating') !== null ? { processRating: form.get('processRating') as string } : {}),
    ...(form.get('recommendLikelihood') !== null
      ? { recommendLikelihood: form.get('recommendLikelihood') as string }
      : {}),
    problems: [...new Set(form.getAll('problems'))],
    comment: form.get('comment') ?? '',
    answers: Object.fromEntries(
      questions.flatMap((question) => {
        const value = form.get(questionField(question.questionId));
        return value === null ? [] : [[question.questionId, value]];
      }),
    ),
  };
  const issues: ValidationIssue[] = [];
  const processRating = wholeNumberIn(values.processRating, 1, 5);
  if (processRating === undefined)
    issues.push({ field: 'processRating', message: 'choose a rating from 1 to 5' });
  const recommendLikelihood = wholeNumberIn(values.recommendLikelihood, 0, 10);
  if (recommendLikelihood === undefined)
    issues.push({ field: 'recommendLikelihood', message: 'choose a number from 0 to 10' });
  const problems = values.problems.filter((problem): problem is CertificateProblem =>
    (CERTIFICATE_PROBLEMS as readonly string[]).includes(problem),
  );
  if (problems.length !== values.problems.length)
    issues.push({ field: 'problems', message: 'tick only name, course, date or other' });
  const comment = cleanText(values.comment);
  if ([...comment].length > FEEDBACK_COMMENT_MAX)
    issues.push({
      field: 'comment',
      message: `is at most ${FEEDBACK_COMMENT_MAX.toLocaleString('en')} characters (this has ${[...comment].length.toLocaleString('en')})`,
    });
  const answers: Record<string, string | number> = {};
  for (const question of questions) {
    const raw = values.answers[question.questionId];
    if (raw === undefined || raw.trim() === '') continue;
    const field = questionField(question.questionId);
    if (question.type === 'scale') {
      const score = wholeNumberIn(raw, 1, 5);
      if (score === undefined) issues.push({ field, message: 'choose a rating from 1 to 5' });
      else answers[question.questionId] = score;
    } else {
      const answer = cleanText(raw);
      if ([...answer].length > FEEDBACK_ANSWER_MAX)
        issues.push({ field, message: `is at most ${FEEDBACK_ANSWER_MAX} characters` });
      else if (answer) answers[question.questionId] = answer;
    }
  }
  if (issues.length > 0 || processRating === undefined || recommendLikelihood === undefined)
    return { values, issues } as const;
  return {
    values,
    issues,
    answered: { processRating, recommendLikelihood, problems, comment, answers },
  } as const;
}

export type SurveySubmission =
  | { outcome: 'not-found' }
  | { outcome: 'invalid'; view: SurveyView; error: ValidationError }
  | { outcome: 'saved'; view: SurveyView; updated: boolean; response: FeedbackResponse };

/**
 * The participant answers (or answers again) the survey of one certificate.
 *
 * 1. Resolve the token to its certificate and participant (not found: the caller answers 404).
 * 2. Read the form; any problem is reported per field, and nothing is stored.
 * 3. Write the response under the participant's key, keyed by the certificate: a second answer replaces
 *    the first (keeping when it was first given), so there is never more than one per certificate.
 */
export async function submitSurvey(
  deps: SurveyReadDeps,
  token: string,
  form: URLSearchParams,
): Promise<SurveySubmission> {
  const subject = await surveySubjectOf(deps, token);
  if (!subject) return { outcome: 'not-found' };
  const read = readSurveyForm(form, subject.questions);
  if (!read.answered)
    return {
      outcome: 'invalid',
      view: viewOf(subject, read.values),
      error: new ValidationError(
        `The survey was not saved: ${read.issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`,
        read.issues,
      ),
    };
  const now = deps.clock.now().toISOString();
  const before = subject.response;
  const { comment, answers, ...scores } = read.answered;
  const response: FeedbackResponse = {
    participantId: subject.participant.participantId,
    certificateNumber: subject.certificate.number,
    courseId: subject.certificate.courseId,
    ...scores,
    ...(comment ? { comment } : {}),
    ...(Object.keys(answers).length > 0 ? { answers } : {}),
    firstSubmittedAt: before?.firstSubmittedAt ?? now,
    submittedAt: now,
    submissions: (before?.submissions ?? 0) + 1,
  };
  await deps.feedback.putResponse(response);
  return {
    outcome: 'saved',
    updated: before !== undefined,
    response,
    view: viewOf({ ...subject, response }, valuesOf(response)),
  };
}

/**
 * A survey link asked for on the participant's page (a button per certificate), so the page itself
 * never carries a stored link. Undefined unless the page token is live and the certificate is theirs.
 */
export async function surveyLinkFromPage(
  deps: SurveyLinkDeps & Pick<Deps, 'accessTokens' | 'certificates'>,
  pageToken: string,
  number: string,
): Promise<string | undefined> {
  const participantId = await participantForToken(deps, pageToken);
  if (!participantId) return undefined;
  const certificate = await deps.certificates.getCertificate(number.replace(/[-\s]/g, '').toUpperCase());
  if (!certificate || certificate.participantId !== participantId) return undefined;
  return mintSurveyLink(deps, certificate.number);
}

export interface SurveyReminderRun {
  sent: number;
  /** Reminders already sent (or being sent) by an earlier run. */
  alreadySent: number;
  /** Surveys answered before their reminder fell due: nothing to remind of. */
  answered: number;
  /** Holders who have not agreed to surveys and reminders (or withdrew). */
  withoutConsent: number;
  /** Certificates revoked or replaced, or whose holder is gone. */
  skipped: number;
  failed: { number: string; error: string }[];
}

/**
 * Reminds a holder, once, of the survey of a certificate a week after issue if it is not answered. Runs
 * in the daily reminder job, next to the expiry reminders.
 *
 * 1. List the certificates whose reminder falls due today, or up to a week before (one key query per day).
 * 2. Skip those no longer valid, already answered, or whose holder has not agreed to surveys.
 * 3. Send the reminder with a fresh survey link through the claim ledger (`survey-reminder#<number>`),
 *    so any number of runs send it at most once.
 */
export async function sendSurveyReminders(
  deps: Pick<Deps, 'certificates' | 'participants' | 'feedback'> & NoticeDeps,
): Promise<SurveyReminderRun> {
  const run: SurveyReminderRun = {
    sent: 0,
    alreadySent: 0,
    answered: 0,
    withoutConsent: 0,
    skipped: 0,
    failed: [],
  };
  const now = deps.clock.now().toISOString();
  for (let back = CATCH_UP_DAYS; back >= 0; back -= 1) {
    const day = addDays(now, -back).slice(0, 10);
    for (const number of await deps.feedback.listSurveyRemindersDueOn(day)) {
      try {
        const outcome = await remindOfSurvey(deps, number);
        if (outcome === 'sent') run.sent += 1;
        else if (outcome === 'already-sent') run.alreadySent += 1;
        else if (outcome === 'answered') run.answered += 1;
        else if (outcome === 'without-consent') run.withoutConsent += 1;
        else run.skipped += 1;
      } catch (error) {
        run.failed.push({ number, error: String(error) });
      }
    }
  }
  return run;
}

async function remindOfSurvey(
  deps: Pick<Deps, 'certificates' | 'participants' | 'feedback'> & NoticeDeps,
  number: string,
): Promise<'sent' | 'already-sent' | 'answered' | 'without-consent' | 'skipped'> {
  const certificate = await deps.certificates.getCertificate(number);
  if (!certificate || certificate.status !== 'valid') return 'skipped';
  const participant = await deps.participants.getParticipant(certificate.participantId);
  if (!participant) return 'skipped';
  if (await deps.feedback.getResponse(participant.participantId, number)) return 'answered';
  // Read per reminder, so a withdrawal stops it.
  if (!hasConsented(participant.consents, 'surveys-and-reminders')) return 'without-consent';
  const sent = await doOnce(deps, surveyReminderClaimKey(number), async () =>
    deps.notifications.send({
      kind: 'survey-reminder',
      ...(await noticeContextFor(deps, participant, { certificate: number, reminder: 'survey' })),
      recipientName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      certificateNumber: formatCertificateNumber(number),
      surveyUrl: await mintSurveyLink(deps, number),
    }),
  );
  return sent.done ? 'sent' : 'already-sent';
}

const STAFF_BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const staffText = (max: number) =>
  z
    .string()
    .refine((text) => !text.includes('\u0000') && !STAFF_BIDI_CONTROLS.test(text), {
      message: 'must not contain NUL or bidirectional override characters',
    })
    .pipe(z.string().trim().min(1, 'is required').max(max, `is at most ${max} characters`));

export const staffFeedbackSchema = z.object({
  timeSpentMinutes: z
    .number({ message: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(0, 'must be 0 or more')
    .max(100_000, 'is at most 100,000 minutes'),
  problems: staffText(FEEDBACK_COMMENT_MAX),
  courseId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'is not a course id')
    .optional(),
  recordedBy: staffText(200),
});

/**
 * Staff note what the certificate process cost them and what went wrong (`POST /operator/feedback`,
 * `certs feedback`), filed under the quarter it is recorded in.
 */
export async function recordStaffFeedback(
  deps: Pick<Deps, 'feedback' | 'courses' | 'clock' | 'random'>,
  body: unknown,
): Promise<StaffFeedbackEntry> {
  const request = parseInput(staffFeedbackSchema, body, 'staff feedback');
  if (request.courseId && !(await deps.courses.getCourse(request.courseId)))
    throw new ValidationError(`Invalid staff feedback: courseId ${request.courseId} does not exist`, [
      { field: 'courseId', message: `no course ${request.courseId}` },
    ]);
  const recordedAt = deps.clock.now().toISOString();
  const entry: StaffFeedbackEntry = {
    entryId: Buffer.from(deps.random.bytes(8)).toString('hex'),
    period: quarterOf(recordedAt),
    recordedAt,
    recordedBy: request.recordedBy,
    timeSpentMinutes: request.timeSpentMinutes,
    problems: request.problems,
    ...(request.courseId ? { courseId: request.courseId } : {}),
  };
  await deps.feedback.addStaffEntry(entry);
  return entry;
}

const average = (values: number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;

/** Net promoter score: % of 9–10 minus % of 0–6, from -100 to 100; null without answers. */
function netPromoter(scores: number[]) {
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return {
    average: average(scores),
    promoters,
    passives: scores.length - promoters - detractors,
    detractors,
    netPromoterScore:
      scores.length === 0 ? null : Math.round(((promoters - detractors) / scores.length) * 100),
  };
}

function summaryOf(responses: FeedbackResponse[], questions: SurveyQuestion[] = []) {
  const ratings = responses.map((response) => response.processRating);
  return {
    responseCount: responses.length,
    processRating: {
      average: average(ratings),
      counts: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, ratings.filter((r) => r === n).length])),
    },
    recommendation: netPromoter(responses.map((response) => response.recommendLikelihood)),
    problemsReported: Object.fromEntries(
      CERTIFICATE_PROBLEMS.map((problem) => [
        problem,
        responses.filter((response) => response.problems.includes(problem)).length,
      ]),
    ),
    ...(questions.length > 0
      ? {
          questions: questions.map((question) => {
            const given = responses.flatMap((response) => {
              const answer = response.answers?.[question.questionId];
              return answer === undefined ? [] : [answer];
            });
            return {
              questionId: question.questionId,
              text: question.text,
              type: question.type,
              answers: given.length,
              ...(question.type === 'scale'
                ? { average: average(given.filter((a): a is number => typeof a === 'number')) }
                : {}),
            };
          }),
        }
      : {}),
  };
}

export type FeedbackListing = Awaited<ReturnType<typeof listFeedback>>;

/**
 * Feedback of one quarter for staff (`GET /operator/feedback?period=2026-Q4`): the participants' answers
 * summed up overall and per course, each response with its free text, and the staff entries.
 *
 * 1. List the certificates first answered in the quarter (one key query), then read each response under
 *    its participant's key: a response erased with its participant is simply gone from here too.
 * 2. Sum up ratings, the recommendation score, problems ticked, and the course's own questions.
 * 3. List the staff entries of the quarter (one key query).
 */
export async function listFeedback(
  deps: Pick<Deps, 'feedback' | 'certificates' | 'courses'>,
  period: string,
) {
  if (!isPeriod(period))
    throw new ValidationError('period must be a quarter such as 2026-Q4', [
      { field: 'period', message: 'must be a quarter such as 2026-Q4' },
    ]);
  const responses: FeedbackResponse[] = [];
  for (const number of await deps.feedback.listResponseNumbersIn(period)) {
    const certificate = await deps.certificates.getCertificate(number);
    if (!certificate) continue;
    const response = await deps.feedback.getResponse(certificate.participantId, number);
    if (response) responses.push(response);
  }
  responses.sort((a, b) => a.firstSubmittedAt.localeCompare(b.firstSubmittedAt));
  const courseIds = [...new Set(responses.map((response) => response.courseId))].sort();
  const courses = new Map<string, Course | undefined>();
  for (const courseId of courseIds) courses.set(courseId, await deps.courses.getCourse(courseId));
  const staff = (await deps.feedback.listStaffEntriesIn(period)).sort((a, b) =>
    a.recordedAt.localeCompare(b.recordedAt),
  );
  return {
    period,
    participants: {
      ...summaryOf(responses),
      byCourse: courseIds.map((courseId) => {
        const course = courses.get(courseId);
        return {
          courseId,
          ...(course ? { courseTitle: course.title } : {}),
          ...summaryOf(
            responses.filter((response) => response.courseId === courseId),
            course?.surveyQuestions,
          ),
        };
      }),
      // Each response: what was ticked and written, by certificate (staff follow up a wrong name by it).
      responses: responses.map((response) => ({
        certificateNumber: formatCertificateNumber(response.certificateNumber),
        courseId: response.courseId,
        submittedAt: response.submittedAt,
        processRating: response.processRating,
        recommendLikelihood: response.recommendLikelihood,
        problems: response.problems,
        ...(response.comment ? { comment: response.comment } : {}),
        ...(response.answers ? { answers: response.answers } : {}),
      })),
    },
    staff: {
      entries: staff,
      totalMinutes: staff.reduce((sum, entry) => sum + entry.timeSpentMinutes, 0),
      averageMinutes: average(staff.map((entry) => entry.timeSpentMinutes)),
    },
  };
}

/** A participant's survey answers, for their data export. */
export async function feedbackOf(deps: Pick<Deps, 'feedback'>, participantId: string) {
  return (await deps.feedback.listResponsesOf(participantId)).map((response) => ({
    ...response,
    certificateNumber: formatCertificateNumber(response.certificateNumber),
  }));
}
