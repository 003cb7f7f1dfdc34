import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintParticipantPageLink } from '../../functions/core/use-cases/participant-access.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { PAGE_CSP } from '../../templates/web/page-layout.js';
import { PRIVACY_SECTIONS } from '../../templates/web/privacy-page.js';
import { apiClient, mailbox } from '../support/local-api.js';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

const COURSE = {
  courseId: 'journey-basics',
  title: 'Journey Basics',
  description: 'A course with every kind of requirement.',
  criteria: {
    requiredModules: [{ moduleId: 'm1', title: 'Finding Your Way' }],
    quizzes: [{ quizId: 'q1', title: 'Final Check', passMark: 70 }],
    peerReviewRequired: true,
    issueDeadlineDays: 10,
    validityDays: 365,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  expect((await api.request('PUT', `/operator/courses/${COURSE.courseId}`, COURSE)).status).toBe(200);
  await api.putParticipant(
    <{ participantId: string }>{
      participantId: 'amara',
      fullName: 'Amara Okafor',
      email: 'amara@example.org',
      consentToPublicName: true,
    },
    { participantId: 'amara', courseId: COURSE.courseId, ...FULL_PROGRESS },
  );
  await api.putParticipant(
    <{ participantId: string }>{
      participantId: 'bongani',
      fullName: 'Bongani Zulu',
      email: 'bongani@example.org',
      consentToPublicName: true,
    },
    <{ participantId: string; courseId: string }>{
      participantId: 'bongani',
      courseId: COURSE.courseId,
      ...FULL_PROGRESS,
      quizScores: { q1: 55 },
      peerReviewPassed: false,
    },
  );
  const settled = await api.approveAndSettle('amara', COURSE.courseId);
  expect(settled.status).toBe('issued');
  issuedNumber = settled.certificate.number;
});

const FULL_PROGRESS = {
  completedModuleIds: ['m1'],
  quizScores: { q1: 88 },
  peerReviewPassed: true,
  completedAt: '2026-11-20T10:00:00.000Z',
};
let issuedNumber: string;

const pagePath = async (participantId: string) =>
  new URL((await mintParticipantPageLink(stack.deps, participantId)).url).pathname;

describe('the participant page', () => {
  it('shows each requirement ticked or what is missing', async () => {
    const response = await fetch(`${stack.url}${await pagePath('bongani')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    expect(body).toContain('Hello, Bongani Zulu');
    expect(body).toContain('<li class="met" data-met="true">✓ Module “Finding Your Way”</li>');
    expect(body).toMatch(/data-met="false">✗ Quiz “Final Check” \(pass mark 70%\): Score at least 70%/);
    expect(body).toMatch(/data-met="false">✗ Peer review/);
    expect(body).toContain('No certificate yet.');
  });

  it('lists the certificate with a fresh download, credential, verification and LinkedIn links', async () => {
    const body = await (await fetch(`${stack.url}${await pagePath('amara')}`)).text();
    expect(body).not.toContain('data-met="false"');
    const number = body.match(/data-number="([^"]+)" data-status="valid"/)?.[1];
    expect(number?.replace(/-/g, '')).toBe(issuedNumber.replace(/-/g, ''));
    expect(body).toContain(`href="/verify/${number}"`);
    expect(body).toContain(`href="/certificates/${number}/credential"`);
    // The button goes through our redirect, which counts the share and sends on to LinkedIn.
    expect(body).toContain(`href="/certificates/${number}/linkedin"`);
    const share = await fetch(`${stack.url}/certificates/${number}/linkedin`, { redirect: 'manual' });
    const linkedIn = share.headers.get('location')!;
    const url = new URL(linkedIn);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(url.searchParams.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(url.searchParams.get('name')).toBe('Journey Basics');
    expect(url.searchParams.get('certId')).toBe(number);
    expect(url.searchParams.get('certUrl')).toBe(`${stack.deps.links.verificationBaseUrl}/verify/${number}`);
    expect(linkedIn).toContain(
      `certUrl=${encodeURIComponent(`${stack.deps.links.verificationBaseUrl}/verify/`)}`,
    );
    expect(url.searchParams.get('expirationYear')).toBe(String(new Date().getUTCFullYear() + 1));
    // The secret that proves the credential is hers is shown to her, and only here.
    const record = await stack.deps.certificates.getCertificate(issuedNumber.replace(/-/g, ''));
    expect(record?.holderProofSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(body).toContain(`<code>${record?.holderProofSecret}</code>`);
    const credential = await (await fetch(`${stack.url}/certificates/${number}/credential`)).text();
    expect(Buffer.from(credential.split('.')[1]!, 'base64url').toString()).not.toContain(
      record!.holderProofSecret!,
    );

    const action = body.match(/<form method="post" action="([^"]+\/download)"/)?.[1];
    const pressed = await fetch(`${stack.url}${action}`, { method: 'POST', redirect: 'manual' });
    expect(pressed.status).toBe(303);
    const pdf = await fetch(pressed.headers.get('location')!);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('answers unknown, tampered and revoked tokens with the same 404 that reveals nothing', async () => {
    const path = await pagePath('amara');
    const tampered = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A');
    const answers = [];
    for (const probe of ['/me/nonsense', `/me/${'A'.repeat(43)}`, tampered]) {
      const response = await fetch(`${stack.url}${probe}`);
      answers.push({ status: response.status, body: await response.text() });
    }
    const revocation = await api.request('POST', '/operator/participants/amara/link-revocation');
    expect(revocation.status).toBe(200);
    expect(revocation.json.revoked).toBeGreaterThan(0);
    expect((await fetch(`${stack.url}${path}`)).status).toBe(404);
    const revokedDownload = await fetch(`${stack.url}${path}/certificates/${issuedNumber}/download`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(revokedDownload.status).toBe(404);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toBe(answers[0]!.body);
      expect(answer.body).not.toContain('Amara');
    }
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe('help pages', () => {
  it('explain each course’s own criteria, under the page CSP', async () => {
    const response = await fetch(`${stack.url}/help`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const body = await response.text();
    expect(body).toContain('Journey Basics');
    expect(body).toContain('Complete the module “Finding Your Way”.');
    expect(body).toContain('Score at least 70% in the quiz “Final Check”.');
    expect(body).toContain('valid for 365 days');
    expect(body).toContain('action="/me/link-requests"');
    expect(body).not.toContain('<script');
  });

  it('answer at least ten questions and link back from the verification page', async () => {
    const faq = await (await fetch(`${stack.url}/help/faq`)).text();
    expect(faq.match(/<h2>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(faq).toContain('What does the QR code do?');
    const verify = await (await fetch(`${stack.url}/verify`)).text();
    expect(verify).toContain('href="/help/faq"');
  });
});

describe('the data protection policy', () => {
  it('is served at /privacy as HTML under the page CSP, with every section, and linked from every page', async () => {
    const response = await fetch(`${stack.url}/privacy`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const body = await response.text();
    for (const [id, heading] of PRIVACY_SECTIONS) expect(body).toContain(`<h2 id="${id}">${heading}</h2>`);
    for (const fact of [
      'controller',
      'processor',
      'Art. 6(1)(a)',
      's.11(1)(f)',
      `work for ${stack.deps.downloadLinkTtlDays} days`,
      `work for ${stack.deps.participantLinkTtlDays} days`,
      'ttlEpochSeconds',
      '35 days',
      '72 hours',
      's.22',
      stack.deps.links.supportAddress,
    ]) {
      expect(body).toContain(fact);
    }
    expect(body).not.toContain('<script');
    for (const path of ['/help', '/help/faq', '/verify', '/me/nonsense'])
      expect(await (await fetch(`${stack.url}${path}`)).text()).toContain('href="/privacy"');
  });
});

describe('a lost link', () => {
  const ask = (email: string) =>
    fetch(`${stack.url}/me/link-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email }).toString(),
    });

  it('gets the same answer for a known and an unknown address, and at most one email an hour', async () => {
    const before = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('bongani@example.org'),
    );
    const known = await ask('Bongani@Example.org');
    const again = await ask('bongani@example.org');
    const unknown = await ask('nobody@example.org');
    const bodies = [await known.text(), await again.text(), await unknown.text()];
    expect([known.status, again.status, unknown.status]).toEqual([202, 202, 202]);
    expect(new Set(bodies).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = (await mailbox(stack)).filter((mail) =>
      mail.destination.to.includes('bongani@example.org'),
    );
    const sent = after.slice(before.length);
    expect(sent).toHaveLength(1);
    const link = sent[0]!.body.text!.match(/\/me\/[A-Za-z0-9_-]{43}/)?.[0];
    expect((await fetch(`${stack.url}${link}`)).status).toBe(200);
    expect((await mailbox(stack)).some((mail) => mail.destination.to.includes('nobody@example.org'))).toBe(
      false,
    );
  });

  it('refuses a malformed address with a reason naming the field', async () => {
    const response = await ask('not-an-address');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('email');
  });
});
