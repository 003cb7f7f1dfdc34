import { CreateBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import {
  DynamoDbClaimLedger,
  DynamoDbParticipantDirectory,
  DynamoDbParticipantErasures,
  DynamoDbPersonalDataLog,
} from '../../functions/adapters/aws/dynamodb-stores.js';
import { REGISTRY_TTL_ATTRIBUTE } from '../../functions/adapters/aws/registry-ttl.js';
import { createS3Client, S3DocumentStore } from '../../functions/adapters/aws/s3-document-store.js';
import { RETENTION } from '../../functions/core/retention.js';
import { scanTable } from '../../functions/local/chaos-run.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { sweepExpiredItems } from '../../functions/local/retention-sweep.js';
import { type LocalService, startDynamoDbLocal, startS3rver } from '../../functions/local/services.js';

const REGISTRY = 'registry';
let dynamodb: LocalService;
let s3rver: LocalService;
let clients: ReturnType<typeof createAwsClients>;
let s3: S3Client;

beforeAll(async () => {
  [dynamodb, s3rver] = await Promise.all([startDynamoDbLocal({}), startS3rver({})]);
  clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: REGISTRY });
  s3 = createS3Client({ region: 'eu-west-1', endpoint: s3rver.endpoint });
  await s3.send(new CreateBucketCommand({ Bucket: 'erasure-documents' }));
});

afterAll(async () => {
  s3?.destroy();
  await Promise.all([dynamodb?.stop(), s3rver?.stop()]);
});

const put = (item: Record<string, unknown>) =>
  clients.documentClient.send(new PutCommand({ TableName: REGISTRY, Item: item }));
const get = async (pk: string, sk: string) =>
  (await clients.documentClient.send(new GetCommand({ TableName: REGISTRY, Key: { pk, sk } }))).Item;

describe('the erasure adapters against DynamoDB Local', () => {
  it('delete every item of the participant’s partition, consent records included, but the tombstone and access trail', async () => {
    const erasures = new DynamoDbParticipantErasures(clients.documentClient, REGISTRY);
    const directory = new DynamoDbParticipantDirectory(clients.documentClient, REGISTRY);
    const log = new DynamoDbPersonalDataLog(clients.documentClient, REGISTRY);
    const participant = {
      participantId: 'p-erase',
      fullName: 'Ayanda Gone',
      email: 'Ayanda@Example.org',
      consentToPublicName: true,
    };
    await directory.putParticipant(participant);
    await put({
      pk: 'PARTICIPANT#p-erase',
      sk: 'CONSENT#2026-12-01#public-name',
      kind: 'consent',
      granted: true,
    });
    await put({ pk: 'PARTICIPANT#p-erase', sk: 'PROGRESS#c-1', kind: 'progress' });
    await put({ pk: 'PARTICIPANT#p-other', sk: 'PROFILE', kind: 'participant', fullName: 'Someone Else' });
    await log.recordAccess({
      participantId: 'p-erase',
      at: '2026-12-01T00:00:00.000Z',
      actor: 'dpo',
      action: 'erasure',
    });
    await erasures.putTombstone({
      participantId: 'p-erase',
      erasedAt: '2026-12-01T00:00:00.000Z',
      reason: 'holder-request',
      actor: 'dpo',
      removed: {},
    });

    expect(await erasures.deleteEmailLookup('p-erase', participant.email)).toBe(1);
    expect(await erasures.deleteEmailLookup('p-erase', participant.email)).toBe(0);
    expect(await erasures.deletePersonalItemsOf('p-erase')).toEqual({
      participant: 1,
      consent: 1,
      progress: 1,
    });
    expect(await erasures.deletePersonalItemsOf('p-erase')).toEqual({});

    const left = (await scanTable(clients.documentClient, REGISTRY)).filter(
      (item) => item.pk === 'PARTICIPANT#p-erase',
    );
    expect(left.map((item) => String(item.sk).split('#')[0]).sort()).toEqual(['ACCESS', 'TOMBSTONE']);
    expect(await erasures.getTombstone('p-erase')).toMatchObject({ reason: 'holder-request', actor: 'dpo' });
    expect(await get('PARTICIPANT#p-other', 'PROFILE')).toBeDefined();
  });

  it('leave an address lookup alone that now points at someone else', async () => {
    const erasures = new DynamoDbParticipantErasures(clients.documentClient, REGISTRY);
    const directory = new DynamoDbParticipantDirectory(clients.documentClient, REGISTRY);
    await directory.putParticipant({
      participantId: 'p-new',
      fullName: 'New',
      email: 'shared@example.org',
      consentToPublicName: false,
    });
    expect(await erasures.deleteEmailLookup('p-old', 'shared@example.org')).toBe(0);
  });
});

describe('retention TTLs and the local sweep against DynamoDB Local', () => {
  it('stamps claims, sent notices and the access trail with the scheduled TTL', async () => {
    const claims = new DynamoDbClaimLedger(clients.documentClient, REGISTRY);
    const log = new DynamoDbPersonalDataLog(clients.documentClient, REGISTRY);
    const at = new Date('2026-12-01T00:00:00.000Z');
    await claims.claim('retention-test', { holder: 'h', now: at, leaseMs: 1000 });
    await log.recordNoticeSent({
      participantId: 'p-ttl',
      notice: 'enrolled',
      sentAt: at.toISOString(),
      messageId: 'm-1',
    });
    await log.recordAccess({ participantId: 'p-ttl', at: at.toISOString(), actor: 'dpo', action: 'export' });
    const epoch = at.getTime() / 1000;
    const day = 86_400;
    expect((await get('CLAIM#retention-test', 'CLAIM'))?.[REGISTRY_TTL_ATTRIBUTE]).toBe(
      epoch + RETENTION.claims.days * day,
    );
    expect((await get('PARTICIPANT#p-ttl', `NOTICE#${at.toISOString()}#m-1`))?.[REGISTRY_TTL_ATTRIBUTE]).toBe(
      epoch + RETENTION.sentNotices.days * day,
    );
    expect((await get('PARTICIPANT#p-ttl', `ACCESS#${at.toISOString()}#dpo`))?.[REGISTRY_TTL_ATTRIBUTE]).toBe(
      epoch + RETENTION.accessTrail.days * day,
    );
  });

  it('deletes what has expired and nothing else, as DynamoDB TTL would', async () => {
    const now = new Date('2030-01-01T00:00:00.000Z');
    const nowSeconds = now.getTime() / 1000;
    await put({ pk: 'SWEEP#expired', sk: 'X', [REGISTRY_TTL_ATTRIBUTE]: nowSeconds - 1 });
    await put({ pk: 'SWEEP#later', sk: 'X', [REGISTRY_TTL_ATTRIBUTE]: nowSeconds + 3600 });
    await put({ pk: 'SWEEP#forever', sk: 'X' });
    const before = (await scanTable(clients.documentClient, REGISTRY)).filter(
      (item) =>
        typeof item[REGISTRY_TTL_ATTRIBUTE] === 'number' &&
        (item[REGISTRY_TTL_ATTRIBUTE] as number) < nowSeconds,
    ).length;

    const { deleted } = await sweepExpiredItems(clients.documentClient, REGISTRY, now);
    expect(deleted).toBe(before);
    expect(await get('SWEEP#expired', 'X')).toBeUndefined();
    expect(await get('SWEEP#later', 'X')).toBeDefined();
    expect(await get('SWEEP#forever', 'X')).toBeDefined();
    // The tombstone carries no TTL: it outlives every sweep.
    expect(await get('PARTICIPANT#p-erase', 'TOMBSTONE')).toBeDefined();
    expect((await sweepExpiredItems(clients.documentClient, REGISTRY, now)).deleted).toBe(0);
  });
});

describe('deleting every version of a PDF against s3rver (which keeps no versions)', () => {
  it('deletes what exists, then finds nothing', async () => {
    const store = new S3DocumentStore(s3, 'erasure-documents');
    const key = 'certificates/ERASE1/v1.pdf';
    await store.put(key, new TextEncoder().encode('%PDF-1.7 one'), 'application/pdf');
    await store.put(`${key}.other`, new TextEncoder().encode('%PDF-1.7 two'), 'application/pdf');
    expect(await store.deleteAllVersions(key)).toBe(1);
    expect(await store.get(key)).toBeUndefined();
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'erasure-documents', Key: key }))).rejects.toThrow();
    expect(await store.deleteAllVersions(key)).toBe(0);
    // A key that merely starts the same way is another document.
    expect(await store.get(`${key}.other`)).toBeDefined();
  });
});
