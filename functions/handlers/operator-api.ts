import { REPORT_PAGE_CSP, renderReportCsv, renderReportPage } from '../../templates/web/report-page.js';
import { templatedReportRenderer } from '../adapters/templated-report-renderer.js';
import { ValidationError } from '../core/errors.js';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../core/model.js';
import type { IssuingDeps } from '../core/ports.js';
import { markKeyCompromised, rotateSigningKey } from '../core/signing-keys.js';
import { readBulkJob, submitBulkJob } from '../core/use-cases/bulk-issuance.js';
import { correctCertificate, revokeCertificate } from '../core/use-cases/certificate-lifecycle.js';
import { readConsent, recordStaffConsent } from '../core/use-cases/consent.js';
import { resendCertificate } from '../core/use-cases/deliver-certificate.js';
import { eraseParticipant } from '../core/use-cases/erase-participant.js';
import { sendExpiryReminders } from '../core/use-cases/expiry-reminders.js';
import { sendSurveyReminders } from '../core/use-cases/feedback.js';
import {
  getApprovalStatus,
  listApprovals,
  listApprovalsInStatus,
  listApprovalsNeedingWork,
  listApprovalsOfCourse,
  listStuckWork,
  trackCourse,
} from '../core/use-cases/operator-queries.js';
import { revokeParticipantLinks } from '../core/use-cases/participant-access.js';
import { exportParticipantData, listPersonalDataAccesses } from '../core/use-cases/personal-data.js';
import {
  defineCourse,
  enrolParticipant,
  previewEligibility,
  readCourse,
  readParticipant,
  readProgress,
  recordProgress,
  registerParticipant,
} from '../core/use-cases/programme-setup.js';
import { recordApproval } from '../core/use-cases/record-approval.js';
import { retryApproval } from '../core/use-cases/retry-approval.js';
import {
  buildPeriodReport,
  publishDueReports,
  publishPeriodReport,
} from '../core/use-cases/staff-reports.js';
import {
  enableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  registerWebhookEndpoint,
  removeWebhookEndpoint,
  replayWebhookDelivery,
} from '../core/use-cases/webhooks.js';
import { listParkedStatements, receiveStatements } from '../core/use-cases/xapi-intake.js';
import { lambdaIssuingDeps } from '../wiring/issuing-deps.js';
import { improvementReportAnswer, staffFeedbackRoutes } from './feedback-routes.js';
import { HttpProblem, html, httpApi, json, type Route } from './shared/http-api.js';

const REPORT_FORMATS = ['json', 'csv', 'html'];
const REPORT_KINDS = ['staff', 'improvement'];

/** `?status=` of the approvals listing: one of the statuses, named in the error otherwise. */
function parseApprovalStatus(value: string): ApprovalStatus {
  if ((APPROVAL_STATUSES as readonly string[]).includes(value)) return value as ApprovalStatus;
  const message = `must be one of ${APPROVAL_STATUSES.join(', ')}`;
  throw new ValidationError(`status ${message}`, [{ field: 'status', message }]);
}

/** `?limit=` of a paged listing: 1 to 200. */
function parsePageLimit(value: string): number {
  const limit = Number(value);
  if (Number.isInteger(limit) && limit >= 1 && limit <= 200) return limit;
  throw new ValidationError('limit must be a whole number from 1 to 200', [
    { field: 'limit', message: 'must be a whole number from 1 to 200' },
  ]);
}

/** `?after=` of the course listing: the `next` it gave, `<approvedAt>#<approvalId>`. */
function parseCourseCursor(value: string): string {
  if (/^[^#]+#.+$/.test(value)) return value;
  const message = 'must be the `next` value of the page before';
  throw new ValidationError(`after ${message}`, [{ field: 'after', message }]);
}

/** The participant and course a route names in its path. */
const completionOf = (params: Record<string, string | undefined>) => ({
  participantId: params.participantId ?? '',
  courseId: params.courseId ?? '',
});

/** Staff and integrations; API Gateway checks the `x-api-key` header before any of these run. */
export const operatorRoutes = (deps: () => IssuingDeps): Route[] => [
  {
    method: 'POST',
    resource: '/approvals',
    async handle({ json: body }) {
      const result = await recordApproval(deps(), body);
      const { approvalId, status } = result.approval;
      if (result.outcome === 'rejected') {
        return json(422, {
          error: `Approval rejected: ${result.reasons.join('; ')}`,
          approvalId,
          status,
          reasons: result.reasons,
        });
      }
      return json(result.outcome === 'accepted' ? 202 : 200, {
        approvalId,
        status,
        duplicate: result.outcome === 'duplicate',
      });
    },
  },
  {
    method: 'GET',
    resource: '/operator/approvals',
    // ?overdue=true lists only approvals past their issue-by date without a certificate;
    // ?status=<status>[&limit=&after=] one status's approvals, newest first, a page at a time.
    // ?course=<id>[&status=&limit=&after=] one course's approvals, newest approval first (the course index).
    async handle({ query }) {
      if (query.course !== undefined) {
        if (!query.course.trim())
          throw new ValidationError('course must name a course', [
            { field: 'course', message: 'must name a course' },
          ]);
        if (query.overdue !== undefined)
          throw new ValidationError('overdue cannot be combined with course', [
            { field: 'overdue', message: 'cannot be combined with course' },
          ]);
        const page = await listApprovalsOfCourse(deps(), query.course, {
          ...(query.status ? { status: parseApprovalStatus(query.status) } : {}),
          ...(query.limit ? { limit: parsePageLimit(query.limit) } : {}),
          ...(query.after ? { after: parseCourseCursor(query.after) } : {}),
        });
        return json(200, page);
      }
      if (query.status) {
        const page = await listApprovalsInStatus(deps(), parseApprovalStatus(query.status), {
          ...(query.limit ? { limit: parsePageLimit(query.limit) } : {}),
          ...(query.after ? { after: query.after } : {}),
        });
        return json(200, page);
      }
      if (query.overdue === 'true') {
        const approvals = await listApprovalsNeedingWork(deps());
        return json(200, { approvals: approvals.filter((approval) => approval.overdue) });
      }
      return json(200, { approvals: await listApprovals(deps()) });
    },
  },
  {
    // Once-only work of every kind that is not done and whose lease ran out: what it is, what to do.
    method: 'GET',
    resource: '/operator/stuck-work',
    handle: async () => json(200, { claims: await listStuckWork(deps()) }),
  },
  {
    method: 'GET',
    resource: '/operator/approvals/{approvalId}',
    handle: async ({ params }) => json(200, await getApprovalStatus(deps(), params.approvalId ?? '')),
  },
  {
    method: 'POST',
    resource: '/operator/approvals/{approvalId}/retry',
    handle: async ({ params }) => json(202, await retryApproval(deps(), params.approvalId ?? '')),
  },
  {
    method: 'GET',
    resource: '/operator/courses',
    handle: async () => json(200, { courses: await deps().courses.listCourses() }),
  },
  {
    method: 'GET',
    resource: '/operator/courses/{courseId}',
    handle: async ({ params }) => json(200, await readCourse(deps(), params.courseId ?? '')),
  },
  {
    // ?limit=50&after=<participantId from `next`>&status=issued|not_eligible|…|none
    method: 'GET',
    resource: '/operator/courses/{courseId}/tracking',
    async handle({ params, query }) {
      const limit = query.limit === undefined ? undefined : Number(query.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 200))
        throw new ValidationError('limit must be a whole number from 1 to 200', [
          { field: 'limit', message: 'must be a whole number from 1 to 200' },
        ]);
      return json(
        200,
        await trackCourse(deps(), params.courseId ?? '', {
          ...(limit ? { limit } : {}),
          ...(query.after ? { after: query.after } : {}),
          ...(query.status ? { status: query.status } : {}),
        }),
      );
    },
  },
  {
    method: 'GET',
    resource: '/operator/participants/{participantId}',
    handle: async ({ params }) => json(200, await readParticipant(deps(), params.participantId ?? '')),
  },
  {
    method: 'GET',
    resource: '/operator/progress/{participantId}/{courseId}',
    handle: async ({ params }) => json(200, await readProgress(deps(), completionOf(params))),
  },
  {
    // A dry run of the eligibility check: met and missing, no approval recorded, nothing sent.
    method: 'GET',
    resource: '/operator/eligibility/{participantId}/{courseId}',
    handle: async ({ params }) => json(200, await previewEligibility(deps(), completionOf(params))),
  },
  {
    method: 'PUT',
    resource: '/operator/courses/{courseId}',
    handle: async ({ params, json: body }) =>
      json(200, await defineCourse(deps(), params.courseId ?? '', body)),
  },
  {
    method: 'PUT',
    resource: '/operator/participants/{participantId}',
    async handle({ params, json: body }) {
      const participant = await registerParticipant(deps(), params.participantId ?? '', body);
      // The email stays out of the answer: it is personal data the caller already has.
      return json(200, { participantId: participant.participantId });
    },
  },
  {
    // A data subject access request: everything held about the participant, recorded as accessed.
    method: 'POST',
    resource: '/operator/participants/{participantId}/export',
    handle: async ({ params, json: body }) =>
      json(200, await exportParticipantData(deps(), params.participantId ?? '', body)),
  },
  {
    // xAPI 1.0.3 statements from the learning platform or its LRS (the LRS base URL is /operator/xapi).
    method: 'POST',
    resource: '/operator/xapi/statements',
    async handle({ json: body }) {
      const { ids, outcomes } = await receiveStatements(deps(), body, {
        ...(process.env.XAPI_APPROVED_VERB ? { approvedVerb: process.env.XAPI_APPROVED_VERB } : {}),
      });
      // An LRS answers the statement ids; what each did is in a header of ours, for whoever looks.
      return json(200, ids, {
        'x-experience-api-version': '1.0.3',
        'x-saypro-outcomes': outcomes.map((outcome) => outcome.outcome).join(','),
      });
    },
  },
  {
    // Statements the intake did not understand, with why: nothing an LMS sends is dropped silently.
    method: 'GET',
    resource: '/operator/xapi/unmatched',
    handle: async () => json(200, await listParkedStatements(deps())),
  },
  {
    // The current choice per purpose and every decision made, with its text, time and channel.
    method: 'GET',
    resource: '/operator/participants/{participantId}/consent',
    handle: async ({ params }) => json(200, await readConsent(deps(), params.participantId ?? '')),
  },
  {
    // Consent given on paper, by email or by phone, entered by staff (who is part of the record).
    method: 'PUT',
    resource: '/operator/participants/{participantId}/consent',
    handle: async ({ params, json: body }) =>
      json(200, await recordStaffConsent(deps(), params.participantId ?? '', body)),
  },
  {
    // An erasure request: personal data removed, certificates kept verifiable; running it again is safe.
    method: 'POST',
    resource: '/operator/participants/{participantId}/erasure',
    handle: async ({ params, json: body }) =>
      json(200, await eraseParticipant(deps(), params.participantId ?? '', body)),
  },
  {
    method: 'GET',
    resource: '/operator/participants/{participantId}/access-log',
    handle: async ({ params }) =>
      json(200, await listPersonalDataAccesses(deps(), params.participantId ?? '')),
  },
  {
    // Staff withdraw every personal link of a participant (a forwarded email, a shared device).
    method: 'POST',
    resource: '/operator/participants/{participantId}/link-revocation',
    handle: async ({ params }) => json(200, await revokeParticipantLinks(deps(), params.participantId ?? '')),
  },
  {
    // Adds a participant to a course and sends the enrolment email (once, however often it is called).
    method: 'PUT',
    resource: '/operator/courses/{courseId}/enrolments/{participantId}',
    async handle({ params, json: body }) {
      const enrolment = await enrolParticipant(deps(), completionOf(params), body ?? {});
      return json(enrolment.enrolled ? 201 : 200, enrolment);
    },
  },
  {
    method: 'PUT',
    resource: '/operator/progress/{participantId}/{courseId}',
    handle: async ({ params, json: body }) =>
      json(200, await recordProgress(deps(), completionOf(params), body)),
  },
  {
    method: 'POST',
    resource: '/operator/certificates/{number}/revocation',
    handle: async ({ params, json: body }) =>
      json(200, await revokeCertificate(deps(), params.number ?? '', body)),
  },
  {
    method: 'POST',
    resource: '/operator/certificates/{number}/corrections',
    handle: async ({ params, json: body }) =>
      json(201, await correctCertificate(deps(), params.number ?? '', body)),
  },
  {
    // A fresh download email for a valid certificate; a retried request (same requestId) sends once.
    method: 'POST',
    resource: '/operator/certificates/{number}/resend',
    async handle({ params, json: body }) {
      const result = await resendCertificate(deps(), params.number ?? '', body);
      return json(result.emailed ? 202 : 200, result);
    },
  },
  {
    // Runs the daily expiry reminders now (they run on a schedule anyway; each is sent once).
    method: 'POST',
    resource: '/operator/jobs/expiry-reminders',
    // The survey reminders run with them, as in the daily job.
    handle: async () =>
      json(200, {
        ...(await sendExpiryReminders(deps())),
        surveyReminders: await sendSurveyReminders(deps()),
      }),
  },
  // Staff feedback on the process, and the quarter's feedback listing (feedback-routes.ts).
  ...staffFeedbackRoutes(deps),
  {
    // A month (2026-11) or quarter (2026-Q4), per course and in total, beside the previous period.
    method: 'GET',
    resource: '/operator/reports/{period}',
    async handle({ params, query }) {
      const format = query.format ?? 'json';
      if (!REPORT_FORMATS.includes(format))
        throw new ValidationError(`format must be one of ${REPORT_FORMATS.join(', ')}`, [
          { field: 'format', message: `must be one of ${REPORT_FORMATS.join(', ')}` },
        ]);
      // ?kind=improvement: the quarterly improvement report (feedback-routes.ts); the default, the staff report.
      if (query.kind !== undefined && !REPORT_KINDS.includes(query.kind))
        throw new ValidationError(`kind must be one of ${REPORT_KINDS.join(', ')}`, [
          { field: 'kind', message: `must be one of ${REPORT_KINDS.join(', ')}` },
        ]);
      if (query.kind === 'improvement') return improvementReportAnswer(deps(), params.period ?? '', format);
      const report = await buildPeriodReport(deps(), params.period ?? '');
      if (format === 'html')
        return html(200, renderReportPage(report), {
          'content-security-policy': REPORT_PAGE_CSP,
          'cache-control': 'no-store',
        });
      if (format === 'csv')
        return {
          statusCode: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="saypro-report-${report.period.id}.csv"`,
            'cache-control': 'no-store',
          },
          body: renderReportCsv(report),
        };
      return json(200, report);
    },
  },
  {
    // Publishes reports into the bucket and emails staff, once per period: {"period": "2026-11"}, or no
    // body for what the monthly schedule would publish now (last month, and last quarter at its start).
    method: 'POST',
    resource: '/operator/jobs/reports',
    async handle({ json: body }) {
      const reporting = { ...deps(), reportRenderer: templatedReportRenderer };
      const period = (body as { period?: unknown } | undefined)?.period;
      if (period !== undefined && typeof period !== 'string')
        throw new ValidationError('period must be a string such as 2026-11 or 2026-Q4', [
          { field: 'period', message: 'must be a string such as 2026-11 or 2026-Q4' },
        ]);
      if (period)
        return json(200, { published: [await publishPeriodReport(reporting, period, { send: true })] });
      return json(200, await publishDueReports(reporting));
    },
  },
  {
    method: 'GET',
    resource: '/operator/signing-keys',
    handle: async () => json(200, { keys: await deps().signingKeys.listKeys() }),
  },
  {
    method: 'POST',
    resource: '/operator/signing-keys/rotation',
    handle: async () => json(201, await rotateSigningKey(deps())),
  },
  {
    method: 'POST',
    resource: '/operator/signing-keys/{kid}/compromise',
    handle: async ({ params }) => json(200, await markKeyCompromised(deps(), params.kid ?? '')),
  },
  {
    // Registers an endpoint; the answer carries its signing secret, this once only.
    method: 'POST',
    resource: '/operator/webhooks',
    handle: async ({ json: body }) => json(201, await registerWebhookEndpoint(deps(), body)),
  },
  {
    method: 'GET',
    resource: '/operator/webhooks',
    handle: async () => json(200, { endpoints: await listWebhookEndpoints(deps()) }),
  },
  {
    method: 'DELETE',
    resource: '/operator/webhooks/{endpointId}',
    handle: async ({ params }) => json(200, await removeWebhookEndpoint(deps(), params.endpointId ?? '')),
  },
  {
    method: 'POST',
    resource: '/operator/webhooks/{endpointId}/enable',
    handle: async ({ params }) => json(200, await enableWebhookEndpoint(deps(), params.endpointId ?? '')),
  },
  {
    method: 'GET',
    resource: '/operator/webhooks/{endpointId}/deliveries',
    handle: async ({ params }) => json(200, await listWebhookDeliveries(deps(), params.endpointId ?? '')),
  },
  {
    method: 'POST',
    resource: '/operator/webhooks/{endpointId}/deliveries/{deliveryId}/replay',
    handle: async ({ params }) =>
      json(202, await replayWebhookDelivery(deps(), params.endpointId ?? '', params.deliveryId ?? '')),
  },
  // Bulk issuance from a CSV file (below).
  ...bulkJobRoutes(deps),
];

/** `text/csv` (or `application/csv`), with or without a charset. */
const isCsvType = (contentType: string) => /^(?:text|application)\/csv\s*(?:;|$)/i.test(contentType.trim());

/** Bulk issuance from a CSV file (docs/bulk-issuance.md): the upload, and the job's live counts. */
const bulkJobRoutes = (deps: () => IssuingDeps): Route[] => [
  {
    // ?skipInvalid=true runs only the good rows and reports the bad ones; otherwise any bad row refuses all.
    method: 'POST',
    resource: '/operator/bulk-jobs',
    body: 'any',
    async handle({ headers, query, rawBody }) {
      const contentType = headers['content-type'] ?? '';
      if (!isCsvType(contentType))
        throw new HttpProblem(
          415,
          `This route reads a CSV file, not ${contentType.split(';')[0] || 'an untyped body'}`,
          [{ field: 'content-type', message: 'send the file as text/csv' }],
        );
      if (rawBody.length === 0)
        throw new ValidationError('The CSV file is empty', [{ field: '(file)', message: 'is empty' }]);
      if (query.skipInvalid !== undefined && !['true', 'false'].includes(query.skipInvalid))
        throw new ValidationError('skipInvalid must be true or false', [
          { field: 'skipInvalid', message: 'must be true or false' },
        ]);
      const { job, created } = await submitBulkJob(deps(), {
        csv: rawBody,
        skipInvalid: query.skipInvalid === 'true',
        ...(headers['x-submitted-by'] ? { submittedBy: headers['x-submitted-by'].slice(0, 200) } : {}),
      });
      return json(created ? 202 : 200, { ...job, duplicate: !created });
    },
  },
  {
    method: 'GET',
    resource: '/operator/bulk-jobs/{jobId}',
    handle: async ({ params }) => json(200, await readBulkJob(deps(), params.jobId ?? '')),
  },
];

export const createOperatorApiHandler = (deps: () => IssuingDeps) => httpApi(operatorRoutes(deps));
// Corrections render a new PDF, so this function carries the renderer (bundled like issue-certificate).
export const handler = createOperatorApiHandler(lambdaIssuingDeps);
