/**
 * The domain: what SayPro staff define (courses and their certificate criteria), what participants do
 * (progress), what staff decide (approvals) and what the system issues (certificates).
 * Plain data only: no AWS types, so the same objects travel through DynamoDB, Step Functions and tests.
 */
import type { ConsentState } from './consent.js';

export interface Signatory {
  name: string;
  title: string;
}

export interface QuizRequirement {
  quizId: string;
  title: string;
  /** The quiz's xAPI activity id (an IRI) in the learning platform: `passed`/`failed` statements on it set the score. */
  activityId?: string;
  /** Lowest passing score, in percent (0–100). */
  passMark: number;
}

export interface ModuleRequirement {
  moduleId: string;
  title: string;
  /** The module's xAPI activity id (an IRI): a `completed` statement on it marks the module done. */
  activityId?: string;
}

/** What earns a certificate for one course. */
export interface CertificateCriteria {
  requiredModules: ModuleRequirement[];
  quizzes: QuizRequirement[];
  peerReviewRequired: boolean;
  /** Participated in discussions: at least this many posts in the course forum; absent: not required. */
  discussion?: { minimumPosts: number };
  /** A certificate is due this many days after approval at the latest; later than that it shows as overdue. */
  issueDeadlineDays: number;
  /** Certificates expire this many days after issue; absent: they never expire. */
  validityDays?: number;
}

export interface Course {
  courseId: string;
  title: string;
  description: string;
  criteria: CertificateCriteria;
  signatory: Signatory;
  /** Where a holder renews an expiring certificate; absent: the help page explains renewal. */
  renewalUrl?: string;
  /** The course's xAPI activity id (an IRI): the configured "approved" verb on it records an approval. */
  activityId?: string;
  /** Which certificate design this course uses; the renderer falls back to its default. */
  templateId?: string;
  /** Per-course look of the certificate: page size, colours, logo and signature image. */
  design?: CertificateDesign;
  /** The course's own questions, asked after the standard ones in the feedback survey (feedback.ts). */
  surveyQuestions?: SurveyQuestion[];
  /** The language of the certificate's wording and dates (locales.ts); absent: English. */
  locale?: string;
}

/** A question a course adds to its feedback survey: a short text answer, or a 1–5 scale. */
export interface SurveyQuestion {
  questionId: string;
  text: string;
  type: 'text' | 'scale';
}

export interface CertificateDesign {
  /** A4 landscape unless a course asks for US Letter. */
  pageSize?: 'A4' | 'LETTER';
  /** Headings and frame (#RRGGBB); SayPro navy by default. */
  primaryColour?: string;
  /** Fine rules and accents (#RRGGBB); SayPro gold by default. */
  accentColour?: string;
  /** A partner or programme logo, PNG, base64 (at most 200 KB); SayPro's logo by default. */
  logoPngBase64?: string;
  /** A scanned signature, PNG with transparency, base64 (at most 200 KB); otherwise the name in a script face. */
  signatureImagePngBase64?: string;
}

export interface Participant {
  participantId: string;
  fullName: string;
  email: string;
  /**
   * Whether the participant agreed to have their name shown to verifiers. Without it, only the course shows.
   * Kept in step with `consents['name-to-verifiers']` (what certificates copy at issue).
   */
  consentToPublicName: boolean;
  /** The current choice per purpose (consent.ts); the full history is in the personal-data log. */
  consents?: ConsentState;
  /** The language of their emails and their page (locales.ts); absent: English. */
  locale?: string;
}

/** A participant added to a course: what the enrolment email and the participant's page start from. */
export interface Enrolment {
  participantId: string;
  courseId: string;
  enrolledAt: string;
  cohort?: string;
}

export interface Progress {
  participantId: string;
  courseId: string;
  completedModuleIds: string[];
  /** Best score per quiz, in percent. */
  quizScores: Record<string, number>;
  peerReviewPassed: boolean;
  /** Posts in the course's discussions, counted by the learning platform. */
  discussionPosts?: number;
  /** When the participant finished the course work (ISO 8601). */
  completedAt?: string;
}

export type ApprovalStatus =
  | 'received'
  | 'processing'
  | 'issued'
  | 'not_eligible'
  /** Eligible, but the participant has not agreed to their name on the certificate: asked once, resumes when given. */
  | 'awaiting_consent'
  | 'rejected'
  | 'failed';

/** Every status an approval can be in (the status partitions of the listing; what `?status=` accepts). */
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = [
  'received',
  'processing',
  'issued',
  'not_eligible',
  'awaiting_consent',
  'rejected',
  'failed',
];

export interface Approval {
  /** Derived from (participant, course, attempt), so the same approval sent twice is one approval. */
  approvalId: string;
  participantId: string;
  courseId: string;
  attempt: number;
  approvedBy: string;
  approvedAt: string;
  /** What was approved, for example a submission id in the learning platform. */
  contentRef?: string;
  status: ApprovalStatus;
  /** Why it was not eligible, rejected or failed. */
  reasons?: UnmetRequirement[] | string[];
  certificateNumber?: string;
  /** approvedAt + the course's issue deadline. */
  issueBy?: string;
  /** Where the certificate email stands, copied here so operators see an issued approval whose email is not out. */
  email?: { status: DeliveryState['status']; at: string };
  /**
   * How many times recorded progress sent this approval back for another assessment (absent: never).
   * It names the workflow execution of that assessment, so a replayed stream record starts nothing twice.
   */
  evaluation?: number;
  updatedAt: string;
}

export type UnmetRequirement =
  | { code: 'MODULE_NOT_COMPLETED'; moduleId: string; message: string }
  | { code: 'QUIZ_NOT_TAKEN'; quizId: string; passMark: number; message: string }
  | { code: 'QUIZ_BELOW_PASS_MARK'; quizId: string; score: number; passMark: number; message: string }
  | { code: 'PEER_REVIEW_MISSING'; message: string }
  | { code: 'DISCUSSION_MISSING'; minimumPosts: number; posts: number; message: string }
  | { code: 'NO_PROGRESS_RECORDED'; message: string };

export type CertificateStatus = 'valid' | 'revoked' | 'superseded';

export interface DeliveryState {
  status: 'sending' | 'sent' | 'failed';
  at: string;
  messageId?: string;
  error?: string;
}

export interface Certificate {
  /** The canonical certificate number (see certificate-number.ts). */
  number: string;
  /** (participant, course, attempt): at most one certificate chain per completion. */
  completionKey: string;
  approvalId: string;
  participantId: string;
  courseId: string;
  /**
   * Name as printed (normalised), kept so the certificate can be re-rendered and verified. Removed (empty)
   * once the holder's data is erased: see `holderErasedAt`.
   */
  holderName: string;
  /**
   * When the holder's personal details were erased at their request: the record keeps what verifiers rely
   * on (number, course, dates, status, PDF digest, signature) and nothing that names the holder.
   */
  holderErasedAt?: string;
  holderConsentsToPublicName: boolean;
  courseTitle: string;
  courseDescription: string;
  signatory: Signatory;
  completedAt: string;
  issuedAt: string;
  expiresAt?: string;
  status: CertificateStatus;
  revokedAt?: string;
  revocationReason?: string;
  /** Who revoked it: for staff, never shown to verifiers. */
  revokedBy?: string;
  /** Set when a corrected version replaced this one. */
  supersededBy?: string;
  /** Set on a corrected version: the number it replaces. */
  supersedes?: string;
  version: number;
  document: {
    key: string;
    sha256Hex: string;
    bytes: number;
  };
  signature: {
    /** The KMS key that signed (its ARN). */
    keyId: string;
    /** The same key's id in our JWKS: its JWK thumbprint (RFC 7638). */
    kid: string;
    algorithm: 'ECDSA_SHA_256';
    /** DER-encoded ECDSA signature over the document's SHA-256 digest, base64. */
    derBase64: string;
  };
  /** The Open Badges 3.0 credential as a VC-JWT (compact JWS, ES256), binding the PDF's digest. */
  credential: string;
  /**
   * The salt of the email hash in the credential, withheld from it: shown only to the holder, who reveals
   * it with their address to prove the credential is theirs. Absent on certificates issued before, whose
   * credentials carry their salt.
   */
  holderProofSecret?: string;
  correctionReason?: string;
  /** Opaque token that makes the emailed download link work; compared in constant time. */
  downloadToken: string;
  downloadTokenExpiresAt: string;
  delivery?: DeliveryState;
  /**
   * Its bit in a W3C Bitstring Status List (the credential's `credentialStatus`), set on revocation or
   * supersession. Absent on certificates issued before the lists existed.
   */
  statusList?: { listId: string; index: number };
}

export type SigningKeyStatus = 'active' | 'retired' | 'compromised';

/** A key that has signed certificates, as published in our JWKS. */
export interface SigningKeyRecord {
  kid: string;
  kmsKeyId: string;
  /** Public key as a JWK (kty, crv, x, y). */
  publicJwk: { kty: string; crv: string; x: string; y: string };
  status: SigningKeyStatus;
  firstUsedAt: string;
  retiredAt?: string;
  compromisedAt?: string;
}
