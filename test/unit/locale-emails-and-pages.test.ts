import { describe, expect, it } from 'vitest';
import type { ParticipantNotice } from '../../functions/core/notices.js';
import type { ParticipantPageView } from '../../functions/core/use-cases/participant-access.js';
import type { PublicCertificateView } from '../../functions/core/use-cases/view-certificate.js';
import { renderNotice } from '../../templates/email/index.js';
import { renderSurveyPage } from '../../templates/web/feedback-page.js';
import { renderParticipantPage } from '../../templates/web/participant-page.js';
import { renderVerificationPage } from '../../templates/web/verification-page.js';

const context = {
  participantId: 'aicha',
  to: 'aicha@example.org',
  recipientName: 'Aïcha Ndiaye',
  participantPageUrl: 'https://verify.saypro.online/me/tok',
  helpUrl: 'https://verify.saypro.online/help',
  faqUrl: 'https://verify.saypro.online/help/faq',
  privacyUrl: 'https://verify.saypro.online/privacy',
  supportAddress: 'certificates@saypro.online',
  tags: {},
};

const issued = (locale?: string): ParticipantNotice => ({
  ...context,
  ...(locale ? { locale } : {}),
  kind: 'certificate-issued',
  courseTitle: 'Fondamentaux de la gestion de projet',
  certificateNumber: '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE',
  downloadUrl: 'https://api.saypro.online/certificates/7KQ2M9XD4T1HZC8BR2PN6WQE/download?token=abc',
  verificationUrl: 'https://verify.saypro.online/verify/7KQ2M9XD4T1HZC8BR2PN6WQE',
  downloadLinkExpiresAt: '2025-03-26T09:30:00Z',
  expiresAt: '2027-03-12T09:30:00Z',
  issuedAt: '2025-03-12T09:30:00Z',
  linkedInShareUrl: 'https://api.saypro.online/certificates/7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE/linkedin',
});

/** Every kind of notice, so each template is rendered in each language at least once. */
const everyKind = (locale: string): ParticipantNotice[] => {
  const base = {
    ...context,
    locale,
    courseTitle: 'Cours',
    certificateNumber: '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE',
  };
  return [
    issued(locale),
    {
      ...base,
      kind: 'enrolled',
      courseDescription: 'Desc.',
      requirements: [],
      issueDeadlineDays: 14,
      validityDays: 1,
    },
    { ...base, kind: 'not-eligible', missing: ['x', 'y'] },
    { ...base, kind: 'consent-request', consentTitle: 'Name', consentText: 'I agree.' },
    {
      ...(issued(locale) as object),
      kind: 'certificate-corrected',
      replacesNumber: 'AAAA',
      reason: '',
    } as ParticipantNotice,
    {
      ...base,
      kind: 'certificate-revoked',
      reason: 'erreur',
      revokedAt: '2025-04-01T00:00:00Z',
      verificationUrl: 'https://v/x',
    },
    {
      ...base,
      kind: 'expiry-reminder',
      stage: 'soon',
      expiresAt: '2025-05-01T00:00:00Z',
      renewalUrl: 'https://v/r',
    },
    { ...base, kind: 'page-link' },
    { ...base, kind: 'survey-reminder', surveyUrl: 'https://v/s' },
  ];
};

describe('participant emails in their language', () => {
  it('words the issued email in French, with French dates and lang="fr"', () => {
    const mail = renderNotice(issued('fr'));
    expect(mail.subject).toBe('Votre certificat SayPro : Fondamentaux de la gestion de projet');
    expect(mail.text).toMatch(/^Bonjour Aïcha Ndiaye,/);
    expect(mail.text).toContain('Ce lien fonctionne jusqu’au 26 mars 2025');
    expect(mail.text).toContain('Valable jusqu’au : 12 mars 2027');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('Télécharger votre certificat');
    expect(mail.html).not.toContain('Download your certificate');
  });

  it('lays the Arabic email out right to left', () => {
    const mail = renderNotice(issued('ar'));
    expect(mail.subject).toBe('شهادتك من SayPro: Fondamentaux de la gestion de projet');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toMatch(
      /<table role="presentation" width="600"[^>]* dir="rtl" style="[^"]*text-align:right;/,
    );
    expect(mail.text).toContain('عزيزي Aïcha Ndiaye،');
    expect(mail.text).toContain('26 مارس 2025');
  });

  it('keeps English for a participant without a language, and left to right', () => {
    const mail = renderNotice(issued());
    expect(mail.subject).toBe('Your SayPro certificate: Fondamentaux de la gestion de projet');
    expect(mail.html).toContain('<html lang="en-ZA">');
    expect(mail.html).not.toContain('dir="rtl"');
  });

  it.each(['af', 'zu', 'fr', 'ar'])(
    'renders every kind of notice in %s without an English sentence',
    (locale) => {
      for (const notice of everyKind(locale)) {
        const mail = renderNotice(notice);
        for (const part of [mail.subject, mail.text, mail.html]) {
          // Sentences every English email has: none may be left in another language's email.
          expect(part).not.toMatch(/Dear |Kind regards|Your page|your certificate|How certificates work/);
          expect(part).not.toMatch(/[{}]/);
        }
        expect(mail.html).toContain(`lang="${locale === 'fr' || locale === 'ar' ? locale : `${locale}-ZA`}"`);
      }
    },
  );

  it('counts the missing steps with the language’s plural', () => {
    const [, , notEligible] = everyKind('fr');
    expect(renderNotice(notEligible!).html).toContain(
      'Encore 2 étapes avant la délivrance de votre certificat.',
    );
    const [, , arabic] = everyKind('ar');
    expect(renderNotice(arabic!).html).toContain('بقيت خطوتان قبل إصدار شهادتك.');
  });
});

const view: PublicCertificateView = {
  number: '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE',
  status: 'valid',
  issuer: { name: 'SayPro' },
  course: { title: 'أساسيات إدارة المشاريع' },
  holder: { name: 'محمد عبد الله' },
  completedAt: '2025-03-10T12:00:00Z',
  issuedAt: '2025-03-12T09:30:00Z',
  signature: { valid: true },
} as unknown as PublicCertificateView;

describe('the verification page in the reader’s language', () => {
  it('is Arabic, right to left, with the switcher linking each language with ?lang=', () => {
    const page = renderVerificationPage({ view }, { locale: 'ar', path: `/verify/${view.number}` });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('أصلية وصالحة');
    expect(page).toContain('<dd dir="auto">12 مارس 2025</dd>');
    for (const locale of ['en', 'af', 'zu', 'fr', 'ar'])
      expect(page).toContain(`href="/verify/${view.number}?lang=${locale}"`);
    expect(page).toMatch(/aria-current="true"><strong>العربية<\/strong>/);
    expect(page).not.toContain('<script');
  });

  it('keeps a chosen language in its forms and links', () => {
    const page = renderVerificationPage({ input: '' }, { locale: 'fr', langChosen: true });
    expect(page).toContain('<html lang="fr" dir="ltr">');
    expect(page).toContain('<input type="hidden" name="lang" value="fr">');
    expect(page).toContain('action="/verify?lang=fr"');
    expect(page).toContain('href="/help?lang=fr"');
    expect(page).toContain('Saisissez le numéro imprimé sur le certificat');
  });
});

describe('the participant’s pages in their language', () => {
  const pageView: ParticipantPageView = {
    fullName: 'Aïcha Ndiaye',
    consents: [],
    courses: [],
    certificates: [
      {
        number: '7KQ2M9XD4T1HZC8BR2PN6WQE',
        courseTitle: 'Fondamentaux',
        status: 'valid',
        issuedAt: '2025-03-12T09:30:00Z',
      },
    ] as ParticipantPageView['certificates'],
    locale: 'fr',
  };

  it('shows the page in French with the language form preselected', () => {
    const html = renderParticipantPage(pageView, { verificationBaseUrl: 'https://v', token: 'tok' });
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('Bonjour Aïcha Ndiaye');
    expect(html).toContain('Télécharger le PDF');
    expect(html).toContain('<option value="fr" lang="fr" selected>Français</option>');
    expect(html).toContain('action="/me/tok/language"');
    expect(html).toContain('href="/verify/7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE?lang=fr"');
  });

  it('lays the Arabic page out right to left and confirms a saved language', () => {
    const html = renderParticipantPage(
      { ...pageView, locale: 'ar' },
      { verificationBaseUrl: 'https://v', token: 'tok', languageSaved: true },
    );
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('تم الحفظ: هذه الصفحة ورسائلك الآن باللغة العربية.');
  });

  it('words the survey in the participant’s language', () => {
    const html = renderSurveyPage(
      {
        courseTitle: 'Fondamentaux',
        certificateNumber: '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE',
        questions: [],
        values: { problems: [], comment: '', answers: {} },
        locale: 'zu',
      },
      'tok',
    );
    expect(html).toContain('<html lang="zu-ZA" dir="ltr">');
    expect(html).toContain('Thumela izimpendulo zami');
    expect(html).not.toContain('Send my answers');
  });
});

describe('the help and FAQ pages in the reader’s language', () => {
  const course = {
    courseId: 'c1',
    title: 'Fondamentaux',
    description: '',
    criteria: {
      requiredModules: [{ moduleId: 'm1', title: 'Planification' }],
      quizzes: [{ quizId: 'q1', title: 'Évaluation', passMark: 60 }],
      peerReviewRequired: false,
      discussion: { minimumPosts: 1 },
      issueDeadlineDays: 7,
      validityDays: 730,
    },
    signatory: { name: 'L', title: 'T' },
  };

  it('words each course’s own criteria in French, with a switcher and French plurals', async () => {
    const { renderHelpPage } = await import('../../templates/web/help-pages.js');
    const page = renderHelpPage([course], { locale: 'fr', langChosen: true });
    expect(page).toContain('<html lang="fr" dir="ltr">');
    expect(page).toContain('Terminer le module « Planification ».');
    expect(page).toContain('Obtenir au moins 60 % au quiz « Évaluation ».');
    expect(page).toContain('(au moins 1 message)');
    expect(page).toContain('valables 730 jours après leur délivrance');
    expect(page).toContain('href="/help?lang=ar"');
    expect(page).toContain('<a href="/verify?lang=fr">/verify</a>');
  });

  it('answers the FAQ in Arabic, right to left, every question translated', async () => {
    const { renderFaqPage } = await import('../../templates/web/help-pages.js');
    const page = renderFaqPage('certificates@saypro.online', { locale: 'ar' });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page.match(/<h2>/g)?.length).toBe(12);
    expect(page).toContain('ما وظيفة رمز QR؟');
    expect(page).not.toContain('What does the QR code do?');
    expect(page).toContain('href="mailto:certificates@saypro.online"');
  });
});

describe('course requirements in the participant’s language', () => {
  it('words what is missing and what earns the certificate from data, keeping the course’s titles', () => {
    const facts = [
      { kind: 'module' as const, title: 'Planification' },
      { kind: 'quiz-below-pass-mark' as const, title: 'Évaluation', passMark: 70, score: 55.5 },
      { kind: 'discussion' as const, minimumPosts: 3, posts: 1 },
    ];
    const notEligible = renderNotice({
      ...context,
      locale: 'fr',
      kind: 'not-eligible',
      courseTitle: 'Fondamentaux',
      missing: ['Complete the module "Planification".'],
      missingFacts: facts,
    });
    expect(notEligible.text).toContain('  - Terminer le module « Planification ».');
    expect(notEligible.text).toContain(
      'Obtenir au moins 70 % à « Évaluation » (meilleur résultat à ce jour : 55.5 %).',
    );
    expect(notEligible.text).not.toContain('Complete the module');
    const enrolled = renderNotice({
      ...context,
      locale: 'ar',
      kind: 'enrolled',
      courseTitle: 'Fondamentaux',
      courseDescription: '',
      requirements: ['Peer review'],
      requirementFacts: [{ kind: 'peer-review' }, { kind: 'quiz', title: 'Évaluation', passMark: 60 }],
      issueDeadlineDays: 7,
    });
    expect(enrolled.text).toContain('  - تقييم الزملاء');
    expect(enrolled.text).toContain('  - اختبار «Évaluation» (درجة النجاح 60%)');
    // English keeps the eligibility check's own words.
    const english = renderNotice({
      ...context,
      kind: 'not-eligible',
      courseTitle: 'F',
      missing: [],
      missingFacts: facts,
    });
    expect(english.text).toContain('Score at least 70% in "Évaluation" (best so far: 55.5%).');
  });
});
