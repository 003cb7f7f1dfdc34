import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsClients, createAwsClients } from '../../functions/adapters/aws/clients.js';
import { DynamoDbApprovalStore, DynamoDbClaimLedger } from '../../functions/adapters/aws/dynamodb-stores.js';
import type { Approval } from '../../functions/core/model.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

/**
 * Approvals by status and claims not done, read by key through pointer items in the registry (no scan,
 * no index on a changing key): every status change moves the pointer, and a pointer left behind (a crash
 * between the writes) is skipped on read.
 */

let dynamodb: LocalService;
let clients: AwsClients;
let approvals: DynamoDbApprovalStore;
let claims: DynamoDbClaimLedger;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  approvals = new DynamoDbApprovalStore(clients.documentClient, 'approvals', 'registry');
  claims = new DynamoDbClaimLedger(clients.documentClient, 'registry');
});

afterAll(async () => {
  await dynamodb?.stop();
});

const approval = (id: string, updatedAt: string, overrides: Partial<Approval> = {}): Approval => ({
  approvalId: id,
  participantId: `p-${id}`,
  courseId: 'c1',
  attempt: 1,
  approvedBy: 'staff@saypro.online',
  approvedAt: updatedAt,
  status: 'received',
  updatedAt,
  ...overrides,
});

const idsIn = async (status: Approval['status']) =>
  (await approvals.listApprovalsInStatus(status)).approvals.map((a) => a.approvalId);

describe('approvals by status', () => {
  it('follows every kind of status change, newest first, and lists each approval once', async () => {
    await approvals.createApproval(approval('a1', '2026-01-01T00:00:01.000Z'));
    await approvals.createApproval(approval('a2', '2026-01-01T00:00:02.000Z'));
    await approvals.createApproval(approval('a3', '2026-01-01T00:00:03.000Z'));
    expect(await idsIn('received')).toEqual(['a3', 'a2', 'a1']);

    expect(
      await approvals.moveStatus('a1', {
        from: 'received',
        to: 'processing',
        updatedAt: '2026-01-01T00:01:00.000Z',
      }),
    ).toBe(true);
    // A refused move changes nothing, and leaves no pointer under the status it wanted.
    expect(
      await approvals.moveStatus('a2', {
        from: 'processing',
        to: 'failed',
        updatedAt: '2026-01-01T00:01:01.000Z',
      }),
    ).toBe(false);
    await approvals.updateApproval('a3', { status: 'not_eligible', updatedAt: '2026-01-01T00:01:02.000Z' });
    expect(await idsIn('received')).toEqual(['a2']);
    expect(await idsIn('processing')).toEqual(['a1']);
    expect(await idsIn('failed')).toEqual([]);
    expect(await idsIn('not_eligible')).toEqual(['a3']);

    expect(await approvals.requeueForEvaluation('a3', '2026-01-01T00:02:00.000Z')).toBe(1);
    expect(await approvals.requeueForEvaluation('a3', '2026-01-01T00:02:01.000Z')).toBeUndefined();
    expect(await idsIn('not_eligible')).toEqual([]);
    expect(await idsIn('received')).toEqual(['a3', 'a2']);
    // A duplicate create is refused and moves nothing.
    expect(
      await approvals.createApproval(approval('a3', '2026-01-01T00:03:00.000Z', { status: 'rejected' })),
    ).toBe(false);
    expect(await idsIn('rejected')).toEqual([]);

    const all = await approvals.listApprovals();
    expect(all.map((a) => a.approvalId).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('lists issued approvals awaiting their email until the email is recorded sent', async () => {
    await approvals.createApproval(approval('e1', '2026-02-01T00:00:00.000Z'));
    await approvals.updateApproval('e1', {
      status: 'issued',
      certificateNumber: 'N1',
      updatedAt: '2026-02-01T00:00:05.000Z',
    });
    const awaiting = async () => (await approvals.listApprovalsAwaitingEmail()).map((a) => a.approvalId);
    expect(await awaiting()).toContain('e1');
    await approvals.updateApproval('e1', { email: { status: 'sending', at: '2026-02-01T00:00:06.000Z' } });
    expect(await awaiting()).toContain('e1');
    await approvals.updateApproval('e1', { email: { status: 'sent', at: '2026-02-01T00:00:07.000Z' } });
    expect(await awaiting()).not.toContain('e1');
    // A failure recorded after "sent" (a bounce) puts it back (written after the change: it cannot be known before).
    await approvals.updateApproval('e1', { email: { status: 'failed', at: '2026-02-01T00:00:08.000Z' } });
    expect(await awaiting()).toContain('e1');
    expect(await idsIn('issued')).toEqual(['e1']);
    // The sweep's window: issued before a time.
    expect(
      (await approvals.listApprovalsAwaitingEmail({ updatedBefore: '2026-02-01T00:00:05.000Z' })).map(
        (a) => a.approvalId,
      ),
    ).not.toContain('e1');
  });

  it('skips a pointer left behind by a crash, and pages newest first', async () => {
    await approvals.createApproval(approval('s1', '2026-03-01T00:00:00.000Z', { status: 'failed' }));
    // As a crash after the pointer write and before the approval's would leave it.
    await clients.documentClient.send(
      new PutCommand({
        TableName: 'registry',
        Item: {
          pk: 'APPROVALS#failed',
          sk: '2026-03-01T00:00:09.000Z#s1',
          kind: 'approval-pointer',
          approvalId: 's1',
        },
      }),
    );
    await clients.documentClient.send(
      new PutCommand({
        TableName: 'registry',
        Item: { pk: 'APPROVALS#failed', sk: '2026-03-01T00:00:08.000Z#ghost', kind: 'approval-pointer' },
      }),
    );
    expect(await idsIn('failed')).toEqual(['s1']);

    for (const n of [1, 2, 3, 4, 5])
      await approvals.createApproval(
        approval(`r${n}`, `2026-03-02T00:00:0${n}.000Z`, { status: 'rejected' }),
      );
    const first = await approvals.listApprovalsInStatus('rejected', { limit: 2 });
    expect(first.approvals.map((a) => a.approvalId)).toEqual(['r5', 'r4']);
    const second = await approvals.listApprovalsInStatus('rejected', { limit: 2, after: first.next! });
    expect(second.approvals.map((a) => a.approvalId)).toEqual(['r3', 'r2']);
    const older = await approvals.listApprovalsInStatus('rejected', {
      updatedBefore: '2026-03-02T00:00:03.000Z',
    });
    expect(older.approvals.map((a) => a.approvalId)).toEqual(['r2', 'r1']);
  });
});

describe('claims not done', () => {
  it('are listed from their open pointers until completed, then never again', async () => {
    const t0 = new Date('2026-04-01T00:00:00.000Z');
    const later = new Date(t0.getTime() + 60_000);
    expect((await claims.claim('open-a', { holder: 'h1', now: t0, leaseMs: 1000 })).granted).toBe(true);
    expect((await claims.claim('open-b', { holder: 'h1', now: t0, leaseMs: 1000 })).granted).toBe(true);
    await claims.release('open-b', 'h1', 'SES said no');
    const unfinished = async (before: Date) => (await claims.listUnfinished(before)).map((c) => c.key).sort();
    expect(await unfinished(later)).toEqual(['open-a', 'open-b']);
    // Leases not yet run out are not stuck.
    expect(await unfinished(t0)).toEqual([]);
    await claims.complete('open-a', 'h1', later);
    expect(await unfinished(later)).toEqual(['open-b']);
    // A refused claim of done work lists nothing again.
    expect((await claims.claim('open-a', { holder: 'h2', now: later, leaseMs: 1000 })).granted).toBe(false);
    expect(await unfinished(new Date(later.getTime() + 60_000))).toEqual(['open-b']);
  });
});
