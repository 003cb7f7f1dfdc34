import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock, RandomSource, StaffIdentity, StaffSessionRecord, StaffSessions } from '../ports.js';

/** A working day: staff sign in again after this, whatever they did in between. */
export const STAFF_SESSION_HOURS = 8;

export interface StaffSessionDeps {
  staffSessions: StaffSessions;
  clock: Clock;
  random: RandomSource;
}

export const hashStaffSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

const randomToken = (random: RandomSource, bytes: number) =>
  Buffer.from(random.bytes(bytes)).toString('base64url');

/**
 * Opens a session for staff who just proved who they are.
 *
 * 1. Draw a 256-bit token for the cookie and a separate 256-bit form token for the pages' POST forms.
 * 2. Store the session under the token's SHA-256 only, with its expiry: a leaked table holds no cookie.
 * 3. Return the token (for the cookie) and the record.
 */
export async function startStaffSession(deps: StaffSessionDeps, identity: StaffIdentity) {
  const token = randomToken(deps.random, 32);
  const now = deps.clock.now();
  const record: StaffSessionRecord = {
    staffId: identity.staffId,
    displayName: identity.displayName,
    tokenHash: hashStaffSessionToken(token),
    formToken: randomToken(deps.random, 32),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + STAFF_SESSION_HOURS * 3_600_000).toISOString(),
  };
  await deps.staffSessions.addSession(record);
  return { token, session: record };
}

/** The live session a cookie token names; undefined for an unknown, malformed or expired one. */
export async function findStaffSession(
  deps: Pick<StaffSessionDeps, 'staffSessions' | 'clock'>,
  token: string | undefined,
): Promise<StaffSessionRecord | undefined> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const session = await deps.staffSessions.findSession(hashStaffSessionToken(token));
  if (!session || new Date(session.expiresAt) <= deps.clock.now()) return undefined;
  return session;
}

/** True only when the form carried this session's form token (compared in constant time). */
export function formTokenMatches(session: StaffSessionRecord, given: string | null | undefined): boolean {
  const expected = Buffer.from(session.formToken);
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function endStaffSession(deps: Pick<StaffSessionDeps, 'staffSessions'>, token: string) {
  await deps.staffSessions.removeSession(hashStaffSessionToken(token));
}
