import { DescribeTimeToLiveCommand, type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import {
  DynamoDbApprovalStore,
  DynamoDbCertificateStore,
  DynamoDbClaimLedger,
  DynamoDbCourseCatalog,
  DynamoDbEnrolmentStore,
  DynamoDbParticipantAccessTokens,
  DynamoDbParticipantRecords,
  DynamoDbSigningKeyRegistry,
} from '../../functions/adapters/aws/dynamodb-stores.js';
import type { Approval, Certificate } from '../../functions/core/model.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { sampleCourse } from '../../functions/local/sample-programme.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

let dynamodb: LocalService;
let certificates: DynamoDbCertificateStore;
let approvals: DynamoDbApprovalStore;
let courses: DynamoDbCourseCatalog;
let keys: DynamoDbSigningKeyRegistry;
let claims: DynamoDbClaimLedger;
let accessTokens: DynamoDbParticipantAccessTokens;
let enrolments: DynamoDbEnrolmentStore;
let participantRecords: DynamoDbParticipantRecords;
let rawClient: DynamoDBClient;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  rawClient = clients.dynamodb;
  certificates = new DynamoDbCertificateStore(clients.documentClient, 'registry');
  approvals = new DynamoDbApprovalStore(clients.documentClient, 'approvals', 'registry');
  courses = new DynamoDbCourseCatalog(clients.documentClient, 'registry');
  keys = new DynamoDbSigningKeyRegistry(clients.documentClient, 'registry');
  claims = new DynamoDbClaimLedger(clients.documentClient, 'registry');
  accessTokens = new DynamoDbParticipantAccessTokens(clients.documentClient, 'registry');
  enrolments = new DynamoDbEnrolmentStore(clients.documentClient, 'registry');
  participantRecords = new DynamoDbParticipantRecords(clients.documentClient, 'registry');
});

afterAll(async () => {
  await dynamodb?.stop();
});

let counter = 0;
function certificate(overrides: Partial<Certificate> = {}): Certificate {
  counter += 1;
  const number = `NUMBER${String(counter).padStart(18, '0')}`;
  return {
    number,
    completionKey: `p${counter}#c1#1`,
    approvalId: `apr-${counter}`,
    participantId: `p${counter}`,
    courseId: 'c1',
    holderName: 'Test Holder',
    holderConsentsToPublicName: true,
    courseTitle: 'Course',
    courseDescription: 'About it',
    signatory: { name: 'A', title: 'B' },
    completedAt: '2026-11-01T00:00:00.000Z',
    issuedAt: '2026-11-02T00:00:00.000Z',
    status: 'valid',
    version: 1,
    document: { key: `certificates/${number}/v1.pdf`, sha256Hex: `${counter}`.padStart(64, 'a'), bytes: 10 },
    signature: { keyId: 'arn:key', kid: 'kid-1', algorithm: 'ECDSA_SHA_256', derBase64: 'AA==' },
    credential: 'h.p.s',
    downloadToken: 'token',
    downloadTokenExpiresAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('the DynamoDB stores against DynamoDB Local', () => {
  it('issue one certificate per completion, even when two executions race', async () => {
    const first = certificate();
    const rival = certificate({ completionKey: first.completionKey });
    const results = await Promise.all([
      certificates.createCertificate(first),
      certificates.createCertificate(rival),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const winner = results[0]!.created ? first : rival;
    const loser = winner === first ? rival : first;
    expect(results.find((result) => !result.created)).toEqual({
      created: false,
      existingNumber: winner.number,
    });
    expect(await certificates.findByCompletion(first.completionKey)).toBe(winner.number);
    expect(await certificates.findByDigest(winner.document.sha256Hex)).toBe(winner.number);
    // The loser left nothing behind: no record and no document index entry.
    expect(await certificates.getCertificate(loser.number)).toBeUndefined();
    expect(await certificates.findByDigest(loser.document.sha256Hex)).toBeUndefined();
  });

  it('let exactly one caller take a claim, take over only an expired lease, and never a finished one', async () => {
    const t0 = new Date('2026-11-02T00:00:00.000Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const grants = await Promise.all(
      ['a', 'b', 'c'].map((holder) => claims.claim('email#1', { holder, now: t0, leaseMs: 60_000 })),
    );
    expect(grants.filter((grant) => grant.granted)).toHaveLength(1);
    const holder = (await claims.get('email#1'))!.holder;
    // A live lease holds; an expired one is taken over, exactly once.
    expect((await claims.claim('email#1', { holder: 'd', now: at(30), leaseMs: 60_000 })).granted).toBe(
      false,
    );
    const takeovers = await Promise.all(
      ['e', 'f'].map((next) => claims.claim('email#1', { holder: next, now: at(61), leaseMs: 60_000 })),
    );
    expect(takeovers.filter((grant) => grant.granted)).toEqual([
      { granted: true, takenOver: true, attempts: 2 },
    ]);
    // The first holder, late, cannot free the new holder's claim.
    await claims.release('email#1', holder, 'late failure');
    expect((await claims.claim('email#1', { holder: 'g', now: at(62), leaseMs: 60_000 })).granted).toBe(
      false,
    );
    const current = (await claims.get('email#1'))!;
    await claims.release('email#1', current.holder, 'SES throttled');
    expect(await claims.get('email#1')).toMatchObject({ state: 'released', lastError: 'SES throttled' });
    expect(await claims.claim('email#1', { holder: 'h', now: at(63), leaseMs: 60_000 })).toMatchObject({
      granted: true,
      takenOver: false,
      attempts: 3,
    });
    await claims.complete('email#1', 'h', at(64), { messageId: 'm-1' });
    const refused = await claims.claim('email#1', { holder: 'i', now: at(10_000), leaseMs: 60_000 });
    expect(refused).toMatchObject({
      granted: false,
      record: { state: 'done', outcome: { messageId: 'm-1' } },
    });
  });

  it('list unfinished claims past their lease, and not once done', async () => {
    const at = new Date('2031-01-01T00:00:00.000Z');
    await claims.claim('index-test#given-back', { holder: 'a', now: at, leaseMs: 1000 });
    await claims.release('index-test#given-back', 'a', 'SES refused');
    await claims.claim('index-test#holder-died', { holder: 'b', now: at, leaseMs: 1000 });
    await claims.claim('index-test#done', { holder: 'c', now: at, leaseMs: 1000 });
    await claims.complete('index-test#done', 'c', at);
    await claims.claim('index-test#still-leased', { holder: 'd', now: at, leaseMs: 60 * 60 * 1000 });
    const keys = (await claims.listUnfinished(new Date(at.getTime() + 5000)))
      .map((claim) => claim.key)
      .filter((key) => key.startsWith('index-test#'))
      .sort();
    expect(keys).toEqual(['index-test#given-back', 'index-test#holder-died']);
  });

  it('find personal-link tokens by hash and revoke every one of a participant', async () => {
    const token = (hash: string, participantId: string) => ({
      tokenHash: hash,
      participantId,
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2027-11-01T00:00:00.000Z',
    });
    await accessTokens.addToken(token('h1', 'p-links'));
    await accessTokens.addToken(token('h2', 'p-links'));
    await accessTokens.addToken(token('h3', 'p-other'));
    await expect(accessTokens.addToken(token('h1', 'p-other'))).rejects.toThrow();
    expect(await accessTokens.findToken('h1')).toEqual(token('h1', 'p-links'));
    expect(await accessTokens.revokeTokensOf('p-links', '2026-11-05T00:00:00.000Z')).toBe(2);
    expect(await accessTokens.revokeTokensOf('p-links', '2026-11-06T00:00:00.000Z')).toBe(0);
    expect(await accessTokens.findToken('h2')).toMatchObject({ revokedAt: '2026-11-05T00:00:00.000Z' });
    expect(await accessTokens.findToken('h3')).not.toHaveProperty('revokedAt');
    // Expired tokens are removed by DynamoDB TTL, which reads epoch seconds only (an ISO string is ignored).
    const raw = await rawClient.send(
      new GetItemCommand({
        TableName: 'registry',
        Key: { pk: { S: 'ACCESS_TOKEN#h1' }, sk: { S: 'ACCESS_TOKEN' } },
      }),
    );
    expect(raw.Item?.ttlEpochSeconds?.N).toBe(String(Date.parse('2027-12-01T00:00:00.000Z') / 1000));
    expect(await accessTokens.findToken('h1')).not.toHaveProperty('ttlEpochSeconds');
    const ttl = await rawClient.send(new DescribeTimeToLiveCommand({ TableName: 'registry' }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'ttlEpochSeconds',
      TimeToLiveStatus: 'ENABLED',
    });
  });

  it('find certificates by expiry day with one key query, corrected versions included', async () => {
    const expiring = certificate({ expiresAt: '2028-02-29T10:00:00.000Z' });
    const other = certificate({ expiresAt: '2028-03-01T00:00:00.000Z' });
    const never = certificate();
    for (const entry of [expiring, other, never]) await certificates.createCertificate(entry);
    const corrected = certificate({
      expiresAt: expiring.expiresAt!,
      supersedes: expiring.number,
      version: 2,
    });
    expect(await certificates.supersede(expiring.number, corrected)).toBe(true);
    expect((await certificates.listNumbersExpiringOn('2028-02-29')).sort()).toEqual(
      [expiring.number, corrected.number].sort(),
    );
    expect(await certificates.listNumbersExpiringOn('2028-03-01')).toEqual([other.number]);
    expect(await certificates.listNumbersExpiringOn('2028-03-02')).toEqual([]);
  });

  it('enrol a participant once, listed under the participant and under the course', async () => {
    const enrolment = {
      participantId: 'enrolled-1',
      courseId: 'course-e',
      enrolledAt: '2026-12-02T08:00:00.000Z',
    };
    expect(await enrolments.putEnrolment({ ...enrolment, cohort: 'A' })).toBe(true);
    expect(await enrolments.putEnrolment({ ...enrolment, enrolledAt: '2026-12-03T08:00:00.000Z' })).toBe(
      false,
    );
    await enrolments.putEnrolment({ ...enrolment, participantId: 'enrolled-2' });
    expect(await enrolments.getEnrolment('enrolled-1', 'course-e')).toEqual({ ...enrolment, cohort: 'A' });
    expect((await enrolments.listEnrolmentsOfCourse('course-e')).map((e) => e.participantId).sort()).toEqual([
      'enrolled-1',
      'enrolled-2',
    ]);
    expect(await participantRecords.listEnrolmentsOf('enrolled-1')).toEqual([{ ...enrolment, cohort: 'A' }]);
  });

  it('supersede a valid certificate once, atomically with the corrected version', async () => {
    const original = certificate();
    await certificates.createCertificate(original);
    const correctedA = certificate({ supersedes: original.number, version: 2 });
    const correctedB = certificate({ supersedes: original.number, version: 2 });
    const outcomes = await Promise.all([
      certificates.supersede(original.number, correctedA),
      certificates.supersede(original.number, correctedB),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const winner = outcomes[0] ? correctedA : correctedB;
    const loser = outcomes[0] ? correctedB : correctedA;
    expect(await certificates.getCertificate(original.number)).toMatchObject({
      status: 'superseded',
      supersededBy: winner.number,
    });
    expect(await certificates.getCertificate(loser.number)).toBeUndefined();
    expect(await certificates.revoke(original.number, { at: 'now', reason: 'too late', by: 'staff' })).toBe(
      false,
    );
  });

  it('revoke only a valid certificate', async () => {
    const issued = certificate();
    await certificates.createCertificate(issued);
    expect(
      await certificates.revoke(issued.number, {
        at: '2026-11-03T00:00:00Z',
        reason: 'issued in error',
        by: 'staff',
      }),
    ).toBe(true);
    expect(
      await certificates.revoke(issued.number, { at: '2026-11-04T00:00:00Z', reason: 'again', by: 'staff' }),
    ).toBe(false);
    expect(await certificates.getCertificate(issued.number)).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-11-03T00:00:00Z',
      revocationReason: 'issued in error',
      revokedBy: 'staff',
    });
  });

  it('store approvals once by id', async () => {
    const approval: Approval = {
      approvalId: 'apr-store-test',
      participantId: 'p',
      courseId: 'c',
      attempt: 1,
      approvedBy: 'staff',
      approvedAt: '2026-11-01T00:00:00.000Z',
      status: 'received',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    expect(await approvals.createApproval(approval)).toBe(true);
    expect(await approvals.createApproval({ ...approval, approvedBy: 'someone else' })).toBe(false);
    expect(await approvals.getApproval(approval.approvalId)).toEqual(approval);
    await approvals.updateApproval(approval.approvalId, { status: 'failed', reasons: ['x'] });
    await approvals.updateApproval(approval.approvalId, { status: 'received', reasons: undefined });
    expect(await approvals.getApproval(approval.approvalId)).toEqual(approval);
    await expect(approvals.updateApproval('apr-missing', { status: 'failed' })).rejects.toThrow();
  });

  it('keep courses and signing keys in the shared registry table without mixing them up', async () => {
    await courses.putCourse(sampleCourse);
    expect(await courses.getCourse(sampleCourse.courseId)).toEqual(sampleCourse);
    expect((await courses.listCourses()).map((course) => course.courseId)).toEqual([sampleCourse.courseId]);
    const key = {
      kid: 'thumbprint-1',
      kmsKeyId: 'arn:aws:kms:eu-west-1:000000000000:key/1',
      publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
      status: 'active' as const,
      firstUsedAt: '2026-11-01T00:00:00.000Z',
    };
    expect(await keys.addKey(key)).toBe(true);
    expect(await keys.addKey({ ...key, kmsKeyId: 'other' })).toBe(false);
    await keys.updateKey(key.kid, { status: 'compromised', compromisedAt: '2026-11-05T00:00:00.000Z' });
    expect(await keys.listKeys()).toEqual([
      { ...key, status: 'compromised', compromisedAt: '2026-11-05T00:00:00.000Z' },
    ]);
  });
});
