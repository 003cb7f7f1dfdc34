import { createHash } from 'node:crypto';
import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { verifyDigestSignature } from '../../functions/core/signature.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { apiClient, mailbox } from '../support/local-api.js';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  // Set the programme up through the operator API, as staff would.
  await api.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) await api.putParticipant(participant, progress);
});

afterAll(async () => {
  await stack?.stop();
});

const approve = (participantId: string) =>
  api.request('POST', '/approvals', {
    participantId,
    courseId: sampleCourse.courseId,
    approvedBy: 'staff@saypro.online',
  });

describe('an approval goes in, a signed certificate comes out by email', () => {
  let approvalId: string;
  let certificate: { number: string };

  it('accepts the approval and issues, signs, stores and emails the certificate', async () => {
    const accepted = await approve('thandiwe-nkosi');
    expect(accepted.status).toBe(202);
    approvalId = accepted.json.approvalId;

    const settled = await api.settledApproval(approvalId);
    expect(settled).toMatchObject({ status: 'issued', certificate: { status: 'valid', delivery: 'sent' } });
    certificate = settled.certificate;

    const view = await api.request('GET', `/certificates/${certificate.number}`, undefined, {
      'x-api-key': '',
    });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      number: certificate.number,
      status: 'valid',
      course: { title: sampleCourse.title },
      holder: { name: 'Thandiwe Nkosi' },
      completedAt: '2026-11-20T10:00:00.000Z',
      issuedAt: expect.any(String),
      signature: { valid: true },
    });
  });

  it('stores a PDF whose SHA-256 is the signed digest, verifiable with the key from KMS GetPublicKey', async () => {
    const record = (await stack.deps.certificates.getCertificate(certificate.number.replace(/-/g, '')))!;
    const pdf = (await stack.deps.documents.get(record.document.key))!;
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const digest = createHash('sha256').update(pdf).digest();
    expect(digest.toString('hex')).toBe(record.document.sha256Hex);

    // Ask KMS itself for the public key, with a client of our own, as an outside verifier would.
    const { kms } = createAwsClients({ region: 'eu-west-1', kmsEndpoint: stack.endpoints.kms });
    const { PublicKey, KeySpec } = await kms.send(new GetPublicKeyCommand({ KeyId: record.signature.keyId }));
    expect(KeySpec).toBe('ECC_NIST_P256');
    const signatureDer = Buffer.from(record.signature.derBase64, 'base64');
    expect(verifyDigestSignature({ spkiDer: PublicKey!, digest, signatureDer })).toBe(true);
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 10]! ^= 1;
    const tamperedDigest = createHash('sha256').update(tampered).digest();
    expect(verifyDigestSignature({ spkiDer: PublicKey!, digest: tamperedDigest, signatureDer })).toBe(false);
  });

  it('emails the participant a link that downloads the very same bytes', async () => {
    const mails = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('thandiwe.nkosi@example.org'),
    );
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/[^\s"<>]+\/download\?token=[^\s"<>]+/.exec(mails[0]!.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(link).toContain(`${stack.url}/certificates/${certificate.number}/download`);

    const redirect = await fetch(link!, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const downloaded = await fetch(link!);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toContain(
      `SayPro-Certificate-${certificate.number}.pdf`,
    );
    const bytes = Buffer.from(await downloaded.arrayBuffer());
    const record = (await stack.deps.certificates.getCertificate(certificate.number.replace(/-/g, '')))!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.document.sha256Hex);

    const wrongToken = await fetch(link!.replace(/token=[^&]+/, 'token=guess'), { redirect: 'manual' });
    expect(wrongToken.status).toBe(404);
  });

  it('shows the verification page the QR code opens', async () => {
    const page = await fetch(`${stack.url}/verify/${certificate.number.toLowerCase()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Genuine and valid');
    expect(html).toContain('Thandiwe Nkosi');
  });

  it('yields one certificate and one email for the same approval sent again or its stream record replayed', async () => {
    const again = await approve('thandiwe-nkosi');
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ approvalId, duplicate: true });

    // A stream record delivered twice reaches the workflow starter twice: the second start is refused.
    expect(await stack.deps.workflow.startIssuance(approvalId)).toEqual({ started: false });
    // Even a whole second execution (as after an operator retry) finds the certificate already issued.
    await stack.workflow.startExecution(`${approvalId}-replay`, approvalId);
    await stack.workflow.drain();

    const certificates = await stack.deps.certificates.listCertificates();
    expect(certificates.filter((item) => item.participantId === 'thandiwe-nkosi')).toHaveLength(1);
    const mails = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('thandiwe.nkosi@example.org'),
    );
    expect(mails).toHaveLength(1);
  });
});

describe('an approval that cannot be issued', () => {
  it('tells a participant who is not yet eligible what is missing, and records the reasons', async () => {
    const accepted = await approve('amina-yusuf');
    expect(accepted.status).toBe(202);
    const settled = await api.settledApproval(accepted.json.approvalId);
    expect(settled.status).toBe('not_eligible');
    expect(settled.reasons.map((reason: { code: string }) => reason.code)).toEqual([
      'MODULE_NOT_COMPLETED',
      'QUIZ_BELOW_PASS_MARK',
      'PEER_REVIEW_MISSING',
    ]);
    const mails = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('amina.yusuf@example.org'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('Collaboration Tools');
    expect(await stack.deps.certificates.listCertificates()).not.toContainEqual(
      expect.objectContaining({ participantId: 'amina-yusuf' }),
    );
  });

  it('parks an approval that fails on the way, visibly, and issues it once an operator fixed the cause and retried', async () => {
    // The operator API refuses such a name; this record stands for data that reached the table another way.
    const participant = {
      participantId: 'emoji-only',
      fullName: '🎓🎓',
      email: 'emoji@example.org',
      consentToPublicName: true,
      consents: sampleParticipants[0]!.participant.consents,
    };
    expect(
      (await api.request('PUT', `/operator/participants/${participant.participantId}`, participant)).status,
    ).toBe(400);
    await stack.deps.participants.putParticipant(participant);
    const progress = { ...sampleParticipants[0]!.progress, participantId: participant.participantId };
    await api.request(
      'PUT',
      `/operator/progress/${participant.participantId}/${sampleCourse.courseId}`,
      progress,
    );

    const accepted = await approve(participant.participantId);
    const failed = await api.settledApproval(accepted.json.approvalId);
    expect(failed.status).toBe('failed');
    expect(failed.reasons[0]).toMatch(/^ValidationError: The name has no letters/);
    expect((await api.request('GET', '/operator/approvals')).json.approvals).toContainEqual(
      expect.objectContaining({ approvalId: accepted.json.approvalId, status: 'failed' }),
    );

    await api.request('PUT', `/operator/participants/${participant.participantId}`, {
      ...participant,
      fullName: 'Graduate Ngema',
    });
    const retried = await api.request('POST', `/operator/approvals/${accepted.json.approvalId}/retry`);
    expect(retried.status).toBe(202);
    const issued = await api.settledApproval(accepted.json.approvalId);
    expect(issued).toMatchObject({ status: 'issued', certificate: { delivery: 'sent' } });
    // A second retry of an issued approval is refused rather than repeated.
    expect((await api.request('POST', `/operator/approvals/${accepted.json.approvalId}/retry`)).status).toBe(
      409,
    );
  });

  it('answers a malformed approval with 400 naming each bad field', async () => {
    const response = await api.request('POST', '/approvals', { participantId: '', attempt: 'two' });
    expect(response.status).toBe(400);
    expect(response.json.issues.map((issue: { field: string }) => issue.field).sort()).toEqual([
      'approvedBy',
      'attempt',
      'courseId',
      'participantId',
    ]);
    const notJson = await api.request('POST', '/approvals', '{"participantId":');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toContain('not valid JSON');
  });

  it('keeps an approval for an unknown participant as rejected, with its reason', async () => {
    const response = await api.request('POST', '/approvals', {
      participantId: 'no-such-person',
      courseId: sampleCourse.courseId,
      approvedBy: 'staff@saypro.online',
    });
    expect(response.status).toBe(422);
    expect(response.json.error).toContain('unknown participant "no-such-person"');
    const kept = await api.request('GET', `/operator/approvals/${response.json.approvalId}`);
    expect(kept.json).toMatchObject({
      status: 'rejected',
      reasons: ['unknown participant "no-such-person"'],
    });
  });

  it('refuses operator calls without the API key, and answers bad or unknown numbers clearly', async () => {
    expect((await api.request('POST', '/approvals', {}, { 'x-api-key': 'wrong' })).status).toBe(403);
    const malformed = await api.request('GET', '/certificates/12345');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toContain('24 characters');
    const unknown = await api.request('GET', '/certificates/0000-0000-0000-0000-0000-0000');
    expect(unknown.status).toBe(404);
    expect((await api.request('GET', '/health')).json).toEqual({ status: 'ok' });
  });
});
