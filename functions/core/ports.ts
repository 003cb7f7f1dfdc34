/**
 * Ports: what the use cases need from the outside world, named by role.
 * Adapters (functions/adapters) implement them by technology; tests implement them with fakes.
 */
import type { ConsentRecord } from './consent.js';
import type { FeedbackResponse, StaffFeedbackEntry, SurveyTokenRecord } from './feedback.js';
import type {
  Approval,
  ApprovalStatus,
  Certificate,
  CertificateDesign,
  Course,
  Enrolment,
  Participant,
  Progress,
  SigningKeyRecord,
} from './model.js';
import type { ParticipantNotice } from './notices.js';
import type { BulkJob, BulkJobRow, BulkRowStatus } from './use-cases/bulk-issuance.js';
import type { ParkedStatement } from './use-cases/xapi-intake.js';
import type { WebhookDelivery, WebhookEndpoint } from './webhooks.js';

/** One status list as stored: which bits are set, and the latest signed copy verifiers are given. */
export interface StatusListRecord {
  listId: string;
  /** Indices whose bit is set (revoked). */
  setIndices: number[];
  /** Bumped each time a bit is set, so a signed copy can say which state it shows. */
  revision: number;
  signed?: { jwt: string; revision: number; signedAt: string };
}

/** The W3C Bitstring Status Lists (status-list.ts): index claims, set bits, signed copies. */
export interface StatusListStore {
  /** The list new entries go to ('1' until the first one fills). */
  currentListId(): Promise<string>;
  /** Claims one index for a certificate, put-if-absent: false when another certificate holds it. */
  claimIndex(listId: string, index: number, certificateNumber: string): Promise<boolean>;
  /** Moves new entries from a full list to the next; returns the list now current (another caller may have moved it). */
  openNextList(fullListId: string): Promise<string>;
  getList(listId: string): Promise<StatusListRecord | undefined>;
  /** Sets one bit (creating the list record if needed); false when it was already set. */
  setBit(listId: string, index: number): Promise<boolean>;
  /** Stores a signed copy unless one of the same or a newer revision is stored; false when refused. */
  putSigned(listId: string, signed: { jwt: string; revision: number; signedAt: string }): Promise<boolean>;
}

import type { PeriodCounters, PeriodReport, ReportEvent } from './reports.js';

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
  /** Every approval (a key query per status, never a scan; the listing to page is listApprovalsInStatus). */
  listApprovals(): Promise<Approval[]>;
  /**
   * The approvals in one status, newest first, a page at a time (`after`: the `next` of the page before);
   * `updatedBefore` keeps those last changed before that instant (ISO 8601).
   */
  listApprovalsInStatus(
    status: ApprovalStatus,
    options?: { limit?: number; after?: string; updatedBefore?: string },
  ): Promise<{ approvals: Approval[]; next?: string }>;
  /** Issued approvals whose certificate email is not recorded sent (what the recovery sweep re-drives). */
  listApprovalsAwaitingEmail(options?: { updatedBefore?: string }): Promise<Approval[]>;
  /** Every approval of one participant and course (a key query, never a scan). */
  listApprovalsOfCompletion(participantId: string, courseId: string): Promise<Approval[]>;
  /** Every approval of one participant, in any course (the same index, by participant only). */
  listApprovalsOfParticipant(participantId: string): Promise<Approval[]>;
  /**
   * One course's approvals, newest approval first (`approvedAt`, then id), a page at a time (`after`: the
   * `next` of the page before, `<approvedAt>#<approvalId>`); `status` keeps those in that status. A key
   * query of the course index, never a scan; with `status`, the pages read follow the course's size.
   */
  listApprovalsOfCourse(
    courseId: string,
    options?: { limit?: number; after?: string; status?: ApprovalStatus },
  ): Promise<{ approvals: Approval[]; next?: string }>;
  /**
   * Sends a waiting approval (`not_eligible`, or `awaiting_consent` when `from` says so) back to `received`
   * with its evaluation counter incremented, in one conditional write; returns the new counter, or
   * undefined when the approval was no longer in that status.
   */
  /** Moves an approval from one status to another in one conditional write; false when it was not in `from`. */
  moveStatus(
    approvalId: string,
    move: { from: ApprovalStatus; to: ApprovalStatus; updatedAt: string },
  ): Promise<boolean>;
  requeueForEvaluation(
    approvalId: string,
    updatedAt: string,
    from?: 'not_eligible' | 'awaiting_consent',
  ): Promise<number | undefined>;
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
  listCertificates(): Promise<Certificate[]>;
  /** Numbers of the certificates (any status) expiring on a UTC day, `YYYY-MM-DD`: one key query. */
  listNumbersExpiringOn(day: string): Promise<string[]>;
}

export interface EnrolmentStore {
  /** Records an enrolment; false (and nothing changes) when the participant is already enrolled. */
  putEnrolment(enrolment: Enrolment): Promise<boolean>;
  getEnrolment(participantId: string, courseId: string): Promise<Enrolment | undefined>;
  listEnrolmentsOfCourse(courseId: string): Promise<Enrolment[]>;
}

/** One claim on a once-only piece of work (an email, a reminder, a webhook delivery, a report). */
export interface ClaimRecord {
  key: string;
  /** `leased`: someone is doing it until `leaseExpiresAt`; `released`: it failed and may be taken again. */
  state: 'leased' | 'released' | 'done';
  /** Random id of the attempt holding (or last holding) the claim. */
  holder: string;
  claimedAt: string;
  leaseExpiresAt: string;
  /** How many attempts have taken this claim, take-overs included. */
  attempts: number;
  completedAt?: string;
  lastError?: string;
  /** What the work produced (for example a message id), kept for operators. */
  outcome?: Record<string, string>;
}

export type ClaimGrant =
  | { granted: true; takenOver: boolean; attempts: number }
  | { granted: false; record: ClaimRecord };

/**
 * The claim-and-lease ledger behind every "at most once" in the system. A claim is taken with a conditional
 * write; it lapses when its lease runs out (its holder crashed or timed out), so work is never stuck in
 * "doing", yet two live attempts never both hold it.
 */
export interface ClaimLedger {
  /** Takes `key` when it is new, released, or leased under an expired lease; refuses when done or leased. */
  claim(key: string, attempt: { holder: string; now: Date; leaseMs: number }): Promise<ClaimGrant>;
  /** Marks the work done; later claims are refused for good. */
  complete(key: string, holder: string, at: Date, outcome?: Record<string, string>): Promise<void>;
  /** Gives the claim back after a failure, so the next attempt takes it at once. */
  release(key: string, holder: string, error: string): Promise<void>;
  get(key: string): Promise<ClaimRecord | undefined>;
  /** Claims not done whose lease ran out before the given time: work given back, or whose holder died. */
  listUnfinished(leaseExpiredBefore: Date): Promise<ClaimRecord[]>;
}

/** A participant's personal link, kept only as the SHA-256 of its token. */
export interface ParticipantAccessTokenRecord {
  tokenHash: string;
  participantId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export interface ParticipantAccessTokens {
  addToken(record: ParticipantAccessTokenRecord): Promise<void>;
  findToken(tokenHash: string): Promise<ParticipantAccessTokenRecord | undefined>;
  /** Revokes every live token of a participant; returns how many. */
  revokeTokensOf(participantId: string, at: string): Promise<number>;
}

/** What a participant's own page lists: by participant key only, never by scanning. */
export interface ParticipantRecords {
  /** Every course the participant is enrolled in. */
  listEnrolmentsOf(participantId: string): Promise<Enrolment[]>;
  /** Progress in every course the participant has any in. */
  listProgressOf(participantId: string): Promise<Progress[]>;
  /** Numbers of every certificate issued to the participant (valid, revoked or superseded). */
  listCertificateNumbersOf(participantId: string): Promise<string[]>;
  /** The participant whose address hashes to this (SHA-256 of the lower-cased address), if any. */
  findParticipantIdByEmailHash(emailHash: string): Promise<string | undefined>;
  /** Every personal link of the participant (hashes and dates only; the tokens are never stored). */
  listAccessTokensOf(participantId: string): Promise<ParticipantAccessTokenRecord[]>;
  /** Every notice sent to the participant, oldest first. */
  listNoticesSentTo(participantId: string): Promise<SentNoticeRecord[]>;
  /** Every operator access to the participant's data (exports), oldest first. */
  listAccessesTo(participantId: string): Promise<PersonalDataAccessRecord[]>;
  /** Every consent decision the participant made or staff entered for them, oldest first. */
  listConsentsOf(participantId: string): Promise<ConsentRecord[]>;
}

/** One email sent to a participant: what kind, when, its message id; never its text or address. */
export interface SentNoticeRecord {
  participantId: string;
  /** The notice's kind, e.g. `certificate-issued` (not `kind`: the registry keeps its item type there). */
  notice: string;
  sentAt: string;
  messageId: string;
}

/** A record that staff read or exported a participant's data: who, when, what, never the data itself. */
export interface PersonalDataAccessRecord {
  participantId: string;
  at: string;
  /** The staff member who asked, as they named themselves, and the credential that let them in. */
  actor: string;
  /** `erasure`: the participant's data was erased; `correction`: staff corrected a certificate of theirs. */
  action: 'export' | 'erasure' | 'correction';
  /** For a correction: the number of the certificate corrected. */
  certificateNumber?: string;
}

/** The sent-notice log, the access trail and the consent history, all kept under the participant's own key. */
export interface PersonalDataLog {
  recordNoticeSent(record: SentNoticeRecord): Promise<void>;
  recordAccess(record: PersonalDataAccessRecord): Promise<void>;
  /** Appends one consent decision to the participant's history (never overwritten). */
  recordConsent(record: ConsentRecord): Promise<void>;
}

/**
 * Feedback after issuance (feedback.ts): survey links by their token's hash, one response per certificate
 * under the participant's key, staff entries by quarter, and the day a survey reminder falls due.
 */
export interface FeedbackStore {
  addSurveyToken(record: SurveyTokenRecord): Promise<void>;
  findSurveyToken(tokenHash: string): Promise<SurveyTokenRecord | undefined>;
  getResponse(participantId: string, certificateNumber: string): Promise<FeedbackResponse | undefined>;
  /**
   * Writes the certificate's response, replacing any earlier one (the key is the certificate: never a
   * second response), and files the certificate under the quarter of its first answer.
   */
  putResponse(response: FeedbackResponse): Promise<void>;
  /** Every response of one participant (their data export). */
  listResponsesOf(participantId: string): Promise<FeedbackResponse[]>;
  /** Numbers of the certificates first answered in a quarter (`2026-Q4`): one key query. */
  listResponseNumbersIn(period: string): Promise<string[]>;
  addStaffEntry(entry: StaffFeedbackEntry): Promise<void>;
  listStaffEntriesIn(period: string): Promise<StaffFeedbackEntry[]>;
  /** Notes that a certificate's survey reminder falls due on a UTC day (`YYYY-MM-DD`). */
  scheduleSurveyReminder(certificateNumber: string, day: string): Promise<void>;
  listSurveyRemindersDueOn(day: string): Promise<string[]>;
}

export interface DocumentStore {
  put(key: string, body: Uint8Array, contentType: string, metadata?: Record<string, string>): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** A URL that fetches the object directly for a short time. */
  temporaryDownloadUrl(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /**
   * Deletes the object and every earlier version of it (and any delete markers), so nothing of it is
   * left to restore. Returns how many versions were deleted; 0 when nothing was there (safe to repeat).
   */
  deleteAllVersions(key: string): Promise<number>;
}

/** Why a participant's data was erased: GDPR Art. 17(1) grounds, as codes (never free text, which could name them). */
export const ERASURE_REASONS = [
  'holder-request',
  'no-longer-needed',
  'consent-withdrawn',
  'objection',
  'unlawful-processing',
  'legal-obligation',
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/**
 * What is left of an erased participant, under `PARTICIPANT#<id>` / `TOMBSTONE`: when, why, by whom and
 * how much was removed; never a name or an address. Written before anything is deleted, so a replayed
 * approval is refused from the first moment, and completed (`completedAt`) when the erasure has finished.
 */
export interface ErasureTombstone {
  participantId: string;
  erasedAt: string;
  reason: ErasureReason;
  actor: string;
  /** Set once every step has run; absent: an erasure that stopped half-way, which a re-run finishes. */
  completedAt?: string;
  /** How many of each kind of record were removed, summed over the runs. */
  removed: Record<string, number>;
}

/** What an erasure needs beyond the ordinary stores: the tombstone and deletes by the participant's key. */
export interface ParticipantErasures {
  getTombstone(participantId: string): Promise<ErasureTombstone | undefined>;
  putTombstone(tombstone: ErasureTombstone): Promise<void>;
  /** Removes the address lookup (`EMAIL#<hash>`) of this address if it points at this participant. */
  deleteEmailLookup(participantId: string, email: string): Promise<number>;
  /** Deletes a personal link's record by its hash (its pointer under the participant goes with the partition). */
  deleteAccessToken(tokenHash: string): Promise<number>;
  /** Deletes the course's copy of an enrolment (`COURSE#<course>` / `ENROLLED#<participant>`). */
  deleteCourseEnrolment(courseId: string, participantId: string): Promise<number>;
  /**
   * Deletes every item under the participant's key except the tombstone and the access trail, whatever
   * its sort key (profile, progress, enrolments, certificate pointers, links, notices, consent records, …).
   * Returns how many of each kind were deleted.
   */
  deletePersonalItemsOf(participantId: string): Promise<Record<string, number>>;
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

/** Tells a participant something (notices.ts); the adapter words it and mails it. */
export interface Notifications {
  send(notice: ParticipantNotice): Promise<{ messageId: string }>;
}

/** What the renderer needs to draw one certificate. */
export interface CertificateDocumentInput {
  number: string;
  holderName: string;
  courseTitle: string;
  courseDescription: string;
  completedAt: string;
  issuedAt: string;
  /** Printed as "Valid until" when the certificate expires. */
  expiresAt?: string;
  signatory: { name: string; title: string };
  verificationUrl: string;
  templateId?: string;
  design?: CertificateDesign;
  /** The course's certificate language (locales.ts): wording, dates, direction and the PDF's /Lang. */
  locale?: string;
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

/**
 * The counters behind staff reports (reports.ts). Recording an event with an id counts it exactly once,
 * whatever is retried; reading a period is a key query, never a scan.
 */
export interface ReportLedger {
  /** Adds the event to its month and quarter, per course and in total; false when it was counted before. */
  record(event: ReportEvent): Promise<{ counted: boolean }>;
  /** The counters of a period (`2026-11`, `2026-Q4`): the total and every course with any event. */
  readPeriod(periodId: string): Promise<PeriodCounters[]>;
}

/** Words a report for staff: the files kept in the bucket and the email with their link. */
export interface ReportRenderer {
  html(report: PeriodReport): string;
  csv(report: PeriodReport): string;
  email(
    report: PeriodReport,
    links: { html: string; csv: string; json: string; expiresInDays: number },
  ): { subject: string; text: string; html: string };
}

/** Staff-registered webhook endpoints and each one's delivery log (webhooks.ts). */
export interface WebhookEndpoints {
  putEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  getEndpoint(endpointId: string): Promise<WebhookEndpoint | undefined>;
  /** Every endpoint: one small partition, read by key, never a scan. */
  listEndpoints(): Promise<WebhookEndpoint[]>;
  updateEndpoint(endpointId: string, changes: Partial<Omit<WebhookEndpoint, 'endpointId'>>): Promise<void>;
  /** False when there was no such endpoint. */
  deleteEndpoint(endpointId: string): Promise<boolean>;
  /** Stores a new delivery, put-if-absent: false when this event already has one for this endpoint. */
  createDelivery(delivery: WebhookDelivery): Promise<boolean>;
  getDelivery(endpointId: string, deliveryId: string): Promise<WebhookDelivery | undefined>;
  /**
   * Changes a delivery only while its `attemptCount` is still `expectedAttemptCount` (when given), so
   * two runs recording the same attempt cannot both win; false when refused.
   */
  updateDelivery(
    endpointId: string,
    deliveryId: string,
    changes: Partial<Omit<WebhookDelivery, 'endpointId' | 'deliveryId'>>,
    expectedAttemptCount?: number,
  ): Promise<boolean>;
  /** The endpoint's deliveries, newest first (kept 30 days). */
  listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
}

/** One delivery waiting for its next attempt. */
export interface WebhookOutboxEntry {
  endpointId: string;
  deliveryId: string;
  dueAt: string;
}

/** The webhook outbox: what is due when. Scheduling the same entry twice stores it once. */
export interface WebhookOutbox {
  schedule(entry: WebhookOutboxEntry): Promise<void>;
  /** Entries due at or before `now`, oldest first. */
  listDue(now: Date, limit: number): Promise<WebhookOutboxEntry[]>;
  remove(entry: WebhookOutboxEntry): Promise<void>;
}

/** POSTs one signed webhook; throws on a network failure or timeout, else returns the status code. */
export interface WebhookSender {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
  ): Promise<{ statusCode: number }>;
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
  notifications: Notifications;
  workflow: WorkflowStarter;
  clock: Clock;
  random: RandomSource;
  links: Links;
  downloadLinkTtlDays: number;
  claims: ClaimLedger;
  /** How long a claim on once-only work holds before another attempt may take it over. */
  claimLeaseMs: number;
  accessTokens: ParticipantAccessTokens;
  /** How long a participant's personal link works. */
  participantLinkTtlDays: number;
  participantRecords: ParticipantRecords;
  enrolments: EnrolmentStore;
  personalDataLog: PersonalDataLog;
  statusLists: StatusListStore;
  erasures: ParticipantErasures;
  feedback: FeedbackStore;
  xapiParking: XapiParking;
  /** Counters of the staff reports. */
  reports: ReportLedger;
  /** Who receives the scheduled staff reports; absent: the sender address. */
  staffReportAddress?: string;
  webhookEndpoints: WebhookEndpoints;
  webhookOutbox: WebhookOutbox;
  webhookSender: WebhookSender;
  /** Seconds before each retry of a failed webhook delivery (webhooks.ts has the default). */
  webhookRetryScheduleSeconds: number[];
  /** Bulk issuance jobs from CSV (bulk-issuance.ts): the jobs, their rows and counts. */
  bulkJobs: BulkJobStore;
  /** Runs a bulk job's rows: a Distributed Map in AWS, in-process locally. */
  bulkRunner: BulkJobRunner;
}

/**
 * Bulk jobs, their rows and live counts, all read by key: the job, one row, or the rows an approval
 * became; never a scan.
 */
export interface BulkJobStore {
  /** Stores a new job, put-if-absent: false when a job with that id exists. */
  createJob(job: BulkJob): Promise<boolean>;
  getJob(jobId: string): Promise<BulkJob | undefined>;
  /**
   * Records a row and its pointer by approval id, and counts it recorded, in one transaction; false (and
   * nothing changes) when the row was recorded before.
   */
  recordRow(row: BulkJobRow): Promise<boolean>;
  getRow(jobId: string, row: number): Promise<BulkJobRow | undefined>;
  /**
   * Moves a row from one status to another and the job's counts with it, in one transaction that
   * succeeds only while the row is in `from`; false when it was not.
   */
  moveRow(
    jobId: string,
    row: number,
    move: { from: BulkRowStatus; to: BulkRowStatus; reason?: string },
  ): Promise<boolean>;
  /** The job rows that became this approval (usually none, sometimes one). */
  listRowsOfApproval(approvalId: string): Promise<{ jobId: string; row: number }[]>;
}

export interface BulkJobRunner {
  /** Starts running a job's rows, named by the job: a second start while it runs (or after) is a no-op. */
  start(job: { jobId: string; csvKey: string }): Promise<{ started: boolean }>;
}

/** xAPI statements the intake did not understand, kept for staff (never dropped). */
export interface XapiParking {
  /** Keeps a statement by its id: the same statement parked again is one entry. */
  park(statement: ParkedStatement): Promise<void>;
  /** Every parked statement, newest first. */
  listParked(): Promise<ParkedStatement[]>;
}

/** The renderer is kept apart from Deps: only the issuing function loads react-pdf. */
export interface IssuingDeps extends Deps {
  renderer: CertificateRenderer;
}

/** Who a signed-in staff member is, as their sign-in established it. */
export interface StaffIdentity {
  /** Stable id: the identity provider's subject, or `local-operator` for the local key. */
  staffId: string;
  /** What the pages show and what actions record as done by (an email or a name). */
  displayName: string;
}

/** A staff session, kept only as the SHA-256 of its cookie token. */
export interface StaffSessionRecord extends StaffIdentity {
  tokenHash: string;
  /** The per-session form token every POST must carry (CSRF). */
  formToken: string;
  createdAt: string;
  expiresAt: string;
  /** A one-time status message for the next page (the outcome of an action). */
  flash?: { tone: 'ok' | 'bad'; message: string };
}

export interface StaffSessions {
  addSession(record: StaffSessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<StaffSessionRecord | undefined>;
  /** Sets (or, with undefined, clears) the session's one-time message. */
  setFlash(tokenHash: string, flash: StaffSessionRecord['flash']): Promise<void>;
  removeSession(tokenHash: string): Promise<void>;
}

/**
 * How staff prove who they are: in AWS, the Cognito hosted UI and the OIDC authorization-code flow; on
 * one machine, a form asking for the local operator key. The dashboard asks only this port.
 */
export type StaffAuthenticator =
  | {
      kind: 'operator-key';
      /** The typed key, compared in constant time; undefined when it is wrong. */
      checkOperatorKey(key: string): StaffIdentity | undefined;
    }
  | {
      kind: 'oidc';
      /** Where the browser goes to sign in; `state`, `nonce` and the PKCE challenge travel with it. */
      authorizationUrl(request: { state: string; nonce: string; codeChallenge: string }): string;
      /** The callback: exchange the code at the token endpoint and verify the ID token (issuer, audience, nonce). */
      completeSignIn(request: { code: string; codeVerifier: string; nonce: string }): Promise<StaffIdentity>;
      /** Where sign-out sends the browser so the provider's session ends too. */
      signOutUrl(): string;
    };
