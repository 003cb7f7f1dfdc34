import { createHash } from 'node:crypto';
import type { Participant } from '../model.js';
import type { NoticeContext } from '../notices.js';
import type { Deps } from '../ports.js';
import { addDays } from './produce-certificate.js';

/** 256 bits: far beyond guessing, and only its hash is stored, so a leaked table opens no page. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashAccessToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a participant's personal page lives; the token is the whole credential. */
export const participantPageUrlOf = (deps: Pick<Deps, 'links'>, token: string) =>
  `${deps.links.verificationBaseUrl}/me/${token}`;

/** The public help pages every email and page links to. */
export const helpPageUrlOf = (deps: Pick<Deps, 'links'>, page: 'help' | 'faq' = 'help') =>
  `${deps.links.verificationBaseUrl}/${page === 'help' ? 'help' : 'help/faq'}`;

/**
 * Mints a personal link for a participant's page, put in every email they receive.
 *
 * 1. Draw a random 256-bit token.
 * 2. Store only its SHA-256, with the participant and an expiry (`participantLinkTtlDays`).
 * 3. Return the page URL carrying the token.
 */
export async function mintParticipantPageLink(
  deps: Pick<Deps, 'accessTokens' | 'random' | 'clock' | 'links' | 'participantLinkTtlDays'>,
  participantId: string,
): Promise<{ url: string; expiresAt: string }> {
  const token = Buffer.from(deps.random.bytes(TOKEN_BYTES)).toString('base64url');
  const createdAt = deps.clock.now().toISOString();
  const expiresAt = addDays(createdAt, deps.participantLinkTtlDays);
  await deps.accessTokens.addToken({
    tokenHash: hashAccessToken(token),
    participantId,
    createdAt,
    expiresAt,
  });
  return { url: participantPageUrlOf(deps, token), expiresAt };
}

/**
 * The participant a token opens the page of, or undefined for a token that is malformed, unknown,
 * expired or revoked: callers answer all four the same way, so a probe learns nothing.
 */
export async function participantForToken(
  deps: Pick<Deps, 'accessTokens' | 'clock'>,
  token: string,
): Promise<string | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const record = await deps.accessTokens.findToken(hashAccessToken(token));
  if (!record || record.revokedAt) return undefined;
  if (new Date(record.expiresAt).getTime() <= deps.clock.now().getTime()) return undefined;
  return record.participantId;
}

/** Staff revoke every personal link of a participant (a forwarded email, a shared device). */
export async function revokeParticipantLinks(
  deps: Pick<Deps, 'accessTokens' | 'clock'>,
  participantId: string,
): Promise<{ participantId: string; revoked: number }> {
  const revoked = await deps.accessTokens.revokeTokensOf(participantId, deps.clock.now().toISOString());
  return { participantId, revoked };
}

/**
 * What every notice to a participant carries: their address and name, a fresh personal link (minted for
 * this email, so an old email can be revoked without breaking a new one) and the help pages.
 */
export async function noticeContextFor(
  deps: Pick<Deps, 'accessTokens' | 'random' | 'clock' | 'links' | 'participantLinkTtlDays'>,
  participant: Pick<Participant, 'participantId' | 'fullName' | 'email'>,
  tags: Record<string, string>,
): Promise<NoticeContext> {
  const { url } = await mintParticipantPageLink(deps, participant.participantId);
  return {
    to: participant.email,
    recipientName: participant.fullName,
    participantPageUrl: url,
    helpUrl: helpPageUrlOf(deps, 'help'),
    faqUrl: helpPageUrlOf(deps, 'faq'),
    supportAddress: deps.links.supportAddress,
    tags,
  };
}
