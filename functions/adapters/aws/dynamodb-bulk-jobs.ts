import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BulkJobStore } from '../../core/ports.js';
import {
  type BulkJob,
  type BulkJobRow,
  type BulkRowStatus,
  FINISHED_ROW_STATUSES,
} from '../../core/use-cases/bulk-issuance.js';
import { conditionally } from './dynamodb-items.js';
import { REGISTRY_TTL_ATTRIBUTE, ttlAfter } from './registry-ttl.js';

/**
 * Bulk jobs in the registry table, read by key only:
 *
 *   BULKJOB#<jobId>            JOB                          (the job and its counts per status)
 *   BULKJOB#<jobId>            ROW#<row, 7 digits>          (one row: its approval id and status)
 *   BULKAPPROVAL#<approvalId>  JOB#<jobId>#ROW#<row>        (which rows became an approval)
 *
 * Counts move with their row in one transaction, so however often a status change is replayed it is
 * counted once. No names or addresses are kept here: a row holds ids and a status.
 */
const jobKey = (jobId: string) => ({ pk: `BULKJOB#${jobId}`, sk: 'JOB' });
const rowKey = (jobId: string, row: number) => ({
  pk: `BULKJOB#${jobId}`,
  sk: `ROW#${String(row).padStart(7, '0')}`,
});
const pointerKey = (approvalId: string, jobId: string, row: number) => ({
  pk: `BULKAPPROVAL#${approvalId}`,
  sk: `JOB#${jobId}#ROW#${row}`,
});

/** A job is looked at while it runs and for a while after; half a year of it is plenty. */
const BULK_KEPT_DAYS = 180;
const FINISHED = new Set<string>(FINISHED_ROW_STATUSES);
/** Rows finishing at once all move the job's counts: transactions on that item are retried on conflict. */
const CONFLICT_ATTEMPTS = 8;

type Outcome = 'written' | 'condition-failed';

export class DynamoDbBulkJobStore implements BulkJobStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  createJob(job: BulkJob) {
    return conditionally(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...jobKey(job.jobId), kind: 'bulk-job', ...job, ...this.ttl(job.createdAt) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async getJob(jobId: string) {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: jobKey(jobId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, [REGISTRY_TTL_ATTRIBUTE]: _ttl, ...job } = Item;
    return job as BulkJob;
  }

  async recordRow(row: BulkJobRow) {
    const now = new Date().toISOString();
    const outcome = await this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { ...rowKey(row.jobId, row.row), kind: 'bulk-row', ...row, ...this.ttl(now) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...pointerKey(row.approvalId, row.jobId, row.row),
            kind: 'bulk-row-pointer',
            jobId: row.jobId,
            row: row.row,
            ...this.ttl(now),
          },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: jobKey(row.jobId),
          UpdateExpression: 'SET recorded = recorded + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ]);
    return outcome === 'written';
  }

  async getRow(jobId: string, row: number) {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: rowKey(jobId, row), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, [REGISTRY_TTL_ATTRIBUTE]: _ttl, ...rest } = Item;
    return rest as BulkJobRow;
  }

  async moveRow(
    jobId: string,
    row: number,
    move: { from: BulkRowStatus; to: BulkRowStatus; reason?: string },
  ) {
    const counts: string[] = [];
    const names: Record<string, string> = { '#counts': 'counts' };
    if (FINISHED.has(move.to)) {
      names['#to'] = move.to;
      counts.push('#counts.#to = #counts.#to + :one');
    }
    if (FINISHED.has(move.from)) {
      names['#from'] = move.from;
      counts.push('#counts.#from = #counts.#from - :one');
    }
    const outcome = await this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: rowKey(jobId, row),
          UpdateExpression: move.reason
            ? 'SET #status = :to, reason = :reason'
            : 'SET #status = :to REMOVE reason',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': move.to,
            ':from': move.from,
            ...(move.reason ? { ':reason': move.reason.slice(0, 500) } : {}),
          },
        },
      },
      ...(counts.length > 0
        ? [
            {
              Update: {
                TableName: this.tableName,
                Key: jobKey(jobId),
                UpdateExpression: `SET ${counts.join(', ')}`,
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ]
        : []),
    ]);
    return outcome === 'written';
  }

  async listRowsOfApproval(approvalId: string) {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `BULKAPPROVAL#${approvalId}` },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => ({ jobId: String(item.jobId), row: Number(item.row) }));
  }

  private ttl(fromIso: string) {
    return { [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(fromIso, BULK_KEPT_DAYS) };
  }

  /**
   * One transaction: `condition-failed` when the first write's condition refused it; a conflict with
   * another transaction on the same items (the job's counts are shared by all its rows) is tried again.
   */
  private async transact(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ): Promise<Outcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return 'written';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (codes[0] === 'ConditionalCheckFailed') return 'condition-failed';
        if (!codes.includes('TransactionConflict') || attempt >= CONFLICT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      }
    }
  }
}
