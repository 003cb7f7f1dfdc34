import { negotiateLocale, pageLocale, translator } from '../../templates/i18n/index.js';
import { escapeHtml } from '../../templates/text.js';
import { renderFaqPage, renderHelpPage } from '../../templates/web/help-pages.js';
import { cspForStyle, PAGE_CSP, PAGE_STYLE, renderPage } from '../../templates/web/page-layout.js';
import { renderPageNotFound, renderParticipantPage } from '../../templates/web/participant-page.js';
import { renderPrivacyPage } from '../../templates/web/privacy-page.js';
import { ValidationError } from '../core/errors.js';
import type { Deps } from '../core/ports.js';
import { recordConsentFromPage } from '../core/use-cases/consent.js';
import {
  freshDownloadFor,
  participantPageUrlOf,
  requestPageLink,
  viewParticipantPage,
} from '../core/use-cases/participant-access.js';
import { chooseParticipantLocale } from '../core/use-cases/participant-locale.js';
import { lambdaDeps } from '../wiring/deps.js';
import { surveyRoutes } from './feedback-routes.js';
import { html, httpApi, json, type Route } from './shared/http-api.js';
import { PerClientRateLimit } from './shared/rate-limit.js';

/**
 * The participant's side of the site: the public help pages, the data protection policy and (below) the personal page a link in
 * every email opens. A function of its own so public-api.ts (verification) stays thin and light.
 */
export type ParticipantApiDeps = Pick<
  Deps,
  | 'courses'
  | 'approvals'
  | 'links'
  | 'accessTokens'
  | 'clock'
  | 'participants'
  | 'participantRecords'
  | 'certificates'
  | 'documents'
  | 'claims'
  | 'random'
  | 'participantLinkTtlDays'
  | 'downloadLinkTtlDays'
  | 'notifications'
  | 'personalDataLog'
  | 'feedback'
  | 'reports'
>;

export const participantPage = (statusCode: number, body: string, csp = PAGE_CSP) =>
  html(statusCode, body, {
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });

/** A link that opens nothing has no participant to take a language from: the browser's is used. */
const notFound = (acceptLanguage?: string) =>
  participantPage(404, renderPageNotFound(negotiateLocale(acceptLanguage)));

/**
 * Download PDF posts here and is answered with a 303 to a short-lived document-store URL on another
 * origin (S3; s3rver locally). Browsers apply `form-action` to that redirect as well, so the page's policy
 * names the store's origin, or the button does nothing. Signing the probe URL makes no network call.
 */
async function downloadOrigin(documents: ParticipantApiDeps['documents']): Promise<string[]> {
  const { protocol, origin } = new URL(await documents.temporaryDownloadUrl('origin-probe', 'probe.pdf', 60));
  return protocol === 'https:' || protocol === 'http:' ? [origin] : [];
}

/** The help pages follow ?lang= (their switcher's links), else the browser's Accept-Language. */
const helpLanguage = (query: Record<string, string>, headers: Record<string, string | undefined>) => {
  const locale = pageLocale(query.lang, headers['accept-language']);
  return { locale, langChosen: query.lang === locale };
};

export const participantRoutes = (deps: () => ParticipantApiDeps): Route[] => [
  {
    // Same status, body and (roughly) timing whether or not the address is known.
    method: 'POST',
    resource: '/me/link-requests',
    // The page's form posts application/x-www-form-urlencoded; scripts may post JSON.
    body: 'any',
    async handle({ rawBody, headers, json }) {
      const tr = translator(negotiateLocale(headers['accept-language']));
      const form = (headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
      const email = form
        ? (new URLSearchParams(rawBody.toString('utf8')).get('email') ?? '')
        : String((json as { email?: unknown } | undefined)?.email ?? '');
      if (!/^[^@\s]+@[^@\s]+$/.test(email.trim()) || email.length > 320)
        throw new ValidationError('The address is not an email address', [
          { field: 'email', message: 'give the email address your certificates were sent to' },
        ]);
      await requestPageLink(deps(), email);
      return participantPage(
        202,
        renderPage(
          tr.t('me.linkRequested.title'),
          tr.t('me.header'),
          `<section class="card"><h1>${escapeHtml(tr.t('me.linkRequested.heading'))}</h1><p>${escapeHtml(tr.t('me.linkRequested.text'))}</p></section>`,
          { tr },
        ),
      );
    },
  },
  {
    method: 'GET',
    resource: '/me/{token}',
    async handle({ params, query, headers }) {
      const token = params.token ?? '';
      const view = await viewParticipantPage(deps(), token);
      if (!view) return notFound(headers['accept-language']);
      return participantPage(
        200,
        renderParticipantPage(view, {
          verificationBaseUrl: deps().links.verificationBaseUrl,
          token,
          consentSaved: query.saved === 'consent',
          languageSaved: query.saved === 'language',
          ...(process.env.LINKEDIN_ORGANIZATION_ID
            ? { linkedInOrganizationId: process.env.LINKEDIN_ORGANIZATION_ID }
            : {}),
        }),
        cspForStyle(PAGE_STYLE, await downloadOrigin(deps().documents)),
      );
    },
  },
  {
    // The consent form: a form post, answered with a 303 back to the page, which shows what is saved.
    method: 'POST',
    resource: '/me/{token}/consent',
    body: 'any',
    async handle({ params, rawBody, headers }) {
      const token = params.token ?? '';
      const saved = await recordConsentFromPage(deps(), token, new URLSearchParams(rawBody.toString('utf8')));
      if (!saved) return notFound(headers['accept-language']);
      return {
        statusCode: 303,
        headers: {
          location: `${participantPageUrlOf(deps(), token)}?saved=consent#consent`,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        },
        body: '',
      };
    },
  },
  {
    // The language form: the participant's page and emails from now on; a 303 back to the page, in it.
    method: 'POST',
    resource: '/me/{token}/language',
    body: 'any',
    async handle({ params, rawBody, headers }) {
      const token = params.token ?? '';
      const locale = new URLSearchParams(rawBody.toString('utf8')).get('locale') ?? '';
      const chosen = await chooseParticipantLocale(deps(), token, locale);
      if (!chosen) return notFound(headers['accept-language']);
      return {
        statusCode: 303,
        headers: {
          location: `${participantPageUrlOf(deps(), token)}?saved=language#language`,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        },
        body: '',
      };
    },
  },
  {
    // A POST, so the short-lived URL is minted when pressed, never stored in a page or an email.
    method: 'POST',
    resource: '/me/{token}/certificates/{number}/download',
    async handle({ params }) {
      const url = await freshDownloadFor(deps(), params.token ?? '', params.number ?? '');
      if (!url) return notFound();
      return {
        statusCode: 303,
        headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
        body: '',
      };
    },
  },
  // The feedback survey of a certificate and the page's survey button (feedback-routes.ts).
  ...surveyRoutes(deps),
  {
    method: 'GET',
    resource: '/help',
    handle: async ({ query, headers }) =>
      participantPage(200, renderHelpPage(await deps().courses.listCourses(), helpLanguage(query, headers))),
  },
  {
    method: 'GET',
    resource: '/help/faq',
    handle: async ({ query, headers }) =>
      participantPage(200, renderFaqPage(deps().links.supportAddress, helpLanguage(query, headers))),
  },
  {
    // The data protection policy every email and page links to; its retention figures are the configured ones.
    method: 'GET',
    resource: '/privacy',
    handle: async () =>
      participantPage(
        200,
        renderPrivacyPage({
          supportAddress: deps().links.supportAddress,
          downloadLinkTtlDays: deps().downloadLinkTtlDays,
          participantLinkTtlDays: deps().participantLinkTtlDays,
        }),
      ),
  },
];

export const createParticipantApiHandler = (deps: () => ParticipantApiDeps) => {
  // Link requests send email: a small allowance per client address keeps a flood from mailing anyone.
  const limit = new PerClientRateLimit(Number(process.env.LINK_REQUEST_RATE_LIMIT_PER_MINUTE ?? 10));
  return httpApi(participantRoutes(deps), {
    admit({ resource, sourceIp }) {
      if (resource !== '/me/link-requests') return undefined;
      const wait = limit.retryAfter(sourceIp);
      if (wait === undefined) return undefined;
      return json(
        429,
        { error: 'Too many link requests from this address; try again shortly.' },
        { 'retry-after': String(wait) },
      );
    },
  });
};
export const handler = createParticipantApiHandler(lambdaDeps);
