/**
 * What the system tells a participant, named by what happened, not by how it is worded: templates/email
 * renders each kind (core imports nothing from templates/), the Notifications port sends it.
 */

/** What every notice carries, whatever its kind. */
export interface NoticeContext {
  /** The participant's email address. */
  to: string;
  recipientName: string;
  /** Their personal page: progress, certificates, fresh download links. */
  participantPageUrl: string;
  helpUrl: string;
  faqUrl: string;
  supportAddress: string;
  /** Tags let bounce and complaint events find their certificate or approval. */
  tags: Record<string, string>;
}

export interface CertificateIssuedNotice extends NoticeContext {
  kind: 'certificate-issued';
  courseTitle: string;
  /** As printed, e.g. 7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE. */
  certificateNumber: string;
  downloadUrl: string;
  /** ISO 8601: when the download link stops working (the personal page mints fresh ones). */
  downloadLinkExpiresAt: string;
  /** The page that verifies this certificate (what its QR code opens). */
  verificationUrl: string;
  /** ISO 8601, when the certificate expires; absent: it does not. */
  expiresAt?: string;
}

export interface NotEligibleNotice extends NoticeContext {
  kind: 'not-eligible';
  courseTitle: string;
  /** What is still missing, one human-readable line each. */
  missing: string[];
}

/** A fresh personal link, asked for on /me or /help by email address. */
export interface PageLinkNotice extends NoticeContext {
  kind: 'page-link';
}

export type ParticipantNotice = CertificateIssuedNotice | NotEligibleNotice | PageLinkNotice;
