import { randomBytes } from 'node:crypto';
import { SFNClient } from '@aws-sdk/client-sfn';
import { type AwsClients, createAwsClients } from '../adapters/aws/clients.js';
import { DynamoDbBulkJobStore } from '../adapters/aws/dynamodb-bulk-jobs.js';
import { DynamoDbReportLedger } from '../adapters/aws/dynamodb-report-ledger.js';
import { DynamoDbStatusListStore } from '../adapters/aws/dynamodb-status-lists.js';
import {
  DynamoDbApprovalStore,
  DynamoDbClaimLedger,
  DynamoDbCourseCatalog,
  DynamoDbEnrolmentStore,
  DynamoDbFeedbackStore,
  DynamoDbParticipantAccessTokens,
  DynamoDbParticipantDirectory,
  DynamoDbParticipantErasures,
  DynamoDbParticipantRecords,
  DynamoDbPersonalDataLog,
  DynamoDbProgressStore,
  DynamoDbXapiParking,
} from '../adapters/aws/dynamodb-stores.js';
import { DynamoDbWebhookEndpoints, DynamoDbWebhookOutbox } from '../adapters/aws/dynamodb-webhooks.js';
import { KmsDigestSigner } from '../adapters/aws/kms-digest-signer.js';
import { KmsSigningKeyAdmin } from '../adapters/aws/kms-signing-key-admin.js';
import { S3DocumentStore } from '../adapters/aws/s3-document-store.js';
import { SesMailer } from '../adapters/aws/ses-mailer.js';
import { StepFunctionsBulkJobRunner } from '../adapters/aws/step-functions-bulk-runner.js';
import { StepFunctionsWorkflowStarter } from '../adapters/aws/step-functions-workflow-starter.js';
import { fetchWebhookSender } from '../adapters/fetch-webhook-sender.js';
import { LoggedNotifications } from '../adapters/logged-notifications.js';
import { LoggedReportLedger } from '../adapters/logged-report-ledger.js';
import { TemplatedNotifications } from '../adapters/templated-notifications.js';
import type { BulkJobRunner, Deps, WorkflowStarter } from '../core/ports.js';
import { trackBulkOutcomes } from '../core/use-cases/bulk-issuance.js';
import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS } from '../core/webhooks.js';
import { type Config, linksFrom, readConfig, systemClock } from './config.js';
import { buildReadCaches, type ReadCaches } from './read-caches.js';

/** Starting workflows needs a state machine; the local stack passes its in-process runner instead. */
const noWorkflow: WorkflowStarter = {
  async startIssuance() {
    throw new Error('STATE_MACHINE_ARN is not set: this function cannot start workflows');
  },
};

/** Only the operator API submits bulk jobs; without the state machine's ARN nothing else may. */
const noBulkRunner: BulkJobRunner = {
  async start() {
    throw new Error('BULK_STATE_MACHINE_ARN is not set: this function cannot start bulk jobs');
  },
};

/**
 * The one place where adapters are chosen and connected, and the composition root of every function
 * that has no slimmer one of its own (public-deps.ts, download-deps.ts, issuing-deps.ts, staff-deps.ts
 * build on it or beside it). Lambda and the local stack both come here; only the endpoints in the config
 * differ (and the local stack's in-process workflow starter, clients and shared read caches).
 */
export function buildDeps(
  config: Config,
  options: {
    workflow?: WorkflowStarter;
    clients?: AwsClients;
    caches?: ReadCaches;
    bulkRunner?: BulkJobRunner;
  } = {},
): Deps {
  const clients =
    options.clients ??
    createAwsClients({
      region: config.AWS_REGION,
      dynamodbEndpoint: config.DYNAMODB_ENDPOINT,
      s3Endpoint: config.S3_ENDPOINT,
      kmsEndpoint: config.KMS_ENDPOINT,
      sesEndpoint: config.SES_ENDPOINT,
    });
  const { documentClient } = clients;
  const workflow =
    options.workflow ??
    (config.STATE_MACHINE_ARN
      ? new StepFunctionsWorkflowStarter(
          new SFNClient({ region: config.AWS_REGION }),
          config.STATE_MACHINE_ARN,
        )
      : noWorkflow);

  const mailer = new SesMailer(clients.ses, {
    from: config.SENDER_ADDRESS,
    ...(config.SES_CONFIGURATION_SET ? { configurationSetName: config.SES_CONFIGURATION_SET } : {}),
  });
  const personalDataLog = new DynamoDbPersonalDataLog(documentClient, config.REGISTRY_TABLE);
  const caches = options.caches ?? buildReadCaches(config, documentClient);
  const bulkJobs = new DynamoDbBulkJobStore(documentClient, config.REGISTRY_TABLE);
  const bulkRunner =
    options.bulkRunner ??
    (config.BULK_STATE_MACHINE_ARN
      ? new StepFunctionsBulkJobRunner(
          new SFNClient({ region: config.AWS_REGION }),
          config.BULK_STATE_MACHINE_ARN,
          config.DOCUMENTS_BUCKET,
        )
      : noBulkRunner);
  return {
    courses: new DynamoDbCourseCatalog(documentClient, config.REGISTRY_TABLE),
    participants: new DynamoDbParticipantDirectory(documentClient, config.REGISTRY_TABLE),
    progress: new DynamoDbProgressStore(documentClient, config.REGISTRY_TABLE),
    // Every status change is also counted on the bulk rows that became the approval (bulk-issuance.ts).
    approvals: trackBulkOutcomes(
      new DynamoDbApprovalStore(documentClient, config.APPROVALS_TABLE, config.REGISTRY_TABLE),
      { bulkJobs },
    ),
    certificates: caches.certificates,
    documents: new S3DocumentStore(clients.s3, config.DOCUMENTS_BUCKET),
    signer: new KmsDigestSigner(clients.kms, config.SIGNING_KEY_ID),
    signingKeys: caches.signingKeys,
    keyAdmin: new KmsSigningKeyAdmin(clients.kms, config.SIGNING_KEY_ID),
    mailer,
    notifications: new LoggedNotifications(
      new TemplatedNotifications(
        mailer,
        config.LINKEDIN_ORGANIZATION_ID ? { linkedInOrganizationId: config.LINKEDIN_ORGANIZATION_ID } : {},
      ),
      personalDataLog,
      systemClock,
    ),
    workflow,
    clock: systemClock,
    random: { bytes: (length) => new Uint8Array(randomBytes(length)) },
    links: linksFrom(config),
    downloadLinkTtlDays: config.DOWNLOAD_LINK_TTL_DAYS,
    claims: new DynamoDbClaimLedger(documentClient, config.REGISTRY_TABLE),
    claimLeaseMs: config.CLAIM_LEASE_SECONDS * 1000,
    accessTokens: new DynamoDbParticipantAccessTokens(documentClient, config.REGISTRY_TABLE),
    participantLinkTtlDays: config.PARTICIPANT_LINK_TTL_DAYS,
    participantRecords: new DynamoDbParticipantRecords(documentClient, config.REGISTRY_TABLE),
    enrolments: new DynamoDbEnrolmentStore(documentClient, config.REGISTRY_TABLE),
    personalDataLog,
    statusLists: new DynamoDbStatusListStore(documentClient, config.REGISTRY_TABLE),
    erasures: new DynamoDbParticipantErasures(documentClient, config.REGISTRY_TABLE),
    feedback: new DynamoDbFeedbackStore(documentClient, config.REGISTRY_TABLE),
    xapiParking: new DynamoDbXapiParking(documentClient, config.REGISTRY_TABLE),
    reports: new LoggedReportLedger(new DynamoDbReportLedger(documentClient, config.REGISTRY_TABLE)),
    ...(config.STAFF_REPORT_ADDRESS ? { staffReportAddress: config.STAFF_REPORT_ADDRESS } : {}),
    webhookEndpoints: new DynamoDbWebhookEndpoints(documentClient, config.REGISTRY_TABLE),
    webhookOutbox: new DynamoDbWebhookOutbox(documentClient, config.REGISTRY_TABLE),
    webhookSender: fetchWebhookSender,
    webhookRetryScheduleSeconds: config.WEBHOOK_RETRY_SCHEDULE_SECONDS
      ? config.WEBHOOK_RETRY_SCHEDULE_SECONDS.split(',').map(Number)
      : DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS,
    bulkJobs,
    bulkRunner,
  };
}

let depsFromEnvironment: Deps | undefined;

/** Lambda's cold start: read and validate the environment once, build the deps once. */
export function lambdaDeps(): Deps {
  depsFromEnvironment ??= buildDeps(readConfig());
  return depsFromEnvironment;
}
