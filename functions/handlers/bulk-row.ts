import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { bulkRowFromItem, isBulkRowFinished, processBulkRow } from '../core/use-cases/bulk-issuance.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

/**
 * One item of the bulk issuance Distributed Map: the job id and one row of the job's CSV as the S3 CSV
 * reader gives it (every column a string). Records the row's participant and approval; the approvals
 * stream then starts issuance. The local runner calls this same handler with the same item shape.
 * With `check` (a row number) instead, it answers whether that row has finished: the item waits for it.
 */
const jobId = z.string().regex(/^bulk-[0-9a-f]{32}$/, 'must be a bulk job id');
const bulkItem = z.union([
  z.object({ jobId, row: z.record(z.string(), z.unknown()) }),
  z.object({ jobId, check: z.number().int().min(2) }),
]);

export const createBulkRowHandler = (deps: () => Deps) =>
  workflowTask(bulkItem, async (item) => {
    if ('check' in item) return isBulkRowFinished(deps(), item.jobId, item.check);
    const recorded = await processBulkRow(deps(), item.jobId, bulkRowFromItem(item.row));
    return { ...recorded, ...(await isBulkRowFinished(deps(), item.jobId, recorded.row)) };
  });

export const handler = createBulkRowHandler(lambdaDeps);
