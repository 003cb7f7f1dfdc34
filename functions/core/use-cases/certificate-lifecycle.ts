import * as z from 'zod';
import { formatCertificateNumber, generateCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Certificate } from '../model.js';
import { normalizeDisplayName } from '../names.js';
import type { Deps, IssuingDeps } from '../ports.js';
import { parseInput } from '../schemas.js';
import { deliverCertificate } from './deliver-certificate.js';
import { refuseIfErased } from './erase-participant.js';
import { verificationUrlOf } from './issue-certificate.js';
import { type NoticeDeps, noticeContextFor } from './participant-access.js';
import { produceCertificate } from './produce-certificate.js';
import { countForReports } from './staff-reports.js';
import { markWithdrawnInStatusList, type StatusListDeps } from './status-lists.js';
import { findCertificate } from './view-certificate.js';
import {
  certificateCorrectedEvent,
  certificateRevokedEvent,
  publishAfterTheFact,
  type WebhookPublishDeps,
} from './webhooks.js';

const revocationSchema = z.object({
  reason: z.string().trim().min(3, 'is required (at least 3 characters)').max(500),
  revokedBy: z.string().trim().min(1, 'is required').max(200),
});

/** The once-only key of the email telling a holder their certificate was revoked. */
export const revocationEmailClaimKey = (number: string) => `certificate-revoked-email#${number}`;

/**
 * Revokes a valid certificate; verifiers see it as revoked, with the date and reason, from then on, and
 * the holder is told why, once.
 *
 * 1. Revoke with a conditional write (only a valid certificate can be revoked).
 * 2. Email the holder the reason, through the claim ledger. If the mail service fails, the revocation
 *    stands and the answer says the holder was not told; running the same revocation again (the
 *    certificate is then already revoked) sends the email that is still due, and only that.
 * 3. Set the certificate's bit in its status list and sign the list again, so a verifier holding only
 *    the list sees the revocation. Should signing fail, the revocation stands and the answer says so;
 *    running the same revocation again updates the list.
 * 4. Queue the `certificate.revoked` webhook (once per certificate; running the revocation again queues
 *    it if it was not).
 */
export async function revokeCertificate(
  deps: Pick<Deps, 'certificates' | 'participants' | 'reports'> &
    NoticeDeps &
    StatusListDeps &
    WebhookPublishDeps,
  numberInput: string,
  rawRequest: unknown,
) {
  const request = parseInput(revocationSchema, rawRequest, 'revocation');
  const certificate = await findCertificate(deps, numberInput);
  const { number } = certificate;
  const revokedAt = deps.clock.now().toISOString();
  const revoked = await deps.certificates.revoke(number, {
    at: revokedAt,
    reason: request.reason,
    by: request.revokedBy,
  });
  const stillToTell =
    !revoked &&
    certificate.status === 'revoked' &&
    (await deps.claims.get(revocationEmailClaimKey(number)))?.state !== 'done';
  const statusList =
    revoked || certificate.status === 'revoked'
      ? await markWithdrawnInStatusList(deps, certificate.statusList)
      : undefined;
  const webhooks =
    revoked || certificate.status === 'revoked'
      ? await publishAfterTheFact(
          deps,
          certificateRevokedEvent(
            deps,
            certificate,
            revoked ? revokedAt : (certificate.revokedAt ?? revokedAt),
          ),
        )
      : {};
  if (!revoked && !stillToTell && !statusList?.changed) {
    throw new ConflictError(
      `Certificate ${formatCertificateNumber(number)} is already ${certificate.status}; only a valid certificate can be revoked.`,
    );
  }
  const current = revoked
    ? { revokedAt, reason: request.reason }
    : {
        revokedAt: certificate.revokedAt ?? revokedAt,
        reason: certificate.revocationReason ?? request.reason,
      };
  await countForReports(deps, {
    type: 'revoked',
    certificateNumber: number,
    courseId: certificate.courseId,
    at: current.revokedAt,
  });
  const holderNotified = await tellHolderOfRevocation(deps, certificate, current);
  return {
    number: formatCertificateNumber(number),
    status: 'revoked' as const,
    ...current,
    ...(revoked ? {} : { alreadyRevoked: true }),
    ...holderNotified,
    ...statusListAnswer(statusList),
    ...webhooks,
  };
}

/** What the operator is told of the status list: updated, or why not (absent for older certificates). */
function statusListAnswer(result: Awaited<ReturnType<typeof markWithdrawnInStatusList>> | undefined): {
  statusListUpdated?: boolean;
  statusListError?: string;
} {
  if (!result || (!result.statusListUpdated && !result.statusListError)) return {};
  return {
    statusListUpdated: result.statusListUpdated,
    ...(result.statusListError ? { statusListError: result.statusListError } : {}),
  };
}

async function tellHolderOfRevocation(
  deps: Pick<Deps, 'participants'> & NoticeDeps,
  certificate: Certificate,
  revocation: { revokedAt: string; reason: string },
): Promise<{ holderNotified: boolean; notificationError?: string }> {
  const participant = await deps.participants.getParticipant(certificate.participantId);
  if (!participant)
    return { holderNotified: false, notificationError: 'the participant is no longer on record' };
  try {
    const sent = await doOnce(deps, revocationEmailClaimKey(certificate.number), async () =>
      deps.notifications.send({
        kind: 'certificate-revoked',
        ...(await noticeContextFor(deps, participant, { certificate: certificate.number })),
        recipientName: certificate.holderName,
        courseTitle: certificate.courseTitle,
        certificateNumber: formatCertificateNumber(certificate.number),
        reason: revocation.reason,
        revokedAt: revocation.revokedAt,
        verificationUrl: verificationUrlOf(deps, certificate.number),
      }),
    );
    return { holderNotified: sent.done || sent.why === 'already-done' };
  } catch (error) {
    return {
      holderNotified: false,
      notificationError: `${String(error)}; run the same revocation again to send it`,
    };
  }
}

const correctionSchema = z
  .object({
    holderName: z.string().trim().min(1).max(200).optional(),
    courseTitle: z.string().trim().min(1).max(200).optional(),
    courseDescription: z.string().trim().max(600).optional(),
    completedAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    reason: z.string().trim().min(3, 'is required (at least 3 characters)').max(500),
    correctedBy: z.string().trim().min(1, 'is required').max(200),
  })
  .refine(
    (value) =>
      value.holderName || value.courseTitle || value.courseDescription !== undefined || value.completedAt,
    {
      message:
        'name at least one detail to correct (holderName, courseTitle, courseDescription, completedAt)',
      path: ['holderName'],
    },
  );

/**
 * Corrects a certificate (say, a misspelt name) by issuing a new version that supersedes it.
 *
 * 1. Check the certificate is still valid (a revoked or already corrected one cannot be corrected).
 * 2. Produce the corrected version under a new number, pointing back at the old one.
 * 3. Write it and mark the old one superseded in one transaction that holds only while the old one
 *    is still valid, so two concurrent corrections cannot both win.
 * 4. Set the old version's bit in its revocation status list: its credential states details that are
 *    wrong, so a verifier holding only the list must not take it as good (the spec's `revocation`
 *    purpose: valid no more, for good, which supersession is).
 * 5. Email the participant the corrected certificate, and queue the `certificate.corrected` webhook.
 * The correction is recorded in the participant's access trail (`correction`); an erased holder's
 * certificate is not corrected (there is no one left to issue it to).
 * Verifiers of the old number are shown the chain and sent to the current version.
 */
export async function correctCertificate(deps: IssuingDeps, numberInput: string, rawRequest: unknown) {
  const request = parseInput(correctionSchema, rawRequest, 'correction');
  const old = await findCertificate(deps, numberInput);
  const oldNumber = old.number;
  if (old.status !== 'valid') {
    const pointer = old.supersededBy ? ` by ${formatCertificateNumber(old.supersededBy)}` : '';
    throw new ConflictError(
      `Certificate ${formatCertificateNumber(oldNumber)} is already ${old.status}${pointer}.`,
    );
  }
  await refuseIfErased(deps, old.participantId);
  const participant = await deps.participants.getParticipant(old.participantId);
  if (!participant) throw new NotFoundError(`participant ${old.participantId} does not exist`);
  const course = await deps.courses.getCourse(old.courseId);
  // Staff changing what is held about a person is recorded like an export: who, when, which certificate.
  await deps.personalDataLog.recordAccess({
    participantId: old.participantId,
    at: deps.clock.now().toISOString(),
    actor: request.correctedBy,
    action: 'correction',
    certificateNumber: oldNumber,
  });

  const version = old.version + 1;
  const corrected = await produceCertificate(deps, {
    number: generateCertificateNumber((length) => deps.random.bytes(length)),
    completionKey: `${old.completionKey}#v${version}`,
    approvalId: old.approvalId,
    participantId: old.participantId,
    courseId: old.courseId,
    holderName: normalizeDisplayName(request.holderName ?? old.holderName),
    holderEmail: participant.email,
    holderConsentsToPublicName: participant.consentToPublicName,
    courseTitle: request.courseTitle ?? old.courseTitle,
    courseDescription: request.courseDescription ?? old.courseDescription,
    signatory: old.signatory,
    completedAt: request.completedAt ? new Date(request.completedAt).toISOString() : old.completedAt,
    issuedAt: deps.clock.now().toISOString(),
    // A correction fixes details; it does not extend how long the certificate is valid.
    ...(old.expiresAt ? { expiresAt: old.expiresAt } : {}),
    version,
    supersedes: old.number,
    correctionReason: `${request.reason} (by ${request.correctedBy})`,
    ...(course?.templateId ? { templateId: course.templateId } : {}),
    ...(course?.design ? { design: course.design } : {}),
    ...(course?.locale ? { locale: course.locale } : {}),
  });
  if (!(await deps.certificates.supersede(old.number, corrected))) {
    throw new ConflictError(
      `Certificate ${formatCertificateNumber(oldNumber)} was changed meanwhile; look it up again.`,
    );
  }
  const statusList = await markWithdrawnInStatusList(deps, old.statusList);
  await countForReports(deps, {
    type: 'corrected',
    certificateNumber: corrected.number,
    courseId: corrected.courseId,
    at: corrected.issuedAt,
  });
  const webhooks = await publishAfterTheFact(deps, certificateCorrectedEvent(deps, corrected));
  const delivery = await deliverCertificate(deps, {
    approvalId: old.approvalId,
    certificateNumber: corrected.number,
  });
  return {
    number: formatCertificateNumber(corrected.number),
    supersedes: formatCertificateNumber(old.number),
    version,
    emailed: delivery.delivered,
    ...statusListAnswer(statusList),
    ...webhooks,
  };
}
