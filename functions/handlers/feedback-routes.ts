import { feedbackCsv, improvementReportCsv } from '../../templates/feedback-csv.js';
import { negotiateLocale } from '../../templates/i18n/index.js';
import {
  renderSurveyNotFound,
  renderSurveyPage,
  renderSurveyThanks,
} from '../../templates/web/feedback-page.js';
import { renderImprovementReportPage } from '../../templates/web/improvement-report-page.js';
import { PAGE_CSP } from '../../templates/web/page-layout.js';
import { REPORT_PAGE_CSP } from '../../templates/web/report-page.js';
import type { Deps } from '../core/ports.js';
import {
  listFeedback,
  recordStaffFeedback,
  submitSurvey,
  surveyLinkFromPage,
  viewSurvey,
} from '../core/use-cases/feedback.js';
import { buildImprovementReport } from '../core/use-cases/improvement-report.js';
import { html, json, type Route } from './shared/http-api.js';

/**
 * Feedback after issuance. The survey (`/feedback/{token}`) and the page's survey button are participant
 * routes, served by the participant function; the staff routes (`/operator/feedback`) by the operator one.
 */
export type SurveyRouteDeps = Pick<
  Deps,
  'feedback' | 'certificates' | 'participants' | 'courses' | 'clock' | 'random' | 'links' | 'accessTokens'
>;

/** The participant pages' headers (as participant-api.ts gives them): the page CSP, never cached. */
const participantPage = (statusCode: number, body: string) =>
  html(statusCode, body, {
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });

const seeOther = (location: string) => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  body: '',
});

export const surveyRoutes = (deps: () => SurveyRouteDeps): Route[] => [
  {
    method: 'GET',
    resource: '/feedback/{token}',
    async handle({ params, headers }) {
      const token = params.token ?? '';
      const view = await viewSurvey(deps(), token);
      return view
        ? participantPage(200, renderSurveyPage(view, token))
        : participantPage(404, renderSurveyNotFound(negotiateLocale(headers['accept-language'])));
    },
  },
  {
    // The form posts here (form-encoded); a problem answers 400 with the form again, each problem named.
    method: 'POST',
    resource: '/feedback/{token}',
    body: 'any',
    async handle({ params, rawBody, headers }) {
      const token = params.token ?? '';
      const submitted = await submitSurvey(deps(), token, new URLSearchParams(rawBody.toString('utf8')));
      if (submitted.outcome === 'not-found')
        return participantPage(404, renderSurveyNotFound(negotiateLocale(headers['accept-language'])));
      if (submitted.outcome === 'invalid')
        return participantPage(400, renderSurveyPage(submitted.view, token, submitted.error.issues));
      return participantPage(200, renderSurveyThanks(submitted.view, token, submitted.updated));
    },
  },
  {
    // The page's "Give feedback" button: a fresh survey link, minted when pressed, never kept in the page.
    method: 'POST',
    resource: '/me/{token}/certificates/{number}/feedback',
    async handle({ params, headers }) {
      const url = await surveyLinkFromPage(deps(), params.token ?? '', params.number ?? '');
      return url
        ? seeOther(url)
        : participantPage(404, renderSurveyNotFound(negotiateLocale(headers['accept-language'])));
    },
  },
];

export const staffFeedbackRoutes = (
  deps: () => Pick<Deps, 'feedback' | 'certificates' | 'courses' | 'clock' | 'random'>,
): Route[] => [
  {
    // Staff note time spent and problems met: { timeSpentMinutes, problems, courseId?, recordedBy }.
    method: 'POST',
    resource: '/operator/feedback',
    handle: async ({ json: body }) => json(201, await recordStaffFeedback(deps(), body)),
  },
  {
    // ?period=2026-Q4 (&format=csv): the quarter's responses summed up with their free text, and staff entries.
    method: 'GET',
    resource: '/operator/feedback',
    async handle({ query }) {
      const listing = await listFeedback(deps(), query.period ?? '');
      if (query.format !== 'csv') return json(200, listing);
      return {
        ...html(200, feedbackCsv(listing)),
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="saypro-feedback-${listing.period}.csv"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      };
    },
  },
];

/**
 * `GET /operator/reports/{period}?kind=improvement`: the quarterly improvement report as JSON, CSV or
 * HTML (the staff report's page style and CSP).
 */
export async function improvementReportAnswer(
  deps: Parameters<typeof buildImprovementReport>[0],
  period: string,
  format: string,
) {
  const report = await buildImprovementReport(deps, period);
  if (format === 'html')
    return html(200, renderImprovementReportPage(report), {
      'content-security-policy': REPORT_PAGE_CSP,
      'cache-control': 'no-store',
    });
  if (format === 'csv')
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="saypro-improvement-report-${report.period.id}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
      body: improvementReportCsv(report),
    };
  return json(200, report);
}
