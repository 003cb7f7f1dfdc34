import { renderIssuedEmail } from '../../../templates/email/issued.js';
import { formatCertificateNumber } from '../certificate-number.js';
import { NotFoundError } from '../errors.js';
import type { Deps } from '../ports.js';
import { verificationUrlOf } from './issue-certificate.js';

export interface DeliveryOutcome {
  approvalId: string;
  certificateNumber: string;
  /** False when an earlier run already sent (or is sending) this email. */
  delivered: boolean;
}

export const downloadUrlOf = (deps: Pick<Deps, 'links'>, number: string, token: string) =>
  `${deps.links.apiBaseUrl}/certificates/${formatCertificateNumber(number)}/download?token=${encodeURIComponent(token)}`;

/**
 * Emails the participant a link to their certificate, at most once.
 *
 * 1. Claim the delivery with a conditional write; if another run holds or finished it, stop.
 * 2. Send the email.
 * 3. Record it as sent, or as failed and rethrow: a failed claim can be taken again by the workflow's
 *    retry, so a passing SES fault delays the email rather than losing it.
 */
export async function deliverCertificate(
  deps: Pick<Deps, 'certificates' | 'participants' | 'mailer' | 'clock' | 'links'>,
  input: { approvalId: string; certificateNumber: string },
): Promise<DeliveryOutcome> {
  const { approvalId, certificateNumber } = input;
  const certificate = await deps.certificates.getCertificate(certificateNumber);
  if (!certificate) throw new NotFoundError(`certificate ${certificateNumber} does not exist`);
  const participant = await deps.participants.getParticipant(certificate.participantId);
  if (!participant) throw new NotFoundError(`participant ${certificate.participantId} does not exist`);

  if (!(await deps.certificates.claimDelivery(certificateNumber, deps.clock.now().toISOString()))) {
    return { approvalId, certificateNumber, delivered: false };
  }

  const email = renderIssuedEmail({
    holderName: certificate.holderName,
    courseTitle: certificate.courseTitle,
    certificateNumber: formatCertificateNumber(certificateNumber),
    downloadUrl: downloadUrlOf(deps, certificateNumber, certificate.downloadToken),
    verificationUrl: verificationUrlOf(deps, certificateNumber),
    downloadLinkExpiresAt: certificate.downloadTokenExpiresAt,
    supportAddress: deps.links.supportAddress,
  });
  try {
    const { messageId } = await deps.mailer.send({
      to: participant.email,
      ...email,
      tags: { certificate: certificateNumber },
    });
    await deps.certificates.updateCertificate(certificateNumber, {
      delivery: { status: 'sent', at: deps.clock.now().toISOString(), messageId },
    });
    return { approvalId, certificateNumber, delivered: true };
  } catch (error) {
    await deps.certificates.updateCertificate(certificateNumber, {
      delivery: { status: 'failed', at: deps.clock.now().toISOString(), error: String(error) },
    });
    throw error;
  }
}
