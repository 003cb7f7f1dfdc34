/**
 * Ports: what the use cases need from the outside world, named by role.
 * Adapters (functions/adapters) implement them by technology; tests implement them with fakes.
 */
import type {
  Approval,
  Certificate,
  CertificateDesign,
  Course,
  Participant,
  Progress,
  SigningKeyRecord,
} from './model.js';

export interface CourseCatalog {
  getCourse(courseId: string): Promise<Course | undefined>;
  putCourse(course: Course): Promise<void>;
  listCourses(): Promise<Course[]>;
}

export interface ParticipantDirectory {
  getParticipant(participantId: string): Promise<Participant | undefined>;
  putParticipant(participant: Participant): Promise<void>;
}

export interface ProgressStore {
  getProgress(participantId: string, courseId: string): Promise<Progress | undefined>;
  putProgress(progress: Progress): Promise<void>;
}

export interface ApprovalStore {
  /** Stores a new approval; returns false (and changes nothing) when one with that id exists. */
  createApproval(approval: Approval): Promise<boolean>;
  getApproval(approvalId: string): Promise<Approval | undefined>;
  updateApproval(approvalId: string, changes: Partial<Omit<Approval, 'approvalId'>>): Promise<void>;
  listApprovals(): Promise<Approval[]>;
  /** Claims the right to send the not-eligible email for this approval; false when already claimed. */
  claimNotification(approvalId: string, at: string): Promise<boolean>;
  /** Gives the claim back after a failed send, so a retry can send it. */
  releaseNotification(approvalId: string): Promise<void>;
}

export interface CertificateStore {
  /**
   * Writes the certificate and claims its completion key in one transaction. Returns the number of the
   * certificate that already holds that completion when the claim is taken: this conditional write is
   * what makes issuance exactly-once.
   */
  createCertificate(
    certificate: Certificate,
  ): Promise<{ created: true } | { created: false; existingNumber: string }>;
  getCertificate(number: string): Promise<Certificate | undefined>;
  /** Number of the certificate whose PDF has this SHA-256 (hex), if any. */
  findByDigest(sha256Hex: string): Promise<string | undefined>;
  /**
   * Writes a corrected version and marks the one it replaces as superseded, in one transaction that
   * succeeds only while the old one is still valid. False when it was already revoked or superseded.
   */
  supersede(oldNumber: string, corrected: Certificate): Promise<boolean>;
  /** Revokes a valid certificate; false when it was not valid any more. */
  revoke(number: string, revocation: { at: string; reason: string; by: string }): Promise<boolean>;
  /** Number of the certificate issued for a completion key, if any. */
  findByCompletion(completionKey: string): Promise<string | undefined>;
  updateCertificate(number: string, changes: Partial<Omit<Certificate, 'number'>>): Promise<void>;
  /**
   * Claims the right to send the issuance email: succeeds only if no delivery has been claimed yet.
   * Used so a retried or replayed workflow step never emails twice.
   */
  claimDelivery(number: string, at: string): Promise<boolean>;
  listCertificates(): Promise<Certificate[]>;
}

export interface DocumentStore {
  put(key: string, body: Uint8Array, contentType: string, metadata?: Record<string, string>): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** A URL that fetches the object directly for a short time. */
  temporaryDownloadUrl(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
}

export interface DigestSigner {
  /**
   * Signs a SHA-256 digest as is (no second hash), with the given key or else the current one.
   * Returns the DER signature and the id of the key used.
   */
  signDigest(digest: Uint8Array, keyId?: string): Promise<{ keyId: string; signatureDer: Uint8Array }>;
  /** The public key of the current signing key, as an SPKI DER. */
  publicKey(keyId?: string): Promise<{ keyId: string; spkiDer: Uint8Array }>;
}

export interface SigningKeyRegistry {
  getKey(kid: string): Promise<SigningKeyRecord | undefined>;
  /** Records a key the first time it signs; false when it is already known. */
  addKey(key: SigningKeyRecord): Promise<boolean>;
  updateKey(kid: string, changes: Partial<Omit<SigningKeyRecord, 'kid'>>): Promise<void>;
  listKeys(): Promise<SigningKeyRecord[]>;
}

/** Creating keys and moving the signing alias: what rotation needs from the key service. */
export interface SigningKeyAdmin {
  /** Creates a new P-256 signing key and points the signing alias at it; returns the new key's id. */
  rotate(): Promise<{ keyId: string }>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Tags let bounce and complaint events find their certificate. */
  tags?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** What the renderer needs to draw one certificate. */
export interface CertificateDocumentInput {
  number: string;
  holderName: string;
  courseTitle: string;
  courseDescription: string;
  completedAt: string;
  issuedAt: string;
  signatory: { name: string; title: string };
  verificationUrl: string;
  templateId?: string;
  design?: CertificateDesign;
}

export interface CertificateRenderer {
  /** Same input, same bytes: the PDF carries no wall-clock time or random id. */
  render(input: CertificateDocumentInput): Promise<Uint8Array>;
}

export interface WorkflowStarter {
  /**
   * Starts the issuance workflow for an approval. The execution is named after the approval (or the
   * given name, for an operator's retry); a second start under the same name is a no-op.
   */
  startIssuance(approvalId: string, executionName?: string): Promise<{ started: boolean }>;
}

export interface Clock {
  now(): Date;
}

export interface RandomSource {
  bytes(length: number): Uint8Array;
}

export interface Links {
  /** Public base URL of the verification site, without a trailing slash. */
  verificationBaseUrl: string;
  /** Public base URL of the API that serves downloads. */
  apiBaseUrl: string;
  /** Where participants write when a detail on their certificate is wrong. */
  supportAddress: string;
}

/** Everything the use cases may need; each use case declares the subset it uses. */
export interface Deps {
  courses: CourseCatalog;
  participants: ParticipantDirectory;
  progress: ProgressStore;
  approvals: ApprovalStore;
  certificates: CertificateStore;
  documents: DocumentStore;
  signer: DigestSigner;
  signingKeys: SigningKeyRegistry;
  keyAdmin: SigningKeyAdmin;
  mailer: Mailer;
  workflow: WorkflowStarter;
  clock: Clock;
  random: RandomSource;
  links: Links;
  downloadLinkTtlDays: number;
}

/** The renderer is kept apart from Deps: only the issuing function loads react-pdf. */
export interface IssuingDeps extends Deps {
  renderer: CertificateRenderer;
}
