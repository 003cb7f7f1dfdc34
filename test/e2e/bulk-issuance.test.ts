import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../functions/core/model.js';
import { bulkJobIdFor } from '../../functions/core/use-cases/bulk-issuance.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, certsCli, mailbox } from '../support/local-api.js';

/**
 * Bulk issuance on the local stack, as staff use it: a CSV uploaded through `certs bulk`, the job's
 * counts through the operator API, every row an ordinary approval issued by the real workflow.
 */
const ROWS = Number(process.env.BULK_E2E_ROWS ?? 1000);

const course: Course = {
  courseId: 'bulk-101',
  title: 'Workplace Readiness',
  description: 'Attendance-based: every participant with recorded progress qualifies.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 14 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

const idOf = (index: number) => `bulk-p${String(index).padStart(5, '0')}`;
const emailOf = (index: number) => `bulk.participant.${index}@example.org`;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;
const folder = mkdtempSync(join(tmpdir(), 'bulk-e2e-'));

const upload = (csv: string, query = '') =>
  api.request('POST', `/operator/bulk-jobs${query}`, csv, { 'content-type': 'text/csv' });

const mailTo = async (addresses: Set<string>) =>
  (await mailbox(stack)).filter((mail) => mail.destination.to.some((to) => addresses.has(to)));

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  certs = certsCli(stack);
  await api.putCourse(course);
  // The learning platform's progress, written straight to the store: the participants themselves come
  // from the CSV (its name, email and consent columns).
  let next = 1;
  const writeProgress = async () => {
    while (next <= ROWS + 10) {
      const index = next++;
      await stack.deps.progress.putProgress({
        participantId: idOf(index),
        courseId: course.courseId,
        completedModuleIds: [],
        quizScores: {},
        peerReviewPassed: false,
        completedAt: '2026-11-20T10:00:00.000Z',
      });
    }
  };
  await Promise.all(Array.from({ length: 16 }, writeProgress));
});

afterAll(async () => {
  await stack?.stop();
});

describe('a CSV with bad rows', () => {
  const badFile = [
    'participantId,courseId,approvedBy,attempt,name,email,consentNameOnCertificate',
    `${idOf(ROWS + 1)},${course.courseId},staff@saypro.online,1,Ayanda Dube,${emailOf(ROWS + 1)},yes`,
    `${idOf(ROWS + 2)},${course.courseId},staff@saypro.online,two,Sipho Khumalo,not-an-address,maybe`,
    `${idOf(ROWS + 3)},no-such-course,staff@saypro.online,1,Lerato Mokoena,${emailOf(ROWS + 3)},yes`,
    `${idOf(ROWS + 1)},${course.courseId},staff@saypro.online,1,Ayanda Dube,${emailOf(ROWS + 1)},yes`,
  ].join('\n');

  it('is refused whole with a report naming each bad row and field, and nothing starts', async () => {
    const answer = await upload(badFile);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/3 invalid rows; nothing was started/);
    expect(answer.json.issues).toEqual([
      { field: 'row 3.attempt', message: 'must be a whole number from 1 to 1000' },
      { field: 'row 3.consentNameOnCertificate', message: 'must be yes or no (or empty)' },
      { field: 'row 3.email', message: 'must be an email address' },
      { field: 'row 4.courseId', message: 'names unknown course "no-such-course"' },
      { field: 'row 5.participantId', message: 'repeats row 2 (same participant, course and attempt)' },
    ]);
    // Not even the good row ran: no participant, no approval.
    expect(await stack.deps.participants.getParticipant(idOf(ROWS + 1))).toBeUndefined();
    expect(await stack.deps.approvals.listApprovalsOfParticipant(idOf(ROWS + 1))).toEqual([]);
  });

  it('exits 1 from `certs bulk` with the same report', async () => {
    const file = join(folder, 'bad.csv');
    writeFileSync(file, badFile);
    const run = await certs('bulk', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('row 3.email: must be an email address');
    expect(run.stderr).toContain('row 4.courseId: names unknown course "no-such-course"');
  });

  it('runs only the good rows with skipInvalid, keeping the bad ones on the job', async () => {
    const answer = await upload(badFile, '?skipInvalid=true');
    expect(answer.status).toBe(202);
    expect(answer.json).toMatchObject({ total: 1, skippedRows: 3, duplicate: false });
    expect(answer.json.skipped).toHaveLength(5);
    const done = await settledJob(answer.json.jobId, 30_000);
    expect(done.counts).toMatchObject({ queued: 0, issued: 1, failed: 0, rejected: 0 });
    expect(await waitForMail(new Set([emailOf(ROWS + 1)]), 1)).toHaveLength(1);
  });

  it('refuses a malformed file, a body that is not CSV and an empty one', async () => {
    const unknownColumn = await upload('participantId,courseId,approvedBy,grade\nx,y,z,A\n');
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.json.issues[0]).toMatchObject({ field: '(file)' });
    expect(unknownColumn.json.error).toMatch(/unknown column "grade"/);
    const unclosed = await upload('participantId,courseId,approvedBy\n"x,y,z\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.json.error).toMatch(/not valid CSV/);
    const asJson = await api.request('POST', '/operator/bulk-jobs', { rows: [] });
    expect(asJson.status).toBe(415);
    const empty = await api.request('POST', '/operator/bulk-jobs', '', { 'content-type': 'text/csv' });
    expect(empty.status).toBe(400);
  });
});

describe(`a ${ROWS}-row CSV through \`certs bulk\``, () => {
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `${idOf(i + 1)},${course.courseId},staff@saypro.online,1,Participant ${i + 1},${emailOf(i + 1)},yes`,
  );
  const csv = `participantId,courseId,approvedBy,attempt,name,email,consentNameOnCertificate\n${rows.join('\n')}\n`;
  const addresses = new Set(Array.from({ length: ROWS }, (_, i) => emailOf(i + 1)));
  // The job is named by the file's content: known before it is sent.
  const jobId = bulkJobIdFor(createHash('sha256').update(csv).digest('hex'));

  it('issues every row, showing progress until done, with the counts right', async () => {
    const file = join(folder, 'cohort.csv');
    writeFileSync(file, csv);
    const started = Date.now();
    const run = await certs('bulk', file);
    const seconds = (Date.now() - started) / 1000;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Bulk job ${jobId} started: ${ROWS} row(s).`);
    // Not a terminal: plain progress lines with the rate and ETA, then the final counts.
    expect(run.stdout).toMatch(/\d+\/\d+ \d+% · [\d.]+\/s · ETA /);
    expect(run.stdout).toContain(
      `Done: queued 0, issued ${ROWS}, not eligible 0, awaiting consent 0, failed 0, rejected 0.`,
    );
    console.log(`[bulk e2e] ${ROWS} rows issued in ${seconds.toFixed(1)} s`);

    const job = (await api.request('GET', `/operator/bulk-jobs/${jobId}`)).json;
    expect(job).toMatchObject({ state: 'done', total: ROWS, recorded: ROWS });
    expect(job.counts).toEqual({
      queued: 0,
      issued: ROWS,
      not_eligible: 0,
      awaiting_consent: 0,
      failed: 0,
      rejected: 0,
    });
    // Every certificate email went out, one per participant.
    const mails = await waitForMail(addresses, ROWS);
    expect(new Set(mails.map((mail) => mail.destination.to[0])).size).toBe(ROWS);
    // About 2 certificates/s on this 2-core machine when other sessions' tests run, 7 or more when idle.
  }, 900_000);

  it('shows the counts with `certs bulk status`', async () => {
    const run = await certs('bulk', 'status', jobId);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Bulk job ${jobId}: done, ${ROWS} of ${ROWS} rows finished`);
    expect(run.stdout).toContain(`issued ${ROWS}, not eligible 0`);
  });

  it('treats the same file sent again as the same job: nothing issued twice, no extra email', async () => {
    const again = await upload(csv);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ jobId, duplicate: true, state: 'done' });
    // Give anything it might (wrongly) have started time to send.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await mailTo(addresses)).toHaveLength(ROWS);
    const job = (await api.request('GET', `/operator/bulk-jobs/${jobId}`)).json;
    expect(job.counts.issued).toBe(ROWS);
  });

  it('answers 404 for a job that does not exist', async () => {
    const missing = await api.request('GET', `/operator/bulk-jobs/bulk-${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
  });
});

async function settledJob(jobId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await api.request('GET', `/operator/bulk-jobs/${jobId}`);
    if (json?.state === 'done') return json;
    if (Date.now() > deadline) throw new Error(`bulk job ${jobId} did not finish: ${JSON.stringify(json)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The certificate emails go out after the approval says issued: wait for the last ones. */
async function waitForMail(addresses: Set<string>, expected: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mails = await mailTo(addresses);
    if (mails.length >= expected || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
