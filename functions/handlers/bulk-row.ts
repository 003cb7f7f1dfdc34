import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { bulkRowFromItem, processBulkRow } from '../core/use-cases/bulk-issuance.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

/**
 * One item of the bulk issuance Distributed Map: the job id and one row of the job's CSV as the S3 CSV
 * reader gives it (every column a string). Records the row's participant and approval; the approvals
 * stream then starts issuance. The local runner calls this same handler with the same item shape.
 */
const bulkItem = z.object({
  jobId: z.string().regex(/^bulk-[0-9a-f]{32}$/, 'must be a bulk job id'),
  row: z.record(z.string(), z.unknown()),
});

export const createBulkRowHandler = (deps: () => Deps) =>
  workflowTask(bulkItem, (item) => processBulkRow(deps(), item.jobId, bulkRowFromItem(item.row)));

export const handler = createBulkRowHandler(lambdaDeps);
