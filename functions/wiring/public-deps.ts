import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/aws/client-options.js';
import { DynamoDbReportLedger } from '../adapters/aws/dynamodb-report-ledger.js';
import { DynamoDbStatusListStore } from '../adapters/aws/dynamodb-status-lists.js';
import { DynamoDbCourseCatalog } from '../adapters/aws/dynamodb-stores.js';
import { LoggedReportLedger } from '../adapters/logged-report-ledger.js';
import type { Deps } from '../core/ports.js';
import { type Config, linksFrom, readConfig, systemClock } from './config.js';
import { buildReadCaches, type ReadCaches } from './read-caches.js';

/**
 * The composition root of the public-api function (verification, credential, issuer, JWKS, status lists,
 * course achievements). Lambda calls `publicLambdaDeps()`; the local stack calls `buildPublicDeps` with
 * its config (endpoints of the local stand-ins) and its clients. Only the DynamoDB client: deps.ts builds
 * every SDK client (S3, SES, KMS, Step Functions), which would weigh on the verification function's
 * bundle and cold start.
 */
export type PublicDeps = Pick<
  Deps,
  'certificates' | 'signingKeys' | 'clock' | 'links' | 'statusLists' | 'courses' | 'reports'
>;

export interface PublicDepsOptions {
  /** The local stack's client (its endpoint, its fault injection); absent: one built from the config. */
  documentClient?: DynamoDBDocumentClient;
  /** The local stack's process-wide read caches (read-caches.ts); absent: this function's own. */
  caches?: ReadCaches;
}

/** Verification: certificate records and the signing-key registry (cached), both in the registry table. */
export function buildPublicDeps(config: Config, options: PublicDepsOptions = {}): PublicDeps {
  const documentClient =
    options.documentClient ?? createDocumentClient(config.AWS_REGION, config.DYNAMODB_ENDPOINT);
  const caches = options.caches ?? buildReadCaches(config, documentClient);
  return {
    certificates: caches.certificates,
    signingKeys: caches.signingKeys,
    clock: systemClock,
    links: linksFrom(config),
    // The signed status lists and the course descriptions that credentials link to: reads only.
    statusLists: new DynamoDbStatusListStore(documentClient, config.REGISTRY_TABLE),
    courses: new DynamoDbCourseCatalog(documentClient, config.REGISTRY_TABLE),
    // Page views and shares are counted for the staff reports (by course only).
    reports: new LoggedReportLedger(new DynamoDbReportLedger(documentClient, config.REGISTRY_TABLE)),
  };
}

let publicDeps: PublicDeps | undefined;

/** Lambda's cold start for the public-api function: the environment is read and checked once. */
export function publicLambdaDeps(): PublicDeps {
  publicDeps ??= buildPublicDeps(readConfig());
  return publicDeps;
}
