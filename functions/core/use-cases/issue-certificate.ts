import { generateCertificateNumber } from '../certificate-number.js';
import { NotFoundError } from '../errors.js';
import { normalizeDisplayName } from '../names.js';
import type { IssuingDeps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';
import { addDays, produceCertificate } from './produce-certificate.js';
import { completionKeyOf } from './record-approval.js';
import { certificateIssuedEvent, publishWebhookEvent } from './webhooks.js';

export { documentKeyOf, verificationUrlOf } from './produce-certificate.js';

export interface IssuedCertificateRef {
  approvalId: string;
  certificateNumber: string;
}

/**
 * Issues the certificate for an eligible approval, exactly once per completion.
 *
 * 1. If this approval or its completion already has a certificate, return that one (a retry or replay).
 * 2. Produce the signed certificate: PDF, signed digest, VC-JWT credential (produce-certificate.ts).
 * 3. Write the certificate record and claim the completion in one conditional write. Losing that race
 *    means another execution issued first: its certificate is returned and the PDF written here is
 *    left unreferenced (the bucket's lifecycle rules remove such objects).
 * 4. Queue the `certificate.issued` webhook (once per certificate, however often this step runs), then
 *    mark the approval as issued.
 */
export async function issueCertificate(deps: IssuingDeps, approvalId: string): Promise<IssuedCertificateRef> {
  const approval = await loadApproval(deps, approvalId);
  if (approval.certificateNumber) {
    // A retry of an issued approval (say, to resend its email) still leaves it `issued`, not `processing`.
    if (approval.status === 'issued') {
      // Queued again (a no-op when it was): a run that died after marking the approval still sends it.
      await publishIssued(deps, approval.certificateNumber);
      return { approvalId, certificateNumber: approval.certificateNumber };
    }
    return markIssued(deps, approvalId, approval.certificateNumber);
  }

  const completionKey = completionKeyOf(approval);
  const already = await deps.certificates.findByCompletion(completionKey);
  if (already) return markIssued(deps, approvalId, already);

  const [participant, course, progress] = await Promise.all([
    deps.participants.getParticipant(approval.participantId),
    deps.courses.getCourse(approval.courseId),
    deps.progress.getProgress(approval.participantId, approval.courseId),
  ]);
  if (!participant) throw new NotFoundError(`participant ${approval.participantId} does not exist`);
  if (!course) throw new NotFoundError(`course ${approval.courseId} does not exist`);

  const issuedAt = deps.clock.now().toISOString();
  const certificate = await produceCertificate(deps, {
    number: generateCertificateNumber((length) => deps.random.bytes(length)),
    completionKey,
    approvalId,
    participantId: participant.participantId,
    courseId: course.courseId,
    holderName: normalizeDisplayName(participant.fullName),
    holderEmail: participant.email,
    holderConsentsToPublicName: participant.consentToPublicName,
    courseTitle: course.title,
    courseDescription: course.description,
    signatory: course.signatory,
    completedAt: progress?.completedAt ?? approval.approvedAt,
    issuedAt,
    ...(course.criteria.validityDays ? { expiresAt: addDays(issuedAt, course.criteria.validityDays) } : {}),
    version: 1,
    ...(course.templateId ? { templateId: course.templateId } : {}),
    ...(course.design ? { design: course.design } : {}),
  });

  const written = await deps.certificates.createCertificate(certificate);
  return markIssued(deps, approvalId, written.created ? certificate.number : written.existingNumber);
}

async function publishIssued(deps: IssuingDeps, certificateNumber: string) {
  const certificate = await deps.certificates.getCertificate(certificateNumber);
  if (certificate) await publishWebhookEvent(deps, certificateIssuedEvent(deps, certificate));
}

async function markIssued(
  deps: IssuingDeps,
  approvalId: string,
  certificateNumber: string,
): Promise<IssuedCertificateRef> {
  // Before the approval says issued: should queueing fail, the workflow's retry of this step queues it.
  await publishIssued(deps, certificateNumber);
  await deps.approvals.updateApproval(approvalId, {
    status: 'issued',
    certificateNumber,
    updatedAt: deps.clock.now().toISOString(),
  });
  return { approvalId, certificateNumber };
}
