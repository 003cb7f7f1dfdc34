import type { BulkJobRunner, BulkJobStore } from '../../functions/core/ports.js';
import {
  type BulkJob,
  type BulkJobRow,
  FINISHED_ROW_STATUSES,
} from '../../functions/core/use-cases/bulk-issuance.js';

const clone = <T>(value: T): T => structuredClone(value);
const FINISHED = new Set<string>(FINISHED_ROW_STATUSES);

/**
 * Bulk jobs in memory, with the adapter's put-if-absent and conditional row moves (the counts move with
 * their row); a runner that records what it was asked to start, each job once.
 */
export function inMemoryBulkJobs() {
  const jobs = new Map<string, BulkJob>();
  const rows = new Map<string, BulkJobRow>();
  const pointers = new Map<string, { jobId: string; row: number }[]>();
  const started: { jobId: string; csvKey: string }[] = [];
  const rowKey = (jobId: string, row: number) => `${jobId}#${row}`;

  const store: BulkJobStore = {
    createJob: async (job) => {
      if (jobs.has(job.jobId)) return false;
      jobs.set(job.jobId, clone(job));
      return true;
    },
    getJob: async (jobId) => clone(jobs.get(jobId)),
    recordRow: async (row) => {
      const job = jobs.get(row.jobId);
      if (!job) throw new Error('ConditionalCheckFailedException: no such job');
      if (rows.has(rowKey(row.jobId, row.row))) return false;
      rows.set(rowKey(row.jobId, row.row), clone(row));
      pointers.set(row.approvalId, [
        ...(pointers.get(row.approvalId) ?? []),
        { jobId: row.jobId, row: row.row },
      ]);
      job.recorded += 1;
      return true;
    },
    getRow: async (jobId, row) => clone(rows.get(rowKey(jobId, row))),
    moveRow: async (jobId, row, move) => {
      const found = rows.get(rowKey(jobId, row));
      const job = jobs.get(jobId);
      if (!found || !job || found.status !== move.from) return false;
      found.status = move.to;
      if (move.reason) found.reason = move.reason;
      else delete found.reason;
      if (FINISHED.has(move.to)) job.counts[move.to as keyof BulkJob['counts']] += 1;
      if (FINISHED.has(move.from)) job.counts[move.from as keyof BulkJob['counts']] -= 1;
      return true;
    },
    listRowsOfApproval: async (approvalId) => clone(pointers.get(approvalId) ?? []),
  };
  const runner: BulkJobRunner = {
    start: async (job) => {
      if (started.some((entry) => entry.jobId === job.jobId)) return { started: false };
      started.push(clone(job));
      return { started: true };
    },
  };
  return { store, runner, jobs, rows, started };
}
