import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ValidationError } from '../../core/errors.js';
import type { StaffAuthenticator } from '../../core/ports.js';

export interface OidcSettings {
  /** The pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  issuer: string;
  /** The app client (a public client: authorization code with PKCE, no secret). */
  clientId: string;
  /** The hosted UI's base URL: `https://<domain>.auth.<region>.amazoncognito.com`. */
  hostedUiBaseUrl: string;
  /** `<api base>/staff/callback`, exactly as registered on the app client. */
  callbackUrl: string;
  /** Where the hosted UI sends the browser after sign-out (registered as a logout URL). */
  signedOutUrl: string;
  /** @default `${issuer}/.well-known/jwks.json` */
  jwksUrl?: string;
  /** @default `${hostedUiBaseUrl}/oauth2/token` */
  tokenEndpoint?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

const signInFailed = (why: string) =>
  new ValidationError(`Sign-in did not complete: ${why}. Please sign in again.`, [
    { field: 'code', message: why },
  ]);

/**
 * Staff sign-in through a Cognito user pool's hosted UI (OIDC authorization code flow with PKCE).
 *
 * 1. Send the browser to /oauth2/authorize with state, nonce and the PKCE challenge.
 * 2. On the callback, exchange the code at /oauth2/token (with the PKCE verifier: no client secret to keep).
 * 3. Verify the ID token's signature against the pool's JWKS (fetched once, cached by jose), its issuer,
 *    audience (our client), expiry, `token_use: id` and our nonce. Only then is anyone signed in.
 */
export function cognitoOidcAuthenticator(settings: OidcSettings): StaffAuthenticator {
  const doFetch = settings.fetch ?? globalThis.fetch;
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl ?? `${settings.issuer}/.well-known/jwks.json`));
  const tokenEndpoint = settings.tokenEndpoint ?? `${settings.hostedUiBaseUrl}/oauth2/token`;
  return {
    kind: 'oidc',
    authorizationUrl({ state, nonce, codeChallenge }) {
      const url = new URL('/oauth2/authorize', settings.hostedUiBaseUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: settings.callbackUrl,
        scope: 'openid email profile',
        state,
        nonce,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async completeSignIn({ code, codeVerifier, nonce }) {
      const response = await doFetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: settings.clientId,
          code,
          redirect_uri: settings.callbackUrl,
          code_verifier: codeVerifier,
        }).toString(),
      });
      if (!response.ok) throw signInFailed(`the token endpoint refused the code (HTTP ${response.status})`);
      const { id_token: idToken } = (await response.json()) as { id_token?: unknown };
      if (typeof idToken !== 'string') throw signInFailed('the token endpoint returned no ID token');
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(idToken, jwks, {
          issuer: settings.issuer,
          audience: settings.clientId,
          algorithms: ['RS256'],
        }));
      } catch (error) {
        throw signInFailed(`the ID token is not valid (${(error as Error).message})`);
      }
      if (payload.token_use !== 'id') throw signInFailed('the token is not an ID token');
      if (payload.nonce !== nonce) throw signInFailed('the ID token answers another sign-in (nonce)');
      if (typeof payload.sub !== 'string') throw signInFailed('the ID token names no subject');
      const displayName =
        typeof payload.email === 'string'
          ? payload.email
          : typeof payload['cognito:username'] === 'string'
            ? payload['cognito:username']
            : payload.sub;
      return { staffId: payload.sub, displayName };
    },
    signOutUrl() {
      const url = new URL('/logout', settings.hostedUiBaseUrl);
      url.search = new URLSearchParams({
        client_id: settings.clientId,
        logout_uri: settings.signedOutUrl,
      }).toString();
      return url.toString();
    },
  };
}
