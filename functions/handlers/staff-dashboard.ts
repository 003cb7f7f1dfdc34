import { createHash } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { REPORT_PAGE_CSP, renderReportCsv, renderReportPage } from '../../templates/web/report-page.js';
import { renderStaffCourse, TRACKING_FILTERS } from '../../templates/web/staff-course.js';
import { renderStaffHome } from '../../templates/web/staff-home.js';
import { STAFF_CSP, type StaffPageContext } from '../../templates/web/staff-layout.js';
import { renderStaffReports } from '../../templates/web/staff-reports.js';
import {
  renderStaffProblem,
  renderStaffSignedIn,
  renderStaffSignedOut,
  renderStaffSignIn,
} from '../../templates/web/staff-sign-in.js';
import { ConflictError, GoneError, NotFoundError, TransientError, ValidationError } from '../core/errors.js';
import type { StaffSessionRecord } from '../core/ports.js';
import { revokeCertificate } from '../core/use-cases/certificate-lifecycle.js';
import { resendCertificate } from '../core/use-cases/deliver-certificate.js';
import { trackCourse } from '../core/use-cases/operator-queries.js';
import { retryApproval } from '../core/use-cases/retry-approval.js';
import { staffOverview } from '../core/use-cases/staff-dashboard.js';
import { buildPeriodReport } from '../core/use-cases/staff-reports.js';
import {
  endStaffSession,
  findStaffSession,
  formTokenMatches,
  STAFF_SESSION_HOURS,
  startStaffSession,
} from '../core/use-cases/staff-sessions.js';
import { logger } from '../wiring/logger.js';
import { lambdaStaffDashboardDeps, type StaffDashboardDeps } from '../wiring/staff-deps.js';
import {
  type HttpRequest,
  html,
  httpApi,
  json,
  type Route,
  withoutEmailAddresses,
} from './shared/http-api.js';
import { PerClientRateLimit } from './shared/rate-limit.js';

// Declared by its composition root (wiring/staff-deps.ts), which imports nothing from here.
export type { StaffDashboardDeps };

export const STAFF_SESSION_COOKIE = 'staff_session';
/** state.nonce.PKCE-verifier of a sign-in under way; Lax, because the provider's redirect brings it back. */
const SIGN_IN_COOKIE = 'staff_sign_in';

const cookieOf = (headers: Record<string, string>, name: string) =>
  (headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

const sessionCookie = (token: string, maxAgeSeconds: number) =>
  `${STAFF_SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;

const page = (statusCode: number, body: string, headers: Record<string, string> = {}) =>
  html(statusCode, body, { 'content-security-policy': STAFF_CSP, 'cache-control': 'no-store', ...headers });

const seeOther = (location: string, headers: Record<string, string> = {}): APIGatewayProxyResult => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headers },
  body: '',
});

/** Only a path under /staff may be returned to: never another site (no open redirect). */
const safeBack = (back: string | null) =>
  back && /^\/staff(?:\/[\w.~%-]+)*(?:\?[\w.~%&=-]*)?$/.test(back) ? back : '/staff';

/** What staff are told when an action is refused: our own message, never a stack trace. */
function messageOf(error: unknown): string {
  if (error instanceof ValidationError)
    return [error.message, ...error.issues.map((issue) => `${issue.field}: ${issue.message}`)].join(' · ');
  if (error instanceof NotFoundError || error instanceof ConflictError || error instanceof GoneError)
    return error.message;
  if (error instanceof TransientError) return 'Busy for a moment: please press the button again.';
  logger.error('staff action failed', { error: withoutEmailAddresses(error) });
  return 'Something went wrong on our side. Please try again shortly.';
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export const staffRoutes = (deps: () => StaffDashboardDeps): Route[] => {
  const basePath = () => new URL(deps().links.apiBaseUrl).pathname.replace(/\/$/, '');
  const toSignIn = () => seeOther(`${basePath()}/staff/sign-in`);
  const contextOf = (session: StaffSessionRecord): StaffPageContext => ({
    base: basePath(),
    displayName: session.displayName,
    formToken: session.formToken,
    ...(session.flash ? { flash: session.flash } : {}),
  });

  /** A signed-in page: no live session, off to sign-in; the one-time message is shown once. */
  const staffPage =
    (render: (request: HttpRequest, context: StaffPageContext) => Promise<APIGatewayProxyResult>) =>
    async (request: HttpRequest) => {
      const session = await findStaffSession(deps(), cookieOf(request.headers, STAFF_SESSION_COOKIE));
      if (!session) return toSignIn();
      if (session.flash) await deps().staffSessions.setFlash(session.tokenHash, undefined);
      try {
        return await render(request, contextOf(session));
      } catch (error) {
        const status = error instanceof NotFoundError ? 404 : error instanceof ValidationError ? 400 : 500;
        return page(
          status,
          renderStaffProblem(basePath(), status === 404 ? 'Not found' : 'Cannot show this', messageOf(error)),
        );
      }
    };

  /** A signed-in action: the form token must match (else 403), then 303 back with what happened. */
  const staffAction =
    (
      act: (
        form: URLSearchParams,
        params: Record<string, string>,
        session: StaffSessionRecord,
      ) => Promise<string>,
    ) =>
    async ({ headers, rawBody, params }: HttpRequest) => {
      const session = await findStaffSession(deps(), cookieOf(headers, STAFF_SESSION_COOKIE));
      if (!session) return toSignIn();
      const form = new URLSearchParams(rawBody.toString('utf8'));
      if (!formTokenMatches(session, form.get('formToken')))
        return page(
          403,
          renderStaffProblem(
            basePath(),
            'Refused',
            'This form is out of date or did not come from the staff pages. Reload the page and try again.',
          ),
        );
      let flash: StaffSessionRecord['flash'];
      try {
        flash = { tone: 'ok', message: await act(form, params, session) };
      } catch (error) {
        flash = { tone: 'bad', message: messageOf(error) };
      }
      await deps().staffSessions.setFlash(session.tokenHash, flash);
      return seeOther(`${basePath()}${safeBack(form.get('back'))}`);
    };

  const signedIn = async (identity: Parameters<typeof startStaffSession>[1]) => {
    const { token } = await startStaffSession(deps(), identity);
    logger.info('staff signed in', { staffId: identity.staffId });
    return sessionCookie(token, STAFF_SESSION_HOURS * 3600);
  };

  return [
    {
      method: 'GET',
      resource: '/staff',
      handle: staffPage(async (_request, context) =>
        page(200, renderStaffHome(await staffOverview(deps()), context)),
      ),
    },
    {
      // ?status=<approval state>|none&after=<participantId from the previous page>
      method: 'GET',
      resource: '/staff/courses/{courseId}',
      handle: staffPage(async ({ params, query }, context) => {
        const status = query.status || undefined;
        if (status && !(TRACKING_FILTERS as readonly string[]).includes(status))
          throw new ValidationError(`There is no filter "${status}"`, [
            { field: 'status', message: `one of ${TRACKING_FILTERS.join(', ')}` },
          ]);
        const after = query.after?.slice(0, 200) || undefined;
        const courseId = params.courseId ?? '';
        const course = await deps().courses.getCourse(courseId);
        if (!course) throw new NotFoundError(`There is no course ${courseId}.`);
        const tracking = await trackCourse(deps(), courseId, {
          limit: 25,
          ...(status ? { status } : {}),
          ...(after ? { after } : {}),
        });
        return page(
          200,
          renderStaffCourse(tracking, context, {
            title: course.title,
            ...(status ? { status } : {}),
            ...(after ? { after } : {}),
          }),
        );
      }),
    },
    {
      method: 'GET',
      resource: '/staff/reports',
      handle: staffPage(async (_request, context) =>
        page(200, renderStaffReports(context, deps().clock.now())),
      ),
    },
    {
      // The operator reports route's report (same use case and page), for a signed-in browser: no API key.
      method: 'GET',
      resource: '/staff/reports/{period}',
      handle: staffPage(async ({ params, query }) => {
        const report = await buildPeriodReport(deps(), params.period ?? '');
        if (query.format === 'csv')
          return {
            statusCode: 200,
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="saypro-report-${report.period.id}.csv"`,
              'cache-control': 'no-store',
            },
            body: renderReportCsv(report),
          };
        return page(200, renderReportPage(report), { 'content-security-policy': REPORT_PAGE_CSP });
      }),
    },
    {
      method: 'POST',
      resource: '/staff/approvals/{approvalId}/retry',
      body: 'any',
      handle: staffAction(async (_form, params) => {
        const result = await retryApproval(deps(), params.approvalId ?? '');
        return `Approval ${result.approvalId}: issuance started again${result.reason ? ` (${result.reason})` : ''}.`;
      }),
    },
    {
      method: 'POST',
      resource: '/staff/certificates/{number}/resend',
      body: 'any',
      handle: staffAction(async (_form, params, session) => {
        const result = await resendCertificate(deps(), params.number ?? '', {
          requestedBy: session.displayName,
        });
        return result.emailed
          ? `Certificate ${result.number}: a fresh download email is on its way.`
          : `Certificate ${result.number}: a resend was already sent this hour; nothing sent again.`;
      }),
    },
    {
      method: 'POST',
      resource: '/staff/certificates/{number}/revocation',
      body: 'any',
      handle: staffAction(async (form, params, session) => {
        const result = await revokeCertificate(deps(), params.number ?? '', {
          reason: form.get('reason') ?? '',
          revokedBy: session.displayName,
        });
        return `Certificate ${result.number} is revoked${result.holderNotified ? '; the holder is told why' : `; the holder was not told (${result.notificationError ?? 'unknown'}): revoke again to retry the email`}.`;
      }),
    },
    {
      method: 'GET',
      resource: '/staff/sign-in',
      async handle() {
        const auth = deps().staffAuthenticator;
        if (auth.kind === 'operator-key') return page(200, renderStaffSignIn(basePath()));
        const [state, nonce, verifier] = [16, 16, 32].map((n) => base64url(deps().random.bytes(n))) as [
          string,
          string,
          string,
        ];
        const codeChallenge = createHash('sha256').update(verifier).digest('base64url');
        return {
          statusCode: 302,
          headers: {
            location: auth.authorizationUrl({ state, nonce, codeChallenge }),
            'set-cookie': `${SIGN_IN_COOKIE}=${state}.${nonce}.${verifier}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=600`,
            'cache-control': 'no-store',
          },
          body: '',
        };
      },
    },
    {
      // The local form: the key in the body, a wrong one answered 401 with the form again.
      method: 'POST',
      resource: '/staff/sign-in',
      body: 'any',
      async handle({ rawBody }) {
        const auth = deps().staffAuthenticator;
        if (auth.kind !== 'operator-key') return toSignIn();
        const identity = auth.checkOperatorKey(
          new URLSearchParams(rawBody.toString('utf8')).get('operatorKey') ?? '',
        );
        if (!identity)
          return page(401, renderStaffSignIn(basePath(), 'That is not the operator key of this machine.'));
        return seeOther(`${basePath()}/staff`, { 'set-cookie': await signedIn(identity) });
      },
    },
    {
      // The hosted UI's redirect: state checked against the sign-in cookie, then code → verified ID token.
      method: 'GET',
      resource: '/staff/callback',
      async handle({ query, headers }) {
        const auth = deps().staffAuthenticator;
        const [state, nonce, codeVerifier] = (cookieOf(headers, SIGN_IN_COOKIE) ?? '').split('.');
        if (auth.kind !== 'oidc' || !query.code || !state || !nonce || !codeVerifier || query.state !== state)
          return page(
            400,
            renderStaffProblem(
              basePath(),
              'Sign-in did not complete',
              'This sign-in link is out of date or was opened in another browser. Please sign in again.',
            ),
          );
        try {
          const identity = await auth.completeSignIn({ code: query.code, codeVerifier, nonce });
          return page(200, renderStaffSignedIn(`${basePath()}/staff`), {
            'set-cookie': await signedIn(identity),
          });
        } catch (error) {
          return page(401, renderStaffProblem(basePath(), 'Sign-in did not complete', messageOf(error)));
        }
      },
    },
    {
      method: 'POST',
      resource: '/staff/sign-out',
      body: 'any',
      async handle({ headers, rawBody }) {
        const token = cookieOf(headers, STAFF_SESSION_COOKIE);
        const session = await findStaffSession(deps(), token);
        if (!session || !token) return toSignIn();
        if (!formTokenMatches(session, new URLSearchParams(rawBody.toString('utf8')).get('formToken')))
          return page(
            403,
            renderStaffProblem(
              basePath(),
              'Refused',
              'This form is out of date. Reload the page and try again.',
            ),
          );
        await endStaffSession(deps(), token);
        const auth = deps().staffAuthenticator;
        return page(
          200,
          renderStaffSignedOut(basePath(), auth.kind === 'oidc' ? auth.signOutUrl() : undefined),
          {
            'set-cookie': sessionCookie('', 0),
          },
        );
      },
    },
  ];
};

export const createStaffDashboardHandler = (deps: () => StaffDashboardDeps) => {
  // Guessing the local key (or hammering the callback) is slowed per client address.
  const limit = new PerClientRateLimit(Number(process.env.STAFF_SIGN_IN_RATE_LIMIT_PER_MINUTE ?? 10));
  return httpApi(staffRoutes(deps), {
    admit({ resource, sourceIp }) {
      if (resource !== '/staff/sign-in' && resource !== '/staff/callback') return undefined;
      const wait = limit.retryAfter(sourceIp);
      return wait === undefined
        ? undefined
        : json(
            429,
            { error: 'Too many sign-in attempts from this address; try again shortly.' },
            { 'retry-after': String(wait) },
          );
    },
  });
};
export const handler = createStaffDashboardHandler(lambdaStaffDashboardDeps);
