import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { type LambdaHandler, localLambdaContext } from './lambda-context.js';

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  handler: LambdaHandler;
  functionName: string;
  /** Where the last processed sequence number per shard is kept, so a restart does not replay. */
  dataDir?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Attempts per batch before its records are parked (Lambda's MaximumRetryAttempts). */
  maxAttempts?: number;
  onParked?: (records: _Record[], error: unknown) => void;
}

/** How often the poller looks for new shards while it has an open one (DynamoDB splits shards over hours). */
const SHARD_DISCOVERY_INTERVAL_MS = 5_000;

interface ShardCursor {
  iterator?: string;
  closed: boolean;
}

/**
 * What Lambda's event source mapping does for a DynamoDB stream, on the local stack: read each shard
 * in order, hand batches to the handler in the same event shape, retry from the first record the
 * handler reports in `batchItemFailures`, and park a batch that keeps failing instead of blocking the
 * shard. (Parked records lose nothing: the approval itself stays in the table for an operator.)
 */
export class StreamPoller {
  private readonly cursors = new Map<string, ShardCursor>();
  private readonly checkpoints: Record<string, string>;
  private running = false;
  private shardsDiscoveredAt = Number.NEGATIVE_INFINITY;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  readonly parked: { record: _Record; error: string }[] = [];

  constructor(private readonly options: StreamPollerOptions) {
    const file = this.checkpointFile();
    this.checkpoints = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  }

  start() {
    this.running = true;
    this.loop = this.run();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private checkpointFile() {
    return this.options.dataDir ? join(this.options.dataDir, 'stream-checkpoints.json') : undefined;
  }

  private async run() {
    while (this.running) {
      let busy = false;
      try {
        // DescribeStream once every few seconds, or when no shard is open: Lambda's poller does not
        // describe the stream before each read either, and at burst rates it was a request per batch.
        const anyOpen = [...this.cursors.values()].some((cursor) => !cursor.closed);
        if (!anyOpen || Date.now() - this.shardsDiscoveredAt > SHARD_DISCOVERY_INTERVAL_MS) {
          await this.discoverShards();
          this.shardsDiscoveredAt = Date.now();
        }
        for (const [shardId, cursor] of this.cursors) {
          if (!this.running) break;
          if (!cursor.closed) busy = (await this.pollShard(shardId, cursor)) || busy;
        }
      } catch (error) {
        if (this.running) console.error('[stream-poller]', (error as Error).message);
      }
      if (!busy && this.running) await this.sleep(this.options.pollIntervalMs ?? 250);
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async discoverShards() {
    const { StreamDescription } = await this.options.client.send(
      new DescribeStreamCommand({ StreamArn: this.options.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (shard.ShardId && !this.cursors.has(shard.ShardId))
        this.cursors.set(shard.ShardId, { closed: false });
    }
  }

  private async iteratorFor(shardId: string) {
    const after = this.checkpoints[shardId];
    const { ShardIterator } = await this.options.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  /** Returns true when it handled records, so the loop polls again at once. */
  private async pollShard(shardId: string, cursor: ShardCursor): Promise<boolean> {
    cursor.iterator ??= await this.iteratorFor(shardId);
    if (!cursor.iterator) {
      cursor.closed = true;
      return false;
    }
    let page: Awaited<ReturnType<typeof this.getRecords>>;
    try {
      page = await this.getRecords(cursor.iterator);
    } catch (error) {
      // An iterator that expired or points before the shard's trim horizon is fetched anew next round.
      if (['ExpiredIteratorException', 'TrimmedDataAccessException'].includes((error as Error).name)) {
        cursor.iterator = undefined;
        return false;
      }
      throw error;
    }
    const records = page.Records ?? [];
    if (records.length > 0) {
      await this.deliver(records);
      this.checkpoint(shardId, records.at(-1)!.dynamodb!.SequenceNumber!);
    }
    cursor.iterator = page.NextShardIterator;
    if (!cursor.iterator) cursor.closed = true;
    return records.length > 0;
  }

  private getRecords(iterator: string) {
    return this.options.client.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: this.options.batchSize ?? 25 }),
    );
  }

  /** Delivers one batch with Lambda's partial-batch semantics; resolves once every record is handled or parked. */
  private async deliver(records: _Record[]) {
    let pending = records;
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      let failedFrom: number;
      let lastError: unknown;
      try {
        const event = {
          Records: pending.map((record) => ({ ...record, eventSourceARN: this.options.streamArn })),
        };
        const response = await this.options.handler(event, localLambdaContext(this.options.functionName));
        const failures: { itemIdentifier: string }[] = response?.batchItemFailures ?? [];
        if (failures.length === 0) return;
        const failedIds = new Set(failures.map((failure) => failure.itemIdentifier));
        failedFrom = pending.findIndex((record) => failedIds.has(record.dynamodb?.SequenceNumber ?? ''));
        lastError = new Error('handler reported batch item failures');
      } catch (error) {
        failedFrom = 0;
        lastError = error;
      }
      pending = pending.slice(Math.max(failedFrom, 0));
      if (attempt >= maxAttempts) {
        for (const record of pending) this.parked.push({ record, error: String(lastError) });
        this.options.onParked?.(pending, lastError);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }

  private checkpoint(shardId: string, sequenceNumber: string) {
    this.checkpoints[shardId] = sequenceNumber;
    const file = this.checkpointFile();
    if (file) writeFileSync(file, JSON.stringify(this.checkpoints));
  }
}
