import { formatCertificateNumber, generateCertificateNumber } from '../certificate-number.js';
import { NotFoundError } from '../errors.js';
import type { Certificate } from '../model.js';
import { normalizeDisplayName } from '../names.js';
import type { IssuingDeps } from '../ports.js';
import { sha256, toHex } from '../signature.js';
import { loadApproval } from './check-eligibility.js';
import { completionKeyOf } from './record-approval.js';

export interface IssuedCertificateRef {
  approvalId: string;
  certificateNumber: string;
}

export const documentKeyOf = (number: string, version: number) => `certificates/${number}/v${version}.pdf`;
export const verificationUrlOf = (deps: Pick<IssuingDeps, 'links'>, number: string) =>
  `${deps.links.verificationBaseUrl}/verify/${formatCertificateNumber(number)}`;

function addDays(iso: string, days: number): string {
  const date = new Date(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}

/**
 * Issues the certificate for an eligible approval, exactly once per completion.
 *
 * 1. If this approval or its completion already has a certificate, return that one (a retry or replay).
 * 2. Render the PDF, take its SHA-256 and have the signing key sign that digest.
 * 3. Store the PDF, then write the certificate record and claim the completion in one conditional
 *    write. Losing that race means another execution issued first: its certificate is returned and the
 *    PDF written here is left unreferenced (the bucket's lifecycle rules remove such objects).
 * 4. Mark the approval as issued.
 */
export async function issueCertificate(deps: IssuingDeps, approvalId: string): Promise<IssuedCertificateRef> {
  const approval = await loadApproval(deps, approvalId);
  if (approval.certificateNumber) return { approvalId, certificateNumber: approval.certificateNumber };

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

  const number = generateCertificateNumber((length) => deps.random.bytes(length));
  const issuedAt = deps.clock.now().toISOString();
  const holderName = normalizeDisplayName(participant.fullName);
  const completedAt = progress?.completedAt ?? approval.approvedAt;
  const version = 1;

  const pdf = await deps.renderer.render({
    number: formatCertificateNumber(number),
    holderName,
    courseTitle: course.title,
    courseDescription: course.description,
    completedAt,
    issuedAt,
    signatory: course.signatory,
    verificationUrl: verificationUrlOf(deps, number),
    ...(course.templateId ? { templateId: course.templateId } : {}),
  });
  const digest = sha256(pdf);
  const { keyId, signatureDer } = await deps.signer.signDigest(digest);

  const documentKey = documentKeyOf(number, version);
  await deps.documents.put(documentKey, pdf, 'application/pdf', { 'certificate-number': number });

  const certificate: Certificate = {
    number,
    completionKey,
    approvalId,
    participantId: participant.participantId,
    courseId: course.courseId,
    holderName,
    holderConsentsToPublicName: participant.consentToPublicName,
    courseTitle: course.title,
    courseDescription: course.description,
    signatory: course.signatory,
    completedAt,
    issuedAt,
    ...(course.criteria.validityDays ? { expiresAt: addDays(issuedAt, course.criteria.validityDays) } : {}),
    status: 'valid',
    version,
    document: { key: documentKey, sha256Hex: toHex(digest), bytes: pdf.byteLength },
    signature: { keyId, algorithm: 'ECDSA_SHA_256', derBase64: Buffer.from(signatureDer).toString('base64') },
    downloadToken: Buffer.from(deps.random.bytes(24)).toString('base64url'),
    downloadTokenExpiresAt: addDays(issuedAt, deps.downloadLinkTtlDays),
  };

  const written = await deps.certificates.createCertificate(certificate);
  return markIssued(deps, approvalId, written.created ? number : written.existingNumber);
}

async function markIssued(
  deps: Pick<IssuingDeps, 'approvals' | 'clock'>,
  approvalId: string,
  certificateNumber: string,
): Promise<IssuedCertificateRef> {
  await deps.approvals.updateApproval(approvalId, {
    status: 'issued',
    certificateNumber,
    updatedAt: deps.clock.now().toISOString(),
  });
  return { approvalId, certificateNumber };
}
