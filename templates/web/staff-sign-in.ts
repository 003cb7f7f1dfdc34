import { escapeHtml } from '../text.js';
import { renderStaffFrame } from './staff-layout.js';

/** The local sign-in form: the operator key, posted in the body (a password field, never in a URL). */
export function renderStaffSignIn(base: string, problem?: string): string {
  const error = problem ? `<p class="flash bad" role="alert">${escapeHtml(problem)}</p>` : '';
  return renderStaffFrame(
    'Staff sign-in',
    `<section class="card"><h1>Staff sign-in</h1>${error}
<p>Type the operator key of this machine: <code>npm start</code> prints it and keeps it in <code>.data/operator-api-key</code>.</p>
<form method="post" action="${escapeHtml(`${base}/staff/sign-in`)}"><label class="visually-hidden" for="operatorKey">Operator key</label>
<input id="operatorKey" name="operatorKey" type="password" autocomplete="current-password" required placeholder="Operator key">
<button type="submit">Sign in</button></form></section>`,
  );
}

/**
 * After the identity provider's redirect: the session cookie is SameSite=Strict, which a browser does not
 * send on a navigation another site started (the redirect chain from the hosted UI). This page, on our
 * own origin, moves on by itself (a meta refresh: no script), and that request carries the cookie.
 */
export function renderStaffSignedIn(continueTo: string): string {
  return renderStaffFrame(
    'Signed in',
    `<section class="card"><h1>Signed in</h1><p><a href="${escapeHtml(continueTo)}">Continue to the staff pages</a></p></section>`,
    `<meta http-equiv="refresh" content="0;url=${escapeHtml(continueTo)}">`,
  );
}

/** A page for what went wrong outside an action: a clear message, never a stack trace. */
export function renderStaffProblem(base: string, heading: string, message: string): string {
  return renderStaffFrame(
    heading,
    `<section class="card"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(`${base}/staff`)}">Back to the staff pages</a></p></section>`,
  );
}

/** `providerSignOut`: the identity provider's sign-out, so its own session (single sign-on) ends as well. */
export function renderStaffSignedOut(base: string, providerSignOut?: string): string {
  const provider = providerSignOut
    ? `<p><a href="${escapeHtml(providerSignOut)}">Also sign out of SayPro staff sign-in</a> (on a shared computer, do).</p>`
    : '';
  return renderStaffFrame(
    'Signed out',
    `<section class="card"><h1>Signed out</h1>${provider}<p><a href="${escapeHtml(`${base}/staff/sign-in`)}">Sign in again</a></p></section>`,
  );
}
