import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { DynamoDbBulkJobStore } from '../../functions/adapters/aws/dynamodb-bulk-jobs.js';
import type { BulkJob } from '../../functions/core/use-cases/bulk-issuance.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

/** The bulk job adapter against DynamoDB Local: put-if-absent rows, counts that move with their row. */

let dynamodb: LocalService;
let store: DynamoDbBulkJobStore;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  store = new DynamoDbBulkJobStore(clients.documentClient, 'registry');
});

afterAll(async () => {
  await dynamodb?.stop();
});

const job = (jobId: string, total: number): BulkJob => ({
  jobId,
  sha256Hex: 'ab'.repeat(32),
  createdAt: '2026-12-03T10:00:00.000Z',
  submittedBy: 'test',
  total,
  recorded: 0,
  counts: { issued: 0, not_eligible: 0, awaiting_consent: 0, failed: 0, rejected: 0 },
  skipped: [],
  skippedRows: 0,
  csvKey: `bulk-jobs/${jobId}/rows.csv`,
});

describe('DynamoDbBulkJobStore', () => {
  it('creates a job once and records each row once, with its pointer by approval', async () => {
    expect(await store.createJob(job('bulk-a', 2))).toBe(true);
    expect(await store.createJob(job('bulk-a', 99))).toBe(false);
    expect(await store.recordRow({ jobId: 'bulk-a', row: 2, approvalId: 'apr-1', status: 'queued' })).toBe(
      true,
    );
    expect(await store.recordRow({ jobId: 'bulk-a', row: 2, approvalId: 'apr-1', status: 'queued' })).toBe(
      false,
    );
    expect(await store.getJob('bulk-a')).toMatchObject({ total: 2, recorded: 1 });
    expect(await store.listRowsOfApproval('apr-1')).toEqual([{ jobId: 'bulk-a', row: 2 }]);
    expect(await store.listRowsOfApproval('apr-none')).toEqual([]);
    await expect(
      store.recordRow({ jobId: 'bulk-missing', row: 2, approvalId: 'apr-9', status: 'queued' }),
    ).rejects.toThrow();
  });

  it('moves a row and the counts together, only from the status it is in', async () => {
    expect(await store.moveRow('bulk-a', 2, { from: 'queued', to: 'not_eligible' })).toBe(true);
    expect(await store.moveRow('bulk-a', 2, { from: 'queued', to: 'not_eligible' })).toBe(false);
    expect(await store.moveRow('bulk-a', 2, { from: 'not_eligible', to: 'issued' })).toBe(true);
    expect((await store.getJob('bulk-a'))!.counts).toMatchObject({ not_eligible: 0, issued: 1 });
    expect(await store.moveRow('bulk-a', 2, { from: 'issued', to: 'rejected', reason: 'gone' })).toBe(true);
    expect(await store.getRow('bulk-a', 2)).toMatchObject({ status: 'rejected', reason: 'gone' });
    expect(await store.moveRow('bulk-a', 3, { from: 'queued', to: 'issued' })).toBe(false);
  });

  it('keeps the counts exact when many rows finish at once (transaction conflicts are retried)', async () => {
    const rows = 60;
    await store.createJob(job('bulk-b', rows));
    await Promise.all(
      Array.from({ length: rows }, (_, index) =>
        store.recordRow({ jobId: 'bulk-b', row: index + 2, approvalId: `apr-b${index}`, status: 'queued' }),
      ),
    );
    await Promise.all(
      Array.from({ length: rows }, (_, index) =>
        store.moveRow('bulk-b', index + 2, { from: 'queued', to: 'issued' }),
      ),
    );
    expect(await store.getJob('bulk-b')).toMatchObject({ recorded: rows, counts: { issued: rows } });
  });
});
