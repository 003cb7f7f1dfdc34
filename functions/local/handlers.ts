import { localOperatorKeyAuthenticator } from '../adapters/staff-auth/local-operator-key.js';
import type { IssuingDeps, StaffSessions } from '../core/ports.js';
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
import {
  createStaffDashboardHandler,
  type StaffDashboardDeps,
  staffRoutes,
} from '../handlers/staff-dashboard.js';
import { createStaffReportsHandler } from '../handlers/staff-reports.js';
import { createWebhookDeliveryHandler } from '../handlers/webhook-delivery.js';
import type { BridgedRoute } from './api-gateway-bridge.js';
import type { LambdaHandler } from './lambda-context.js';

/**
 * Every Lambda function of the app, by the name of its entry file in functions/handlers/, built on the
 * local stack's deps. The names are the ones the synthesized template refers to.
 */
export function localHandlers(deps: IssuingDeps, staff?: LocalStaffSignIn): Record<string, LambdaHandler> {
  const get = () => deps;
  return {
    ...(staff ? { 'staff-dashboard': createStaffDashboardHandler(() => staffDepsOf(deps, staff)) } : {}),
    'on-approval': createOnApprovalHandler(get),
    'check-eligibility': createCheckEligibilityHandler(get),
    'issue-certificate': createIssueCertificateHandler(get),
    'deliver-certificate': createDeliverCertificateHandler(get),
    'notify-not-eligible': createNotifyNotEligibleHandler(get),
    'request-consent': createRequestConsentHandler(get),
    'record-failure': createRecordFailureHandler(get),
    'operator-api': createOperatorApiHandler(get),
    'public-api': createPublicApiHandler(get),
    'download-api': createDownloadApiHandler(get),
    'participant-api': createParticipantApiHandler(get),
    'operations-sweep': createOperationsSweepHandler(get),
    'expiry-reminders': createExpiryRemindersHandler(get),
    'staff-reports': createStaffReportsHandler(get),
    'webhook-delivery': createWebhookDeliveryHandler(get),
    'bulk-row': createBulkRowHandler(get),
  };
}

/** The staff pages' sign-in on one machine: the operator key in a form, sessions in the registry table. */
export interface LocalStaffSignIn {
  operatorKey: string;
  sessions: StaffSessions;
}

const staffDepsOf = (deps: IssuingDeps, staff: LocalStaffSignIn): StaffDashboardDeps => ({
  ...deps,
  staffSessions: staff.sessions,
  staffAuthenticator: localOperatorKeyAuthenticator(staff.operatorKey),
});

/** The API's routes as API Gateway has them: operator routes behind the API key, public ones open. */
export function localRoutes(deps: IssuingDeps, handlers: Record<string, LambdaHandler>): BridgedRoute[] {
  const get = () => deps;
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
    ...(handlers['staff-dashboard']
      ? staffRoutes(() => ({}) as StaffDashboardDeps).map(bridged('staff-dashboard', false))
      : []),
  ];
}
