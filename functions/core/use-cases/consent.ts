import * as z from 'zod';
import { doOnce } from '../claims.js';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_WORDING,
  type ConsentChannel,
  type ConsentDecision,
  type ConsentPurpose,
  consentPurposeOfField,
  decisionsThatChange,
  hasConsented,
} from '../consent.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Participant } from '../model.js';
import type { Deps } from '../ports.js';
import { parseInput } from '../schemas.js';
import { loadApproval } from './check-eligibility.js';
import { refuseIfErased } from './erase-participant.js';
import { type NoticeDeps, noticeContextFor, participantForToken } from './participant-access.js';

export type ConsentChoices = Partial<Record<ConsentPurpose, boolean>>;

export type ConsentDeps = Pick<
  Deps,
  'participants' | 'participantRecords' | 'personalDataLog' | 'certificates' | 'approvals' | 'clock'
>;

const choiceFields = {
  nameOnCertificate: z.boolean().optional(),
  nameToVerifiers: z.boolean().optional(),
  surveysAndReminders: z.boolean().optional(),
};

/** Consent given on paper, by email or by phone, entered by staff: who entered it is part of the record. */
export const staffConsentSchema = z
  .object({
    ...choiceFields,
    channel: z.enum(
      CONSENT_CHANNELS.filter((channel) => channel !== 'participant-page') as [
        ConsentChannel,
        ...ConsentChannel[],
      ],
    ),
    recordedBy: z.string().trim().min(1, 'is required').max(200),
  })
  .refine((body) => Object.keys(choiceFields).some((field) => field in body), {
    message: 'give at least one of nameOnCertificate, nameToVerifiers, surveysAndReminders',
    path: ['nameOnCertificate'],
  });

export const choicesOf = (body: Partial<Record<keyof typeof choiceFields, boolean | undefined>>) => {
  const choices: ConsentChoices = {};
  for (const [field, granted] of Object.entries(body)) {
    const purpose = consentPurposeOfField(field);
    if (purpose && typeof granted === 'boolean') choices[purpose] = granted;
  }
  return choices;
};

/**
 * Applies consent decisions to a participant: what every way of giving or withdrawing consent ends in.
 *
 * 1. Append each decision to the participant's consent history (first, so no choice takes effect unrecorded).
 * 2. Store the current choice per purpose on the participant.
 * 3. A changed choice about showing the name reaches the certificates already issued at once.
 * 4. Consent to the name on the certificate sends every approval `awaiting_consent` back for issuance
 *    (one conditional write each, so two concurrent agreements resume it once).
 */
export async function applyConsentDecisions(
  deps: ConsentDeps,
  participant: Participant,
  decisions: ConsentDecision[],
): Promise<{ participant: Participant; recorded: ConsentDecision[]; resumedApprovals: string[] }> {
  for (const decision of decisions) {
    await deps.personalDataLog.recordConsent({ participantId: participant.participantId, ...decision });
  }
  const consents = { ...participant.consents };
  for (const decision of decisions) consents[decision.purpose] = decision;
  const updated: Participant = {
    ...participant,
    ...(decisions.length > 0 ? { consents } : {}),
    consentToPublicName: consents['name-to-verifiers']
      ? consents['name-to-verifiers'].granted
      : participant.consentToPublicName,
  };
  if (decisions.length > 0) await deps.participants.putParticipant(updated);

  if (updated.consentToPublicName !== participant.consentToPublicName) {
    for (const number of await deps.participantRecords.listCertificateNumbersOf(participant.participantId)) {
      await deps.certificates.updateCertificate(number, {
        holderConsentsToPublicName: updated.consentToPublicName,
      });
    }
  }
  const resumedApprovals = hasConsented(updated.consents, 'name-on-certificate')
    ? await resumeApprovalsAwaitingConsent(deps, participant.participantId)
    : [];
  return { participant: updated, recorded: decisions, resumedApprovals };
}

async function resumeApprovalsAwaitingConsent(
  deps: Pick<Deps, 'approvals' | 'clock'>,
  participantId: string,
): Promise<string[]> {
  const waiting = (await deps.approvals.listApprovalsOfParticipant(participantId)).filter(
    (approval) => approval.status === 'awaiting_consent',
  );
  const resumed: string[] = [];
  for (const approval of waiting) {
    const now = deps.clock.now().toISOString();
    if (
      (await deps.approvals.requeueForEvaluation(approval.approvalId, now, 'awaiting_consent')) !== undefined
    )
      resumed.push(approval.approvalId);
  }
  return resumed;
}

async function loadParticipant(deps: Pick<Deps, 'participants'>, participantId: string) {
  const participant = await deps.participants.getParticipant(participantId);
  if (!participant) throw new NotFoundError(`participant ${participantId} does not exist`);
  return participant;
}

/** Staff enter consent given on paper, by email or by phone (`PUT /operator/participants/{id}/consent`). */
export async function recordStaffConsent(deps: ConsentDeps, participantId: string, body: unknown) {
  const request = parseInput(staffConsentSchema, body, 'consent');
  const participant = await loadParticipant(deps, participantId);
  const decisions = decisionsThatChange(participant.consents, choicesOf(request), {
    at: deps.clock.now().toISOString(),
    channel: request.channel,
    recordedBy: request.recordedBy,
  });
  const applied = await applyConsentDecisions(deps, participant, decisions);
  return { ...consentSummaryOf(applied.participant), ...pick(applied, 'recorded', 'resumedApprovals') };
}

/**
 * The participant's own form on their page: a yes/no per purpose, none chosen in advance, so withdrawing
 * is the same single step as giving. Undefined for a token that opens no page.
 */
export async function recordConsentFromPage(
  deps: ConsentDeps & Pick<Deps, 'accessTokens'>,
  token: string,
  form: URLSearchParams,
) {
  const participantId = await participantForToken(deps, token);
  if (!participantId) return undefined;
  const participant = await deps.participants.getParticipant(participantId);
  if (!participant) return undefined;
  const choices: ConsentChoices = {};
  for (const purpose of CONSENT_PURPOSES) {
    const value = form.get(CONSENT_WORDING[purpose].field);
    if (value !== null && value !== 'yes' && value !== 'no')
      throw new ValidationError('The consent form was not understood', [
        { field: CONSENT_WORDING[purpose].field, message: 'must be yes or no' },
      ]);
    // A question left unanswered (neither radio button chosen) records nothing for that purpose.
    if (value !== null) choices[purpose] = value === 'yes';
  }
  const decisions = decisionsThatChange(participant.consents, choices, {
    at: deps.clock.now().toISOString(),
    channel: 'participant-page',
  });
  return applyConsentDecisions(deps, participant, decisions);
}

/** The current choice per purpose and the full history, for staff (`GET /operator/participants/{id}/consent`). */
export async function readConsent(
  deps: Pick<Deps, 'participants' | 'participantRecords'>,
  participantId: string,
) {
  const participant = await loadParticipant(deps, participantId);
  return {
    ...consentSummaryOf(participant),
    history: await deps.participantRecords.listConsentsOf(participantId),
  };
}

function consentSummaryOf(participant: Participant) {
  return {
    participantId: participant.participantId,
    current: Object.fromEntries(
      CONSENT_PURPOSES.map((purpose) => {
        const decision = participant.consents?.[purpose];
        return [
          purpose,
          decision
            ? {
                granted: decision.granted,
                at: decision.at,
                channel: decision.channel,
                policyVersion: decision.policyVersion,
              }
            : { granted: false, asked: false },
        ];
      }),
    ),
  };
}

const pick = <T extends object, K extends keyof T>(from: T, ...keys: K[]) =>
  Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;

/** The once-only key of the email asking for consent to the name on one approval's certificate. */
export const consentRequestEmailClaimKey = (approvalId: string) => `consent-request-email#${approvalId}`;

/**
 * The workflow's step for an eligible approval whose participant has not agreed to their name on the
 * certificate: ask them once, and leave the approval `awaiting_consent` until they agree.
 *
 * 1. Mark the approval `awaiting_consent` if it is still `processing` (before asking, so the agreement the
 *    email leads to finds it); an approval that moved on meanwhile is left alone.
 * 2. Send the consent request, at most once per approval, through the claim ledger.
 * 3. Read the participant's consent again: an agreement given while this step ran would have found the
 *    approval still `processing`, so this step resumes it itself (the conditional requeue makes the two
 *    paths resume it once between them).
 */
export async function requestConsent(
  deps: Pick<Deps, 'approvals' | 'participants' | 'courses' | 'erasures'> & NoticeDeps,
  input: { approvalId: string },
): Promise<{ approvalId: string; asked: boolean; resumed: boolean }> {
  const approval = await loadApproval(deps, input.approvalId);
  await refuseIfErased(deps, approval.participantId);
  const [participant, course] = await Promise.all([
    loadParticipant(deps, approval.participantId),
    deps.courses.getCourse(approval.courseId),
  ]);
  if (!course) throw new NotFoundError(`course ${approval.courseId} does not exist`);
  // Conditional: a retry of this step after the approval resumed (or issued) must not send it back to waiting.
  const waiting =
    approval.status === 'awaiting_consent' ||
    (await deps.approvals.moveStatus(input.approvalId, {
      from: 'processing',
      to: 'awaiting_consent',
      updatedAt: deps.clock.now().toISOString(),
    }));
  if (!waiting) return { approvalId: input.approvalId, asked: false, resumed: false };
  const wording = CONSENT_WORDING['name-on-certificate'];
  const sent = await doOnce(deps, consentRequestEmailClaimKey(input.approvalId), async () =>
    deps.notifications.send({
      kind: 'consent-request',
      ...(await noticeContextFor(deps, participant, { approval: input.approvalId })),
      courseTitle: course.title,
      consentTitle: wording.title,
      consentText: wording.text,
    }),
  );
  const now = await loadParticipant(deps, approval.participantId);
  const resumed =
    hasConsented(now.consents, 'name-on-certificate') &&
    (await deps.approvals.requeueForEvaluation(
      input.approvalId,
      deps.clock.now().toISOString(),
      'awaiting_consent',
    )) !== undefined;
  return { approvalId: input.approvalId, asked: sent.done, resumed };
}
