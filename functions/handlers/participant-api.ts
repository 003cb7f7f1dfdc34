import { renderFaqPage, renderHelpPage } from '../../templates/web/help-pages.js';
import { PAGE_CSP } from '../../templates/web/page-layout.js';
import type { Deps } from '../core/ports.js';
import { lambdaDeps } from '../wiring/deps.js';
import { html, httpApi, type Route } from './shared/http-api.js';

/**
 * The participant's side of the site: the public help pages and (below) the personal page a link in
 * every email opens. A function of its own so public-api.ts (verification) stays thin and light.
 */
export type ParticipantApiDeps = Pick<Deps, 'courses' | 'links'>;

export const participantPage = (statusCode: number, body: string) =>
  html(statusCode, body, {
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });

export const participantRoutes = (deps: () => ParticipantApiDeps): Route[] => [
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
