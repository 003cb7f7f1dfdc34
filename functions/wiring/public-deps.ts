import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/aws/client-options.js';
import { DynamoDbReportLedger } from '../adapters/aws/dynamodb-report-ledger.js';
import { DynamoDbStatusListStore } from '../adapters/aws/dynamodb-status-lists.js';
import {
  DynamoDbCertificateStore,
  DynamoDbCourseCatalog,
  DynamoDbSigningKeyRegistry,
} from '../adapters/aws/dynamodb-stores.js';
import { createS3Client, S3DocumentStore } from '../adapters/aws/s3-document-store.js';
import { CachedCertificateStore } from '../adapters/cached-certificate-store.js';
import { CachedSigningKeyRegistry } from '../adapters/cached-signing-key-registry.js';
import { LoggedReportLedger } from '../adapters/logged-report-ledger.js';
import type { Deps } from '../core/ports.js';
import type { PublicDeps } from '../handlers/public-api.js';
import { type Config, linksFrom, readConfig, systemClock } from './config.js';

/**
 * The deps of the public functions, built from the same config as `buildDeps` (deps.ts) but with only
 * the clients they use. deps.ts constructs every SDK client (S3, SES, KMS, Step Functions), which would
 * put all of them in the verification function's bundle and its cold start. Keep imports here to what
 * verification needs: esbuild drops whatever the bundled handler does not reach (the SDK packages are
 * side-effect free), which is how the download function's S3 wiring below stays out of public-api.
 */

function documentClientOf(config: Config): DynamoDBDocumentClient {
  return createDocumentClient(config.AWS_REGION, config.DYNAMODB_ENDPOINT);
}

/** Verification: certificate records and the signing-key registry (cached), both in the registry table. */
export function buildPublicDeps(config: Config, documentClient = documentClientOf(config)): PublicDeps {
  return {
    certificates: new CachedCertificateStore(
      new DynamoDbCertificateStore(documentClient, config.REGISTRY_TABLE),
    ),
    signingKeys: new CachedSigningKeyRegistry(
      new DynamoDbSigningKeyRegistry(documentClient, config.REGISTRY_TABLE),
    ),
    clock: systemClock,
    links: linksFrom(config),
    // The signed status lists and the course descriptions that credentials link to: reads only.
    statusLists: new DynamoDbStatusListStore(documentClient, config.REGISTRY_TABLE),
    courses: new DynamoDbCourseCatalog(documentClient, config.REGISTRY_TABLE),
    reports: reportLedgerOf(config, documentClient),
  };
}

/** Page views and downloads are counted for the staff reports (by course only). */
const reportLedgerOf = (config: Config, documentClient: DynamoDBDocumentClient) =>
  new LoggedReportLedger(new DynamoDbReportLedger(documentClient, config.REGISTRY_TABLE));

export type DownloadDeps = Pick<Deps, 'certificates' | 'documents' | 'clock' | 'reports'>;

/** Downloads: the certificate record (its token) and S3, to presign a short-lived link to the PDF. */
export function buildDownloadDeps(config: Config, documentClient = documentClientOf(config)): DownloadDeps {
  return {
    certificates: new DynamoDbCertificateStore(documentClient, config.REGISTRY_TABLE),
    documents: new S3DocumentStore(
      createS3Client({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT }),
      config.DOCUMENTS_BUCKET,
    ),
    clock: systemClock,
    reports: reportLedgerOf(config, documentClient),
  };
}

let publicDeps: PublicDeps | undefined;
let downloadDeps: DownloadDeps | undefined;

/** Lambda's cold start for the public-api function: the environment is read and checked once. */
export function publicLambdaDeps(): PublicDeps {
  publicDeps ??= buildPublicDeps(readConfig());
  return publicDeps;
}

/** Lambda's cold start for the download-api function. */
export function downloadLambdaDeps(): DownloadDeps {
  downloadDeps ??= buildDownloadDeps(readConfig());
  return downloadDeps;
}
