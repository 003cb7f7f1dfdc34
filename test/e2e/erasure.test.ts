import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOffline } from '../../bin/verify-offline.js';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { scanTable } from '../../functions/local/chaos-run.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, certsCli, mailbox } from '../support/local-api.js';

/**
 * A holder asks to be forgotten: staff erase them (the CLI), and afterwards the certificate still checks
 * out as genuine everywhere a verifier looks, nothing replayed brings them back, and the local AWS
 * stand-ins themselves hold no name, address or PDF of theirs.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let workDir: string;

const COURSE = {
  courseId: 'erasure-basics',
  title: 'Erasure Basics',
  description: 'What is kept, and what is not.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};
const HOLDER = {
  participantId: 'erase-me',
  fullName: 'Zanele Forgotten-Mthembu',
  email: 'zanele.forgotten@example.org',
  consentToPublicName: true,
  consent: {
    nameOnCertificate: true,
    surveysAndReminders: true,
    channel: 'paper-form',
    recordedBy: 'erasure test',
  },
};
const OTHER = {
  participantId: 'keep-me',
  fullName: 'Bongani Kept-Zulu',
  email: 'bongani.kept@example.org',
  consentToPublicName: true,
  consent: {
    nameOnCertificate: true,
    surveysAndReminders: true,
    channel: 'paper-form',
    recordedBy: 'erasure test',
  },
};
const PROGRESS = {
  completedModuleIds: [],
  quizScores: {},
  peerReviewPassed: false,
  completedAt: '2026-11-20T10:00:00.000Z',
};
const approvalOf = (participantId: string) => ({
  participantId,
  courseId: COURSE.courseId,
  approvedBy: 'staff@saypro.online',
  contentRef: `submission-of-${participantId}`,
});

const issued: Record<string, { approvalId: string; number: string; pdf: Buffer; credential: string }> = {};

async function issue(person: typeof HOLDER) {
  expect((await api.request('PUT', `/operator/participants/${person.participantId}`, person)).status).toBe(
    200,
  );
  const enrolment = await api.request(
    'PUT',
    `/operator/courses/${COURSE.courseId}/enrolments/${person.participantId}`,
    {},
  );
  expect(enrolment.status).toBe(201);
  await api.request('PUT', `/operator/progress/${person.participantId}/${COURSE.courseId}`, PROGRESS);
  const approval = await api.request('POST', '/approvals', approvalOf(person.participantId));
  expect(approval.status).toBe(202);
  const settled = await api.settledApproval(approval.json.approvalId, 60_000);
  expect(settled).toMatchObject({ status: 'issued', certificate: { delivery: 'sent' } });
  const number = formatCertificateNumber(settled.certificate.number.replace(/-/g, ''));
  const record = (await stack.deps.certificates.getCertificate(number.replace(/-/g, '')))!;
  const credential = await (await fetch(`${stack.url}/certificates/${number}/credential`)).text();
  issued[person.participantId] = {
    approvalId: approval.json.approvalId,
    number,
    pdf: Buffer.from((await stack.deps.documents.get(record.document.key))!),
    credential,
  };
}

const clients = () =>
  createAwsClients({
    region: 'eu-west-1',
    dynamodbEndpoint: stack.endpoints.dynamodb,
    s3Endpoint: stack.endpoints.s3,
  });

beforeAll(async () => {
  stack = await startLocalStack({ recoverySweepMs: 0, reminderSweepMs: 0, retentionSweepMs: 0 });
  api = apiClient(stack);
  workDir = mkdtempSync(join(tmpdir(), 'saypro-erasure-'));
  await api.putCourse(COURSE);
  await issue(HOLDER);
  await issue(OTHER);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('erasing a holder', () => {
  let mailsBefore = 0;

  it('is done by staff with the CLI, recorded, and answers as done when run again', async () => {
    mailsBefore = (await mailbox(stack)).length;
    const cli = certsCli(stack);
    const missing = await cli('participant', 'erase', HOLDER.participantId, '--by', 'dpo@saypro.online');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--reason');
    const badReason = await cli(
      'participant',
      'erase',
      HOLDER.participantId,
      '--reason',
      'because',
      '--by',
      'dpo',
    );
    expect(badReason.code).not.toBe(0);
    expect(badReason.stderr).toMatch(/reason.*holder-request/s);

    const run = await cli(
      'participant',
      'erase',
      HOLDER.participantId,
      '--reason',
      'holder-request',
      '--by',
      'dpo@saypro.online',
    );
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      participantId: HOLDER.participantId,
      reason: 'holder-request',
      alreadyErased: false,
    });
    expect(result.removed).toMatchObject({ participant: 1, progress: 1, enrolment: 1, documentVersions: 1 });
    expect(result.removed['sent-notice']).toBeGreaterThanOrEqual(2);
    expect(result.residual).toContain('35 days');

    const again = await api.request('POST', `/operator/participants/${HOLDER.participantId}/erasure`, {
      reason: 'holder-request',
      actor: 'dpo@saypro.online',
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      alreadyErased: true,
      erasedAt: result.erasedAt,
      removed: result.removed,
    });
  });

  it('refuses the replayed approval with 410 and the reason, and the replayed workflow issues nothing', async () => {
    const replay = await api.request('POST', '/approvals', approvalOf(HOLDER.participantId));
    expect(replay.status).toBe(410);
    expect(replay.json.error).toMatch(/erased/);
    const reRegister = await api.request('PUT', `/operator/participants/${HOLDER.participantId}`, HOLDER);
    expect(reRegister.status).toBe(410);
    const enrol = await api.request(
      'PUT',
      `/operator/courses/${COURSE.courseId}/enrolments/${HOLDER.participantId}`,
      {},
    );
    expect(enrol.status).toBe(410);
    const lookup = await api.request('GET', `/operator/participants/${HOLDER.participantId}`);
    expect(lookup.status).toBe(410);
    expect(lookup.json.error).toContain('holder-request');
    const progress = await api.request(
      'PUT',
      `/operator/progress/${HOLDER.participantId}/${COURSE.courseId}`,
      PROGRESS,
    );
    expect(progress.status).toBe(410);

    const { approvalId } = issued[HOLDER.participantId]!;
    // The stream record replayed: the execution's name is taken, so nothing starts.
    expect(await stack.workflow.startIssuance(approvalId)).toEqual({ started: false });
    // An operator's retry (a new execution) stops at its first step.
    expect((await stack.workflow.startIssuance(approvalId, `${approvalId}-after-erasure`)).started).toBe(
      true,
    );
    await stack.workflow.drain();
    const status = await api.request('GET', `/operator/approvals/${approvalId}`);
    expect(JSON.stringify(status.json)).toMatch(/ParticipantErasedError/);

    expect((await mailbox(stack)).length).toBe(mailsBefore);
    const registry = await scanTable(clients().documentClient, 'saypro-registry');
    const certificates = registry.filter(
      (item) => item.kind === 'certificate' && item.participantId === HOLDER.participantId,
    );
    expect(certificates).toHaveLength(1);
    expect(
      registry.some((item) => item.pk === `PARTICIPANT#${HOLDER.participantId}` && item.sk === 'PROFILE'),
    ).toBe(false);
  });

  it('still shows the certificate as genuine and issued, by number (JSON and page)', async () => {
    const { number } = issued[HOLDER.participantId]!;
    const view = await api.request('GET', `/certificates/${number}`, undefined, { 'x-api-key': '' });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      number,
      status: 'valid',
      course: { title: COURSE.title },
      signature: { valid: true },
      holderDetailsWithdrawn: { note: 'Holder details withdrawn at the holder’s request.' },
    });
    expect(view.json.holder).toBeUndefined();
    expect(view.text).not.toContain(HOLDER.fullName);

    const page = await (await fetch(`${stack.url}/verify/${number}`)).text();
    expect(page).toContain('data-status="valid"');
    expect(page).toContain('Holder details withdrawn at the holder’s request');
    expect(page).not.toContain(HOLDER.fullName);
  });

  it('still matches the holder’s saved PDF by digest, and their saved credential offline', async () => {
    const { pdf, credential, number } = issued[HOLDER.participantId]!;
    const upload = await fetch(`${stack.url}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', accept: 'application/json' },
      body: new Uint8Array(pdf),
    });
    const report = (await upload.json()) as { certificate?: { holderDetailsWithdrawn?: unknown } };
    expect(report).toMatchObject({ valid: true, checks: { issuedDocument: true, signature: true } });
    expect(report.certificate?.holderDetailsWithdrawn).toBeDefined();

    const jwks = await (await fetch(`${stack.url}/.well-known/jwks.json`)).text();
    const jwksFile = join(workDir, 'jwks.json');
    const credentialFile = join(workDir, 'credential.jwt');
    writeFileSync(jwksFile, jwks);
    writeFileSync(credentialFile, credential);
    const offline = await verifyOffline(credentialFile, { jwks: jwksFile });
    expect(offline.valid).toBe(true);
    // The published copy named the holder, so it is withdrawn; the holder's own copy is what verifies.
    expect((await fetch(`${stack.url}/certificates/${number}/credential`)).status).toBe(410);
  });

  it('leaves no name, address or PDF of the holder in DynamoDB Local or s3rver, and the other holder intact', async () => {
    const { documentClient, s3 } = clients();
    const tables = [
      ...(await scanTable(documentClient, 'saypro-registry')),
      ...(await scanTable(documentClient, 'saypro-approvals')),
    ];
    const everything = JSON.stringify(tables);
    expect(everything).not.toContain(HOLDER.fullName);
    expect(everything.toLowerCase()).not.toContain(HOLDER.email);
    expect(everything).not.toContain(`submission-of-${HOLDER.participantId}`);
    expect(everything).toContain(`submission-of-${OTHER.participantId}`);
    expect(everything).toContain(OTHER.fullName);
    const left = tables
      .filter((item) => item.pk === `PARTICIPANT#${HOLDER.participantId}`)
      .map((item) => String(item.sk));
    expect(left.filter((sk) => !sk.startsWith('ACCESS#'))).toEqual(['TOMBSTONE']);
    expect(left.some((sk) => sk.startsWith('ACCESS#'))).toBe(true);

    const objects = await s3.send(new ListObjectsV2Command({ Bucket: 'saypro-certificate-documents' }));
    const keys = (objects.Contents ?? []).map((object) => object.Key);
    const holderNumber = issued[HOLDER.participantId]!.number.replace(/-/g, '');
    const otherNumber = issued[OTHER.participantId]!.number.replace(/-/g, '');
    expect(keys.some((key) => key?.includes(holderNumber))).toBe(false);
    expect(keys.some((key) => key?.includes(otherNumber))).toBe(true);
    const [otherCertificate] = (await scanTable(documentClient, 'saypro-registry')).filter(
      (item) => item.kind === 'certificate' && item.participantId === OTHER.participantId,
    );
    expect(otherCertificate).toMatchObject({ holderName: OTHER.fullName });
  });
});
