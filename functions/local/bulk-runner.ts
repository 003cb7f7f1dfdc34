import { parse } from 'csv-parse/sync';
import type { BulkJobRunner, BulkJobStore, DocumentStore } from '../core/ports.js';
import { viewOf } from '../core/use-cases/bulk-issuance.js';
import { type LambdaHandler, localLambdaContext } from './lambda-context.js';

export interface LocalBulkRunnerOptions {
  /** Where the job's rows are kept (the same bucket the Distributed Map reads in AWS). */
  documents: () => DocumentStore;
  /** The bulk-row function, the one each Distributed Map item invokes in AWS. */
  handler: () => LambdaHandler;
  /** The jobs' counts: the runner waits while too many of its rows are recorded but not finished. */
  bulkJobs: () => BulkJobStore;
  /** Rows being recorded at once (the Distributed Map's MaxConcurrency). */
  concurrency?: number;
  /**
   * Rows recorded but not yet finished (issuing) at most, as the map's items wait for their row to
   * settle in AWS: without it, a 10,000-row file would start 10,000 workflows at once in this process.
   */
  maxInFlight?: number;
  onJobEnd?: (jobId: string, outcome: { rows: number; failed: number }) => void;
}

/**
 * What the bulk state machine does in AWS, on one machine: read the job's CSV (header row first, every
 * value a string, as the S3 CSV reader gives it) and invoke the bulk-row handler once per row, a bounded
 * number at a time. A row that throws is tried again a few times, as the map's Retry does; the approvals
 * stream and the local workflow then issue, exactly as from `POST /approvals`.
 */
export class LocalBulkRunner implements BulkJobRunner {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(private readonly options: LocalBulkRunnerOptions) {}

  async start(job: { jobId: string; csvKey: string }) {
    if (this.running.has(job.jobId)) return { started: false };
    const run = this.run(job).finally(() => this.running.delete(job.jobId));
    this.running.set(job.jobId, run);
    return { started: true };
  }

  /** Resolves when every job started so far has recorded all its rows. */
  async drain() {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Stops taking rows (the ones in flight finish). Sending the same file again later resumes the job:
   * recorded rows are no-ops, the rest run.
   */
  async stop() {
    this.stopping = true;
    await this.drain();
  }

  private async run(job: { jobId: string; csvKey: string }) {
    const body = await this.options.documents().get(job.csvKey);
    if (!body) {
      console.error(`[bulk] ${job.jobId}: its rows (${job.csvKey}) are missing`);
      return;
    }
    const rows: Record<string, string>[] = parse(Buffer.from(body), { columns: true, bom: true });
    let next = 0;
    let failed = 0;
    const maxInFlight = this.options.maxInFlight ?? 48;
    const roomToStart = async () => {
      for (;;) {
        const current = await this.options.bulkJobs().getJob(job.jobId);
        if (!current || this.stopping) return;
        const view = viewOf(current);
        if (view.recorded - (view.total - view.counts.queued) < maxInFlight) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const worker = async () => {
      while (next < rows.length && !this.stopping) {
        await roomToStart();
        if (next >= rows.length || this.stopping) break;
        const row = rows[next++]!;
        for (let attempt = 1; ; attempt += 1) {
          try {
            await this.options.handler()({ jobId: job.jobId, row }, localLambdaContext('bulk-row'));
            break;
          } catch (error) {
            if (attempt >= 4) {
              failed += 1;
              console.error(`[bulk] ${job.jobId} row ${row.row}:`, (error as Error).message);
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 8 }, worker));
    this.options.onJobEnd?.(job.jobId, { rows: rows.length, failed });
  }
}
