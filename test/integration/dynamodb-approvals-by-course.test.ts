import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPROVALS_BY_COURSE_INDEX,
  APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
} from '../../functions/adapters/aws/approvals-index.js';
import { documentClientOver, dynamoDbClientOptions } from '../../functions/adapters/aws/client-options.js';
import { type AwsClients, createAwsClients } from '../../functions/adapters/aws/clients.js';
import { DynamoDbApprovalStore } from '../../functions/adapters/aws/dynamodb-stores.js';
import type { Approval, ApprovalStatus } from '../../functions/core/model.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

/**
 * Approvals of one course, read through the course index (courseId, approvedAt; KEYS_ONLY) and then by
 * key from the table: newest first, paged, filtered by status. The index is keyed on what never changes
 * for an approval, so status changes never write it: concurrent conditional updates of its approvals get
 * no InternalFailure from DynamoDB Local (which they did with an index on the status).
 */

let dynamodb: LocalService;
let clients: AwsClients;
let approvals: DynamoDbApprovalStore;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  approvals = new DynamoDbApprovalStore(clients.documentClient, 'approvals', 'registry');
}, 60_000);

afterAll(async () => {
  await dynamodb?.stop();
});

const approval = (id: string, courseId: string, approvedAt: string, overrides: Partial<Approval> = {}) =>
  ({
    approvalId: id,
    participantId: `p-${id}`,
    courseId,
    attempt: 1,
    approvedBy: 'staff@saypro.online',
    approvedAt,
    status: 'received',
    updatedAt: approvedAt,
    ...overrides,
  }) satisfies Approval;

const idsOf = (page: { approvals: Approval[] }) => page.approvals.map((a) => a.approvalId);

describe('approvals by course', () => {
  it('lists one course only, newest approval first, whatever the status or last change', async () => {
    await approvals.createApproval(approval('w1', 'welding', '2026-04-01T08:00:00.000Z'));
    await approvals.createApproval(approval('w2', 'welding', '2026-04-02T08:00:00.000Z'));
    await approvals.createApproval(approval('w3', 'welding', '2026-04-03T08:00:00.000Z'));
    await approvals.createApproval(approval('x1', 'plumbing', '2026-04-04T08:00:00.000Z'));
    // A later change of the oldest moves it in the status listing, not in the course's order.
    await approvals.updateApproval('w1', { status: 'failed', updatedAt: '2026-04-05T00:00:00.000Z' });

    const page = await approvals.listApprovalsOfCourse('welding');
    expect(idsOf(page)).toEqual(['w3', 'w2', 'w1']);
    expect(page.next).toBeUndefined();
    // What is returned is the approval as it is now (read from the table, not the keys-only index).
    expect(page.approvals[2]).toMatchObject({ status: 'failed', updatedAt: '2026-04-05T00:00:00.000Z' });
    expect(idsOf(await approvals.listApprovalsOfCourse('plumbing'))).toEqual(['x1']);
    expect(await approvals.listApprovalsOfCourse('no-such-course')).toEqual({ approvals: [] });
  });

  it('pages with limit and after, each approval once, also when approvals share an instant', async () => {
    for (const n of [1, 2, 3, 4, 5])
      await approvals.createApproval(approval(`g${n}`, 'glazing', `2026-05-0${n}T00:00:00.000Z`));
    // A bulk import approves many at the same instant.
    for (const n of [1, 2, 3])
      await approvals.createApproval(approval(`tie${n}`, 'glazing', '2026-05-03T12:00:00.000Z'));

    const first = await approvals.listApprovalsOfCourse('glazing', { limit: 2 });
    expect(idsOf(first)).toEqual(['g5', 'g4']);
    expect(first.next).toBe('2026-05-04T00:00:00.000Z#g4');

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await approvals.listApprovalsOfCourse('glazing', {
        limit: 1,
        ...(after ? { after } : {}),
      });
      seen.push(...idsOf(page));
      after = page.next;
      pages += 1;
    } while (after && pages < 20);
    expect(seen.slice(0, 2)).toEqual(['g5', 'g4']);
    expect(seen.slice(2, 5).sort()).toEqual(['tie1', 'tie2', 'tie3']);
    expect(seen.slice(5)).toEqual(['g3', 'g2', 'g1']);
    // The last page says there is no more: no empty page to ask for.
    expect(pages).toBe(8);

    // A limit the course exactly fills gives no `next`.
    expect((await approvals.listApprovalsOfCourse('glazing', { limit: 8 })).next).toBeUndefined();
  });

  it('filters by status across pages, filling each page and continuing where it stopped', async () => {
    const statuses: ApprovalStatus[] = [
      'issued',
      'failed',
      'failed',
      'issued',
      'failed',
      'received',
      'issued',
    ];
    for (const [n, status] of statuses.entries())
      await approvals.createApproval(
        approval(`s${n}`, 'masonry', `2026-06-0${n + 1}T00:00:00.000Z`, { status }),
      );
    // Newest first: s6 issued, s5 received, s4 failed, s3 issued, s2 failed, s1 failed, s0 issued.
    expect(idsOf(await approvals.listApprovalsOfCourse('masonry', { status: 'issued' }))).toEqual([
      's6',
      's3',
      's0',
    ]);
    const first = await approvals.listApprovalsOfCourse('masonry', { status: 'failed', limit: 2 });
    expect(idsOf(first)).toEqual(['s4', 's2']);
    const second = await approvals.listApprovalsOfCourse('masonry', {
      status: 'failed',
      limit: 2,
      after: first.next!,
    });
    expect(idsOf(second)).toEqual(['s1']);
    expect(second.next).toBeUndefined();
    expect(await approvals.listApprovalsOfCourse('masonry', { status: 'rejected' })).toEqual({
      approvals: [],
    });
  });

  it('is keyed on the course and the approval time, keys only (so status changes never write it)', async () => {
    const { Table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: 'approvals' }));
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === APPROVALS_BY_COURSE_INDEX);
    expect(index?.KeySchema).toEqual([
      { AttributeName: 'courseId', KeyType: 'HASH' },
      { AttributeName: 'approvedAt', KeyType: 'RANGE' },
    ]);
    expect(index?.Projection?.ProjectionType).toBe('KEYS_ONLY');
    expect(index?.IndexStatus).toBe('ACTIVE');
  });

  it('survives concurrent conditional status changes of its approvals with no InternalFailure', async () => {
    // No retries: an InternalFailure (or any other fault) reaches this test instead of being retried away.
    const bare = documentClientOver(
      new DynamoDBClient({ ...dynamoDbClientOptions('eu-west-1', dynamodb.endpoint), maxAttempts: 1 }),
    );
    const store = new DynamoDbApprovalStore(bare, 'approvals', 'registry');
    const ids = Array.from({ length: 40 }, (_, n) => `busy${String(n).padStart(2, '0')}`);
    await Promise.all(
      ids.map((id, n) =>
        store.createApproval(approval(id, 'busy', new Date(Date.UTC(2026, 6, 1, 0, n)).toISOString())),
      ),
    );
    const faults: string[] = [];
    const caught = <T>(work: Promise<T>) =>
      work.catch((error: Error) => {
        faults.push(`${error.name}: ${error.message}`);
        return undefined;
      });
    const at = (s: number) => new Date(Date.UTC(2026, 6, 2, 0, 0, s)).toISOString();
    // Each approval: three workers race to take it (one wins, the others are refused by the condition),
    // then the winner issues it while a listing of the course reads alongside.
    const won = await Promise.all(
      ids.map(async (id) => {
        const takes = await Promise.all(
          [1, 2, 3].map((w) =>
            caught(store.moveStatus(id, { from: 'received', to: 'processing', updatedAt: at(w) })),
          ),
        );
        await Promise.all([
          caught(
            store.updateApproval(id, { status: 'issued', certificateNumber: `N-${id}`, updatedAt: at(10) }),
          ),
          caught(store.listApprovalsOfCourse('busy', { status: 'processing' })),
          caught(store.moveStatus(id, { from: 'processing', to: 'failed', updatedAt: at(11) })),
        ]);
        return takes.filter((took) => took === true).length;
      }),
    );
    expect(faults).toEqual([]);
    expect(won).toEqual(ids.map(() => 1));

    // Every approval is listed once, issued (the unconditional update writes last whichever came first).
    const all = await store.listApprovalsOfCourse('busy');
    expect(idsOf(all)).toEqual([...ids].reverse());
    expect(idsOf(await store.listApprovalsOfCourse('busy', { status: 'issued' }))).toEqual(
      [...ids].reverse(),
    );
    expect(await store.listApprovalsOfCourse('busy', { status: 'failed' })).toEqual({ approvals: [] });
    // The status listing agrees: its pointers were kept right through the races too.
    expect(
      idsOf(await store.listApprovalsInStatus('issued'))
        .filter((id) => id.startsWith('busy'))
        .sort(),
    ).toEqual(ids);
  }, 60_000);
});

describe('a table kept from before the course index', () => {
  it('gets the index added and waited for, and its approvals listed by course', async () => {
    // As an older local data folder holds it: the table and the participant index only.
    await clients.dynamodb.send(
      new CreateTableCommand({
        TableName: 'old-approvals',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'approvalId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'approvalId', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    // Written before the participant index is added: DynamoDB Local refuses writes while one is being built.
    await clients.documentClient.send(
      new PutCommand({
        TableName: 'old-approvals',
        Item: approval('old1', 'carpentry', '2026-01-01T00:00:00.000Z'),
      }),
    );
    await clients.dynamodb.send(
      new UpdateTableCommand({
        TableName: 'old-approvals',
        AttributeDefinitions: [
          { AttributeName: 'participantId', AttributeType: 'S' },
          { AttributeName: 'courseId', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
              KeySchema: [
                { AttributeName: 'participantId', KeyType: 'HASH' },
                { AttributeName: 'courseId', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );

    await ensureTables(clients.dynamodb, { approvals: 'old-approvals', registry: 'registry' });

    const { Table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: 'old-approvals' }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus]).sort()).toEqual([
      [APPROVALS_BY_COURSE_INDEX, 'ACTIVE'],
      [APPROVALS_BY_PARTICIPANT_COURSE_INDEX, 'ACTIVE'],
    ]);
    const old = new DynamoDbApprovalStore(clients.documentClient, 'old-approvals', 'registry');
    expect(idsOf(await old.listApprovalsOfCourse('carpentry'))).toEqual(['old1']);
    // Run again over a table that has both: nothing to add.
    await ensureTables(clients.dynamodb, { approvals: 'old-approvals', registry: 'registry' });
  }, 90_000);
});
