import type { AwsClients } from '../adapters/aws/clients.js';
import { localOperatorKeyAuthenticator } from '../adapters/staff-auth/local-operator-key.js';
import type { BulkJobRunner, CertificateRenderer, IssuingDeps, WorkflowStarter } from '../core/ports.js';
import { createBulkRowHandler } from '../handlers/bulk-row.js';
import { createCheckEligibilityHandler } from '../handlers/check-eligibility.js';
import { createDeliverCertificateHandler } from '../handlers/deliver-certificate.js';
import { createDownloadApiHandler, downloadRoutes } from '../handlers/download-api.js';
import { createExpiryRemindersHandler } from '../handlers/expiry-reminders.js';
import { createIssueCertificateHandler } from '../handlers/issue-certificate.js';
import { createNotifyNotEligibleHandler } from '../handlers/notify-not-eligible.js';
import { createOnApprovalHandler } from '../handlers/on-approval.js';
import { createOperationsSweepHandler } from '../handlers/operations-sweep.js';
import { createOperatorApiHandler, operatorRoutes } from '../handlers/operator-api.js';
import { createParticipantApiHandler, participantRoutes } from '../handlers/participant-api.js';
import { createPublicApiHandler, publicRoutes } from '../handlers/public-api.js';
import { createRecordFailureHandler } from '../handlers/record-failure.js';
import { createRequestConsentHandler } from '../handlers/request-consent.js';
import { createStaffDashboardHandler, staffRoutes } from '../handlers/staff-dashboard.js';
import { createStaffReportsHandler } from '../handlers/staff-reports.js';
import { createWebhookDeliveryHandler } from '../handlers/webhook-delivery.js';
import type { Config } from '../wiring/config.js';
import { buildDeps } from '../wiring/deps.js';
import { buildDownloadDeps } from '../wiring/download-deps.js';
import { withRenderer } from '../wiring/issuing-deps.js';
import { buildPublicDeps } from '../wiring/public-deps.js';
import { buildReadCaches } from '../wiring/read-caches.js';
import { buildStaffDashboardDeps } from '../wiring/staff-deps.js';
import type { BridgedRoute } from './api-gateway-bridge.js';
import type { LambdaHandler } from './lambda-context.js';

/** What the local stack points every function's composition root at. */
export interface LocalFunctionSetting {
  /** The same config schema Lambda reads, with the local stand-ins' endpoints. */
  config: Config;
  /** The local stack's clients (one set, so the chaos run's fault injection reaches every function). */
  clients: AwsClients;
  /** The in-process runner of the synthesized workflow, in place of Step Functions. */
  workflow: WorkflowStarter;
  /** The staff pages' local sign-in; absent: no staff-dashboard function. */
  staff?: LocalStaffSignIn;
  /** The in-process runner of bulk jobs' rows, in place of the bulk Distributed Map. */
  bulkRunner?: BulkJobRunner;
  /** The issuing functions' renderer; absent: react-pdf in this thread, as in Lambda. */
  renderer?: CertificateRenderer;
}

export interface LocalFunctions {
  /** Every Lambda function of the app, by the name of its entry file in functions/handlers/. */
  handlers: Record<string, LambdaHandler>;
  /** What the issuing functions were given (the widest deps): for the local stack's jobs and the tests. */
  deps: IssuingDeps;
}

/**
 * Each Lambda function built from its own composition root (functions/wiring/*-deps.ts), as its
 * Lambda entry does, only pointed at the local stand-ins. The names are the ones the synthesized
 * template refers to. One process: the functions share the read caches (read-caches.ts).
 */
export function localFunctions(setting: LocalFunctionSetting): LocalFunctions {
  const { config, clients, workflow, staff, bulkRunner, renderer } = setting;
  const { documentClient } = clients;
  const caches = buildReadCaches(config, documentClient);
  // deps.ts: the root of the workflow tasks, jobs, participant and operator functions.
  const shared = buildDeps(config, { clients, workflow, caches, ...(bulkRunner ? { bulkRunner } : {}) });
  // issuing-deps.ts: the same plus the renderer, for issue-certificate and operator-api (corrections).
  const issuing: IssuingDeps = renderer ? { ...shared, renderer } : withRenderer(shared);
  const publicDeps = buildPublicDeps(config, { documentClient, caches });
  const downloadDeps = buildDownloadDeps(config, { documentClient, s3: clients.s3 });
  const get = () => shared;
  const getIssuing = () => issuing;
  const handlers: Record<string, LambdaHandler> = {
    'on-approval': createOnApprovalHandler(get),
    'check-eligibility': createCheckEligibilityHandler(get),
    'issue-certificate': createIssueCertificateHandler(getIssuing),
    'deliver-certificate': createDeliverCertificateHandler(get),
    'notify-not-eligible': createNotifyNotEligibleHandler(get),
    'request-consent': createRequestConsentHandler(get),
    'record-failure': createRecordFailureHandler(get),
    'operator-api': createOperatorApiHandler(getIssuing),
    'public-api': createPublicApiHandler(() => publicDeps),
    'download-api': createDownloadApiHandler(() => downloadDeps),
    'participant-api': createParticipantApiHandler(get),
    'operations-sweep': createOperationsSweepHandler(get),
    'expiry-reminders': createExpiryRemindersHandler(get),
    'staff-reports': createStaffReportsHandler(get),
    'webhook-delivery': createWebhookDeliveryHandler(get),
    'bulk-row': createBulkRowHandler(get),
  };
  if (staff) {
    const staffDeps = buildStaffDashboardDeps(config, {
      deps: shared,
      documentClient,
      authenticator: localOperatorKeyAuthenticator(staff.operatorKey),
    });
    handlers['staff-dashboard'] = createStaffDashboardHandler(() => staffDeps);
  }
  return { handlers, deps: issuing };
}

/** The staff pages' sign-in on one machine: the operator key in a form, sessions in the registry table. */
export interface LocalStaffSignIn {
  operatorKey: string;
}

/** Route tables are read for their methods and paths only; their handlers run inside the functions. */
const routeTableOnly = (): never => {
  throw new Error('a route table read for its paths was asked for deps');
};

/** The API's routes as API Gateway has them: operator routes behind the API key, public ones open. */
export function localRoutes(handlers: Record<string, LambdaHandler>): BridgedRoute[] {
  const get = routeTableOnly;
  const bridged =
    (functionName: string, apiKeyRequired: boolean) => (route: { method: string; resource: string }) => ({
      method: route.method,
      resource: route.resource,
      functionName,
      handler: handlers[functionName]!,
      apiKeyRequired,
    });
  return [
    ...operatorRoutes(get).map(bridged('operator-api', true)),
    ...publicRoutes(get).map(bridged('public-api', false)),
    ...downloadRoutes(get).map(bridged('download-api', false)),
    ...participantRoutes(get).map(bridged('participant-api', false)),
    // The staff pages check their own session cookie (the API key never reaches a browser).
    ...(handlers['staff-dashboard'] ? staffRoutes(get).map(bridged('staff-dashboard', false)) : []),
  ];
}
