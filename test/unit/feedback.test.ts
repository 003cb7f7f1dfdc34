import type { APIGatewayProxyResult } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/core/errors.js';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import { recordStaffConsent } from '../../functions/core/use-cases/consent.js';
import { deliverCertificate } from '../../functions/core/use-cases/deliver-certificate.js';
import { eraseParticipant } from '../../functions/core/use-cases/erase-participant.js';
import {
  listFeedback,
  recordStaffFeedback,
  SURVEY_REMINDER_AFTER_DAYS,
  sendSurveyReminders,
  surveyLinkFromPage,
  surveyReminderClaimKey,
} from '../../functions/core/use-cases/feedback.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { hashAccessToken } from '../../functions/core/use-cases/participant-access.js';
import { exportParticipantData } from '../../functions/core/use-cases/personal-data.js';
import { defineCourse, registerParticipant } from '../../functions/core/use-cases/programme-setup.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { staffFeedbackRoutes, surveyRoutes } from '../../functions/handlers/feedback-routes.js';
import type { Route } from '../../functions/handlers/shared/http-api.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

/** The feedback survey, its one reminder and the staff listing, on the in-memory ports and the real routes. */

let world: ReturnType<typeof inMemoryDeps>;
const nomsa = { participantId: 'nomsa-khumalo', fullName: 'Nomsa Khumalo', email: 'nomsa@example.org' };
const COURSE = {
  ...sampleCourse,
  surveyQuestions: [
    { questionId: 'pace', text: 'Was the course pace right for you?', type: 'scale' as const },
    { questionId: 'improve', text: 'One thing we should improve', type: 'text' as const },
  ],
};
const DAY_MS = 24 * 3600 * 1000;

async function setUp(consents: { surveysAndReminders: boolean }) {
  world = inMemoryDeps(new Date('2026-11-02T09:00:00.000Z'));
  await defineCourse(world.deps, COURSE.courseId, COURSE);
  await registerParticipant(world.deps, nomsa.participantId, nomsa);
  await world.deps.progress.putProgress({
    ...sampleParticipants[0]!.progress,
    participantId: nomsa.participantId,
  });
  await recordStaffConsent(world.deps, nomsa.participantId, {
    nameOnCertificate: true,
    ...consents,
    channel: 'paper-form',
    recordedBy: 'registrar',
  });
}

/** Approves, issues and delivers Nomsa's certificate as the workflow would; returns its number. */
async function issue() {
  const { approval } = await recordApproval(world.deps, {
    participantId: nomsa.participantId,
    courseId: COURSE.courseId,
    approvedBy: 'staff',
  });
  await checkEligibility(world.deps, approval.approvalId);
  const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
  await deliverCertificate(world.deps, { approvalId: approval.approvalId, certificateNumber });
  return certificateNumber;
}

const issuedMail = () =>
  world.state.sentMail.find((mail) => mail.subject.startsWith('Your SayPro certificate:'))!;
const surveyTokenIn = (text: string) => /\/feedback\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

function call(
  routes: Route[],
  method: string,
  resource: string,
  request: { params?: Record<string, string>; body?: string; query?: Record<string, string>; json?: unknown },
) {
  const route = routes.find((candidate) => candidate.method === method && candidate.resource === resource)!;
  return route.handle({
    params: request.params ?? {},
    query: request.query ?? {},
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    json: request.json,
    rawBody: Buffer.from(request.body ?? ''),
    sourceIp: '127.0.0.1',
  }) as Promise<APIGatewayProxyResult>;
}

const survey = () => surveyRoutes(() => world.deps);
const answer = (token: string, fields: Record<string, string | string[]>) => {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return call(survey(), 'POST', '/feedback/{token}', { params: { token }, body: form.toString() });
};

describe('the survey link', () => {
  it('is in the issued email only for a participant who agreed to surveys, and is stored only hashed', async () => {
    await setUp({ surveysAndReminders: true });
    await issue();
    const token = surveyTokenIn(issuedMail().text);
    expect(token).toBeDefined();
    expect(issuedMail().html).toContain(`/feedback/${token}`);
    // 32 random bytes, base64url: 256 bits. Only the SHA-256 is kept.
    expect(Buffer.from(token!, 'base64url')).toHaveLength(32);
    expect([...world.state.feedback.tokens.keys()]).toEqual([hashAccessToken(token!)]);
    expect(JSON.stringify([...world.state.feedback.tokens.values()])).not.toContain(token);

    await setUp({ surveysAndReminders: false });
    await issue();
    expect(issuedMail()).toBeDefined();
    expect(surveyTokenIn(issuedMail().text)).toBeUndefined();
    expect(issuedMail().html).not.toContain('/feedback/');
    expect(world.state.feedback.tokens.size).toBe(0);
  });

  it('never holds up the certificate email: a store fault sends it without the link', async () => {
    await setUp({ surveysAndReminders: true });
    world.deps.feedback.addSurveyToken = async () => {
      throw new Error('DynamoDB is throttling');
    };
    await issue();
    expect(issuedMail()).toBeDefined();
    expect(surveyTokenIn(issuedMail().text)).toBeUndefined();
  });

  it('opens the form; an unknown, tampered or malformed token gets the same 404', async () => {
    await setUp({ surveysAndReminders: true });
    await issue();
    const token = surveyTokenIn(issuedMail().text)!;
    const form = await call(survey(), 'GET', '/feedback/{token}', { params: { token } });
    expect(form.statusCode).toBe(200);
    expect(form.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(form.body).toContain('<legend>How well did getting your certificate go? (required)</legend>');
    expect(form.body).toContain('<label for="processRating-5">');
    expect(form.body).toContain('Was the course pace right for you?');
    expect(form.body).not.toMatch(/<script/i);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const answers = await Promise.all(
      [tampered, 'A'.repeat(43), 'nonsense'].map((probe) =>
        call(survey(), 'GET', '/feedback/{token}', { params: { token: probe } }),
      ),
    );
    expect(answers.map((page) => page.statusCode)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((page) => page.body)).size).toBe(1);
  });
});

describe('answering the survey', () => {
  let token: string;
  let number: string;
  beforeEach(async () => {
    await setUp({ surveysAndReminders: true });
    number = await issue();
    token = surveyTokenIn(issuedMail().text)!;
  });

  it('keeps one response per certificate: a second answer updates it', async () => {
    const first = await answer(token, {
      processRating: '4',
      recommendLikelihood: '9',
      problems: ['name'],
      comment: 'My surname is misspelt.',
      'q-pace': '5',
      'q-improve': 'More examples',
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Your answers are saved');
    world.clock.current = new Date(world.clock.current.getTime() + DAY_MS);
    // Another link to the same certificate (from the participant's page) reaches the same response.
    const pageToken = /\/me\/([A-Za-z0-9_-]{43})/.exec(issuedMail().text)![1]!;
    const other = await surveyLinkFromPage(world.deps, pageToken, number);
    const second = await answer(surveyTokenIn(other!)!, { processRating: '2', recommendLikelihood: '6' });
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Your answers are updated');

    const stored = [...world.state.feedback.responses.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      participantId: nomsa.participantId,
      certificateNumber: number,
      processRating: 2,
      recommendLikelihood: 6,
      problems: [],
      submissions: 2,
      firstSubmittedAt: '2026-11-02T09:00:00.000Z',
      submittedAt: '2026-11-03T09:00:00.000Z',
    });
    expect(stored[0]!.comment).toBeUndefined();
    // The form shows the answers now held.
    const again = await call(survey(), 'GET', '/feedback/{token}', { params: { token } });
    expect(again.body).toContain('id="processRating-2" name="processRating" value="2" checked');
    expect(again.body).toContain('Sending the form again replaces those answers');
  });

  it('answers a bad rating with a 400 naming the field, and stores nothing', async () => {
    const refused = await answer(token, { processRating: '7', recommendLikelihood: '11', comment: 'kept' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      '<a href="#field-processRating">How getting your certificate went: choose a rating from 1 to 5</a>',
    );
    expect(refused.body).toContain('id="error-processRating"');
    expect(refused.body).toContain('aria-describedby="processRating-hint error-processRating"');
    expect(refused.body).toContain('id="error-recommendLikelihood"');
    // What was typed is kept in the form, so nothing has to be written again.
    expect(refused.body).toContain('>kept</textarea>');
    const missing = await answer(token, { recommendLikelihood: '8' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="error-processRating"');
    expect(missing.body).not.toContain('id="error-recommendLikelihood"');
    const badBox = await answer(token, {
      processRating: '3',
      recommendLikelihood: '8',
      problems: 'signature',
    });
    expect(badBox.statusCode).toBe(400);
    expect(badBox.body).toContain('id="error-problems"');
    const tooLong = await answer(token, {
      processRating: '3',
      recommendLikelihood: '8',
      comment: 'x'.repeat(2001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('is at most 2,000 characters (this has 2,001)');
    const badScale = await answer(token, { processRating: '3', recommendLikelihood: '8', 'q-pace': '9' });
    expect(badScale.statusCode).toBe(400);
    expect(badScale.body).toContain('id="error-q-pace"');
    expect(world.state.feedback.responses.size).toBe(0);
  });

  it('escapes free text on every page and in the CSV, and keeps it as written', async () => {
    const hostile = '<script>alert("x")</script> & =HYPERLINK("http://evil")';
    const saved = await answer(token, {
      processRating: '1',
      recommendLikelihood: '0',
      problems: ['other'],
      comment: hostile,
      'q-improve': '<img src=x onerror=alert(1)>',
    });
    expect(saved.statusCode).toBe(200);
    expect([...world.state.feedback.responses.values()][0]!.comment).toBe(hostile);
    const form = await call(survey(), 'GET', '/feedback/{token}', { params: { token } });
    expect(form.body).not.toContain('<script>');
    expect(form.body).not.toContain('<img src=x');
    expect(form.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; =HYPERLINK');
    expect(form.body).toContain('value="&lt;img src=x onerror=alert(1)&gt;"');
    // The re-rendered form after a refusal escapes it too.
    const refused = await answer(token, { processRating: '9', recommendLikelihood: '0', comment: hostile });
    expect(refused.body).not.toContain('<script>');

    const staff = staffFeedbackRoutes(() => world.deps);
    const csv = await call(staff, 'GET', '/operator/feedback', {
      query: { period: '2026-Q4', format: 'csv' },
    });
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    const row = csv.body.split('\r\n')[1]!;
    expect(row).toContain('"<script>alert(""x"")</script> & =HYPERLINK(""http://evil"")"');
    expect(row).toContain('"improve: <img src=x onerror=alert(1)>"');
    // A cell that starts like a formula is made inert.
    await recordStaffFeedback(world.deps, { timeSpentMinutes: 5, problems: '=1+1', recordedBy: 'ops' });
    const withStaff = await call(staff, 'GET', '/operator/feedback', {
      query: { period: '2026-Q4', format: 'csv' },
    });
    expect(withStaff.body).toContain(`"'=1+1"`);
  });

  it('lists the quarter for staff: sums, the free text, and staff entries; the export carries it; erasure removes it', async () => {
    await answer(token, {
      processRating: '5',
      recommendLikelihood: '10',
      comment: 'Quick and clear.',
      'q-pace': '4',
    });
    await recordStaffFeedback(world.deps, {
      timeSpentMinutes: 45,
      problems: 'Two approvals needed a retry',
      courseId: COURSE.courseId,
      recordedBy: 'ops@saypro.test',
    });
    const listing = await listFeedback(world.deps, '2026-Q4');
    expect(listing.participants).toMatchObject({
      responseCount: 1,
      processRating: { average: 5, counts: { 5: 1 } },
      recommendation: { promoters: 1, detractors: 0, netPromoterScore: 100 },
      problemsReported: { name: 0, course: 0, date: 0, other: 0 },
      byCourse: [
        {
          courseId: COURSE.courseId,
          courseTitle: COURSE.title,
          responseCount: 1,
          questions: [
            { questionId: 'pace', answers: 1, average: 4 },
            { questionId: 'improve', answers: 0 },
          ],
        },
      ],
      responses: [{ comment: 'Quick and clear.', processRating: 5 }],
    });
    expect(listing.staff).toMatchObject({
      totalMinutes: 45,
      entries: [{ problems: 'Two approvals needed a retry' }],
    });
    expect((await listFeedback(world.deps, '2026-Q3')).participants.responseCount).toBe(0);
    await expect(listFeedback(world.deps, '2026-13')).rejects.toMatchObject({
      issues: [{ field: 'period', message: 'must be a quarter such as 2026-Q4' }],
    });

    const exported = await exportParticipantData(world.deps, nomsa.participantId, { requestedBy: 'dpo' });
    expect(exported.feedback).toMatchObject([{ comment: 'Quick and clear.', processRating: 5 }]);

    await eraseParticipant(world.deps, nomsa.participantId, { reason: 'holder-request', actor: 'dpo' });
    expect(world.state.feedback.responses.size).toBe(0);
    expect((await listFeedback(world.deps, '2026-Q4')).participants.responseCount).toBe(0);
    // The survey link opens nothing once the participant is erased.
    const gone = await call(survey(), 'GET', '/feedback/{token}', { params: { token } });
    expect(gone.statusCode).toBe(404);
  });
});

describe('the survey on the participant page', () => {
  it('mints a survey link only for the page holder’s own certificate', async () => {
    await setUp({ surveysAndReminders: false });
    const number = await issue();
    const pageToken = /\/me\/([A-Za-z0-9_-]{43})/.exec(issuedMail().text)![1]!;
    const pressed = await call(survey(), 'POST', '/me/{token}/certificates/{number}/feedback', {
      params: { token: pageToken, number },
    });
    expect(pressed.statusCode).toBe(303);
    expect(pressed.headers?.location).toMatch(/^https:\/\/verify\.test\/feedback\/[A-Za-z0-9_-]{43}$/);
    const wrongPage = await call(survey(), 'POST', '/me/{token}/certificates/{number}/feedback', {
      params: { token: 'B'.repeat(43), number },
    });
    expect(wrongPage.statusCode).toBe(404);
    expect(await surveyLinkFromPage(world.deps, pageToken, 'AAAABBBBCCCCDDDDEEEEFFFF')).toBeUndefined();
  });
});

describe('the survey reminder', () => {
  const daysAfterIssue = (days: number) =>
    new Date(new Date('2026-11-02T09:00:00.000Z').getTime() + days * DAY_MS);
  const reminders = () =>
    world.state.sentMail.filter((mail) => mail.subject.startsWith('How did your SayPro'));

  it('goes once, a week after issue, when the survey is not answered', async () => {
    await setUp({ surveysAndReminders: true });
    const number = await issue();
    world.clock.current = daysAfterIssue(SURVEY_REMINDER_AFTER_DAYS - 1);
    expect((await sendSurveyReminders(world.deps)).sent).toBe(0);
    world.clock.current = daysAfterIssue(SURVEY_REMINDER_AFTER_DAYS);
    expect((await sendSurveyReminders(world.deps)).sent).toBe(1);
    world.clock.current = daysAfterIssue(SURVEY_REMINDER_AFTER_DAYS + 2);
    expect(await sendSurveyReminders(world.deps)).toMatchObject({ sent: 0, alreadySent: 1 });
    expect(reminders()).toHaveLength(1);
    expect((await world.deps.claims.get(surveyReminderClaimKey(number)))?.state).toBe('done');
    // Its link opens the same certificate's survey.
    const token = surveyTokenIn(reminders()[0]!.text)!;
    expect((await answer(token, { processRating: '3', recommendLikelihood: '7' })).statusCode).toBe(200);
  });

  it('is not sent when the survey was answered, or without consent', async () => {
    await setUp({ surveysAndReminders: true });
    await issue();
    await answer(surveyTokenIn(issuedMail().text)!, { processRating: '5', recommendLikelihood: '9' });
    world.clock.current = daysAfterIssue(SURVEY_REMINDER_AFTER_DAYS);
    expect(await sendSurveyReminders(world.deps)).toMatchObject({ sent: 0, answered: 1 });

    await setUp({ surveysAndReminders: false });
    await issue();
    world.clock.current = daysAfterIssue(SURVEY_REMINDER_AFTER_DAYS);
    expect(await sendSurveyReminders(world.deps)).toMatchObject({ sent: 0, withoutConsent: 1 });
    expect(reminders()).toHaveLength(0);
  });
});

describe('staff feedback and course questions', () => {
  beforeEach(() => setUp({ surveysAndReminders: true }));

  it('refuses a bad entry naming the field', async () => {
    const refused = (body: unknown) => recordStaffFeedback(world.deps, body).catch((error) => error);
    const notWhole = await refused({ timeSpentMinutes: 2.5, problems: 'x', recordedBy: 'ops' });
    expect(notWhole).toBeInstanceOf(ValidationError);
    expect(notWhole.issues).toEqual([
      { field: 'timeSpentMinutes', message: 'must be a whole number of minutes' },
    ]);
    expect((await refused({ timeSpentMinutes: 3, recordedBy: 'ops' })).issues).toEqual([
      { field: 'problems', message: 'is required' },
    ]);
    expect(
      (await refused({ timeSpentMinutes: 3, problems: 'x', recordedBy: 'ops', courseId: 'nope' })).issues,
    ).toEqual([{ field: 'courseId', message: 'no course nope' }]);
    const staff = staffFeedbackRoutes(() => world.deps);
    const created = await call(staff, 'POST', '/operator/feedback', {
      json: { timeSpentMinutes: 12, problems: 'Waited for a signature', recordedBy: 'ops' },
    });
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ period: '2026-Q4', timeSpentMinutes: 12 });
  });

  it('validates a course’s own questions', async () => {
    const refused = (surveyQuestions: unknown) =>
      defineCourse(world.deps, COURSE.courseId, { ...COURSE, surveyQuestions }).catch((error) => error);
    expect((await refused([{ questionId: 'pace', text: 'Pace?', type: 'stars' }])).issues).toEqual([
      { field: 'surveyQuestions.0.type', message: 'must be text or scale' },
    ]);
    expect((await refused([{ questionId: 'pace', text: '', type: 'text' }])).issues).toEqual([
      { field: 'surveyQuestions.0.text', message: 'is required' },
    ]);
    const twice = { questionId: 'pace', text: 'Pace?', type: 'scale' };
    expect((await refused([twice, twice])).issues).toEqual([
      { field: 'surveyQuestions', message: 'each questionId must be different' },
    ]);
    expect((await defineCourse(world.deps, COURSE.courseId, COURSE)).surveyQuestions).toHaveLength(2);
  });
});
