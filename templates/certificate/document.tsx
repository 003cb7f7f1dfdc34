import type { DocumentProps } from '@react-pdf/renderer';
import { Document } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { normalizeDisplayName } from '../../functions/core/names.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import { signatureArt } from '../assets/signature.js';
import { resolveDesign } from './design.js';
import { displayUrl, formatCertificateDate } from './layout.js';
import { resolveTemplate } from './registry.js';
import { preparePdfkitImage } from './render-patches/index.js';
import type { CertificateContent, PageSizeName } from './types.js';

const ISSUER = 'SayPro';
/**
 * The certificate's wording is South African English. Courses carry no language of their own yet; a name
 * in another script is still read in the voice of the document language.
 */
export const DOCUMENT_LANGUAGE = 'en-ZA';

/** Turns renderer input into what a template prints: names normalised, number grouped, dates spelled out. */
export function certificateContent(input: CertificateDocumentInput): CertificateContent {
  const url = new URL(input.verificationUrl);
  const path = url.pathname.replace(/\/[^/]*\/?$/, '');
  return {
    displayNumber: input.number.includes('-') ? input.number : formatCertificateNumber(input.number),
    holderName: normalizeDisplayName(input.holderName),
    courseTitle: tidy(input.courseTitle),
    courseDescription: tidy(input.courseDescription),
    completedOn: formatCertificateDate(input.completedAt),
    issuedOn: formatCertificateDate(input.issuedAt),
    ...(input.expiresAt ? { validUntil: formatCertificateDate(input.expiresAt) } : {}),
    signatory: {
      name: normalizeDisplayName(input.signatory.name, 'signatory.name'),
      title: tidy(input.signatory.title),
    },
    verificationUrl: input.verificationUrl,
    verificationSite: displayUrl(`${url.origin}${path}`),
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
  return (
    <Document
      title={`Certificate of Completion: ${content.courseTitle}`}
      author={ISSUER}
      subject={`${content.holderName} completed ${content.courseTitle} (certificate ${content.displayNumber})`}
      keywords={`certificate, ${content.displayNumber}, ${ISSUER}`}
      creator="SayPro Certificates"
      producer="SayPro Certificates (react-pdf)"
      language={DOCUMENT_LANGUAGE}
      creationDate={issuedAt}
      modificationDate={issuedAt}
    >
      <template.Page content={content} pageSize={size} design={design} />
    </Document>
  );
}
