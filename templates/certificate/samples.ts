import type { LocaleCode } from '../../functions/core/locales.js';
import type { CertificateDesign } from '../../functions/core/model.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import { sampleLogoPng, sampleSignaturePng } from '../assets/sample-images.js';

/**
 * Sample certificates for the preview, the render benchmark and the render tests: one place for the
 * names that are hard to print and the course design that exercises every per-course option.
 */

export const SAMPLE_NUMBER = '7KQ2M9XD4T1HZC8BR2PN6WQE';

export const LONG_NAME =
  'Maria Fernanda Guadalupe Alejandra Concepción de los Ángeles Rodríguez-Villanueva y Montenegro-Santisteban de la Torre';
export const LONG_COURSE_TITLE =
  'Advanced Certificate in Monitoring, Evaluation, Accountability and Learning for Community Development Programmes in Southern Africa';

/** Names every design must print: diacritics, Afrikaans, isiZulu, Arabic, Hebrew, Chinese, Japanese, very long. */
export const HARD_NAMES = {
  latin: 'Zoë Ñúñez-Ångström',
  afrikaans: 'Wîllém ê',
  isizulu: 'Nomvula Dlamini-Ngcobo',
  arabic: 'محمد عبد الله',
  hebrew: 'דוד לוי',
  chinese: '王小明',
  japanese: '山田太郎',
  long: LONG_NAME,
} as const;

export function sampleCertificateInput(
  overrides: Partial<CertificateDocumentInput> = {},
): CertificateDocumentInput {
  const number = overrides.number ?? SAMPLE_NUMBER;
  return {
    number,
    holderName: HARD_NAMES.latin,
    courseTitle: 'Project Management Fundamentals',
    courseDescription: 'Planning, scheduling and delivering projects on time and on budget.',
    completedAt: '2025-03-10T12:00:00Z',
    issuedAt: '2025-03-12T09:30:00Z',
    signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
    verificationUrl: `https://verify.saypro.online/verify/${number}`,
    ...overrides,
  };
}

/** A course with its own look: teal and terracotta, a partner logo and a scanned signature. */
export function sampleDesign(overrides: Partial<CertificateDesign> = {}): CertificateDesign {
  return {
    primaryColour: '#0F6E6A',
    accentColour: '#C8553D',
    logoPngBase64: sampleLogoPng().toString('base64'),
    signatureImagePngBase64: sampleSignaturePng().toString('base64'),
    ...overrides,
  };
}

/**
 * One sample certificate per locale, worded in that language (course title, description, holder, signatory
 * title): the docs' pictures (bin/locale-pictures.ts), the render tests and the sample programme use them.
 */
export const LOCALE_SAMPLES: Record<LocaleCode, Partial<CertificateDocumentInput>> = {
  en: {},
  af: {
    holderName: 'Wîllém Botha',
    courseTitle: 'Grondbeginsels van Projekbestuur',
    courseDescription: 'Beplanning, skedulering en die lewering van projekte betyds en binne begroting.',
    signatory: { name: 'Lindiwe Mokoena', title: 'Direkteur van Opleiding, SayPro' },
  },
  zu: {
    holderName: HARD_NAMES.isizulu,
    courseTitle: 'Izisekelo Zokuphatha Amaphrojekthi',
    courseDescription:
      'Ukuhlela, ukwenza uhlelo lwesikhathi nokuletha amaphrojekthi ngesikhathi nangaphakathi kwesabelomali.',
    signatory: { name: 'Lindiwe Mokoena', title: 'UMqondisi Wokuqeqesha, SayPro' },
  },
  fr: {
    holderName: 'Aïcha Ndiaye',
    courseTitle: 'Fondamentaux de la gestion de projet',
    courseDescription: 'Planifier, ordonnancer et livrer des projets dans les délais et le budget.',
    signatory: { name: 'Lindiwe Mokoena', title: 'Directrice de la formation, SayPro' },
  },
  ar: {
    holderName: HARD_NAMES.arabic,
    courseTitle: 'أساسيات إدارة المشاريع',
    courseDescription: 'تخطيط المشاريع وجدولتها وتسليمها في الوقت المحدد وضمن الميزانية.',
    signatory: { name: 'Lindiwe Mokoena', title: 'مديرة التدريب، SayPro' },
  },
};

/** The sample certificate of a locale, in its language. */
export function sampleLocaleInput(
  locale: LocaleCode,
  overrides: Partial<CertificateDocumentInput> = {},
): CertificateDocumentInput {
  return sampleCertificateInput({ ...LOCALE_SAMPLES[locale], locale, ...overrides });
}
