import type { DocumentProps } from '@react-pdf/renderer';
import { Document } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { normalizeDisplayName } from '../../functions/core/names.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import { signatureArt } from '../assets/signature.js';
import { type Translator, translator } from '../i18n/index.js';
import { resolveDesign } from './design.js';
import { displayUrl } from './layout.js';
import { resolveTemplate } from './registry.js';
import { preparePdfkitImage } from './render-patches/index.js';
import type { CertificateContent, CertificateWording, PageSizeName } from './types.js';

const ISSUER = 'SayPro';
/**
 * The document language of an English certificate: its wording is South African English. A course's
 * `locale` changes it (templates/i18n); a name in another script is still read in the document's voice.
 */
export const DOCUMENT_LANGUAGE = 'en-ZA';

/** Turns renderer input into what a template prints: names normalised, number grouped, dates spelled out. */
export function certificateContent(input: CertificateDocumentInput): CertificateContent {
  const url = new URL(input.verificationUrl);
  const path = url.pathname.replace(/\/[^/]*\/?$/, '');
  const tr = translator(input.locale);
  const verificationSite = displayUrl(`${url.origin}${path}`);
  const signatoryName = normalizeDisplayName(input.signatory.name, 'signatory.name');
  return {
    displayNumber: input.number.includes('-') ? input.number : formatCertificateNumber(input.number),
    holderName: normalizeDisplayName(input.holderName),
    courseTitle: tidy(input.courseTitle),
    courseDescription: tidy(input.courseDescription),
    completedOn: tr.date(input.completedAt),
    issuedOn: tr.date(input.issuedAt),
    ...(input.expiresAt ? { validUntil: tr.date(input.expiresAt) } : {}),
    signatory: {
      name: signatoryName,
      title: tidy(input.signatory.title),
    },
    verificationUrl: input.verificationUrl,
    verificationSite,
    wording: certificateWording(tr, {
      site: verificationSite,
      signatory: signatoryName,
      url: input.verificationUrl,
    }),
    dir: tr.dir,
    language: tr.tag,
  };
}

function certificateWording(
  tr: Translator,
  args: { site: string; signatory: string; url: string },
): CertificateWording {
  return {
    title: tr.t('certificate.title'),
    titleWord: tr.t('certificate.titleWord'),
    titleRest: tr.t('certificate.titleRest'),
    certifyThat: tr.t('certificate.certifyThat'),
    hasCompleted: tr.t('certificate.hasCompleted'),
    awardedTo: tr.t('certificate.awardedTo'),
    forCompleting: tr.t('certificate.forCompleting'),
    dateOfCompletion: tr.t('certificate.dateOfCompletion'),
    dateOfIssue: tr.t('certificate.dateOfIssue'),
    validUntil: tr.t('certificate.validUntil'),
    completed: tr.t('certificate.completed'),
    issued: tr.t('certificate.issued'),
    scanToVerify: tr.t('certificate.scanToVerify'),
    number: tr.t('certificate.number'),
    verifyAt: tr.t('certificate.verifyAt'),
    verifyThisAt: tr.t('certificate.verifyThisAt', { site: args.site }),
    issuedBySayPro: tr.t('certificate.issuedBySayPro'),
    sayProLogoAlt: tr.t('certificate.alt.sayProLogo'),
    courseLogoAlt: tr.t('certificate.alt.courseLogo'),
    signatureAlt: tr.t('certificate.alt.signature', { name: args.signatory }),
    qrCodeAlt: tr.t('certificate.alt.qrCode', { url: args.url }),
  };
}

/** NFC, no invisible formatting characters, single spaces: the same hygiene as names, without their rules. */
function tidy(text: string): string {
  return text
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u00AD]/gu, '')
    .replace(/[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]+/gu, ' ')
    .normalize('NFC')
    .trim();
}

/**
 * The whole PDF document, on the course's page size when its design names one, else on `pageSize`. Metadata makes the file findable and accessible; every value in it comes from the
 * input (creation date = issue date), so the same input gives the same bytes, document id included.
 */
export async function buildCertificateDocument(
  input: CertificateDocumentInput,
  pageSize: PageSizeName = 'A4',
): Promise<ReactElement<DocumentProps>> {
  const content = certificateContent(input);
  const design = resolveDesign(input.design);
  // A scanned signature replaces the drawn one: no need to draw it.
  if (!design.signature) content.signatureArt = await signatureArt(content.signatory.name);
  for (const image of [design.logo, design.signature]) if (image) await preparePdfkitImage(image.bytes);
  const template = resolveTemplate(input.templateId);
  const size =
    input.design?.pageSize === 'LETTER' || input.design?.pageSize === 'A4' ? input.design.pageSize : pageSize;
  const issuedAt = new Date(input.issuedAt);
  const tr = translator(input.locale);
  return (
    <Document
      title={tr.t('certificate.meta.title', { course: content.courseTitle })}
      author={ISSUER}
      subject={tr.t('certificate.meta.subject', {
        holder: content.holderName,
        course: content.courseTitle,
        number: content.displayNumber,
      })}
      keywords={`${tr.t('certificate.meta.keyword')}, ${content.displayNumber}, ${ISSUER}`}
      creator="SayPro Certificates"
      producer="SayPro Certificates (react-pdf)"
      language={content.language}
      creationDate={issuedAt}
      modificationDate={issuedAt}
    >
      <template.Page content={content} pageSize={size} design={design} />
    </Document>
  );
}
