import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSENT_WORDING } from '../../functions/core/consent.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, certsCli, mailbox, type StoredMail } from '../support/local-api.js';

/**
 * Consent on the local stack: an approval waits for consent to the name, the participant is asked once,
 * agrees on their own page, and the certificate issues by itself, exactly once.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;

const COURSE = {
  courseId: 'consent-basics',
  title: 'Consent Basics',
  description: 'A course whose certificate waits for consent.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};
const PROGRESS = { completedModuleIds: [], quizScores: {}, peerReviewPassed: false };

async function register(participantId: string, body: Record<string, unknown> = {}) {
  const registered = await api.request('PUT', `/operator/participants/${participantId}`, {
    fullName: `Zanele ${participantId}`,
    email: `${participantId}@example.org`,
    ...body,
  });
  expect(registered.status).toBe(200);
  expect(
    (await api.request('PUT', `/operator/progress/${participantId}/${COURSE.courseId}`, PROGRESS)).status,
  ).toBe(200);
}

const approve = (participantId: string) => api.approve(participantId, COURSE.courseId);

const mailsTo = async (participantId: string) =>
  (await mailbox(stack)).filter((mail) => mail.destination.to.includes(`${participantId}@example.org`));
const pagePathIn = (mail: StoredMail) =>
  new URL(/https?:\/\/\S+\/me\/[A-Za-z0-9_-]{43}/.exec(mail.body.text!)![0]).pathname;

// The functions at their most talkative (before any import creates the logger), so the log check covers every line.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

/** Everything the stack writes to stdout/stderr or the console while this file runs (its logs). */
const logged: string[] = [];
const restoreLogs: (() => void)[] = [];
function captureLogs() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restoreLogs.push(() => {
      stream.write = write;
    });
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      logged.push(
        args
          .map((arg) =>
            arg instanceof Error ? `${arg.message} ${arg.stack}` : (JSON.stringify(arg) ?? String(arg)),
          )
          .join(' '),
      );
      original(...args);
    };
    restoreLogs.push(() => {
      console[level] = original;
    });
  }
}

beforeAll(async () => {
  captureLogs();
  stack = await startLocalStack();
  api = apiClient(stack);
  certs = certsCli(stack);
  expect((await api.request('PUT', `/operator/courses/${COURSE.courseId}`, COURSE)).status).toBe(200);
});

afterAll(async () => {
  await stack?.stop();
  for (const restore of restoreLogs) restore();
});

describe('an approval without consent to the name', () => {
  it('waits, asks once, and issues once the participant agrees on their page', async () => {
    await register('zanele');
    const approvalId = await approve('zanele');
    expect((await api.settledApproval(approvalId, 60_000)).status).toBe('awaiting_consent');
    // The same approval posted again starts nothing and asks nothing more.
    const replay = await api.request('POST', '/approvals', {
      participantId: 'zanele',
      courseId: COURSE.courseId,
      approvedBy: 'staff@saypro.online',
    });
    expect(replay.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const asked = await mailsTo('zanele');
    expect(asked.map((mail) => mail.subject)).toEqual([
      'Your SayPro certificate for Consent Basics is ready: one choice needed',
    ]);
    expect(asked[0]!.body.text).toContain(CONSENT_WORDING['name-on-certificate'].text);

    const page = pagePathIn(asked[0]!);
    const before = await (await fetch(`${stack.url}${page}`)).text();
    expect(before).toContain('id="consent"');
    expect(before).toContain('Not answered yet.');
    expect(before).not.toMatch(/type="radio"[^>]*checked/);
    expect(before).toContain('agree below to your name on it');

    const saved = await fetch(`${stack.url}${page}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'nameOnCertificate=yes&nameToVerifiers=no&surveysAndReminders=no',
      redirect: 'manual',
    });
    expect(saved.status).toBe(303);
    const location = saved.headers.get('location')!;
    expect(location).toMatch(/\/me\/[A-Za-z0-9_-]{43}\?saved=consent#consent$/);
    const after = await (await fetch(new URL(location, stack.url).href.replace(/#.*/, ''))).text();
    expect(after).toContain('Your choices are saved.');
    expect(after).toMatch(/name="nameOnCertificate" value="yes" checked/);

    const issued = await api.settledApproval(approvalId, 60_000);
    expect(issued).toMatchObject({ status: 'issued', certificate: { delivery: 'sent' } });
    const subjects = (await mailsTo('zanele')).map((mail) => mail.subject);
    expect(subjects.filter((subject) => /one choice needed/.test(subject))).toHaveLength(1);
    expect(subjects.filter((subject) => /^Your SayPro certificate: /.test(subject))).toHaveLength(1);

    // Verifiers do not see the name: the participant said no to that.
    const publicView = await api.request('GET', `/certificates/${issued.certificate.number}`);
    expect(publicView.text).not.toContain('Zanele zanele');

    // Saving the same choices again records nothing and issues nothing.
    await fetch(`${stack.url}${page}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'nameOnCertificate=yes&nameToVerifiers=no&surveysAndReminders=no',
      redirect: 'manual',
    });
    const consent = await api.request('GET', '/operator/participants/zanele/consent');
    expect(consent.json.history).toHaveLength(3);
    expect(consent.json.history[0]).toMatchObject({
      channel: 'participant-page',
      policyVersion: expect.any(String),
    });
    expect(consent.json.current['name-on-certificate']).toMatchObject({ granted: true });
  });

  it('issues at once for a participant whose consent staff entered from the enrolment form', async () => {
    await register('themba', {
      consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'registrar@saypro.online' },
    });
    const approvalId = await approve('themba');
    expect((await api.settledApproval(approvalId, 60_000)).status).toBe('issued');
    expect((await mailsTo('themba')).map((mail) => mail.subject)).not.toContainEqual(
      expect.stringMatching(/one choice needed/),
    );
  });

  it('resumes when staff record consent given on paper, through the CLI', async () => {
    await register('sipho');
    const approvalId = await approve('sipho');
    expect((await api.settledApproval(approvalId, 60_000)).status).toBe('awaiting_consent');
    const recorded = await certs(
      'participant',
      'consent',
      'sipho',
      '--name-on-certificate',
      'yes',
      '--by',
      'registrar@saypro.online',
    );
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('Recorded for sipho: name-on-certificate yes.');
    expect(recorded.stdout).toContain('1 approval(s) that waited for this consent are being issued now.');
    expect((await api.settledApproval(approvalId, 60_000)).status).toBe('issued');

    const shown = await certs('participant', 'consent', 'sipho');
    expect(JSON.parse(shown.stdout).history[0]).toMatchObject({
      purpose: 'name-on-certificate',
      granted: true,
      channel: 'paper-form',
      recordedBy: 'registrar@saypro.online',
    });
    const refused = await certs('participant', 'consent', 'sipho', '--surveys', 'perhaps', '--by', 'x');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--surveys must be yes or no');
    const unnamed = await api.request('PUT', '/operator/participants/sipho/consent', {
      surveysAndReminders: true,
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.issues).toContainEqual(expect.objectContaining({ field: 'recordedBy' }));
  });
});

describe('the logs', () => {
  it('hold no name or email address of anyone, also when issuing fails', async () => {
    // A name the certificate refuses fails the approval in the workflow: the failure is logged.
    await register('lindiwe', {
      consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'registrar@saypro.online' },
    });
    // Staff's API refuses such a name; written directly, as an older record might hold it.
    await stack.deps.participants.putParticipant({
      ...(await stack.deps.participants.getParticipant('lindiwe'))!,
      fullName: '🎓🎓',
    });
    const approvalId = await approve('lindiwe');
    expect((await api.settledApproval(approvalId, 60_000)).status).toBe('failed');
    // A refused registration names the field, not the value, in its logs.
    expect(
      (
        await api.request('PUT', '/operator/participants/bad-address', {
          fullName: 'Bad Address',
          email: 'not-an-address-secret',
        })
      ).status,
    ).toBe(400);
    await api.request('POST', '/operator/participants/zanele/export', { requestedBy: 'dpo@saypro.online' });

    const everything = logged.join('\n');
    // Each request is logged by its route's template: the page's route, never its token.
    expect(everything).toContain('"resource":"/me/{token}"');
    expect(everything).toContain('"resource":"/operator/participants/{participantId}/export"');
    expect(everything).not.toMatch(/\/me\/[A-Za-z0-9_-]{43}/);
    for (const secret of [
      ...['zanele', 'themba', 'sipho', 'lindiwe'].flatMap((id) => [`${id}@example.org`, `Zanele ${id}`]),
      '🎓🎓',
      'not-an-address-secret',
    ])
      expect(everything, secret).not.toContain(secret);
  });
});
