import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { DynamoDbStatusListStore } from '../../functions/adapters/aws/dynamodb-status-lists.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

/** The status list adapter against DynamoDB Local: put-if-absent claims, atomic bits, newer-only copies. */

let dynamodb: LocalService;
let store: DynamoDbStatusListStore;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  store = new DynamoDbStatusListStore(clients.documentClient, 'registry');
});

afterAll(async () => {
  await dynamodb?.stop();
});

describe('DynamoDbStatusListStore', () => {
  it('claims an index once: a second certificate is refused, even when both try at once', async () => {
    expect(await store.claimIndex('1', 42, 'CERT-A')).toBe(true);
    expect(await store.claimIndex('1', 42, 'CERT-B')).toBe(false);
    expect(await store.claimIndex('2', 42, 'CERT-B')).toBe(true);
    const racers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.claimIndex('1', 77, `CERT-${i}`)),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
  });

  it('starts at list 1 and moves on once, however many callers saw the list full', async () => {
    expect(await store.currentListId()).toBe('1');
    const moved = await Promise.all([
      store.openNextList('1'),
      store.openNextList('1'),
      store.openNextList('1'),
    ]);
    expect(moved).toEqual(['2', '2', '2']);
    expect(await store.currentListId()).toBe('2');
    expect(await store.openNextList('1')).toBe('2');
  });

  it('sets bits atomically under concurrency, each once, and bumps the revision per new bit', async () => {
    const results = await Promise.all([5, 9, 5, 131_071, 9].map((index) => store.setBit('7', index)));
    expect(results.filter(Boolean)).toHaveLength(3);
    const list = await store.getList('7');
    expect(list).toMatchObject({ listId: '7', setIndices: [5, 9, 131_071], revision: 3 });
    expect(list?.signed).toBeUndefined();
  });

  it('keeps the signed copy of the newest revision only', async () => {
    expect(
      await store.putSigned('8', { jwt: 'a.b.c', revision: 0, signedAt: '2026-12-01T00:00:00.000Z' }),
    ).toBe(true);
    await store.setBit('8', 3);
    expect(
      await store.putSigned('8', { jwt: 'd.e.f', revision: 1, signedAt: '2026-12-01T00:01:00.000Z' }),
    ).toBe(true);
    // A slower signer of the older state must not overwrite the newer copy.
    expect(
      await store.putSigned('8', { jwt: 'a.b.c', revision: 0, signedAt: '2026-12-01T00:02:00.000Z' }),
    ).toBe(false);
    expect(await store.getList('8')).toEqual({
      listId: '8',
      setIndices: [3],
      revision: 1,
      signed: { jwt: 'd.e.f', revision: 1, signedAt: '2026-12-01T00:01:00.000Z' },
    });
    expect(await store.getList('9')).toBeUndefined();
  });
});
