import { ValidationError } from '../errors.js';
import { isSupportedLocale, SUPPORTED_LOCALES } from '../locales.js';
import type { Deps } from '../ports.js';
import { participantForToken } from './participant-access.js';

/**
 * The participant chooses the language of their page and emails on their page (the language form).
 *
 * 1. Find the participant the page link belongs to; an unknown, expired or revoked link changes nothing.
 * 2. Refuse a language SayPro does not speak, naming the field.
 * 3. Store the choice on the participant: every later email and page view uses it.
 */
export async function chooseParticipantLocale(
  deps: Pick<Deps, 'accessTokens' | 'clock' | 'participants'>,
  token: string,
  locale: string,
): Promise<{ participantId: string; locale: string } | undefined> {
  const participantId = await participantForToken(deps, token);
  if (!participantId) return undefined;
  if (!isSupportedLocale(locale))
    throw new ValidationError('The language is not one SayPro offers', [
      { field: 'locale', message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` },
    ]);
  const participant = await deps.participants.getParticipant(participantId);
  if (!participant) return undefined;
  await deps.participants.putParticipant({ ...participant, locale });
  return { participantId, locale };
}
