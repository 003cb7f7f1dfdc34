import { generateCertificateNumber } from '../certificate-number.js';
import { NotFoundError } from '../errors.js';
import type { Approval, Certificate } from '../model.js';
import { normalizeDisplayName } from '../names.js';
import type { IssuingDeps } from '../ports.js';
import { loadApproval } from './check-eligibility.js';
import { refuseIfErased } from './erase-participant.js';
import { addDays, produceCertificate } from './produce-certificate.js';
import { completionKeyOf } from './record-approval.js';
import { countForReports } from './staff-reports.js';
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
 * 5. Count it for the staff reports, on every path: a retry that finds the certificate issued counts it
 *    only if the first attempt could not (the count's id is the certificate number).
 */
export async function issueCertificate(deps: IssuingDeps, approvalId: string): Promise<IssuedCertificateRef> {
  const approval = await loadApproval(deps, approvalId);
  await refuseIfErased(deps, approval.participantId);
  const issued = await issueOnce(deps, approval);
  await countIssued(deps, approval, issued.certificate ?? issued.ref.certificateNumber);
  return issued.ref;
}

async function countIssued(deps: IssuingDeps, approval: Approval, issued: Certificate | string) {
  const certificate = typeof issued === 'string' ? await deps.certificates.getCertificate(issued) : issued;
  if (!certificate) return;
  await countForReports(deps, {
    type: 'issued',
    certificateNumber: certificate.number,
    courseId: certificate.courseId,
    participantId: certificate.participantId,
    approvedAt: approval.approvedAt,
    issuedAt: certificate.issuedAt,
    ...(approval.issueBy ? { issueBy: approval.issueBy } : {}),
  });
}

async function issueOnce(
  deps: IssuingDeps,
  approval: Approval,
): Promise<{ ref: IssuedCertificateRef; certificate?: Certificate }> {
  const { approvalId } = approval;
  const done = async (number: string) => ({ ref: await markIssued(deps, approvalId, number) });
  if (approval.certificateNumber) {
    // A retry of an issued approval (say, to resend its email) still leaves it `issued`, not `processing`.
    if (approval.status === 'issued') {
      // Queued again (a no-op when it was): a run that died after marking the approval still sends it.
      await publishIssued(deps, approval.certificateNumber);
      return { ref: { approvalId, certificateNumber: approval.certificateNumber } };
    }
    return done(approval.certificateNumber);
  }

  const completionKey = completionKeyOf(approval);
  const already = await deps.certificates.findByCompletion(completionKey);
  if (already) return done(already);

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
    ...(course.locale ? { locale: course.locale } : {}),
  });

  const written = await deps.certificates.createCertificate(certificate);
  if (!written.created) return done(written.existingNumber);
  return { ref: await markIssued(deps, approvalId, certificate.number), certificate };
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
