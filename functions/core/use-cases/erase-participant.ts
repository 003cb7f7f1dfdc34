import * as z from 'zod';
import { NotFoundError, ParticipantErasedError } from '../errors.js';
import type { Certificate } from '../model.js';
import {
  type Deps,
  ERASURE_REASONS,
  type ErasureTombstone,
  type PersonalDataAccessRecord,
} from '../ports.js';
import { ERASURE_RESIDUAL_DAYS } from '../retention.js';
import { parseInput } from '../schemas.js';

const erasureRequestSchema = z.object({
  reason: z.enum(ERASURE_REASONS, {
    message: `must be one of ${ERASURE_REASONS.join(', ')} (a code, not free text: the tombstone keeps it)`,
  }),
  /** The staff member erasing, as they sign their work (an email address or a name). */
  actor: z.string().trim().min(1, 'is required').max(200),
});

/** What verifiers are told once a holder's details are erased. */
export const HOLDER_WITHDRAWN_NOTE = 'Holder details withdrawn at the holder’s request.';

export type ErasureDeps = Pick<
  Deps,
  | 'participants'
  | 'participantRecords'
  | 'approvals'
  | 'certificates'
  | 'documents'
  | 'personalDataLog'
  | 'erasures'
  | 'clock'
>;

/**
 * Refuses work for a participant whose data was erased: a replayed approval, its stream record or
 * workflow, a re-registration or new progress must never bring the person back, email them or re-issue.
 */
export async function refuseIfErased(deps: Pick<Deps, 'erasures'>, participantId: string) {
  const tombstone = await deps.erasures.getTombstone(participantId);
  if (tombstone) {
    throw new ParticipantErasedError(
      `Participant ${participantId} was erased on ${tombstone.erasedAt.slice(0, 10)} (${tombstone.reason}); nothing more is recorded, sent or issued for them.`,
    );
  }
}

/** Whether a VC-JWT identifies its holder: names them, or carries the salt that makes its email hash testable. */
export function credentialIdentifiesHolder(credential: string | undefined): boolean {
  if (!credential) return false;
  try {
    const payload = JSON.parse(Buffer.from(credential.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const identifiers: { identityType?: string; salt?: string }[] =
      payload?.credentialSubject?.identifier ?? [];
    return identifiers.some((identifier) => identifier.identityType === 'name' || identifier.salt);
  } catch {
    return true;
  }
}

const add = (counts: Record<string, number>, more: Record<string, number>) => {
  const sum = { ...counts };
  for (const [kind, count] of Object.entries(more)) if (count) sum[kind] = (sum[kind] ?? 0) + count;
  return sum;
};

/**
 * Erases a participant's personal data on request (GDPR Art. 17, POPIA s.24), keeping what verifiers
 * rely on: each certificate's number, course, dates, status, PDF digest and signature.
 *
 * 1. Validate the request (a reason code and the staff member); refuse an unknown participant.
 * 2. Record the erasure in the access trail, then write the tombstone (no name, no email): from here on
 *    a replayed approval, workflow step or re-registration is refused.
 * 3. Strip each certificate of its holder details (name, proof secret, a credential that identifies the
 *    holder, delivery state, correction note) and mark it `holderErasedAt`; delete every version of its PDF.
 * 4. Strip approvals of what describes the person's work (content reference, missing requirements).
 * 5. Delete the personal links, the course's copies of the enrolments, the address lookup, then every item
 *    under the participant's key but the tombstone and the access trail (profile, progress, enrolments,
 *    notices log, consent records, pointers).
 * 6. Complete the tombstone with the counts.
 * Every step is a delete or an overwrite with the same result, so a second run (or a re-run after a crash
 * half-way) finishes what is left and changes nothing else; a finished erasure answers as already done.
 */
export async function eraseParticipant(deps: ErasureDeps, participantId: string, rawRequest: unknown) {
  const request = parseInput(erasureRequestSchema, rawRequest, 'erasure request');
  const [participant, earlier] = await Promise.all([
    deps.participants.getParticipant(participantId),
    deps.erasures.getTombstone(participantId),
  ]);
  if (!participant && !earlier) throw new NotFoundError(`participant ${participantId} does not exist`);
  if (earlier?.completedAt) return { ...summaryOf(earlier), alreadyErased: true };

  const now = deps.clock.now().toISOString();
  const access: PersonalDataAccessRecord = {
    participantId,
    at: now,
    actor: request.actor,
    action: 'erasure',
  };
  await deps.personalDataLog.recordAccess(access);
  const tombstone: ErasureTombstone = earlier ?? {
    participantId,
    erasedAt: now,
    reason: request.reason,
    actor: request.actor,
    removed: {},
  };
  await deps.erasures.putTombstone(tombstone);

  const records = deps.participantRecords;
  const [numbers, approvals, tokens, enrolments] = await Promise.all([
    records.listCertificateNumbersOf(participantId),
    deps.approvals.listApprovalsOfParticipant(participantId),
    records.listAccessTokensOf(participantId),
    records.listEnrolmentsOf(participantId),
  ]);
  // Certificates are also found through the approvals, so a run after the pointers went still finds them.
  const certificateNumbers = new Set([
    ...numbers,
    ...approvals.flatMap((approval) => (approval.certificateNumber ? [approval.certificateNumber] : [])),
  ]);
  let removed: Record<string, number> = {};
  for (const number of certificateNumbers) {
    const certificate = await deps.certificates.getCertificate(number);
    if (!certificate || certificate.participantId !== participantId) continue;
    removed = add(removed, await withdrawHolderDetails(deps, certificate, tombstone.erasedAt));
  }
  for (const approval of approvals) {
    if (approval.contentRef === undefined && approval.reasons === undefined) continue;
    await deps.approvals.updateApproval(approval.approvalId, { contentRef: undefined, reasons: undefined });
    removed = add(removed, { approvalDetails: 1 });
  }
  for (const token of tokens)
    removed = add(removed, { accessTokens: await deps.erasures.deleteAccessToken(token.tokenHash) });
  for (const enrolment of enrolments) {
    removed = add(removed, {
      courseEnrolments: await deps.erasures.deleteCourseEnrolment(enrolment.courseId, participantId),
    });
  }
  if (participant)
    removed = add(removed, {
      emailLookup: await deps.erasures.deleteEmailLookup(participantId, participant.email),
    });
  removed = add(removed, await deps.erasures.deletePersonalItemsOf(participantId));

  const completed: ErasureTombstone = {
    ...tombstone,
    completedAt: deps.clock.now().toISOString(),
    removed: add(tombstone.removed, removed),
  };
  await deps.erasures.putTombstone(completed);
  return { ...summaryOf(completed), alreadyErased: false };
}

/** Replaces the holder's details on one certificate with the withdrawn marker; deletes its PDF. */
async function withdrawHolderDetails(deps: ErasureDeps, certificate: Certificate, erasedAt: string) {
  const removed: Record<string, number> = {};
  if (!certificate.holderErasedAt || certificate.holderName || certificate.holderProofSecret) {
    await deps.certificates.updateCertificate(certificate.number, {
      holderErasedAt: certificate.holderErasedAt ?? erasedAt,
      holderName: '',
      holderConsentsToPublicName: false,
      holderProofSecret: undefined,
      delivery: undefined,
      correctionReason: undefined,
      // The credential's signature covers the name: it goes whole. The holder's own copy still verifies.
      ...(credentialIdentifiesHolder(certificate.credential) ? { credential: undefined } : {}),
    });
    removed.certificateHolderDetails = 1;
  }
  removed.documentVersions = await deps.documents.deleteAllVersions(certificate.document.key);
  return removed;
}

function summaryOf(tombstone: ErasureTombstone) {
  return {
    participantId: tombstone.participantId,
    erasedAt: tombstone.erasedAt,
    reason: tombstone.reason,
    erasedBy: tombstone.actor,
    removed: tombstone.removed,
    residual: `Deleted records remain in the tables' point-in-time backups for up to ${ERASURE_RESIDUAL_DAYS} days; certificate numbers, courses, dates, status, PDF digests and signatures are kept so verifiers can still check them.`,
  };
}
