import type { Deps } from '../core/ports.js';
import { openDownload, viewCertificate } from '../core/use-cases/view-certificate.js';
import { renderVerificationPage, VERIFICATION_PAGE_CSP } from '../../templates/web/verification-page.js';
import { lambdaDeps } from '../wiring/deps.js';
import { html, httpApi, json, redirect, type Route, errorResponse } from './shared/http-api.js';

/** Verifiers and participants: no key needed, nothing personal without consent. */
export const publicRoutes = (deps: () => Deps): Route[] => [
  { method: 'GET', resource: '/health', handle: async () => json(200, { status: 'ok' }) },
  {
    method: 'GET',
    resource: '/certificates/{number}',
    handle: async ({ params }) => json(200, await viewCertificate(deps(), params.number ?? '')),
  },
  {
    method: 'GET',
    resource: '/certificates/{number}/download',
    async handle({ params, query }) {
      const { url } = await openDownload(deps(), params.number ?? '', query.token);
      return redirect(url);
    },
  },
  {
    method: 'GET',
    resource: '/verify/{number}',
    async handle({ params }) {
      try {
        const view = await viewCertificate(deps(), params.number ?? '');
        return html(200, renderVerificationPage({ view }), { 'content-security-policy': VERIFICATION_PAGE_CSP });
      } catch (error) {
        const answer = errorResponse(error);
        const message = (JSON.parse(answer.body) as { error: string }).error;
        return html(answer.statusCode, renderVerificationPage({ problem: message, input: params.number ?? '' }), {
          'content-security-policy': VERIFICATION_PAGE_CSP,
        });
      }
    },
  },
];

export const createPublicApiHandler = (deps: () => Deps) => httpApi(publicRoutes(deps));
export const handler = createPublicApiHandler(lambdaDeps);
