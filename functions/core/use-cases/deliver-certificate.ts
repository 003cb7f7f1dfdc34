import * as z from 'zod';
import { formatCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Certificate, Participant } from '../model.js';
import type { CertificateFacts } from '../notices.js';
import type { Deps } from '../ports.js';
import { parseInput } from '../schemas.js';
import { refuseIfErased } from './erase-participant.js';
import { surveyLinkForIssuedEmail } from './feedback.js';
import { verificationUrlOf } from './issue-certificate.js';
import { type NoticeDeps, noticeContextFor } from './participant-access.js';
import { addDays } from './produce-certificate.js';
import { findCertificate } from './view-certificate.js';

export interface DeliveryOutcome {
  approvalId: string;
  certificateNumber: string;
  /** False when an earlier run already sent (or is sending) this email. */
  delivered: boolean;
}

export const downloadUrlOf = (deps: Pick<Deps, 'links'>, number: string, token: string) =>
  `${deps.links.apiBaseUrl}/certificates/${formatCertificateNumber(number)}/download?token=${encodeURIComponent(token)}`;

/** The once-only key of the issuance email of one certificate. */
export const certificateEmailClaimKey = (number: string) => `certificate-email#${number}`;

/** What every email about one certificate says of it. */
function certificateFactsOf(
  deps: Pick<Deps, 'links'>,
  certificate: Certificate,
  download: { token: string; expiresAt: string },
): CertificateFacts {
  return {
    courseTitle: certificate.courseTitle,
    certificateNumber: formatCertificateNumber(certificate.number),
    downloadUrl: downloadUrlOf(deps, certificate.number, download.token),
    downloadLinkExpiresAt: download.expiresAt,
    verificationUrl: verificationUrlOf(deps, certificate.number),
    linkedInShareUrl: `${deps.links.apiBaseUrl}/certificates/${formatCertificateNumber(certificate.number)}/linkedin`,
    issuedAt: certificate.issuedAt,
    ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
  };
}

/** Staff's note on a correction is kept as "<reason> (by <who>)"; the holder is told the reason only. */
const correctionReasonForHolder = (certificate: Certificate) =>
  (certificate.correctionReason ?? '').replace(/ \(by [^()]*\)$/, '');

async function loadHolder(deps: Pick<Deps, 'participants'>, certificate: Certificate): Promise<Participant> {
  const participant = await deps.participants.getParticipant(certificate.participantId);
  if (!participant) throw new NotFoundError(`participant ${certificate.participantId} does not exist`);
  return participant;
}

/**
 * Emails the participant a link to their certificate, at most once. A corrected version is announced as
 * a correction: which number it replaces, and why.
 *
 * 1. Claim the email in the claim ledger, with a lease; if it was sent, or another live run is sending
 *    it, stop. A run that died mid-send leaves a lease that lapses, and the next attempt takes over.
 * 2. Send the email, keeping the certificate's delivery state for operators (`sending`, then `sent` or
 *    `failed`). `sent` is recorded once the claim is done, and a retry that finds the claim done records it.
 * 3. On a failed send record it and rethrow: the claim is given back, so the workflow's retry sends it,
 *    and a passing SES fault delays the email rather than losing it.
 */
export async function deliverCertificate(
  deps: Pick<Deps, 'approvals' | 'certificates' | 'participants' | 'erasures' | 'feedback'> & NoticeDeps,
  input: { approvalId: string; certificateNumber: string },
): Promise<DeliveryOutcome> {
  const { approvalId, certificateNumber } = input;
  const certificate = await deps.certificates.getCertificate(certificateNumber);
  if (!certificate) throw new NotFoundError(`certificate ${certificateNumber} does not exist`);
  await refuseIfErased(deps, certificate.participantId);
  const participant = await loadHolder(deps, certificate);

  const setDelivery = async (delivery: NonNullable<typeof certificate.delivery>) => {
    await deps.certificates.updateCertificate(certificateNumber, { delivery });
    await deps.approvals.updateApproval(approvalId, { email: { status: delivery.status, at: delivery.at } });
  };
  const claimKey = certificateEmailClaimKey(certificateNumber);
  const sent = await doOnce(
    deps,
    claimKey,
    async () => {
      await setDelivery({ status: 'sending', at: deps.clock.now().toISOString() });
      const context = {
        ...(await noticeContextFor(deps, participant, { certificate: certificateNumber })),
        recipientName: certificate.holderName,
        ...certificateFactsOf(deps, certificate, {
          token: certificate.downloadToken,
          expiresAt: certificate.downloadTokenExpiresAt,
        }),
      };
      try {
        return await deps.notifications.send(
          certificate.supersedes
            ? {
                kind: 'certificate-corrected',
                ...context,
                replacesNumber: formatCertificateNumber(certificate.supersedes),
                reason: correctionReasonForHolder(certificate),
              }
            : {
                kind: 'certificate-issued',
                ...context,
                // The survey link only with consent to surveys (feedback.ts); its reminder is noted either way.
                ...(await surveyLinkForIssuedEmail(deps, participant, certificate)),
              },
        );
      } catch (error) {
        // Not sent: the claim goes back, and operators see why until a retry sends it.
        await setDelivery({
          status: 'failed',
          at: deps.clock.now().toISOString(),
          error: String(error),
        }).catch(() => undefined);
        throw error;
      }
    },
    { outcomeOf: ({ messageId }) => ({ messageId }) },
  );
  // Recorded after the claim is done, so a fault here cannot send the email twice: a retry finds the claim
  // done and records `sent` from it (also what a run that died right after sending leaves to do).
  // (Both records are written again on a replay: either may be the one a fault left behind.)
  const messageId = sent.done
    ? sent.result.messageId
    : sent.why === 'already-done'
      ? (await deps.claims.get(claimKey))?.outcome?.messageId
      : undefined;
  if (messageId) await setDelivery({ status: 'sent', at: deps.clock.now().toISOString(), messageId });
  return { approvalId, certificateNumber, delivered: sent.done };
}

const resendSchema = z.object({
  requestedBy: z.string().trim().min(1, 'is required').max(200),
  /**
   * Names this request, so a retried call sends nothing twice; without one, resends of a certificate
   * are at most one an hour (a double click, a retried call, a script in a loop).
   */
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')
    .optional(),
});

/**
 * Sends the holder a fresh download email for a valid certificate (`certs resend`): a lost email, a full
 * inbox, an address corrected since.
 *
 * 1. Check the certificate is valid: a revoked or replaced one is not sent again (its holder was told).
 * 2. Claim the resend (per request id, or per certificate and hour) so a retried request sends once.
 * 3. Draw a new download token (the old link stops working), and email it with the usual facts.
 */
export async function resendCertificate(
  deps: Pick<Deps, 'certificates' | 'participants' | 'downloadLinkTtlDays'> & NoticeDeps,
  numberInput: string,
  rawRequest: unknown,
): Promise<{ number: string; emailed: boolean; downloadLinkExpiresAt?: string }> {
  const request = parseInput(resendSchema, rawRequest, 'resend');
  const certificate = await findCertificate(deps, numberInput);
  const number = formatCertificateNumber(certificate.number);
  if (certificate.status !== 'valid') {
    const replaced = certificate.supersededBy
      ? `; send ${formatCertificateNumber(certificate.supersededBy)} instead`
      : '';
    throw new ConflictError(`Certificate ${number} is ${certificate.status}${replaced}.`);
  }
  const participant = await loadHolder(deps, certificate);
  const now = deps.clock.now().toISOString();
  const key = `certificate-resend#${certificate.number}#${request.requestId ?? now.slice(0, 13)}`;
  const sent = await doOnce(
    deps,
    key,
    async () => {
      const download = {
        token: Buffer.from(deps.random.bytes(24)).toString('base64url'),
        expiresAt: addDays(now, deps.downloadLinkTtlDays),
      };
      await deps.certificates.updateCertificate(certificate.number, {
        downloadToken: download.token,
        downloadTokenExpiresAt: download.expiresAt,
      });
      const { messageId } = await deps.notifications.send({
        kind: 'certificate-issued',
        resent: true,
        ...(await noticeContextFor(deps, participant, { certificate: certificate.number, resend: 'true' })),
        recipientName: certificate.holderName,
        ...certificateFactsOf(deps, certificate, download),
      });
      return { messageId, expiresAt: download.expiresAt };
    },
    { outcomeOf: ({ messageId }) => ({ messageId, requestedBy: request.requestedBy }) },
  );
  return sent.done
    ? { number, emailed: true, downloadLinkExpiresAt: sent.result.expiresAt }
    : { number, emailed: false };
}
