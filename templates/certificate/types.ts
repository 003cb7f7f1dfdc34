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
