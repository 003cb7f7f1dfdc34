import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { NotFoundError, ParticipantErasedError, ValidationError, type ValidationIssue } from '../errors.js';
import type { ApprovalStatus } from '../model.js';
import type { ApprovalStore, Deps } from '../ports.js';
import { approvalRequestSchema, parseInput, participantSchema } from '../schemas.js';
import type { ConsentDeps } from './consent.js';
import { registerParticipant } from './programme-setup.js';
import { approvalIdFor, recordApproval } from './record-approval.js';

/**
 * Bulk issuance from a CSV of approvals (docs/bulk-issuance.md). A file is validated whole, becomes a job
 * named by its content's digest, and each row is recorded as an ordinary approval (same id rules, same
 * workflow), so a file sent twice is one job and a row replayed issues nothing twice.
 */

/** The columns a bulk file may have, as its header row names them (matched case-insensitively). */
export const BULK_CSV_COLUMNS = {
  required: ['participantId', 'courseId', 'approvedBy'],
  optional: [
    'attempt',
    'contentRef',
    'name',
    'email',
    'consentNameOnCertificate',
    'consentNameToVerifiers',
    'consentSurveysAndReminders',
  ],
} as const;
type ColumnName = (typeof BULK_CSV_COLUMNS.required)[number] | (typeof BULK_CSV_COLUMNS.optional)[number];
const ALL_COLUMNS: readonly ColumnName[] = [...BULK_CSV_COLUMNS.required, ...BULK_CSV_COLUMNS.optional];

/** What one run may hold: the Distributed Map reads far more, but the upload goes through the 10 MB API limit. */
export const MAX_BULK_ROWS = 100_000;
/** How many bad rows a report names; a file with more is reported by count beyond these. */
export const MAX_REPORTED_PROBLEMS = 1_000;

/** One good row, ready to be recorded: its row number as a spreadsheet shows it (the header is row 1). */
export interface BulkRow {
  row: number;
  participantId: string;
  courseId: string;
  approvedBy: string;
  attempt: number;
  contentRef?: string;
  /** Present when the row creates or updates the participant. */
  participant?: {
    fullName: string;
    email: string;
    consent?: { nameOnCertificate?: boolean; nameToVerifiers?: boolean; surveysAndReminders?: boolean };
  };
}

export interface BulkRowProblem {
  row: number;
  field: string;
  message: string;
}

/** Where a row of a job stands; each approval status maps to one of these. */
export type BulkRowStatus = 'queued' | 'issued' | 'not_eligible' | 'awaiting_consent' | 'failed' | 'rejected';
/** The statuses that end a row's part in the job (a later change, say not eligible → issued, still counts). */
export const FINISHED_ROW_STATUSES = [
  'issued',
  'not_eligible',
  'awaiting_consent',
  'failed',
  'rejected',
] as const satisfies readonly BulkRowStatus[];
export type FinishedRowStatus = (typeof FINISHED_ROW_STATUSES)[number];

export interface BulkJob {
  jobId: string;
  /** SHA-256 (hex) of the file as uploaded. */
  sha256Hex: string;
  createdAt: string;
  submittedBy: string;
  /** Rows the job runs (the good rows). */
  total: number;
  /** Rows recorded so far (each once, however often it is replayed). */
  recorded: number;
  /** Rows per finished status; queued is what is left of `total`. */
  counts: Record<FinishedRowStatus, number>;
  /** Rows left out because they were invalid (only with skipInvalid), the first MAX_REPORTED_PROBLEMS. */
  skipped: BulkRowProblem[];
  skippedRows: number;
  /** Where the job's rows (normalised CSV) are kept for the runner. */
  csvKey: string;
}

/** One row as the job keeps it: which approval it became, and where that stands. */
export interface BulkJobRow {
  jobId: string;
  row: number;
  approvalId: string;
  status: BulkRowStatus;
  /** Why the row was rejected (an unknown participant or course, an erased participant). */
  reason?: string;
}

const CONSENT_COLUMNS = {
  consentNameOnCertificate: 'nameOnCertificate',
  consentNameToVerifiers: 'nameToVerifiers',
  consentSurveysAndReminders: 'surveysAndReminders',
} as const;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** The job of a file: its content's digest, so the same bytes sent again name the same job. */
export const bulkJobIdFor = (sha256Hex: string) => `bulk-${sha256Hex.slice(0, 32)}`;
export const bulkCsvKeyOf = (jobId: string) => `bulk-jobs/${jobId}/rows.csv`;

export function approvalStatusToRowStatus(status: ApprovalStatus): BulkRowStatus {
  if (status === 'received' || status === 'processing') return 'queued';
  return status;
}

/**
 * Reads a bulk CSV and checks every row, returning the good rows and a problem per bad field.
 * A file that is not CSV, has no header row, lacks a required column, names an unknown one or holds more
 * than MAX_BULK_ROWS rows is refused whole (ValidationError).
 */
export function parseBulkCsv(text: string): { rows: BulkRow[]; problems: BulkRowProblem[]; badRows: number } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      columns: (header: string[]) => columnsOf(header),
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const where = error instanceof CsvError && error.lines ? ` (line ${error.lines})` : '';
    throw malformed(`is not valid CSV${where}: ${(error as Error).message}`);
  }
  if (records.length === 0) throw malformed('has a header row but no rows');
  if (records.length > MAX_BULK_ROWS)
    throw malformed(`has ${records.length} rows; one file may hold at most ${MAX_BULK_ROWS}`);

  const rows: BulkRow[] = [];
  const problems: BulkRowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  let badRows = 0;
  records.forEach((record, index) => {
    const row = index + 2;
    const checked = checkRow(record, row);
    if ('problems' in checked) {
      badRows += 1;
      problems.push(...checked.problems);
      return;
    }
    // The same completion twice in one file is a mistake in the file, not a second certificate.
    const completion = `${checked.participantId}\u0000${checked.courseId}\u0000${checked.attempt}`;
    const first = firstRowOf.get(completion);
    if (first !== undefined) {
      badRows += 1;
      problems.push({
        row,
        field: 'participantId',
        message: `repeats row ${first} (same participant, course and attempt)`,
      });
      return;
    }
    firstRowOf.set(completion, row);
    rows.push(checked);
  });
  return { rows, problems, badRows };
}

function columnsOf(header: string[]): string[] {
  const byLowerCase = new Map(ALL_COLUMNS.map((name) => [name.toLowerCase(), name]));
  const seen = new Set<string>();
  const columns = header.map((raw) => {
    const name = byLowerCase.get(raw.trim().toLowerCase());
    if (!name)
      throw malformed(`names an unknown column "${raw.trim()}" (columns: ${ALL_COLUMNS.join(', ')})`);
    if (seen.has(name)) throw malformed(`names the column "${name}" twice`);
    seen.add(name);
    return name;
  });
  const missing = BULK_CSV_COLUMNS.required.filter((name) => !seen.has(name));
  if (missing.length > 0)
    throw malformed(`has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} in its header row`);
  return columns;
}

const malformed = (message: string) =>
  new ValidationError(`The CSV file ${message}`, [{ field: '(file)', message }]);

/** One record as it came from the file (strings, maybe absent) checked with the approval and participant schemas. */
function checkRow(
  record: Record<string, string | undefined>,
  row: number,
): BulkRow | { problems: BulkRowProblem[] } {
  const value = (name: ColumnName) => {
    const given = record[name]?.trim();
    return given ? given : undefined;
  };
  const problems: BulkRowProblem[] = [];
  const collect = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) problems.push({ row, field: issue.field, message: issue.message });
      return undefined;
    }
  };

  const attemptText = value('attempt');
  if (attemptText !== undefined && !/^\d+$/.test(attemptText))
    problems.push({ row, field: 'attempt', message: 'must be a whole number from 1 to 1000' });
  const approval = collect(() =>
    parseInput(
      approvalRequestSchema,
      {
        participantId: value('participantId') ?? '',
        courseId: value('courseId') ?? '',
        approvedBy: value('approvedBy') ?? '',
        ...(attemptText !== undefined && /^\d+$/.test(attemptText) ? { attempt: Number(attemptText) } : {}),
        ...(value('contentRef') ? { contentRef: value('contentRef') } : {}),
      },
      'row',
    ),
  );

  const consent: Record<string, boolean> = {};
  for (const [column, field] of Object.entries(CONSENT_COLUMNS)) {
    const given = value(column as ColumnName)?.toLowerCase();
    if (given === undefined) continue;
    if (YES.has(given)) consent[field] = true;
    else if (NO.has(given)) consent[field] = false;
    else problems.push({ row, field: column, message: 'must be yes or no (or empty)' });
  }
  const name = value('name');
  const email = value('email');
  let participant: BulkRow['participant'];
  if (name !== undefined || email !== undefined) {
    const parsed = collect(() =>
      parseInput(
        participantSchema,
        { participantId: value('participantId') ?? '', fullName: name ?? '', email: email ?? '' },
        'row',
      ),
    );
    if (parsed)
      participant = {
        fullName: parsed.fullName,
        email: parsed.email,
        ...(Object.keys(consent).length > 0 ? { consent } : {}),
      };
  } else if (Object.keys(consent).length > 0) {
    problems.push({ row, field: 'name', message: 'is required with consent columns (with email)' });
  }
  // The approval's and the participant's checks both name participantId: say it once.
  const unique = problems.filter(
    (problem, index) => problems.findIndex((other) => other.field === problem.field) === index,
  );
  if (unique.length > 0 || !approval) return { problems: unique.map((problem) => renameField(problem)) };
  return {
    row,
    participantId: approval.participantId,
    courseId: approval.courseId,
    approvedBy: approval.approvedBy,
    attempt: approval.attempt,
    ...(approval.contentRef ? { contentRef: approval.contentRef } : {}),
    ...(participant ? { participant } : {}),
  };
}

/** The participant schema's `fullName` is the file's `name` column. */
const renameField = (problem: BulkRowProblem): BulkRowProblem =>
  problem.field === 'fullName' ? { ...problem, field: 'name' } : problem;

/** The issues of a refused file, one per bad field, named `row <n>.<column>`. */
export function problemsAsIssues(problems: BulkRowProblem[]): ValidationIssue[] {
  return problems.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => ({
    field: `row ${problem.row}.${problem.field}`,
    message: problem.message,
  }));
}

/** The job's own copy of its rows: the canonical header, the row number first, every value quoted. */
export function bulkRowsToCsv(rows: BulkRow[]): string {
  const header = ['row', ...ALL_COLUMNS];
  const quote = (value: unknown) => (value === undefined ? '' : `"${String(value).replaceAll('"', '""')}"`);
  const yesNo = (flag: boolean | undefined) => (flag === undefined ? undefined : flag ? 'yes' : 'no');
  const lines = rows.map((row) =>
    [
      row.row,
      row.participantId,
      row.courseId,
      row.approvedBy,
      row.attempt,
      row.contentRef,
      row.participant?.fullName,
      row.participant?.email,
      yesNo(row.participant?.consent?.nameOnCertificate),
      yesNo(row.participant?.consent?.nameToVerifiers),
      yesNo(row.participant?.consent?.surveysAndReminders),
    ]
      .map(quote)
      .join(','),
  );
  return `${header.join(',')}\n${lines.join('\n')}\n`;
}

/**
 * One row of the job's copy as the runner hands it over (the Distributed Map's CSV reader gives every
 * column as a string): checked again, since it crossed a process boundary.
 */
export function bulkRowFromItem(item: Record<string, unknown>): BulkRow {
  const record = Object.fromEntries(
    Object.entries(item).map(([key, value]) => [
      key,
      value === undefined || value === null ? '' : String(value),
    ]),
  );
  const row = Number(record.row);
  if (!Number.isInteger(row) || row < 2)
    throw new ValidationError('A bulk row must carry its row number', [
      { field: 'row', message: 'must be a whole number from 2' },
    ]);
  const checked = checkRow(record, row);
  if ('problems' in checked)
    throw new ValidationError(
      `Bulk row ${row} is invalid: ${checked.problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
      checked.problems.map(({ field, message }) => ({ field, message })),
    );
  return checked;
}

export type BulkDeps = Pick<Deps, 'bulkJobs' | 'bulkRunner' | 'documents' | 'clock' | 'courses'>;

/** What staff see of a job: its counts, whether it is done, what was left out. */
export interface BulkJobView {
  jobId: string;
  sha256Hex: string;
  createdAt: string;
  submittedBy: string;
  state: 'running' | 'done';
  total: number;
  recorded: number;
  counts: { queued: number } & Record<FinishedRowStatus, number>;
  skippedRows: number;
  skipped: BulkRowProblem[];
}

export function viewOf(job: BulkJob): BulkJobView {
  const finished = FINISHED_ROW_STATUSES.reduce((sum, status) => sum + job.counts[status], 0);
  const queued = Math.max(0, job.total - finished);
  return {
    jobId: job.jobId,
    sha256Hex: job.sha256Hex,
    createdAt: job.createdAt,
    submittedBy: job.submittedBy,
    state: queued === 0 && job.recorded >= job.total ? 'done' : 'running',
    total: job.total,
    recorded: job.recorded,
    counts: { queued, ...job.counts },
    skippedRows: job.skippedRows,
    skipped: job.skipped,
  };
}

/**
 * Starts a bulk job from an uploaded CSV.
 *
 * 1. Name the job by the file's SHA-256: a job of that name already there is returned as it is (and
 *    started again if it had not recorded every row, say after a crash): nothing is issued twice.
 * 2. Parse and check every row (csv-parse, then the approval and participant schemas). A malformed file
 *    is refused whole; bad rows refuse the file with a report naming each row and field, unless
 *    `skipInvalid`, when only the good rows run and the bad ones are kept on the job.
 * 3. Check that every course named exists (a handful of reads), so a typo in a course id is reported
 *    before anything starts rather than as thousands of rejected approvals.
 * 4. Store the job (put-if-absent) and its rows as a normalised CSV in the documents store, where the
 *    runner (AWS: a Distributed Map with an S3 CSV reader; locally: in-process) reads them.
 * 5. Start the runner, named by the job, so a second start is a no-op.
 */
export async function submitBulkJob(
  deps: BulkDeps,
  input: { csv: Uint8Array; skipInvalid?: boolean; submittedBy?: string },
): Promise<{ job: BulkJobView; created: boolean }> {
  const sha256Hex = createHash('sha256').update(input.csv).digest('hex');
  const jobId = bulkJobIdFor(sha256Hex);
  const existing = await deps.bulkJobs.getJob(jobId);
  if (existing) return { job: viewOf(await resumeIfUnfinished(deps, existing)), created: false };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.csv);
  } catch {
    // A spreadsheet saved as Latin-1 or UTF-16 would otherwise put mangled names on certificates.
    throw malformed('is not UTF-8 text (save it as "CSV UTF-8")');
  }
  const { rows, problems, badRows } = parseBulkCsv(text);
  const courseProblems = await unknownCourses(deps, rows);
  const allProblems = [...problems, ...courseProblems].sort((a, b) => a.row - b.row);
  const goodRows = rows.filter((row) => !courseProblems.some((problem) => problem.row === row.row));
  const skippedRows = badRows + new Set(courseProblems.map((problem) => problem.row)).size;
  if (allProblems.length > 0 && !input.skipInvalid) {
    throw new ValidationError(
      `The CSV file has ${skippedRows} invalid row${skippedRows === 1 ? '' : 's'}; nothing was started (fix them, or send it with skipInvalid to run only the good rows)`,
      problemsAsIssues(allProblems),
    );
  }
  if (goodRows.length === 0)
    throw new ValidationError(
      'The CSV file has no valid rows; nothing was started',
      problemsAsIssues(allProblems),
    );

  const job: BulkJob = {
    jobId,
    sha256Hex,
    createdAt: deps.clock.now().toISOString(),
    submittedBy: input.submittedBy ?? 'operator API',
    total: goodRows.length,
    recorded: 0,
    counts: { issued: 0, not_eligible: 0, awaiting_consent: 0, failed: 0, rejected: 0 },
    skipped: allProblems.slice(0, MAX_REPORTED_PROBLEMS),
    skippedRows,
    csvKey: bulkCsvKeyOf(jobId),
  };
  // Rows first: a job the runner can find always has its rows.
  await deps.documents.put(job.csvKey, new TextEncoder().encode(bulkRowsToCsv(goodRows)), 'text/csv');
  if (!(await deps.bulkJobs.createJob(job))) {
    // The same file sent twice at once: the other request created it.
    const raced = await deps.bulkJobs.getJob(jobId);
    return { job: viewOf(raced ?? job), created: false };
  }
  await deps.bulkRunner.start({ jobId, csvKey: job.csvKey });
  return { job: viewOf(job), created: true };
}

async function resumeIfUnfinished(deps: BulkDeps, job: BulkJob): Promise<BulkJob> {
  if (job.recorded < job.total) await deps.bulkRunner.start({ jobId: job.jobId, csvKey: job.csvKey });
  return job;
}

async function unknownCourses(deps: Pick<Deps, 'courses'>, rows: BulkRow[]): Promise<BulkRowProblem[]> {
  const courseIds = [...new Set(rows.map((row) => row.courseId))];
  const known = new Set(
    (await Promise.all(courseIds.map((id) => deps.courses.getCourse(id)))).flatMap((course) =>
      course ? [course.courseId] : [],
    ),
  );
  return rows
    .filter((row) => !known.has(row.courseId))
    .map((row) => ({ row: row.row, field: 'courseId', message: `names unknown course "${row.courseId}"` }));
}

export async function readBulkJob(deps: Pick<Deps, 'bulkJobs'>, jobId: string): Promise<BulkJobView> {
  const job = await deps.bulkJobs.getJob(jobId);
  if (!job) throw new NotFoundError(`bulk job ${jobId} does not exist`);
  return viewOf(job);
}

export type BulkRowDeps = Pick<
  Deps,
  'bulkJobs' | 'approvals' | 'participants' | 'courses' | 'clock' | 'random' | 'erasures'
> &
  ConsentDeps;

/**
 * Records one row of a job (what each Distributed Map item, or the local runner, does).
 *
 * 1. Note the row on the job, put-if-absent, under the approval id it becomes (derived from participant,
 *    course and attempt, as every approval's is), before the approval exists: the workflow's status
 *    changes then always find the row to count (trackBulkOutcomes).
 * 2. Create or update the participant when the row carries a name and email (with any consent given).
 * 3. Record the approval, as `POST /approvals` does; the approvals stream starts the issuance workflow.
 *    An approval already there (the file's rows sent before, or another source) is a no-op and counted
 *    as it stands; a rejected one (unknown participant) is counted as rejected.
 * Replaying a row changes nothing: each step is idempotent.
 */
export async function processBulkRow(deps: BulkRowDeps, jobId: string, row: BulkRow) {
  const approvalId = approvalIdFor(row.participantId, row.courseId, row.attempt);
  await deps.bulkJobs.recordRow({ jobId, row: row.row, approvalId, status: 'queued' });
  try {
    if (row.participant)
      await registerParticipant(deps, row.participantId, {
        fullName: row.participant.fullName,
        email: row.participant.email,
        ...(row.participant.consent
          ? {
              consent: {
                ...row.participant.consent,
                channel: 'registration',
                recordedBy: `bulk job ${jobId}`,
              },
            }
          : {}),
      });
    const result = await recordApproval(deps, {
      participantId: row.participantId,
      courseId: row.courseId,
      approvedBy: row.approvedBy,
      attempt: row.attempt,
      ...(row.contentRef ? { contentRef: row.contentRef } : {}),
    });
    if (result.outcome === 'rejected') {
      await settleRow(deps, jobId, row.row, 'rejected', result.reasons.join('; '));
      return { row: row.row, approvalId, outcome: 'rejected' as const };
    }
    if (result.outcome === 'duplicate')
      await settleRow(deps, jobId, row.row, approvalStatusToRowStatus(result.approval.status));
    return { row: row.row, approvalId, outcome: result.outcome };
  } catch (error) {
    if (!(error instanceof ParticipantErasedError)) throw error;
    await settleRow(deps, jobId, row.row, 'rejected', error.message);
    return { row: row.row, approvalId, outcome: 'rejected' as const };
  }
}

/**
 * Whether a row has finished its part in the job (issued, not eligible, awaiting consent, failed or
 * rejected): what each Distributed Map item waits for, so no more rows issue at once than the map runs.
 */
export async function isBulkRowFinished(deps: Pick<Deps, 'bulkJobs'>, jobId: string, row: number) {
  const found = await deps.bulkJobs.getRow(jobId, row);
  return { row, finished: found !== undefined && found.status !== 'queued' };
}

/** Moves one row to a status, with the job's counts, in conditional writes: a replay moves nothing. */
async function settleRow(
  deps: Pick<Deps, 'bulkJobs'>,
  jobId: string,
  row: number,
  to: BulkRowStatus,
  reason?: string,
) {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const current = await deps.bulkJobs.getRow(jobId, row);
    if (!current || current.status === to) return;
    if (await deps.bulkJobs.moveRow(jobId, row, { from: current.status, to, ...(reason ? { reason } : {}) }))
      return;
  }
}

/** Counts an approval's new status on every bulk row that became it (usually none: one key query). */
export async function noteApprovalStatus(
  deps: Pick<Deps, 'bulkJobs'>,
  approvalId: string,
  status: ApprovalStatus,
) {
  const rows = await deps.bulkJobs.listRowsOfApproval(approvalId);
  for (const { jobId, row } of rows) await settleRow(deps, jobId, row, approvalStatusToRowStatus(status));
}

/**
 * The approval store as the wiring hands it out: every status change it writes is also counted on the
 * bulk rows that became the approval. Here rather than in each workflow step, so that no step (issue,
 * not eligible, consent, failure, retry, progress re-assessment) can change a status without the job
 * seeing it. A count that fails makes the step fail, and the step's retry writes the status (and counts
 * it) again; counting is idempotent.
 */
export function trackBulkOutcomes(approvals: ApprovalStore, deps: Pick<Deps, 'bulkJobs'>): ApprovalStore {
  return {
    createApproval: (approval) => approvals.createApproval(approval),
    getApproval: (approvalId) => approvals.getApproval(approvalId),
    listApprovals: () => approvals.listApprovals(),
    listApprovalsInStatus: (status, options) => approvals.listApprovalsInStatus(status, options),
    listApprovalsAwaitingEmail: (options) => approvals.listApprovalsAwaitingEmail(options),
    listApprovalsOfCompletion: (participantId, courseId) =>
      approvals.listApprovalsOfCompletion(participantId, courseId),
    listApprovalsOfParticipant: (participantId) => approvals.listApprovalsOfParticipant(participantId),
    listApprovalsOfCourse: (courseId, options) => approvals.listApprovalsOfCourse(courseId, options),
    async updateApproval(approvalId, changes) {
      await approvals.updateApproval(approvalId, changes);
      if (changes.status) await noteApprovalStatus(deps, approvalId, changes.status);
    },
    async moveStatus(approvalId, move) {
      const moved = await approvals.moveStatus(approvalId, move);
      if (moved) await noteApprovalStatus(deps, approvalId, move.to);
      return moved;
    },
    async requeueForEvaluation(approvalId, updatedAt, from) {
      const evaluation = await approvals.requeueForEvaluation(approvalId, updatedAt, from);
      if (evaluation !== undefined) await noteApprovalStatus(deps, approvalId, 'received');
      return evaluation;
    },
  };
}
