import { renderFaqPage, renderHelpPage } from '../../templates/web/help-pages.js';
import { PAGE_CSP } from '../../templates/web/page-layout.js';
import { renderPageNotFound, renderParticipantPage } from '../../templates/web/participant-page.js';
import type { Deps } from '../core/ports.js';
import { freshDownloadFor, viewParticipantPage } from '../core/use-cases/participant-access.js';
import { lambdaDeps } from '../wiring/deps.js';
import { html, httpApi, type Route } from './shared/http-api.js';

/**
 * The participant's side of the site: the public help pages and (below) the personal page a link in
 * every email opens. A function of its own so public-api.ts (verification) stays thin and light.
 */
export type ParticipantApiDeps = Pick<
  Deps,
  | 'courses'
  | 'links'
  | 'accessTokens'
  | 'clock'
  | 'participants'
  | 'participantRecords'
  | 'certificates'
  | 'documents'
>;

export const participantPage = (statusCode: number, body: string) =>
  html(statusCode, body, {
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });

const notFound = () => participantPage(404, renderPageNotFound());

export const participantRoutes = (deps: () => ParticipantApiDeps): Route[] => [
  {
    method: 'GET',
    resource: '/me/{token}',
    async handle({ params }) {
      const token = params.token ?? '';
      const view = await viewParticipantPage(deps(), token);
      if (!view) return notFound();
      return participantPage(
        200,
        renderParticipantPage(view, {
          verificationBaseUrl: deps().links.verificationBaseUrl,
          token,
          ...(process.env.LINKEDIN_ORGANIZATION_ID
            ? { linkedInOrganizationId: process.env.LINKEDIN_ORGANIZATION_ID }
            : {}),
        }),
      );
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
  {
    method: 'GET',
    resource: '/help',
    handle: async () => participantPage(200, renderHelpPage(await deps().courses.listCourses())),
  },
  {
    method: 'GET',
    resource: '/help/faq',
    handle: async () => participantPage(200, renderFaqPage(deps().links.supportAddress)),
  },
];

export const createParticipantApiHandler = (deps: () => ParticipantApiDeps) =>
  httpApi(participantRoutes(deps));
export const handler = createParticipantApiHandler(lambdaDeps);
