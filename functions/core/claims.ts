import type { ClaimLedger, ClaimRecord, Clock, RandomSource } from './ports.js';

/**
 * Longer than any function that does once-only work may run (the email functions time out after 15 s,
 * the issuing one after a minute), so a lease lapses only when its holder is gone, not while it works.
 */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

export type OnceOutcome<T> =
  | { done: true; result: T; takenOver: boolean }
  | { done: false; why: 'already-done' | 'in-progress' };

/**
 * Does `work` at most once for `key`, whatever is retried or replayed.
 *
 * 1. Claim the key with a lease. A key that is done, or leased to a live attempt, is left alone.
 * 2. Do the work.
 * 3. Record it done, with what it produced; if the work failed, give the claim back and rethrow, so the
 *    next attempt (a workflow retry, a restart) takes it at once instead of waiting for the lease.
 *
 * `work` must throw only when its effect did not happen: whatever it records after the effect (a state
 * for operators) belongs after doOnce, or a failure there would give back a claim on work already done.
 *
 * A holder that dies between 1 and 3 leaves a lease that lapses: the next attempt takes the work over.
 */
export async function doOnce<T>(
  deps: { claims: ClaimLedger; clock: Clock; random: RandomSource; claimLeaseMs?: number },
  key: string,
  work: () => Promise<T>,
  options: { leaseMs?: number; outcomeOf?: (result: T) => Record<string, string> } = {},
): Promise<OnceOutcome<T>> {
  const holder = Buffer.from(deps.random.bytes(12)).toString('hex');
  const grant = await deps.claims.claim(key, {
    holder,
    now: deps.clock.now(),
    leaseMs: options.leaseMs ?? deps.claimLeaseMs ?? DEFAULT_LEASE_MS,
  });
  if (!grant.granted) {
    return { done: false, why: grant.record.state === 'done' ? 'already-done' : 'in-progress' };
  }
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await deps.claims.release(key, holder, String(error)).catch(() => undefined);
    throw error;
  }
  // The work is done (an email may be out): from here on nothing may give the claim back. Recording it
  // done is tried again through passing faults, since a claim left leased would let the work be redone
  // once its lease lapses.
  const outcome = options.outcomeOf?.(result);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await deps.claims.complete(key, holder, deps.clock.now(), outcome);
      break;
    } catch (error) {
      if (attempt >= COMPLETE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return { done: true, result, takenOver: grant.takenOver };
}

/** How many times recording a claim done is tried (about 1.5 s in all) before the error is let through. */
const COMPLETE_ATTEMPTS = 5;

/** Whether nobody is working on a claim now: never taken, given back, or its holder's lease has run out. */
export const isClaimFree = (record: ClaimRecord | undefined, now: Date) =>
  !record ||
  record.state === 'released' ||
  (record.state === 'leased' && record.leaseExpiresAt < now.toISOString());
