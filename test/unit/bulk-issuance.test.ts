import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/core/errors.js';
import type { Course } from '../../functions/core/model.js';
import {
  bulkJobIdFor,
  bulkRowFromItem,
  bulkRowsToCsv,
  MAX_BULK_ROWS,
  parseBulkCsv,
  processBulkRow,
  readBulkJob,
  submitBulkJob,
} from '../../functions/core/use-cases/bulk-issuance.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { notifyNotEligible } from '../../functions/core/use-cases/notify-not-eligible.js';
import { recordProgress } from '../../functions/core/use-cases/programme-setup.js';
import { approvalIdFor } from '../../functions/core/use-cases/record-approval.js';
import { recordFailure } from '../../functions/core/use-cases/record-failure.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

const course: Course = {
  courseId: 'bulk-101',
  title: 'Workplace Readiness',
  description: '',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 14 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training' },
};
const HEADER = 'participantId,courseId,approvedBy,attempt,name,email,consentNameOnCertificate';
const encode = (text: string) => new TextEncoder().encode(text);

function world() {
  const test = inMemoryDeps();
  test.state.courses.set(course.courseId, course);
  return test;
}

/** Feeds every row of a job to processBulkRow, as the runner does, from the job's own copy of its rows. */
async function runJob(test: ReturnType<typeof world>, jobId: string) {
  const job = (await test.deps.bulkJobs.getJob(jobId))!;
  const csv = new TextDecoder().decode(test.state.documents.get(job.csvKey)!);
  const [header, ...lines] = csv.trim().split('\n');
  const names = header!.split(',');
  for (const line of lines) {
    const values = line.split(',').map((value) => value.replace(/^"|"$/g, '').replaceAll('""', '"'));
    await processBulkRow(
      test.deps,
      jobId,
      bulkRowFromItem(Object.fromEntries(names.map((n, i) => [n, values[i]]))),
    );
  }
}

describe('parseBulkCsv', () => {
  it('reads good rows with their spreadsheet row numbers, attempt defaulting to 1', () => {
    const { rows, problems } = parseBulkCsv(
      `${HEADER}\np1,bulk-101,staff@saypro.online,2,Ayanda Dube,ayanda@example.org,yes\n\np2,bulk-101,Staff,,,,\n`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        participantId: 'p1',
        courseId: 'bulk-101',
        approvedBy: 'staff@saypro.online',
        attempt: 2,
        participant: {
          fullName: 'Ayanda Dube',
          email: 'ayanda@example.org',
          consent: { nameOnCertificate: true },
        },
      },
      // The blank line is skipped; spreadsheet numbering follows the records.
      { row: 3, participantId: 'p2', courseId: 'bulk-101', approvedBy: 'Staff', attempt: 1 },
    ]);
  });

  it('matches the header case-insensitively and accepts a UTF-8 BOM and quoted commas', () => {
    const { rows } = parseBulkCsv(
      '\uFEFFParticipantID,COURSEID,approvedby,contentRef\np1,bulk-101,"Dube, A.","lms:42"\n',
    );
    expect(rows[0]).toMatchObject({ approvedBy: 'Dube, A.', contentRef: 'lms:42' });
  });

  it('names each bad row and field, reusing the approval and participant rules', () => {
    const { rows, problems, badRows } = parseBulkCsv(
      [
        HEADER,
        'p1,bulk-101,staff,0,Ayanda Dube,ayanda@example.org,yes',
        'bad id!,bulk-101,,1,,,',
        'p3,bulk-101,staff,1,Sipho,not-an-address,sure',
        'p4,bulk-101,staff,1,,,yes',
        'p5,bulk-101,staff,x,,,',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(badRows).toBe(5);
    expect(problems).toEqual([
      { row: 2, field: 'attempt', message: expect.stringMatching(/>=1|at least|too small/i) },
      {
        row: 3,
        field: 'participantId',
        message: 'may contain only letters, digits, dot, underscore, colon and dash',
      },
      { row: 3, field: 'approvedBy', message: 'is required' },
      { row: 4, field: 'consentNameOnCertificate', message: 'must be yes or no (or empty)' },
      { row: 4, field: 'email', message: 'must be an email address' },
      { row: 5, field: 'name', message: 'is required with consent columns (with email)' },
      { row: 6, field: 'attempt', message: 'must be a whole number from 1 to 1000' },
    ]);
  });

  it('reports the same completion twice in one file as a bad row', () => {
    const { rows, problems } = parseBulkCsv(
      `${HEADER}\np1,bulk-101,a,1,,,\np1,bulk-101,b,1,,,\np1,bulk-101,c,2,,,\n`,
    );
    expect(rows.map((row) => row.row)).toEqual([2, 4]);
    expect(problems).toEqual([
      { row: 3, field: 'participantId', message: 'repeats row 2 (same participant, course and attempt)' },
    ]);
  });

  it.each([
    ['an unknown column', 'participantId,courseId,approvedBy,grade\np,c,a,A\n', /unknown column "grade"/],
    ['a missing required column', 'participantId,courseId\np,c\n', /no approvedBy column/],
    ['a column named twice', 'participantId,courseId,approvedBy,courseid\np,c,a,c\n', /"courseId" twice/],
    ['a ragged row', `${HEADER}\np1,bulk-101\n`, /not valid CSV \(line 2\)/],
    ['an unclosed quote', 'participantId,courseId,approvedBy\n"p1,c,a\n', /not valid CSV/],
    ['no rows', `${HEADER}\n`, /no rows/],
  ])('refuses a file with %s whole', (_what, text, message) => {
    expect(() => parseBulkCsv(text)).toThrow(message);
    try {
      parseBulkCsv(text);
    } catch (error) {
      expect((error as ValidationError).issues[0]!.field).toBe('(file)');
    }
  });

  it(`refuses more than ${MAX_BULK_ROWS} rows`, () => {
    const text = `participantId,courseId,approvedBy\n${'p,c,a\n'.repeat(MAX_BULK_ROWS + 1)}`;
    expect(() => parseBulkCsv(text)).toThrow(/at most 100000/);
  });

  it("round-trips through the job's own CSV and the runner's string items", () => {
    const { rows } = parseBulkCsv(
      `${HEADER},contentRef\np1,bulk-101,"O""Brien, K.",3,Ayanda Dube,ayanda@example.org,no,x\n`,
    );
    const [header, line] = bulkRowsToCsv(rows).trim().split('\n');
    expect(header).toBe(
      'row,participantId,courseId,approvedBy,attempt,contentRef,name,email,consentNameOnCertificate,consentNameToVerifiers,consentSurveysAndReminders',
    );
    expect(line).toContain('"O""Brien, K."');
    const item = {
      row: '2',
      participantId: 'p1',
      courseId: 'bulk-101',
      approvedBy: 'O"Brien, K.',
      attempt: '3',
      contentRef: 'x',
      name: 'Ayanda Dube',
      email: 'ayanda@example.org',
      consentNameOnCertificate: 'no',
      consentNameToVerifiers: '',
      consentSurveysAndReminders: '',
    };
    expect(bulkRowFromItem(item)).toEqual(rows[0]);
    expect(() => bulkRowFromItem({ ...item, row: 'x' })).toThrow(ValidationError);
    expect(() => bulkRowFromItem({ ...item, email: 'nope' })).toThrow(/email must be an email address/);
  });
});

describe('submitBulkJob', () => {
  const file = `${HEADER}\np1,bulk-101,staff,1,Ayanda Dube,ayanda@example.org,yes\np2,bulk-101,staff,1,Sipho Khumalo,sipho@example.org,yes\n`;

  it('names the job by the file digest, stores its rows and starts it once', async () => {
    const test = world();
    const first = await submitBulkJob(test.deps, { csv: encode(file) });
    expect(first.created).toBe(true);
    expect(first.job).toMatchObject({
      total: 2,
      recorded: 0,
      state: 'running',
      counts: { queued: 2, issued: 0 },
    });
    expect(first.job.jobId).toBe(bulkJobIdFor(first.job.sha256Hex));
    expect(test.state.bulkJobs.started).toEqual([
      { jobId: first.job.jobId, csvKey: `bulk-jobs/${first.job.jobId}/rows.csv` },
    ]);

    const again = await submitBulkJob(test.deps, { csv: encode(file) });
    expect(again).toMatchObject({ created: false, job: { jobId: first.job.jobId } });
    const other = await submitBulkJob(test.deps, { csv: encode(`${file}p3,bulk-101,staff,1,,,\n`) });
    expect(other.job.jobId).not.toBe(first.job.jobId);
  });

  it('starts nothing when any row is bad, unless skipInvalid, then keeps the bad rows on the job', async () => {
    const test = world();
    const bad = `${file}p3,unknown-course,staff,1,,,\np4,bulk-101,staff,1,X,bad,\n`;
    const refused = await submitBulkJob(test.deps, { csv: encode(bad) }).catch((error) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.message).toMatch(/2 invalid rows; nothing was started/);
    expect(refused.issues).toEqual([
      { field: 'row 4.courseId', message: 'names unknown course "unknown-course"' },
      { field: 'row 5.email', message: 'must be an email address' },
    ]);
    expect(test.state.bulkJobs.jobs.size).toBe(0);
    expect(test.state.documents.size).toBe(0);

    const skipped = await submitBulkJob(test.deps, { csv: encode(bad), skipInvalid: true });
    expect(skipped.job).toMatchObject({ total: 2, skippedRows: 2 });
    expect(skipped.job.skipped.map((problem) => problem.row)).toEqual([4, 5]);
  });

  it('refuses a file that is not UTF-8 whole', async () => {
    const latin1 = Uint8Array.from([
      ...encode(`${HEADER}\np1,bulk-101,staff,1,Ren`),
      0xe9,
      ...encode(',r@example.org,yes\n'),
    ]);
    await expect(submitBulkJob(world().deps, { csv: latin1 })).rejects.toThrow(/not UTF-8/);
  });

  it('refuses a file with no good rows even with skipInvalid', async () => {
    const test = world();
    await expect(
      submitBulkJob(test.deps, { csv: encode(`${HEADER}\np1,nope,staff,1,,,\n`), skipInvalid: true }),
    ).rejects.toThrow(/no valid rows/);
  });

  it('starts a job again when sent again before every row was recorded (a crash mid-run)', async () => {
    const test = world();
    const { job } = await submitBulkJob(test.deps, { csv: encode(file) });
    test.state.bulkJobs.started.length = 0;
    await submitBulkJob(test.deps, { csv: encode(file) });
    expect(test.state.bulkJobs.started).toHaveLength(1);
    await runJob(test, job.jobId);
    test.state.bulkJobs.started.length = 0;
    await submitBulkJob(test.deps, { csv: encode(file) });
    expect(test.state.bulkJobs.started).toHaveLength(0);
  });
});

describe('a job running', () => {
  const file = [
    HEADER,
    'p1,bulk-101,staff,1,Ayanda Dube,ayanda@example.org,yes',
    'p2,bulk-101,staff,1,Sipho Khumalo,sipho@example.org,yes',
    'ghost,bulk-101,staff,1,,,',
  ].join('\n');

  it('counts each row as its approval moves, once however often a step is replayed', async () => {
    const test = world();
    const { job } = await submitBulkJob(test.deps, { csv: encode(file) });
    await runJob(test, job.jobId);
    // The participants came from the file, consent to the name included.
    expect(test.state.participants.get('p1')).toMatchObject({ fullName: 'Ayanda Dube' });
    expect(test.state.participants.get('p1')!.consents?.['name-on-certificate']?.granted).toBe(true);

    let view = await readBulkJob(test.deps, job.jobId);
    // "ghost" is not a participant: its approval is kept as rejected, as POST /approvals does.
    expect(view).toMatchObject({ recorded: 3, state: 'running', counts: { queued: 2, rejected: 1 } });

    const p1 = approvalIdFor('p1', 'bulk-101', 1);
    const p2 = approvalIdFor('p2', 'bulk-101', 1);
    await issueCertificate(test.deps, p1);
    await issueCertificate(test.deps, p1);
    const reasons = [{ code: 'NO_PROGRESS_RECORDED' as const, message: 'No progress is recorded yet.' }];
    await notifyNotEligible(test.deps, { approvalId: p2, reasons });
    await notifyNotEligible(test.deps, { approvalId: p2, reasons });
    view = await readBulkJob(test.deps, job.jobId);
    expect(view).toMatchObject({
      state: 'done',
      counts: { queued: 0, issued: 1, not_eligible: 1, awaiting_consent: 0, failed: 0, rejected: 1 },
    });

    // Progress recorded later sends the not-eligible one back (queued), and it can then fail or issue.
    await recordProgress(test.deps, { participantId: 'p2', courseId: 'bulk-101' }, {});
    expect((await readBulkJob(test.deps, job.jobId)).counts).toMatchObject({ queued: 1, not_eligible: 0 });
    await recordFailure(test.deps, { approvalId: p2, error: { Error: 'TransientError' } });
    expect((await readBulkJob(test.deps, job.jobId)).counts).toMatchObject({ queued: 0, failed: 1 });
  });

  it('replays a whole job as a no-op: no second approval, no second count', async () => {
    const test = world();
    const { job } = await submitBulkJob(test.deps, { csv: encode(file) });
    await runJob(test, job.jobId);
    await runJob(test, job.jobId);
    const view = await readBulkJob(test.deps, job.jobId);
    expect(view.recorded).toBe(3);
    expect(view.counts).toMatchObject({ queued: 2, rejected: 1 });
    expect([...test.state.approvals.values()].filter((a) => a.status === 'received')).toHaveLength(2);
  });

  it('counts a row whose completion was approved before as it stands, and issues nothing new', async () => {
    const test = world();
    const { job: first } = await submitBulkJob(test.deps, { csv: encode(file) });
    await runJob(test, first.jobId);
    await issueCertificate(test.deps, approvalIdFor('p1', 'bulk-101', 1));
    // Another file naming p1 again (a different digest: a different job).
    const { job: second } = await submitBulkJob(test.deps, {
      csv: encode(`${HEADER}\np1,bulk-101,someone else,1,,,\n`),
    });
    await runJob(test, second.jobId);
    expect((await readBulkJob(test.deps, second.jobId)).counts).toMatchObject({ queued: 0, issued: 1 });
    expect(test.state.certificates.size).toBe(1);
  });

  it('answers 404 for an unknown job', async () => {
    await expect(readBulkJob(world().deps, 'bulk-nope')).rejects.toThrow(/does not exist/);
  });
});
