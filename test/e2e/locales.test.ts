import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatCertificateNumber,
  generateCertificateNumber,
} from '../../functions/core/certificate-number.js';
import { mintParticipantPageLink } from '../../functions/core/use-cases/participant-access.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, mailbox } from '../support/local-api.js';

/**
 * Languages on the local stack: a course's certificate language and a participant's email and page
 * language set through the operator API, the participant changing theirs on their page, and the
 * verification page following Accept-Language, with a ?lang= switcher.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let number: string;

const COURSE = {
  courseId: 'gestion-ar',
  title: 'أساسيات إدارة المشاريع',
  description: 'تخطيط المشاريع وجدولتها.',
  criteria: { requiredModules: [{ moduleId: 'm1', title: 'التخطيط' }], quizzes: [], issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'مديرة التدريب، SayPro' },
  locale: 'ar',
};

const html = (path: string, headers: Record<string, string> = {}) =>
  api.request('GET', path, undefined, { accept: 'text/html', ...headers });

const pagePath = async (participantId: string) =>
  new URL((await mintParticipantPageLink(stack.deps, participantId)).url).pathname;

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  expect((await api.request('PUT', `/operator/courses/${COURSE.courseId}`, COURSE)).status).toBe(200);
  await api.putParticipant(
    <{ participantId: string }>{
      participantId: 'aicha',
      fullName: 'Aïcha Ndiaye',
      email: 'aicha@example.org',
      consentToPublicName: true,
      locale: 'fr',
    },
    <{ participantId: string; courseId: string }>{
      participantId: 'aicha',
      courseId: COURSE.courseId,
      completedModuleIds: ['m1'],
      quizScores: {},
      peerReviewPassed: false,
      completedAt: '2026-11-20T10:00:00.000Z',
    },
  );
  const settled = await api.approveAndSettle('aicha', COURSE.courseId);
  expect(settled.status).toBe('issued');
  number = settled.certificate.number;
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

describe('choosing languages', () => {
  it('refuses a language SayPro does not offer, naming the field', async () => {
    const course = await api.request('PUT', '/operator/courses/c-de', {
      ...COURSE,
      courseId: 'c-de',
      locale: 'de',
    });
    expect(course.status).toBe(400);
    expect(course.json.issues).toContainEqual(expect.objectContaining({ field: 'locale' }));
    const participant = await api.request('PUT', '/operator/participants/p-de', {
      fullName: 'Hans Muster',
      email: 'hans@example.org',
      locale: 'de-DE',
    });
    expect(participant.status).toBe(400);
    expect(participant.json.issues).toContainEqual(expect.objectContaining({ field: 'locale' }));
  });

  it('emails the participant in the language set at registration (French), whatever the course’s', async () => {
    const mail = (await mailbox(stack)).find(
      (m) => m.destination.to.includes('aicha@example.org') && m.subject.startsWith('Votre certificat'),
    );
    expect(mail?.subject).toBe(`Votre certificat SayPro : ${COURSE.title}`);
    expect(mail?.body.html).toContain('<html lang="fr">');
  });

  it('lets the participant switch their page and emails to Arabic on their page', async () => {
    const path = await pagePath('aicha');
    const token = path.split('/').at(-1)!;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const refused = await api.request('POST', `/me/${token}/language`, 'locale=xx', form);
    expect(refused.status).toBe(400);
    const saved = await api.request('POST', `/me/${token}/language`, 'locale=ar', form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toMatch(/\?saved=language#language$/);
    const page = await html(path + '?saved=language');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toContain('<option value="ar" lang="ar" selected>العربية</option>');
    expect(page.text).toContain('تم الحفظ');

    const resend = await api.request('POST', `/operator/certificates/${number}/resend`, {
      requestedBy: 'staff@saypro.online',
      requestId: 'locale-test',
    });
    expect(resend.status).toBe(202);
    const deadline = Date.now() + 20_000;
    let arabic: Awaited<ReturnType<typeof mailbox>>[number] | undefined;
    while (!arabic && Date.now() < deadline) {
      arabic = (await mailbox(stack)).find((m) => m.subject.startsWith('شهادتك من SayPro (إرسال جديد)'));
      if (!arabic) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(arabic?.body.html).toContain('<html lang="ar" dir="rtl">');
  });
});

describe('the verification page', () => {
  it('follows Accept-Language by q-value, says so in its headers, and mirrors for Arabic', async () => {
    const page = await html(`/verify/${number}`, { 'accept-language': 'fr-CA;q=0.8, ar;q=0.9, en;q=0.1' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toContain('أصلية وصالحة');
    expect(page.headers.get('content-language')).toBe('ar');
    expect(page.headers.get('vary')).toMatch(/accept-language/i);
    const french = await html(`/verify/${number}`, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(french.text).toContain('<html lang="fr" dir="ltr">');
    expect(french.text).toContain('Authentique et valable');
    const none = await html(`/verify/${number}`);
    expect(none.text).toContain('Genuine and valid');
  });

  it('switches language with ?lang= links (no script), and keeps it through the number form', async () => {
    const page = await html(`/verify/${number}?lang=zu`, { 'accept-language': 'ar' });
    expect(page.text).toContain('<html lang="zu-ZA" dir="ltr">');
    expect(page.text).toContain('Siyiqiniso futhi siyasebenza');
    for (const locale of ['en', 'af', 'zu', 'fr', 'ar'])
      expect(page.text).toContain(`href="/verify/${number}?lang=${locale}"`);
    expect(page.text).toContain('<input type="hidden" name="lang" value="zu">');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const form = await api.request('GET', `/verify?number=${number}&lang=af`);
    expect(form.status).toBeGreaterThanOrEqual(300);
    expect(form.headers.get('location')).toBe(`/verify/${number}?lang=af`);
    const unknown = await html(`/verify/${number}?lang=de`, { 'accept-language': 'fr' });
    expect(unknown.text).toContain('<html lang="fr" dir="ltr">');
  });

  it('words a wrong or unknown number in the reader’s language, with the API’s status code', async () => {
    const other = formatCertificateNumber(generateCertificateNumber((length) => randomBytes(length)));
    const unknown = await html(`/verify/${other}?lang=fr`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Aucun certificat ne porte ce numéro.');
    const malformed = await html('/verify/not-a-number', { 'accept-language': 'ar' });
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('هذا ليس رقم شهادة');
    expect(malformed.text).toContain('<html lang="ar" dir="rtl">');
  });
});
