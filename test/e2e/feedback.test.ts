import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../functions/core/feedback.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { commandsSentDuring } from '../support/dynamodb-commands.js';
import { apiClient, certsCli, mailbox, type StoredMail } from '../support/local-api.js';

/**
 * Feedback after issuance on the local stack: the survey link in the certificate email (only with
 * consent to surveys), the form answered twice through form posts (one response kept, updated), and the
 * staff listing and export that show it; staff feedback through the CLI.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;

const COURSE = {
  courseId: 'feedback-basics',
  title: 'Feedback Basics',
  description: 'A course that asks for feedback.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
  surveyQuestions: [{ questionId: 'pace', text: 'Was the pace right?', type: 'scale' }],
};
const PERIOD = quarterOf(new Date().toISOString());

/** A 503 asks for the same request again (DynamoDB Local's InternalFailure under load): sent again, as a client would. */
async function sendAgainIfBusy(send: () => ReturnType<ReturnType<typeof apiClient>['request']>) {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await send();
    if (answer.status !== 503 || attempt === 5) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

async function issueTo(participantId: string, surveysAndReminders: boolean) {
  const registered = await sendAgainIfBusy(() =>
    api.request('PUT', `/operator/participants/${participantId}`, {
      fullName: `Lerato ${participantId}`,
      email: `${participantId}@example.org`,
      consent: {
        nameOnCertificate: true,
        surveysAndReminders,
        channel: 'paper-form',
        recordedBy: 'registrar',
      },
    }),
  );
  expect(registered.status).toBe(200);
  const progress = await sendAgainIfBusy(() =>
    api.request('PUT', `/operator/progress/${participantId}/${COURSE.courseId}`, {
      completedModuleIds: [],
      quizScores: {},
      peerReviewPassed: false,
    }),
  );
  expect(progress.status).toBe(200);
  const settled = await api.approveAndSettle(participantId, COURSE.courseId);
  expect(settled).toMatchObject({ status: 'issued', certificate: { delivery: 'sent' } });
  const mail = (await mailbox(stack)).find(
    (candidate) =>
      candidate.destination.to.includes(`${participantId}@example.org`) &&
      candidate.subject.startsWith('Your SayPro certificate:'),
  );
  expect(mail).toBeDefined();
  return { number: settled.certificate.number as string, mail: mail as StoredMail };
}

const surveyPathIn = (text: string) => /https?:\/\/\S+(\/feedback\/[A-Za-z0-9_-]{43})/.exec(text)?.[1];
const post = (path: string, form: string) =>
  fetch(`${stack.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });

beforeAll(async () => {
  stack = await startLocalStack({ reminderSweepMs: 0 });
  api = apiClient(stack);
  certs = certsCli(stack);
  expect((await api.request('PUT', `/operator/courses/${COURSE.courseId}`, COURSE)).status).toBe(200);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the survey after issuance', () => {
  it('is linked from the email of a consenting participant, answered twice, kept once, and listed for staff', async () => {
    const { number, mail } = await issueTo('lerato', true);
    const survey = surveyPathIn(mail.body.text!);
    expect(survey).toBeDefined();
    expect(mail.body.html).toContain(survey);

    const form = await fetch(`${stack.url}${survey}`);
    expect(form.status).toBe(200);
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await form.text();
    expect(page).toContain('<form class="survey" method="post"');
    expect(page).toContain('Was the pace right?');

    const first = await post(
      survey!,
      'processRating=4&recommendLikelihood=9&problems=name&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E+Surname+misspelt&q-pace=5',
    );
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Your answers are saved');
    const refused = await post(survey!, 'processRating=6&recommendLikelihood=9');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="error-processRating"');
    const second = await post(survey!, 'processRating=3&recommendLikelihood=7&comment=Fine+after+all');
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('Your answers are updated');

    // One response, in the participant's partition of the registry table, with the second answers.
    const stored = await stack.deps.feedback.listResponsesOf('lerato');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ processRating: 3, recommendLikelihood: 7, comment: 'Fine after all' });
    expect(stored[0]!.submissions).toBe(2);

    // The participant's page offers the survey too, through a fresh link to the same response.
    const pagePath = new URL(/https?:\/\/\S+\/me\/[A-Za-z0-9_-]{43}/.exec(mail.body.text!)![0]).pathname;
    const pressed = await post(`${pagePath}/certificates/${number}/feedback`, '');
    expect(pressed.status).toBe(303);
    const fresh = new URL(pressed.headers.get('location')!).pathname;
    expect(fresh).not.toBe(survey);
    expect(await (await fetch(`${stack.url}${fresh}`)).text()).toContain('Sending the form again replaces');

    const recorded = await certs(
      'feedback',
      '--time-spent',
      '30',
      '--problems',
      'One approval waited for consent',
      '--course',
      COURSE.courseId,
      '--by',
      'ops@saypro.online',
    );
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain(`Staff feedback recorded for ${PERIOD}: 30 minute(s)`);
    expect(
      (await certs('feedback', '--time-spent', 'half an hour', '--problems', 'x', '--by', 'me')).code,
    ).toBe(2);

    const listing = await api.request('GET', `/operator/feedback?period=${PERIOD}`);
    expect(listing.status).toBe(200);
    expect(listing.json.participants).toMatchObject({
      responseCount: 1,
      processRating: { average: 3 },
      responses: [{ comment: 'Fine after all', processRating: 3, recommendLikelihood: 7 }],
    });
    expect(listing.json.staff).toMatchObject({
      totalMinutes: 30,
      entries: [{ problems: 'One approval waited for consent', courseId: COURSE.courseId }],
    });
    const csv = await api.request('GET', `/operator/feedback?period=${PERIOD}&format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect((await api.request('GET', '/operator/feedback?period=last-quarter')).status).toBe(400);

    const exported = await api.request('POST', '/operator/participants/lerato/export', {
      requestedBy: 'dpo',
    });
    expect(exported.json.feedback).toMatchObject([{ comment: 'Fine after all' }]);
  });

  it('reads by key: the survey, its answer and the quarterly listing send no Scan', async () => {
    const { mail } = await issueTo('thabo', true);
    const survey = surveyPathIn(mail.body.text!)!;
    const sent = await commandsSentDuring(async () => {
      expect((await fetch(`${stack.url}${survey}`)).status).toBe(200);
      expect((await post(survey, 'processRating=5&recommendLikelihood=10')).status).toBe(200);
      expect((await api.request('GET', `/operator/feedback?period=${PERIOD}`)).status).toBe(200);
    });
    expect(sent.filter((name) => /Get|Query|Transact/.test(name)).length).toBeGreaterThan(3);
    expect(sent).not.toContain('ScanCommand');
  });

  it('gives the quarterly improvement report through certs report --kind improvement', async () => {
    const asJson = await certs('report', '--period', PERIOD, '--kind', 'improvement');
    expect(asJson.code).toBe(0);
    const report = JSON.parse(asJson.stdout);
    expect(report).toMatchObject({ kind: 'improvement', period: { id: PERIOD } });
    expect(report.participants.current.responseCount).toBeGreaterThanOrEqual(1);
    expect(report.operations.current.certificatesIssued).toBeGreaterThanOrEqual(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ area: 'staff effort' }));
    const page = await certs('report', '--period', PERIOD, '--kind', 'improvement', '--format', 'html');
    expect(page.stdout).toContain(`SayPro improvement report ${PERIOD}`);
    expect(page.stdout).toContain('One approval waited for consent');
    const month = await certs('report', '--period', '2026-11', '--kind', 'improvement');
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('the improvement report is quarterly');
  });

  it('leaves the survey link out for a participant who did not agree to surveys', async () => {
    const { mail } = await issueTo('sipho', false);
    expect(surveyPathIn(mail.body.text!)).toBeUndefined();
    expect(mail.body.html).not.toContain('/feedback/');
    expect(mail.body.text).not.toContain('How did it go?');
  });
});
