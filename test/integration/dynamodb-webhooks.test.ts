import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import {
  DynamoDbWebhookEndpoints,
  DynamoDbWebhookOutbox,
} from '../../functions/adapters/aws/dynamodb-webhooks.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../functions/core/webhooks.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

/** The webhook adapters against DynamoDB Local: put-if-absent deliveries, attempt-count conditions, due order. */

let dynamodb: LocalService;
let endpoints: DynamoDbWebhookEndpoints;
let outbox: DynamoDbWebhookOutbox;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  endpoints = new DynamoDbWebhookEndpoints(clients.documentClient, 'registry');
  outbox = new DynamoDbWebhookOutbox(clients.documentClient, 'registry');
});

afterAll(async () => {
  await dynamodb?.stop();
});

const endpoint: WebhookEndpoint = {
  endpointId: 'wh_1',
  url: 'https://example.org/hook',
  events: ['certificate.issued'],
  secret: 'whsec_AAAA',
  status: 'enabled',
  createdAt: '2026-12-01T00:00:00.000Z',
  exhaustedDeliveries: 0,
  recentFailures: [],
};

const delivery: WebhookDelivery = {
  deliveryId: 'dlv_1',
  endpointId: 'wh_1',
  eventId: 'certificate.issued#X',
  type: 'certificate.issued',
  body: '{}',
  status: 'pending',
  createdAt: '2026-12-01T00:00:00.000Z',
  nextAttemptAt: '2026-12-01T00:00:00.000Z',
  roundAttempts: 0,
  attemptCount: 0,
  attempts: [],
};

describe('DynamoDbWebhookEndpoints', () => {
  it('stores, lists, updates (removing fields) and deletes endpoints', async () => {
    await endpoints.putEndpoint(endpoint);
    await endpoints.putEndpoint({ ...endpoint, endpointId: 'wh_2' });
    expect((await endpoints.listEndpoints()).map((item) => item.endpointId).sort()).toEqual(['wh_1', 'wh_2']);
    await endpoints.updateEndpoint('wh_1', { status: 'disabled', disabledReason: 'dead' });
    await endpoints.updateEndpoint('wh_1', { status: 'enabled', disabledReason: undefined });
    expect(await endpoints.getEndpoint('wh_1')).toEqual(endpoint);
    expect(await endpoints.deleteEndpoint('wh_2')).toBe(true);
    expect(await endpoints.deleteEndpoint('wh_2')).toBe(false);
    // A failure recorded after removal does not bring the endpoint back.
    await endpoints.updateEndpoint('wh_2', { exhaustedDeliveries: 1 });
    expect(await endpoints.getEndpoint('wh_2')).toBeUndefined();
  });

  it('creates a delivery once, and records an attempt only over the attempt count it read', async () => {
    const created = await Promise.all([1, 2, 3].map(() => endpoints.createDelivery(delivery)));
    expect(created.filter(Boolean)).toHaveLength(1);
    const attempt = { attempt: 1, at: '2026-12-01T00:00:01.000Z', statusCode: 500, durationMs: 12 };
    const recorded = await Promise.all(
      [1, 2].map(() =>
        endpoints.updateDelivery('wh_1', 'dlv_1', { attemptCount: 1, attempts: [attempt] }, 0),
      ),
    );
    expect(recorded.filter(Boolean)).toHaveLength(1);
    expect(await endpoints.getDelivery('wh_1', 'dlv_1')).toMatchObject({
      attemptCount: 1,
      attempts: [attempt],
    });
    expect((await endpoints.listDeliveries('wh_1', 10)).map((item) => item.deliveryId)).toEqual(['dlv_1']);
  });
});

describe('DynamoDbWebhookOutbox', () => {
  it('lists entries due by now, oldest first, keeps a repeated entry once, and removes them', async () => {
    const at = (iso: string, deliveryId: string) => ({ endpointId: 'wh_1', deliveryId, dueAt: iso });
    await outbox.schedule(at('2026-12-01T00:00:05.000Z', 'b'));
    await outbox.schedule(at('2026-12-01T00:00:01.000Z', 'a'));
    await outbox.schedule(at('2026-12-01T00:00:01.000Z', 'a'));
    await outbox.schedule(at('2026-12-01T10:00:00.000Z', 'later'));
    const due = await outbox.listDue(new Date('2026-12-01T00:00:05.000Z'), 10);
    expect(due.map((entry) => entry.deliveryId)).toEqual(['a', 'b']);
    await outbox.remove(due[0]!);
    expect((await outbox.listDue(new Date('2026-12-02T00:00:00.000Z'), 10)).map((e) => e.deliveryId)).toEqual(
      ['b', 'later'],
    );
  });
});
