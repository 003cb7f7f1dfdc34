import type { ReactElement } from 'react';
import type { SignatureArt } from '../assets/signature.js';
import type { ResolvedDesign } from './design.js';

export type PageSizeName = 'A4' | 'LETTER';

/** Landscape page sizes in points. */
export const PAGE_POINTS: Record<PageSizeName, { width: number; height: number }> = {
  A4: { width: 841.89, height: 595.28 },
  LETTER: { width: 792, height: 612 },
};

/** What a template prints, already normalised and formatted. */
export interface CertificateContent {
  /** As printed, e.g. 7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE. */
  displayNumber: string;
  holderName: string;
  courseTitle: string;
  courseDescription: string;
  /** e.g. "12 March 2025". */
  completedOn: string;
  issuedOn: string;
  /** e.g. "12 March 2027"; absent when the certificate does not expire. */
  validUntil?: string;
  signatory: { name: string; title: string };
  /** The signatory's name drawn in a script face; absent when the face cannot draw it. */
  signatureArt?: SignatureArt;
  /** What the QR code opens. */
  verificationUrl: string;
  /** Where a person types the number, as printed (no scheme), e.g. verify.saypro.online/verify. */
  verificationSite: string;
  /** The certificate's fixed wording in the course's language (templates/i18n), arguments filled in. */
  wording: CertificateWording;
  /** Right to left for Arabic: the templates mirror alignment and row order. */
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag of the wording: the PDF's /Lang. */
  language: string;
}

/** Every fixed text a certificate design prints or tags. */
export interface CertificateWording {
  title: string;
  titleWord: string;
  titleRest: string;
  certifyThat: string;
  hasCompleted: string;
  awardedTo: string;
  forCompleting: string;
  dateOfCompletion: string;
  dateOfIssue: string;
  validUntil: string;
  completed: string;
  issued: string;
  scanToVerify: string;
  number: string;
  verifyAt: string;
  /** "Verify this certificate at verify.saypro.online/verify". */
  verifyThisAt: string;
  issuedBySayPro: string;
  sayProLogoAlt: string;
  courseLogoAlt: string;
  signatureAlt: string;
  qrCodeAlt: string;
}

export interface TemplateProps {
  content: CertificateContent;
  pageSize: PageSizeName;
  /** The course's colours and images, defaults filled in. */
  design: ResolvedDesign;
}

export interface CertificateTemplate {
  id: string;
  /** A one-page react-pdf <Page>. */
  Page: (props: TemplateProps) => ReactElement;
}
