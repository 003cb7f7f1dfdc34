import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoOidcAuthenticator } from '../../functions/adapters/staff-auth/cognito-oidc.js';
import { localOperatorKeyAuthenticator } from '../../functions/adapters/staff-auth/local-operator-key.js';
import type { StaffSessionRecord, StaffSessions } from '../../functions/core/ports.js';
import {
  findStaffSession,
  formTokenMatches,
  hashStaffSessionToken,
  startStaffSession,
} from '../../functions/core/use-cases/staff-sessions.js';

class MapStaffSessions implements StaffSessions {
  readonly byHash = new Map<string, StaffSessionRecord>();
  async addSession(record: StaffSessionRecord) {
    this.byHash.set(record.tokenHash, record);
  }
  async findSession(tokenHash: string) {
    return this.byHash.get(tokenHash);
  }
  async setFlash(tokenHash: string, flash: StaffSessionRecord['flash']) {
    const record = this.byHash.get(tokenHash);
    if (record) this.byHash.set(tokenHash, { ...record, ...(flash ? { flash } : { flash: undefined }) });
  }
  async removeSession(tokenHash: string) {
    this.byHash.delete(tokenHash);
  }
}

describe('staff sessions', () => {
  let now = new Date('2026-12-03T09:00:00.000Z');
  const sessions = new MapStaffSessions();
  const deps = {
    staffSessions: sessions,
    clock: { now: () => now },
    random: { bytes: (n: number) => new Uint8Array(randomBytes(n)) },
  };

  it('keeps only the hash of a 256-bit token, and finds the session by the token until it expires', async () => {
    const { token, session } = await startStaffSession(deps, { staffId: 's1', displayName: 'Staff One' });
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(session.tokenHash).toBe(hashStaffSessionToken(token));
    expect(JSON.stringify([...sessions.byHash])).not.toContain(token);
    expect((await findStaffSession(deps, token))?.staffId).toBe('s1');
    // One character changed, never to itself: a token that ended in A made the "altered" token the same
    // one, and this test failed about once in 16 runs (a 32-byte token ends in one of 16 letters).
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await findStaffSession(deps, altered)).toBeUndefined();
    expect(await findStaffSession(deps, undefined)).toBeUndefined();
    expect(await findStaffSession(deps, 'short')).toBeUndefined();
    now = new Date(now.getTime() + 8 * 3_600_000);
    expect(await findStaffSession(deps, token)).toBeUndefined();
  });

  it('accepts a POST only with its own session’s form token', async () => {
    const first = await startStaffSession(deps, { staffId: 'a', displayName: 'A' });
    const second = await startStaffSession(deps, { staffId: 'b', displayName: 'B' });
    expect(first.session.formToken).not.toBe(second.session.formToken);
    expect(formTokenMatches(first.session, first.session.formToken)).toBe(true);
    expect(formTokenMatches(first.session, second.session.formToken)).toBe(false);
    expect(formTokenMatches(first.session, null)).toBe(false);
    expect(formTokenMatches(first.session, '')).toBe(false);
    expect(formTokenMatches(first.session, `${first.session.formToken}x`)).toBe(false);
  });

  it('signs in locally only with the exact operator key', () => {
    const auth = localOperatorKeyAuthenticator('s3cret-key');
    if (auth.kind !== 'operator-key') throw new Error('expected the key form');
    expect(auth.checkOperatorKey('s3cret-key')?.staffId).toBe('local-operator');
    expect(auth.checkOperatorKey(' s3cret-key\n')).toBeDefined();
    expect(auth.checkOperatorKey('s3cret-kez')).toBeUndefined();
    expect(auth.checkOperatorKey('')).toBeUndefined();
  });
});

/** A stand-in Cognito: a JWKS of a locally generated key pair and a token endpoint answering one ID token. */
describe('the Cognito callback verifies the ID token against the pool’s JWKS', async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'pool-key', alg: 'RS256', use: 'sig' };
  let idToken = '';
  let lastTokenRequest = new URLSearchParams();
  let server: Server;
  let baseUrl = '';
  const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TEST';
  const clientId = 'dashboard-client';

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/jwks.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ keys: [jwk] }));
        return;
      }
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        lastTokenRequest = new URLSearchParams(body);
        response.writeHead(lastTokenRequest.get('code') === 'good-code' ? 200 : 400, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify({ id_token: idToken }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const authenticator = () => {
    const auth = cognitoOidcAuthenticator({
      issuer,
      clientId,
      hostedUiBaseUrl: 'https://saypro-staff.auth.eu-west-1.amazoncognito.com',
      callbackUrl: 'https://api.example.org/v1/staff/callback',
      signedOutUrl: 'https://api.example.org/v1/staff/sign-in',
      jwksUrl: `${baseUrl}/jwks.json`,
      tokenEndpoint: `${baseUrl}/oauth2/token`,
    });
    if (auth.kind !== 'oidc') throw new Error('expected OIDC');
    return auth;
  };
  const sign = (claims: Record<string, unknown>, key = privateKey, options: { exp?: string } = {}) =>
    new SignJWT({
      token_use: 'id',
      nonce: 'n-1',
      email: 'lindiwe@saypro.online',
      iss: issuer,
      aud: clientId,
      sub: 'sub-123',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '1h')
      .sign(key);
  const complete = (code = 'good-code') =>
    authenticator().completeSignIn({ code, codeVerifier: 'verifier-xyz', nonce: 'n-1' });

  it('sends the browser to the hosted UI with state, nonce and a PKCE challenge', () => {
    const url = new URL(authenticator().authorizationUrl({ state: 's', nonce: 'n', codeChallenge: 'c' }));
    expect(url.origin + url.pathname).toBe(
      'https://saypro-staff.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: 'https://api.example.org/v1/staff/callback',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
  });

  it('signs in with a valid ID token, after exchanging the code with the PKCE verifier', async () => {
    idToken = await sign({});
    expect(await complete()).toEqual({ staffId: 'sub-123', displayName: 'lindiwe@saypro.online' });
    expect(Object.fromEntries(lastTokenRequest)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'good-code',
      code_verifier: 'verifier-xyz',
      client_id: clientId,
    });
  });

  it.each([
    ['signed by another key', async () => sign({}, stranger.privateKey), 'not valid'],
    ['for another client', async () => sign({ aud: 'other-client' }), 'not valid'],
    ['from another issuer', async () => sign({ iss: 'https://evil.example' }), 'not valid'],
    ['expired', async () => sign({}, privateKey, { exp: '-1m' }), 'not valid'],
    ['an access token', async () => sign({ token_use: 'access' }), 'not an ID token'],
    ['for another sign-in', async () => sign({ nonce: 'n-2' }), 'nonce'],
  ])('refuses an ID token %s', async (_what, make, message) => {
    idToken = await make();
    await expect(complete()).rejects.toThrow(message);
  });

  it('refuses a code the token endpoint refuses', async () => {
    idToken = await sign({});
    await expect(complete('bad-code')).rejects.toThrow('refused the code (HTTP 400)');
  });
});
