import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { WebhookEndpoints, WebhookOutbox, WebhookOutboxEntry } from '../../core/ports.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../core/webhooks.js';
import { conditionally, updateExpressionFor, withoutKeys } from './dynamodb-items.js';
import { REGISTRY_TTL_ATTRIBUTE, ttlAfter } from './registry-ttl.js';

/**
 * Webhooks in the registry table, each kind under a small fixed or per-endpoint partition, read by key:
 *
 *   WEBHOOKS                 ENDPOINT#<endpointId>         (the endpoints, secret included)
 *   WEBHOOK#<endpointId>     DELIVERY#<deliveryId>         (one event's delivery and its attempts; 30-day TTL)
 *   WEBHOOK_OUTBOX           <dueAt>#<endpointId>#<deliveryId>  (what is due when; ordered by time)
 */
const ENDPOINTS_PARTITION = 'WEBHOOKS';
const OUTBOX_PARTITION = 'WEBHOOK_OUTBOX';
const endpointKey = (endpointId: string) => ({ pk: ENDPOINTS_PARTITION, sk: `ENDPOINT#${endpointId}` });
const deliveryKey = (endpointId: string, deliveryId: string) => ({
  pk: `WEBHOOK#${endpointId}`,
  sk: `DELIVERY#${deliveryId}`,
});
const outboxKey = (entry: WebhookOutboxEntry) => ({
  pk: OUTBOX_PARTITION,
  sk: `${entry.dueAt}#${entry.endpointId}#${entry.deliveryId}`,
});

/** The delivery log is for staff looking into a problem; a month of it is plenty. */
const DELIVERY_KEPT_DAYS = 30;

async function queryPartition(client: DynamoDBDocumentClient, tableName: string, pk: string) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export class DynamoDbWebhookEndpoints implements WebhookEndpoints {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...endpointKey(endpoint.endpointId), kind: 'webhook-endpoint', ...endpoint },
      }),
    );
  }

  async getEndpoint(endpointId: string): Promise<WebhookEndpoint | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: endpointKey(endpointId), ConsistentRead: true }),
    );
    return withoutKeys(Item);
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    const items = await queryPartition(this.client, this.tableName, ENDPOINTS_PARTITION);
    return items.map((item) => withoutKeys<WebhookEndpoint>(item)!);
  }

  async updateEndpoint(endpointId: string, changes: Partial<Omit<WebhookEndpoint, 'endpointId'>>) {
    const update = updateExpressionFor(changes);
    if (!update.UpdateExpression) return;
    // Only an endpoint that still exists: a failure recorded after its removal must not bring it back.
    await conditionally(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: endpointKey(endpointId),
          UpdateExpression: update.UpdateExpression,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: update.ExpressionAttributeNames,
          ...(update.ExpressionAttributeValues
            ? { ExpressionAttributeValues: update.ExpressionAttributeValues }
            : {}),
        }),
      ),
    );
  }

  deleteEndpoint(endpointId: string): Promise<boolean> {
    return conditionally(() =>
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: endpointKey(endpointId),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      ),
    );
  }

  createDelivery(delivery: WebhookDelivery): Promise<boolean> {
    return conditionally(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...deliveryKey(delivery.endpointId, delivery.deliveryId),
            kind: 'webhook-delivery',
            ...delivery,
            [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(delivery.createdAt, DELIVERY_KEPT_DAYS),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async getDelivery(endpointId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: deliveryKey(endpointId, deliveryId),
        ConsistentRead: true,
      }),
    );
    return withoutKeys(Item);
  }

  updateDelivery(
    endpointId: string,
    deliveryId: string,
    changes: Partial<Omit<WebhookDelivery, 'endpointId' | 'deliveryId'>>,
    expectedAttemptCount?: number,
  ): Promise<boolean> {
    const update = updateExpressionFor(changes);
    const values: Record<string, unknown> = { ...update.ExpressionAttributeValues };
    let condition = 'attribute_exists(pk)';
    if (expectedAttemptCount !== undefined) {
      condition += ' AND attemptCount = :expectedAttemptCount';
      values[':expectedAttemptCount'] = expectedAttemptCount;
    }
    return conditionally(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: deliveryKey(endpointId, deliveryId),
          UpdateExpression: update.UpdateExpression,
          ConditionExpression: condition,
          ExpressionAttributeNames: update.ExpressionAttributeNames,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  async listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const items = await queryPartition(this.client, this.tableName, `WEBHOOK#${endpointId}`);
    return items
      .map((item) => withoutKeys<WebhookDelivery>(item)!)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }
}

export class DynamoDbWebhookOutbox implements WebhookOutbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async schedule(entry: WebhookOutboxEntry): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...outboxKey(entry), kind: 'webhook-outbox', ...entry },
      }),
    );
  }

  async listDue(now: Date, limit: number): Promise<WebhookOutboxEntry[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        // Sort keys start with the ISO due time; '~' sorts after every '#<endpoint>…' of the same instant.
        KeyConditionExpression: 'pk = :pk AND sk <= :upTo',
        ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ':upTo': `${now.toISOString()}~` },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => ({
      endpointId: String(item.endpointId),
      deliveryId: String(item.deliveryId),
      dueAt: String(item.dueAt),
    }));
  }

  async remove(entry: WebhookOutboxEntry): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: outboxKey(entry) }));
  }
}
