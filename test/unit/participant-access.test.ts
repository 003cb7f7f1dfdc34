import { describe, expect, it } from 'vitest';
import {
  hashAccessToken,
  mintParticipantPageLink,
  participantForToken,
  revokeParticipantLinks,
} from '../../functions/core/use-cases/participant-access.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

const tokenOf = (url: string) => url.split('/me/')[1]!;

describe('participant page links', () => {
  it('carry a 256-bit token that is stored only as its hash', async () => {
    const world = inMemoryDeps();
    const { url, expiresAt } = await mintParticipantPageLink(world.deps, 'p-1');
    expect(url).toMatch(/^https:\/\/verify\.test\/me\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2027-11-29T12:00:00.000Z');
    const token = tokenOf(url);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect([...world.state.accessTokens.keys()]).toEqual([hashAccessToken(token)]);
    expect(JSON.stringify([...world.state.accessTokens.values()])).not.toContain(token);
    expect(await participantForToken(world.deps, token)).toBe('p-1');
  });

  it('open nothing for a tampered, unknown, expired or revoked token', async () => {
    const world = inMemoryDeps();
    const token = tokenOf((await mintParticipantPageLink(world.deps, 'p-1')).url);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await participantForToken(world.deps, flipped)).toBeUndefined();
    expect(await participantForToken(world.deps, `${token}x`)).toBeUndefined();
    expect(await participantForToken(world.deps, '../../etc')).toBeUndefined();
    world.clock.current = new Date('2027-11-30T00:00:00.000Z');
    expect(await participantForToken(world.deps, token)).toBeUndefined();
    world.clock.current = new Date('2026-12-01T00:00:00.000Z');
    expect(await participantForToken(world.deps, token)).toBe('p-1');
    expect(await revokeParticipantLinks(world.deps, 'p-1')).toEqual({ participantId: 'p-1', revoked: 1 });
    expect(await participantForToken(world.deps, token)).toBeUndefined();
  });
});
