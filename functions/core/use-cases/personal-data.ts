import * as z from 'zod';
import { formatCertificateNumber } from '../certificate-number.js';
import { NotFoundError } from '../errors.js';
import type { Deps, PersonalDataAccessRecord } from '../ports.js';
import { parseInput } from '../schemas.js';
import { feedbackOf } from './feedback.js';

const exportRequestSchema = z.object({
  /** The staff member asking, as they sign their work (an email address or a name). */
  requestedBy: z.string().trim().min(1, 'is required').max(200),
});

/**
 * Everything the system holds about one participant, as staff hand it over on a data subject access
 * request (GDPR Art. 15, POPIA s.23): profile, enrolments, progress, approvals, certificates, personal
 * links, the emails sent, every consent decision, and who has exported this before.
 *
 * 1. Record the access first (who, when), so no export goes unrecorded even if it fails halfway.
 * 2. Read each kind by the participant's own key or index (no scans): seconds, whatever the table size.
 * 3. Leave out what is a secret rather than data about them: the download token and the personal-link
 *    tokens (only their hashes are stored anyway).
 */
export async function exportParticipantData(
  deps: Pick<
    Deps,
    | 'participants'
    | 'participantRecords'
    | 'approvals'
    | 'certificates'
    | 'personalDataLog'
    | 'clock'
    | 'feedback'
  >,
  participantId: string,
  rawRequest: unknown,
) {
  const request = parseInput(exportRequestSchema, rawRequest, 'export request');
  const profile = await deps.participants.getParticipant(participantId);
  if (!profile) throw new NotFoundError(`participant ${participantId} does not exist`);
  const access: PersonalDataAccessRecord = {
    participantId,
    at: deps.clock.now().toISOString(),
    actor: request.requestedBy,
    action: 'export',
  };
  await deps.personalDataLog.recordAccess(access);

  const records = deps.participantRecords;
  const [enrolments, progress, approvals, numbers, personalLinks, emailsSent, accessTrail, consentHistory] =
    await Promise.all([
      records.listEnrolmentsOf(participantId),
      records.listProgressOf(participantId),
      deps.approvals.listApprovalsOfParticipant(participantId),
      records.listCertificateNumbersOf(participantId),
      records.listAccessTokensOf(participantId),
      records.listNoticesSentTo(participantId),
      records.listAccessesTo(participantId),
      records.listConsentsOf(participantId),
    ]);
  const certificates = [];
  for (const number of numbers) {
    const certificate = await deps.certificates.getCertificate(number);
    if (!certificate) continue;
    const { downloadToken: _secret, ...held } = certificate;
    certificates.push({ ...held, number: formatCertificateNumber(certificate.number) });
  }
  return {
    exportedAt: access.at,
    exportedBy: access.actor,
    participant: profile,
    enrolments,
    progress,
    approvals: approvals.sort((a, b) => a.approvedAt.localeCompare(b.approvedAt)),
    certificates,
    personalLinks: personalLinks.map(({ tokenHash, createdAt, expiresAt, revokedAt }) => ({
      tokenHash,
      createdAt,
      expiresAt,
      ...(revokedAt ? { revokedAt } : {}),
    })),
    emailsSent,
    // Every decision, with the text shown and the policy version: what they agreed to, not just that they did.
    consentHistory,
    // Their survey answers, free text included (one per certificate).
    feedback: await feedbackOf(deps, participantId),
    // Includes this export: the trail is part of what is held about them.
    accessTrail,
  };
}

/** Who has exported a participant's data, and when: readable by staff without reading the data itself. */
export async function listPersonalDataAccesses(
  deps: Pick<Deps, 'participants' | 'participantRecords'>,
  participantId: string,
) {
  if (!(await deps.participants.getParticipant(participantId)))
    throw new NotFoundError(`participant ${participantId} does not exist`);
  return { participantId, accesses: await deps.participantRecords.listAccessesTo(participantId) };
}
