import * as z from 'zod';
import { createDocumentClient } from '../adapters/aws/client-options.js';
import { DynamoDbStaffSessions } from '../adapters/aws/dynamodb-staff-sessions.js';
import { cognitoOidcAuthenticator } from '../adapters/staff-auth/cognito-oidc.js';
import type { StaffDashboardDeps } from '../handlers/staff-dashboard.js';
import { readConfig } from './config.js';
import { lambdaDeps } from './deps.js';

/** The staff sign-in settings the CDK stack passes to the dashboard function (the user pool and its client). */
const staffAuthSchema = z.object({
  STAFF_USER_POOL_ISSUER: z.url(),
  STAFF_USER_POOL_CLIENT_ID: z.string().check(z.minLength(1)),
  STAFF_HOSTED_UI_URL: z.url(),
});

let staffDeps: StaffDashboardDeps | undefined;

/** The dashboard function's cold start: the usual deps, the session table adapter and Cognito sign-in. */
export function lambdaStaffDashboardDeps(): StaffDashboardDeps {
  if (staffDeps) return staffDeps;
  const config = readConfig();
  const auth = staffAuthSchema.parse(process.env);
  const documentClient = createDocumentClient(config.AWS_REGION, config.DYNAMODB_ENDPOINT);
  const apiBase = config.API_BASE_URL.replace(/\/$/, '');
  staffDeps = {
    ...lambdaDeps(),
    staffSessions: new DynamoDbStaffSessions(documentClient, config.REGISTRY_TABLE),
    staffAuthenticator: cognitoOidcAuthenticator({
      issuer: auth.STAFF_USER_POOL_ISSUER,
      clientId: auth.STAFF_USER_POOL_CLIENT_ID,
      hostedUiBaseUrl: auth.STAFF_HOSTED_UI_URL,
      callbackUrl: `${apiBase}/staff/callback`,
      signedOutUrl: `${apiBase}/staff/sign-in`,
    }),
  };
  return staffDeps;
}
