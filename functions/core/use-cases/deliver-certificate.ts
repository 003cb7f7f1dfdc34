import { formatCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { NotFoundError } from '../errors.js';
import type { Deps } from '../ports.js';
import { verificationUrlOf } from './issue-certificate.js';
import { type NoticeDeps, noticeContextFor } from './participant-access.js';

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

/**
 * Emails the participant a link to their certificate, at most once.
 *
 * 1. Claim the email in the claim ledger, with a lease; if it was sent, or another live run is sending
 *    it, stop. A run that died mid-send leaves a lease that lapses, and the next attempt takes over.
 * 2. Send the email, keeping the certificate's delivery state for operators (`sending`, `sent`, `failed`).
 * 3. On failure record it and rethrow: the claim is given back, so the workflow's retry sends it, and
 *    a passing SES fault delays the email rather than losing it.
 */
export async function deliverCertificate(
  deps: Pick<Deps, 'approvals' | 'certificates' | 'participants'> & NoticeDeps,
  input: { approvalId: string; certificateNumber: string },
): Promise<DeliveryOutcome> {
  const { approvalId, certificateNumber } = input;
  const certificate = await deps.certificates.getCertificate(certificateNumber);
  if (!certificate) throw new NotFoundError(`certificate ${certificateNumber} does not exist`);
  const participant = await deps.participants.getParticipant(certificate.participantId);
  if (!participant) throw new NotFoundError(`participant ${certificate.participantId} does not exist`);

  const setDelivery = async (delivery: NonNullable<typeof certificate.delivery>) => {
    await deps.certificates.updateCertificate(certificateNumber, { delivery });
    await deps.approvals.updateApproval(approvalId, { email: { status: delivery.status, at: delivery.at } });
  };
  const sent = await doOnce(
    deps,
    certificateEmailClaimKey(certificateNumber),
    async () => {
      await setDelivery({ status: 'sending', at: deps.clock.now().toISOString() });
      try {
        const { messageId } = await deps.notifications.send({
          kind: 'certificate-issued',
          ...(await noticeContextFor(deps, participant, { certificate: certificateNumber })),
          recipientName: certificate.holderName,
          courseTitle: certificate.courseTitle,
          certificateNumber: formatCertificateNumber(certificateNumber),
          downloadUrl: downloadUrlOf(deps, certificateNumber, certificate.downloadToken),
          downloadLinkExpiresAt: certificate.downloadTokenExpiresAt,
          verificationUrl: verificationUrlOf(deps, certificateNumber),
          ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
        });
        await setDelivery({ status: 'sent', at: deps.clock.now().toISOString(), messageId });
        return { messageId };
      } catch (error) {
        await setDelivery({ status: 'failed', at: deps.clock.now().toISOString(), error: String(error) });
        throw error;
      }
    },
    { outcomeOf: ({ messageId }) => ({ messageId }) },
  );
  return { approvalId, certificateNumber, delivered: sent.done };
}
