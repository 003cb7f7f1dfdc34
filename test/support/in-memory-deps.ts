import { createHash, randomBytes } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { LoggedNotifications } from '../../functions/adapters/logged-notifications.js';
import { TemplatedNotifications } from '../../functions/adapters/templated-notifications.js';
import type { ConsentRecord } from '../../functions/core/consent.js';
import type {
  Approval,
  Certificate,
  Course,
  Enrolment,
  Participant,
  Progress,
  SigningKeyRecord,
} from '../../functions/core/model.js';
import type {
  CertificateDocumentInput,
  ClaimRecord,
  ErasureTombstone,
  IssuingDeps,
  OutgoingMail,
  ParticipantAccessTokenRecord,
  PersonalDataAccessRecord,
  SentNoticeRecord,
} from '../../functions/core/ports.js';
import { trackBulkOutcomes } from '../../functions/core/use-cases/bulk-issuance.js';
import type { ParkedStatement } from '../../functions/core/use-cases/xapi-intake.js';
import { inMemoryBulkJobs } from './in-memory-bulk-jobs.js';
import { inMemoryFeedback } from './in-memory-feedback.js';
import { inMemoryReportLedger } from './in-memory-report-ledger.js';
import { inMemoryStatusLists } from './in-memory-status-lists.js';
import { inMemoryWebhooks } from './in-memory-webhooks.js';

const clone = <T>(value: T): T => structuredClone(value);

/**
 * In-memory fakes of every port, with the same conditional-write semantics as the DynamoDB adapters,
 * for unit tests of the use cases. The integration and e2e tests use the real adapters.
 */
export function inMemoryDeps(now = new Date('2026-11-29T12:00:00.000Z')) {
  const courses = new Map<string, Course>();
  const participants = new Map<string, Participant>();
  const progress = new Map<string, Progress>();
  const approvals = new Map<string, Approval>();
  const claims = new Map<string, ClaimRecord>();
  const accessTokens = new Map<string, ParticipantAccessTokenRecord>();
  const certificates = new Map<string, Certificate>();
  const enrolments = new Map<string, Enrolment>();
  const sentNotices: SentNoticeRecord[] = [];
  const accesses: PersonalDataAccessRecord[] = [];
  const consentRecords: ConsentRecord[] = [];
  const parkedStatements = new Map<string, ParkedStatement>();
  const personalDataLog: IssuingDeps['personalDataLog'] = {
    recordNoticeSent: async (record) => void sentNotices.push(clone(record)),
    recordAccess: async (record) => void accesses.push(clone(record)),
    recordConsent: async (record) => void consentRecords.push(clone(record)),
  };
  const completions = new Map<string, string>();
  const digests = new Map<string, string>();
  const signingKeys = new Map<string, SigningKeyRecord>();
  const documents = new Map<string, Uint8Array>();
  /** Every version of each document key, oldest first, as the versioned bucket keeps them. */
  const documentVersions = new Map<string, Uint8Array[]>();
  const tombstones = new Map<string, ErasureTombstone>();
  const sentMail: OutgoingMail[] = [];
  const rendered: CertificateDocumentInput[] = [];
  const startedWorkflows: string[] = [];
  const secretKeys = [p256.utils.randomSecretKey()];
  const clock = { current: now };
  const statusLists = inMemoryStatusLists();
  const feedback = inMemoryFeedback();
  const reportLedger = inMemoryReportLedger();
  const webhooks = inMemoryWebhooks();
  const bulkJobs = inMemoryBulkJobs();
  let mailFailures = 0;

  const mailer: IssuingDeps['mailer'] = {
    send: async (mail) => {
      if (mailFailures > 0) {
        mailFailures -= 1;
        const error = new Error('SES is throttling');
        error.name = 'TransientError';
        throw error;
      }
      sentMail.push(mail);
      return { messageId: `message-${sentMail.length}` };
    },
  };
  const deps: IssuingDeps = {
    courses: {
      getCourse: async (id) => clone(courses.get(id)),
      putCourse: async (course) => void courses.set(course.courseId, clone(course)),
      listCourses: async () => [...courses.values()].map(clone),
    },
    participants: {
      getParticipant: async (id) => clone(participants.get(id)),
      putParticipant: async (participant) =>
        void participants.set(participant.participantId, clone(participant)),
    },
    progress: {
      getProgress: async (participantId, courseId) => clone(progress.get(`${participantId}/${courseId}`)),
      putProgress: async (entry) =>
        void progress.set(`${entry.participantId}/${entry.courseId}`, clone(entry)),
    },
    // As the wiring does: status changes are counted on the bulk rows that became the approval.
    approvals: trackBulkOutcomes(
      {
        createApproval: async (approval) => {
          if (approvals.has(approval.approvalId)) return false;
          approvals.set(approval.approvalId, clone(approval));
          return true;
        },
        getApproval: async (id) => clone(approvals.get(id)),
        updateApproval: async (id, changes) => {
          const found = approvals.get(id);
          if (!found) throw new Error('ConditionalCheckFailedException');
          approvals.set(id, { ...found, ...clone(changes) });
        },
        listApprovals: async () => [...approvals.values()].map(clone),
        listApprovalsInStatus: async (status, options = {}) => {
          const inStatus = [...approvals.values()]
            .filter((a) => a.status === status)
            .filter((a) => !options.updatedBefore || a.updatedAt < options.updatedBefore)
            .map((a) => ({ approval: a, sk: `${a.updatedAt}#${a.approvalId}` }))
            .filter(({ sk }) => !options.after || sk < options.after)
            .sort((a, b) => b.sk.localeCompare(a.sk));
          const page = options.limit ? inStatus.slice(0, options.limit) : inStatus;
          const more = page.length < inStatus.length;
          return {
            approvals: page.map(({ approval }) => clone(approval)),
            ...(more ? { next: page[page.length - 1]!.sk } : {}),
          };
        },
        listApprovalsAwaitingEmail: async (options = {}) =>
          [...approvals.values()]
            .filter((a) => a.status === 'issued' && a.email?.status !== 'sent')
            .filter((a) => !options.updatedBefore || a.updatedAt < options.updatedBefore)
            .map(clone),
        listApprovalsOfCompletion: async (participantId, courseId) =>
          [...approvals.values()]
            .filter((a) => a.participantId === participantId && a.courseId === courseId)
            .map(clone),
        listApprovalsOfParticipant: async (participantId) =>
          [...approvals.values()].filter((a) => a.participantId === participantId).map(clone),
        listApprovalsOfCourse: async (courseId, options = {}) => {
          const ofCourse = [...approvals.values()]
            .filter((a) => a.courseId === courseId)
            .map((a) => ({ approval: a, key: `${a.approvedAt}#${a.approvalId}` }))
            .filter(({ key }) => !options.after || key < options.after)
            .sort((a, b) => b.key.localeCompare(a.key))
            .filter(({ approval }) => !options.status || approval.status === options.status);
          const page = options.limit ? ofCourse.slice(0, options.limit) : ofCourse;
          const more = page.length < ofCourse.length;
          return {
            approvals: page.map(({ approval }) => clone(approval)),
            ...(more ? { next: page[page.length - 1]!.key } : {}),
          };
        },
        moveStatus: async (id, { from, to, updatedAt }) => {
          const found = approvals.get(id);
          if (found?.status !== from) return false;
          approvals.set(id, { ...found, status: to, updatedAt });
          return true;
        },
        requeueForEvaluation: async (id, updatedAt, from = 'not_eligible') => {
          const found = approvals.get(id);
          if (found?.status !== from) return undefined;
          const evaluation = (found.evaluation ?? 0) + 1;
          approvals.set(id, { ...found, status: 'received', evaluation, updatedAt });
          return evaluation;
        },
      },
      { bulkJobs: bulkJobs.store },
    ),
    bulkJobs: bulkJobs.store,
    bulkRunner: bulkJobs.runner,
    certificates: {
      createCertificate: async (certificate) => {
        const existing = completions.get(certificate.completionKey);
        if (existing) return { created: false, existingNumber: existing };
        completions.set(certificate.completionKey, certificate.number);
        certificates.set(certificate.number, clone(certificate));
        digests.set(certificate.document.sha256Hex, certificate.number);
        return { created: true };
      },
      findByDigest: async (hex) => digests.get(hex),
      supersede: async (oldNumber, corrected) => {
        const old = certificates.get(oldNumber);
        if (old?.status !== 'valid') return false;
        certificates.set(oldNumber, { ...old, status: 'superseded', supersededBy: corrected.number });
        certificates.set(corrected.number, clone(corrected));
        digests.set(corrected.document.sha256Hex, corrected.number);
        return true;
      },
      revoke: async (number, { at, reason, by }) => {
        const found = certificates.get(number);
        if (found?.status !== 'valid') return false;
        certificates.set(number, {
          ...found,
          status: 'revoked',
          revokedAt: at,
          revocationReason: reason,
          revokedBy: by,
        });
        return true;
      },
      getCertificate: async (number) => clone(certificates.get(number)),
      findByCompletion: async (key) => completions.get(key),
      updateCertificate: async (number, changes) => {
        const found = certificates.get(number);
        if (!found) throw new Error('ConditionalCheckFailedException');
        certificates.set(number, { ...found, ...clone(changes) });
      },
      listCertificates: async () => [...certificates.values()].map(clone),
      listNumbersExpiringOn: async (day) =>
        [...certificates.values()]
          .filter((certificate) => certificate.expiresAt?.slice(0, 10) === day)
          .map((certificate) => certificate.number),
    },
    documents: {
      put: async (key, body) => {
        documents.set(key, body);
        documentVersions.set(key, [...(documentVersions.get(key) ?? []), body]);
      },
      get: async (key) => documents.get(key),
      temporaryDownloadUrl: async (key) => `memory://${key}`,
      deleteAllVersions: async (key) => {
        const count = documentVersions.get(key)?.length ?? (documents.has(key) ? 1 : 0);
        documents.delete(key);
        documentVersions.delete(key);
        return count;
      },
    },
    signer: {
      signDigest: async (digest, keyId = `test-key-${secretKeys.length}`) => ({
        keyId,
        signatureDer: p256.sign(digest, secretKeys[Number(keyId.split('-').at(-1)) - 1]!, {
          prehash: false,
          format: 'der',
        }),
      }),
      publicKey: async (keyId = `test-key-${secretKeys.length}`) => ({
        keyId,
        spkiDer: spkiFromPublicKey(
          p256.getPublicKey(secretKeys[Number(keyId.split('-').at(-1)) - 1]!, false),
        ),
      }),
    },
    signingKeys: {
      getKey: async (kid) => clone(signingKeys.get(kid)),
      addKey: async (key) => {
        if (signingKeys.has(key.kid)) return false;
        signingKeys.set(key.kid, clone(key));
        return true;
      },
      updateKey: async (kid, changes) => {
        const found = signingKeys.get(kid);
        if (found) signingKeys.set(kid, { ...found, ...clone(changes) });
      },
      listKeys: async () => [...signingKeys.values()].map(clone),
    },
    keyAdmin: {
      rotate: async () => {
        secretKeys.push(p256.utils.randomSecretKey());
        return { keyId: `test-key-${secretKeys.length}` };
      },
    },
    mailer,
    // The real templates over the fake mailer, so tests read the words participants get.
    notifications: new LoggedNotifications(new TemplatedNotifications(mailer), personalDataLog, {
      now: () => clock.current,
    }),
    workflow: {
      startIssuance: async (approvalId) => {
        if (startedWorkflows.includes(approvalId)) return { started: false };
        startedWorkflows.push(approvalId);
        return { started: true };
      },
    },
    clock: { now: () => clock.current },
    random: { bytes: (length) => new Uint8Array(randomBytes(length)) },
    links: {
      verificationBaseUrl: 'https://verify.test',
      apiBaseUrl: 'https://api.test',
      supportAddress: 'help@saypro.test',
    },
    downloadLinkTtlDays: 14,
    claims: {
      claim: async (key, { holder, now, leaseMs }) => {
        const found = claims.get(key);
        const expired = found?.state === 'leased' && found.leaseExpiresAt < now.toISOString();
        if (found && found.state !== 'released' && !expired) return { granted: false, record: clone(found) };
        const attempts = (found?.attempts ?? 0) + 1;
        claims.set(key, {
          ...found,
          key,
          state: 'leased',
          holder,
          claimedAt: now.toISOString(),
          leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(),
          attempts,
        });
        return { granted: true, takenOver: expired, attempts };
      },
      complete: async (key, holder, at, outcome) => {
        const found = claims.get(key);
        if (found)
          claims.set(key, {
            ...found,
            state: 'done',
            holder,
            completedAt: at.toISOString(),
            ...(outcome ? { outcome } : {}),
          });
      },
      release: async (key, holder, error) => {
        const found = claims.get(key);
        if (found?.state === 'leased' && found.holder === holder)
          claims.set(key, { ...found, state: 'released', lastError: error });
      },
      get: async (key) => clone(claims.get(key)),
      listUnfinished: async (before) =>
        [...claims.values()]
          .filter((claim) => claim.state !== 'done' && claim.leaseExpiresAt < before.toISOString())
          .map(clone),
    },
    claimLeaseMs: 120_000,
    accessTokens: {
      addToken: async (record) => void accessTokens.set(record.tokenHash, clone(record)),
      findToken: async (hash) => clone(accessTokens.get(hash)),
      revokeTokensOf: async (participantId, at) => {
        let revoked = 0;
        for (const record of accessTokens.values()) {
          if (record.participantId !== participantId || record.revokedAt) continue;
          record.revokedAt = at;
          revoked += 1;
        }
        return revoked;
      },
    },
    participantLinkTtlDays: 365,
    enrolments: {
      putEnrolment: async (enrolment) => {
        const key = `${enrolment.participantId}#${enrolment.courseId}`;
        if (enrolments.has(key)) return false;
        enrolments.set(key, clone(enrolment));
        return true;
      },
      getEnrolment: async (participantId, courseId) => clone(enrolments.get(`${participantId}#${courseId}`)),
      listEnrolmentsOfCourse: async (courseId) =>
        [...enrolments.values()].filter((entry) => entry.courseId === courseId).map(clone),
    },
    personalDataLog,
    statusLists: statusLists.store,
    feedback: feedback.store,
    xapiParking: {
      park: async (statement) => void parkedStatements.set(statement.statementId, clone(statement)),
      listParked: async () =>
        [...parkedStatements.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).map(clone),
    },
    erasures: {
      getTombstone: async (participantId) => clone(tombstones.get(participantId)),
      putTombstone: async (tombstone) => void tombstones.set(tombstone.participantId, clone(tombstone)),
      // The fake derives the address lookup from the profile, which the partition delete removes.
      deleteEmailLookup: async () => 0,
      deleteAccessToken: async (hash) => Number(accessTokens.delete(hash)),
      deleteCourseEnrolment: async () => 0,
      deletePersonalItemsOf: async (participantId) => {
        const removed: Record<string, number> = {};
        const count = (kind: string, n: number) => {
          if (n) removed[kind] = (removed[kind] ?? 0) + n;
        };
        count('participant', Number(participants.delete(participantId)));
        for (const [key, entry] of progress)
          if (entry.participantId === participantId) count('progress', Number(progress.delete(key)));
        for (const [key, entry] of enrolments)
          if (entry.participantId === participantId) count('enrolment', Number(enrolments.delete(key)));
        for (const [hash, record] of accessTokens)
          if (record.participantId === participantId)
            count('access-token-pointer', Number(accessTokens.delete(hash)));
        const kept = sentNotices.filter((record) => record.participantId !== participantId);
        count('sent-notice', sentNotices.length - kept.length);
        sentNotices.splice(0, sentNotices.length, ...kept);
        count('feedback-response', feedback.eraseResponsesOf(participantId));
        const consentsKept = consentRecords.filter((record) => record.participantId !== participantId);
        count('consent', consentRecords.length - consentsKept.length);
        consentRecords.splice(0, consentRecords.length, ...consentsKept);
        return removed;
      },
    },
    reports: reportLedger.ledger,
    webhookEndpoints: webhooks.store,
    webhookOutbox: webhooks.queue,
    webhookSender: webhooks.sender,
    webhookRetryScheduleSeconds: [5, 300, 1800, 7200, 18_000, 36_000, 36_000],
    participantRecords: {
      listAccessTokensOf: async (participantId) =>
        [...accessTokens.values()].filter((record) => record.participantId === participantId).map(clone),
      listNoticesSentTo: async (participantId) =>
        sentNotices.filter((record) => record.participantId === participantId).map(clone),
      listAccessesTo: async (participantId) =>
        accesses.filter((record) => record.participantId === participantId).map(clone),
      listConsentsOf: async (participantId) =>
        consentRecords.filter((record) => record.participantId === participantId).map(clone),
      listEnrolmentsOf: async (participantId) =>
        [...enrolments.values()].filter((entry) => entry.participantId === participantId).map(clone),
      listProgressOf: async (participantId) =>
        [...progress.values()].filter((entry) => entry.participantId === participantId).map(clone),
      findParticipantIdByEmailHash: async (hash) =>
        [...participants.values()].find(
          (participant) =>
            createHash('sha256').update(participant.email.trim().toLowerCase()).digest('hex') === hash,
        )?.participantId,
      listCertificateNumbersOf: async (participantId) =>
        [...certificates.values()]
          .filter((certificate) => certificate.participantId === participantId)
          .map((certificate) => certificate.number),
    },
    renderer: {
      render: async (input) => {
        rendered.push(input);
        return new TextEncoder().encode(`%PDF-fake ${JSON.stringify(input)}`);
      },
    },
  };

  return {
    deps,
    state: {
      courses,
      participants,
      progress,
      approvals,
      certificates,
      enrolments,
      completions,
      documents,
      documentVersions,
      tombstones,
      sentNotices,
      accesses,
      sentMail,
      rendered,
      startedWorkflows,
      signingKeys,
      claims,
      accessTokens,
      statusLists,
      feedback,
      webhooks,
      bulkJobs,
    },
    clock,
    reportLedger,
    failNextMails(count: number) {
      mailFailures = count;
    },
  };
}

/** Wraps an uncompressed P-256 point in the fixed SPKI header, as KMS GetPublicKey returns it. */
function spkiFromPublicKey(point: Uint8Array): Uint8Array {
  const header = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
  return new Uint8Array(Buffer.concat([header, Buffer.from(point)]));
}
