/**
 * What the system tells a participant, named by what happened, not by how it is worded: templates/email
 * renders each kind (core imports nothing from templates/), the Notifications port sends it.
 */

/** What every notice carries, whatever its kind. */
export interface NoticeContext {
  /** Whom it is for: the sent-notice log (what a data export lists) is kept per participant. */
  participantId: string;
  /** The participant's email address. */
  to: string;
  recipientName: string;
  /** Their personal page: progress, certificates, fresh download links. */
  participantPageUrl: string;
  helpUrl: string;
  faqUrl: string;
  /** The published data protection policy (GET /privacy). */
  privacyUrl: string;
  supportAddress: string;
  /** Tags let bounce and complaint events find their certificate or approval. */
  tags: Record<string, string>;
  /** The participant's language (locales.ts); absent: English. */
  locale?: string;
}

/** What every notice about one certificate carries. */
export interface CertificateFacts {
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
  /** ISO 8601, when it was issued (LinkedIn's add-to-profile link wants the month). */
  issuedAt: string;
  /** "Add to LinkedIn profile" through our redirect, which counts the share (by course only). */
  linkedInShareUrl: string;
}

export interface CertificateIssuedNotice extends NoticeContext, CertificateFacts {
  kind: 'certificate-issued';
  /** Set when staff sent the email again (`certs resend`): a fresh link to a certificate already issued. */
  resent?: boolean;
  /** The feedback survey of this certificate; only for a participant who agreed to surveys. */
  surveyUrl?: string;
}

/** A corrected certificate, which replaces an earlier number. */
export interface CertificateCorrectedNotice extends NoticeContext, CertificateFacts {
  kind: 'certificate-corrected';
  /** As printed: the number the corrected certificate replaces. */
  replacesNumber: string;
  /** Why it was corrected, as staff wrote it. */
  reason: string;
}

export interface CertificateRevokedNotice extends NoticeContext {
  kind: 'certificate-revoked';
  courseTitle: string;
  certificateNumber: string;
  reason: string;
  revokedAt: string;
  verificationUrl: string;
}

/** Sent 60 days before a certificate expires, and on the day. */
export interface ExpiryReminderNotice extends NoticeContext {
  kind: 'expiry-reminder';
  stage: 'soon' | 'today';
  courseTitle: string;
  certificateNumber: string;
  expiresAt: string;
  /** Where to renew: the course's renewal page, or the help page's section on renewal. */
  renewalUrl: string;
}

/** Sent when a participant is added to a course: what earns the certificate, where to follow it. */
export interface EnrolledNotice extends NoticeContext {
  kind: 'enrolled';
  courseTitle: string;
  courseDescription: string;
  /** Each requirement, one human-readable line. */
  requirements: string[];
  /** The same, as data, so the email can word them in the participant's language. */
  requirementFacts?: RequirementFact[];
  /** Days after approval within which the certificate is issued at the latest. */
  issueDeadlineDays: number;
  /** How long the certificate is valid, in days; absent: it does not expire. */
  validityDays?: number;
}

export interface NotEligibleNotice extends NoticeContext {
  kind: 'not-eligible';
  courseTitle: string;
  /** What is still missing, one human-readable line each. */
  missing: string[];
  /** The same, as data, so the email can word it in the participant's language. */
  missingFacts?: MissingFact[];
}

/** A course requirement as data: templates word it in the reader's language. */
export type RequirementFact =
  | { kind: 'module'; title: string }
  | { kind: 'quiz'; title: string; passMark: number }
  | { kind: 'peer-review' }
  | { kind: 'discussion'; minimumPosts: number };

/** What is still missing, as data: the requirement and where the participant stands on it. */
export type MissingFact =
  | { kind: 'module'; title: string }
  | { kind: 'quiz-not-taken'; title: string; passMark: number }
  | { kind: 'quiz-below-pass-mark'; title: string; passMark: number; score: number }
  | { kind: 'peer-review' }
  | { kind: 'discussion'; minimumPosts: number; posts: number }
  | { kind: 'no-progress'; courseTitle: string };

/**
 * The certificate is ready to issue, but the participant has not agreed to their name on it: one email
 * asks, and the certificate issues by itself once they agree on their page.
 */
export interface ConsentRequestNotice extends NoticeContext {
  kind: 'consent-request';
  courseTitle: string;
  /** The choice they are asked for, in the words the form shows and records. */
  consentTitle: string;
  consentText: string;
}

/** A fresh personal link, asked for on /me or /help by email address. */
export interface PageLinkNotice extends NoticeContext {
  kind: 'page-link';
}

export type ParticipantNotice =
  | EnrolledNotice
  | NotEligibleNotice
  | ConsentRequestNotice
  | CertificateIssuedNotice
  | CertificateCorrectedNotice
  | CertificateRevokedNotice
  | ExpiryReminderNotice
  | PageLinkNotice
  | SurveyReminderNotice;

/** Sent once, a week after issue, when the survey of a certificate is not answered (and only with consent). */
export interface SurveyReminderNotice extends NoticeContext {
  kind: 'survey-reminder';
  courseTitle: string;
  certificateNumber: string;
  surveyUrl: string;
}
