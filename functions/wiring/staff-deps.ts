import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { createDocumentClient } from '../adapters/aws/client-options.js';
import { DynamoDbStaffSessions } from '../adapters/aws/dynamodb-staff-sessions.js';
import { cognitoOidcAuthenticator } from '../adapters/staff-auth/cognito-oidc.js';
import type { Deps, StaffAuthenticator, StaffSessions } from '../core/ports.js';
import { type Config, readConfig } from './config.js';
import { lambdaDeps } from './deps.js';

/** What the staff pages use: the operator use cases, the session store and the sign-in port. */
export type StaffDashboardDeps = Deps & {
  staffSessions: StaffSessions;
  staffAuthenticator: StaffAuthenticator;
};

/**
 * The composition root of the staff-dashboard function: the usual deps, the session table adapter and
 * a sign-in (Cognito in AWS, the operator key on the local stack, which calls this with its own).
 */
export function buildStaffDashboardDeps(
  config: Config,
  options: { deps: Deps; authenticator: StaffAuthenticator; documentClient?: DynamoDBDocumentClient },
): StaffDashboardDeps {
  const documentClient =
    options.documentClient ?? createDocumentClient(config.AWS_REGION, config.DYNAMODB_ENDPOINT);
  return {
    ...options.deps,
    staffSessions: new DynamoDbStaffSessions(documentClient, config.REGISTRY_TABLE),
    staffAuthenticator: options.authenticator,
  };
}

/** The staff sign-in settings the CDK stack passes to the dashboard function (the user pool and its client). */
const staffAuthSchema = z.object({
  STAFF_USER_POOL_ISSUER: z.url(),
  STAFF_USER_POOL_CLIENT_ID: z.string().check(z.minLength(1)),
  STAFF_HOSTED_UI_URL: z.url(),
});

let staffDeps: StaffDashboardDeps | undefined;

/** The dashboard function's cold start: Cognito sign-in from the environment. */
export function lambdaStaffDashboardDeps(): StaffDashboardDeps {
  if (staffDeps) return staffDeps;
  const config = readConfig();
  const auth = staffAuthSchema.parse(process.env);
  const apiBase = config.API_BASE_URL.replace(/\/$/, '');
  staffDeps = buildStaffDashboardDeps(config, {
    deps: lambdaDeps(),
    authenticator: cognitoOidcAuthenticator({
      issuer: auth.STAFF_USER_POOL_ISSUER,
      clientId: auth.STAFF_USER_POOL_CLIENT_ID,
      hostedUiBaseUrl: auth.STAFF_HOSTED_UI_URL,
      callbackUrl: `${apiBase}/staff/callback`,
      signedOutUrl: `${apiBase}/staff/sign-in`,
    }),
  });
  return staffDeps;
}
