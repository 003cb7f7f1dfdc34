import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/aws/client-options.js';
import { DynamoDbReportLedger } from '../adapters/aws/dynamodb-report-ledger.js';
import { DynamoDbCertificateStore } from '../adapters/aws/dynamodb-stores.js';
import { createS3Client, S3DocumentStore } from '../adapters/aws/s3-document-store.js';
import { LoggedReportLedger } from '../adapters/logged-report-ledger.js';
import type { Deps } from '../core/ports.js';
import { type Config, readConfig, systemClock } from './config.js';

/**
 * The composition root of the download-api function (the emailed download link and the credential's
 * public /document): the certificate record and S3, to presign a short-lived link to the PDF. Lambda
 * calls `downloadLambdaDeps()`; the local stack calls `buildDownloadDeps` with its config and clients.
 */
export type DownloadDeps = Pick<Deps, 'certificates' | 'documents' | 'clock' | 'reports'>;

export interface DownloadDepsOptions {
  /** The local stack's clients (their endpoints, their fault injection); absent: built from the config. */
  documentClient?: DynamoDBDocumentClient;
  s3?: S3Client;
}

export function buildDownloadDeps(config: Config, options: DownloadDepsOptions = {}): DownloadDeps {
  const documentClient =
    options.documentClient ?? createDocumentClient(config.AWS_REGION, config.DYNAMODB_ENDPOINT);
  const s3 = options.s3 ?? createS3Client({ region: config.AWS_REGION, endpoint: config.S3_ENDPOINT });
  return {
    // Uncached: a revoked certificate or a replaced token stops its download link at once.
    certificates: new DynamoDbCertificateStore(documentClient, config.REGISTRY_TABLE),
    documents: new S3DocumentStore(s3, config.DOCUMENTS_BUCKET),
    clock: systemClock,
    // Downloads are counted for the staff reports (by course only).
    reports: new LoggedReportLedger(new DynamoDbReportLedger(documentClient, config.REGISTRY_TABLE)),
  };
}

let downloadDeps: DownloadDeps | undefined;

/** Lambda's cold start for the download-api function. */
export function downloadLambdaDeps(): DownloadDeps {
  downloadDeps ??= buildDownloadDeps(readConfig());
  return downloadDeps;
}
