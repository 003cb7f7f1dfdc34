import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  APPROVALS_BY_COURSE_INDEX,
  APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
} from '../adapters/aws/approvals-index.js';
import { createAwsClients } from '../adapters/aws/clients.js';
import { REGISTRY_TTL_ATTRIBUTE } from '../adapters/aws/registry-ttl.js';
import { WorkerPoolCertificateRenderer } from '../adapters/render/worker-pool-renderer.js';
import type { IssuingDeps, WorkflowStarter } from '../core/ports.js';
import { sendExpiryReminders } from '../core/use-cases/expiry-reminders.js';
import { sendSurveyReminders } from '../core/use-cases/feedback.js';
import { recoverStuckWork } from '../core/use-cases/recover-stuck-work.js';
import { deliverDueWebhooks } from '../core/use-cases/webhooks.js';
import { readConfig } from '../wiring/config.js';
import { startApiGatewayBridge } from './api-gateway-bridge.js';
import { LocalBulkRunner } from './bulk-runner.js';
import { ensureSigningKey } from './ensure-signing-key.js';
import { type FaultInjectionOptions, injectFaults } from './fault-injection.js';
import { localFunctions, localRoutes } from './handlers.js';
import { startLocalKms } from './kms-server.js';
import type { LambdaHandler } from './lambda-context.js';
import { sweepExpiredItems } from './retention-sweep.js';
import { freePort, startDynamoDbLocal, startS3rver, startSesLocal } from './services.js';
import { StreamPoller } from './stream-poller.js';
import { loadIssuanceWorkflowDefinition } from './workflow-definition.js';
import { type ExecutionOutcome, LocalIssuanceWorkflow } from './workflow-runner.js';

export interface LocalStackOptions {
  /** Folder for persistent data; omitted: everything in memory (tests). */
  dataDir?: string;
  /** Port of the API and verification site; 0 or omitted: a free port. */
  port?: number;
  /** Port of the local mailbox (SES stand-in); omitted: a free port. */
  mailboxPort?: number;
  onExecutionEnd?: (outcome: ExecutionOutcome) => void;
  /** How often to look for work a crash or a lost execution left unfinished; 0: only at start-up. */
  recoverySweepMs?: number;
  /** How often to send the expiry reminders that are due (AWS: daily); 0: only at start-up. Default hourly. */
  reminderSweepMs?: number;
  /** Faults to inject at the AWS clients once the stack is set up (the chaos run); omitted: none. */
  faultInjection?: FaultInjectionOptions;
  /**
   * How often to delete registry items whose TTL has passed (DynamoDB Local keeps them for ever; AWS
   * deletes them within days); 0: only at start-up. Default every ten minutes.
   */
  retentionSweepMs?: number;
  /** A mailbox (aws-ses-v2-local) already running elsewhere, e.g. in the chaos run, which outlives restarts. */
  mailboxEndpoint?: string;
  /** How often to make the webhook attempts that are due (AWS: every minute); 0: never. Default 1 s. */
  webhookSweepMs?: number;
  /** Seconds before each webhook retry; omitted: WEBHOOK_RETRY_SCHEDULE_SECONDS or the default (webhooks.ts). */
  webhookRetryScheduleSeconds?: number[];
  /**
   * Worker threads that render the PDFs, so rendering does not stall the API and uses the second core;
   * 0: render on the main thread (as a Lambda does). Default LOCAL_RENDER_WORKERS, else one per core but one.
   */
  renderWorkers?: number;
}

export interface LocalStack {
  url: string;
  mailboxUrl: string;
  apiKey: string;
  /** Where each AWS stand-in listens, for tools and tests that talk to them directly. */
  endpoints: { dynamodb: string; s3: string; kms: string; ses: string };
  deps: IssuingDeps;
  workflow: LocalIssuanceWorkflow;
  /** Runs bulk jobs' rows in-process (AWS: the bulk Distributed Map). */
  bulkRunner: LocalBulkRunner;
  poller: StreamPoller;
  stop(): Promise<void>;
}

const TABLES = { approvals: 'saypro-approvals', registry: 'saypro-registry' };
const BUCKET = 'saypro-certificate-documents';
const SIGNING_KEY_ALIAS = 'alias/saypro-certificates-local-signing';

/** Same keys and stream as the CDK tables (lib/stacks/stateful-stack.ts); creates whichever is missing. */
export async function ensureTables(
  client: DynamoDBClient,
  names: { approvals: string; registry: string } = TABLES,
) {
  const exists = async (TableName: string) => {
    try {
      return (await client.send(new DescribeTableCommand({ TableName }))).Table;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  };
  if (!(await exists(names.approvals))) {
    await client.send(
      new CreateTableCommand({
        TableName: names.approvals,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'approvalId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'approvalId', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
  }
  // Added separately, so a table kept in the data folder from before an index gets it too; one at a
  // time, each waited for, as DynamoDB (and AWS) builds one index at a time.
  const ensureApprovalsIndex = async (
    indexName: string,
    keys: { partition: string; sort: string },
    projection: 'ALL' | 'KEYS_ONLY',
  ) => {
    const approvalsTable = await exists(names.approvals);
    if (!approvalsTable?.GlobalSecondaryIndexes?.some((i) => i.IndexName === indexName)) {
      await client.send(
        new UpdateTableCommand({
          TableName: names.approvals,
          AttributeDefinitions: [
            { AttributeName: keys.partition, AttributeType: 'S' },
            { AttributeName: keys.sort, AttributeType: 'S' },
          ],
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                IndexName: indexName,
                KeySchema: [
                  { AttributeName: keys.partition, KeyType: 'HASH' },
                  { AttributeName: keys.sort, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: projection },
              },
            },
          ],
        }),
      );
    }
    // An index being added is CREATING for a while; DynamoDB Local answers writes to the table meanwhile
    // with InternalFailure, so wait for it as one would in AWS.
    for (let waited = 0; ; waited += 100) {
      const table = await exists(names.approvals);
      const index = table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName);
      if (table?.TableStatus === 'ACTIVE' && index?.IndexStatus === 'ACTIVE') break;
      if (waited > 60_000)
        throw new Error(`the ${names.approvals} table's index ${indexName} did not become active`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await ensureApprovalsIndex(
    APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
    { partition: 'participantId', sort: 'courseId' },
    'ALL',
  );
  await ensureApprovalsIndex(
    APPROVALS_BY_COURSE_INDEX,
    { partition: 'courseId', sort: 'approvedAt' },
    'KEYS_ONLY',
  );
  if (!(await exists(names.registry))) {
    await client.send(
      new CreateTableCommand({
        TableName: names.registry,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  }
  // As in AWS: DynamoDB Local honours the setting, so disposable items carry a TTL it understands.
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: names.registry,
        TimeToLiveSpecification: { AttributeName: REGISTRY_TTL_ATTRIBUTE, Enabled: true },
      }),
    )
    .catch((error: Error) => {
      // Already enabled on a table kept in the data folder.
      if (!/already enabled|TimeToLive is already/i.test(error.message)) throw error;
    });
  const approvals = await exists(names.approvals);
  if (!approvals?.LatestStreamArn) throw new Error(`${names.approvals} has no stream`);
  return { approvalsStreamArn: approvals.LatestStreamArn };
}

async function ensureBucket(client: S3Client) {
  try {
    await client.send(new HeadBucketCommand({ Bucket: BUCKET }));
  } catch {
    // HeadBucket can fail on a bucket that exists (a crash-damaged file in it): creating it then says so.
    await client.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((error: Error) => {
      if (!['BucketAlreadyExists', 'BucketAlreadyOwnedByYou'].includes(error.name)) throw error;
    });
  }
}

/** The operator key survives restarts with the data folder, so the CLI keeps working. */
function operatorApiKey(dataDir: string | undefined) {
  const file = dataDir ? join(dataDir, 'operator-api-key') : undefined;
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(24).toString('base64url');
  if (file) writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/**
 * Starts the whole system on this machine: the AWS stand-ins, the tables, bucket and signing key, the
 * stream poller, the synthesized workflow and the API. `stop()` ends all of it.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const { dataDir } = options;
  const startedAt = Date.now();
  const folder = (name: string) => {
    if (!dataDir) return undefined;
    const path = join(dataDir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  };

  try {
    const port = options.port || (await freePort());
    const [dynamodb, s3, ses, kms, workflowDefinition] = await Promise.all([
      startDynamoDbLocal({ ...(folder('dynamodb') ? { dataDir: folder('dynamodb')! } : {}) }).then(
        (service) => {
          stoppers.push(service.stop);
          return service;
        },
      ),
      startS3rver({ ...(folder('s3') ? { dataDir: folder('s3')! } : {}) }).then((service) => {
        stoppers.push(service.stop);
        return service;
      }),
      options.mailboxEndpoint
        ? { endpoint: options.mailboxEndpoint }
        : startSesLocal(options.mailboxPort ? { port: options.mailboxPort } : {}).then((service) => {
            stoppers.push(service.stop);
            return service;
          }),
      startLocalKms({ ...(folder('kms') ? { dataDir: folder('kms')! } : {}) }).then((service) => {
        stoppers.push(service.stop);
        return service;
      }),
      loadIssuanceWorkflowDefinition(),
    ]);

    const region = 'eu-west-1';
    const clients = createAwsClients({
      region,
      dynamodbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      kmsEndpoint: kms.endpoint,
      sesEndpoint: ses.endpoint,
    });
    const [{ approvalsStreamArn }] = await Promise.all([
      ensureTables(clients.dynamodb),
      ensureBucket(clients.s3),
      ensureSigningKey(clients.kms, SIGNING_KEY_ALIAS),
    ]);

    // Only now: set-up itself is not what the chaos run tests.
    if (options.faultInjection) injectFaults(clients, options.faultInjection);

    const url = `http://localhost:${port}`;
    const config = readConfig({
      AWS_REGION: region,
      APPROVALS_TABLE: TABLES.approvals,
      REGISTRY_TABLE: TABLES.registry,
      DOCUMENTS_BUCKET: BUCKET,
      // The alias, as in AWS: the signer follows it, and rotation moves it to a new key.
      SIGNING_KEY_ID: SIGNING_KEY_ALIAS,
      SENDER_ADDRESS: 'certificates@saypro.online',
      STAFF_REPORT_ADDRESS: 'training.staff@saypro.online',
      VERIFICATION_BASE_URL: url,
      API_BASE_URL: url,
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      S3_ENDPOINT: s3.endpoint,
      KMS_ENDPOINT: kms.endpoint,
      SES_ENDPOINT: ses.endpoint,
      ...(process.env.CLAIM_LEASE_SECONDS ? { CLAIM_LEASE_SECONDS: process.env.CLAIM_LEASE_SECONDS } : {}),
      ...(options.webhookRetryScheduleSeconds
        ? { WEBHOOK_RETRY_SCHEDULE_SECONDS: options.webhookRetryScheduleSeconds.join(',') }
        : process.env.WEBHOOK_RETRY_SCHEDULE_SECONDS
          ? { WEBHOOK_RETRY_SCHEDULE_SECONDS: process.env.WEBHOOK_RETRY_SCHEDULE_SECONDS }
          : {}),
    });

    // The workflow needs the handlers, which need the deps, which need a workflow starter: tie the knot.
    let workflow: LocalIssuanceWorkflow | undefined;
    const workflowStarter: WorkflowStarter = {
      startIssuance: (approvalId, executionName) => workflow!.startIssuance(approvalId, executionName),
    };
    // Bulk jobs likewise: the runner invokes the bulk-row handler, built on these same deps.
    let bulkRowHandler: LambdaHandler | undefined;
    let documents: IssuingDeps['documents'] | undefined;
    let bulkJobs: IssuingDeps['bulkJobs'] | undefined;
    const bulkRunner = new LocalBulkRunner({
      documents: () => documents!,
      bulkJobs: () => bulkJobs!,
      handler: () => bulkRowHandler!,
      ...(process.env.BULK_LOCAL_MAX_IN_FLIGHT
        ? { maxInFlight: Number(process.env.BULK_LOCAL_MAX_IN_FLIGHT) }
        : {}),
    });
    // Rendering off the thread that answers the API: a pool of worker threads (LOCAL_RENDER_WORKERS, 0: inline).
    const renderWorkers =
      options.renderWorkers ??
      (process.env.LOCAL_RENDER_WORKERS === undefined
        ? Math.max(1, availableParallelism() - 1)
        : Number(process.env.LOCAL_RENDER_WORKERS));
    const renderPool =
      renderWorkers > 0 ? new WorkerPoolCertificateRenderer({ size: renderWorkers }) : undefined;
    if (renderPool) stoppers.push(() => renderPool.close());
    const apiKey = operatorApiKey(dataDir);
    const { handlers, deps } = localFunctions({
      config,
      clients,
      workflow: workflowStarter,
      staff: { operatorKey: apiKey },
      bulkRunner,
      ...(renderPool ? { renderer: renderPool } : {}),
    });
    documents = deps.documents;
    bulkJobs = deps.bulkJobs;
    bulkRowHandler = handlers['bulk-row'];
    workflow = new LocalIssuanceWorkflow({
      ...workflowDefinition,
      handlers,
      ...(options.onExecutionEnd ? { onExecutionEnd: options.onExecutionEnd } : {}),
    });
    stoppers.push(() => workflow!.drain());

    const poller = new StreamPoller({
      client: clients.dynamodbStreams,
      streamArn: approvalsStreamArn,
      handler: handlers['on-approval']!,
      functionName: 'on-approval',
      ...(dataDir ? { dataDir } : {}),
    });
    poller.start();
    stoppers.push(() => poller.stop());
    // Stopped first (stoppers run last-in first): rows still being recorded would start executions later.
    stoppers.push(() => bulkRunner.stop());

    // Executions live in this process: whatever was in flight when an earlier run died (even by kill -9)
    // is started again now, and a sweep keeps finishing work whose sender died (its lease ran out).
    // A passing fault here must not stop the start: the sweep below runs the same recovery again.
    const recovered = await recoverStuckWork(deps, { inFlightBefore: new Date(startedAt) }).catch(
      (error: Error) => {
        console.error('[recovery] at start-up:', error.message);
        return { restarted: [] };
      },
    );
    if (recovered.restarted.length > 0) {
      console.log(
        `[recovery] resumed ${recovered.restarted.length} approval(s) left unfinished by an earlier run`,
      );
    }
    const sweepMs = options.recoverySweepMs ?? 15_000;
    if (sweepMs > 0) {
      let sweeping = false;
      const sweep = setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        recoverStuckWork(deps)
          .catch((error: Error) => console.error('[recovery]', error.message))
          .finally(() => {
            sweeping = false;
          });
      }, sweepMs);
      sweep.unref();
      stoppers.push(async () => clearInterval(sweep));
    }

    // AWS runs the reminders on a daily schedule; here, at start-up and then hourly. Each is sent once.
    const remind = () =>
      sendExpiryReminders(deps)
        .then((run) => {
          const sent = run.sent.soon + run.sent.today;
          if (sent > 0 || run.failed.length > 0)
            console.log(`[reminders] sent ${sent} expiry reminder(s), ${run.failed.length} failed`);
        })
        .then(() => sendSurveyReminders(deps))
        .then((run) => {
          if (run.sent > 0 || run.failed.length > 0)
            console.log(`[reminders] sent ${run.sent} survey reminder(s), ${run.failed.length} failed`);
        })
        .catch((error: Error) => console.error('[reminders]', error.message));
    await remind();
    const reminderMs = options.reminderSweepMs ?? 60 * 60 * 1000;
    if (reminderMs > 0) {
      const timer = setInterval(remind, reminderMs);
      timer.unref();
      stoppers.push(async () => clearInterval(timer));
    }

    // The retention schedule's TTLs, which DynamoDB Local does not enforce itself.
    const sweepRetention = () =>
      sweepExpiredItems(clients.documentClient, TABLES.registry)
        .then(({ deleted }) => {
          if (deleted > 0) console.log(`[retention] deleted ${deleted} expired item(s)`);
        })
        .catch((error: Error) => console.error('[retention]', error.message));
    await sweepRetention();
    const retentionMs = options.retentionSweepMs ?? 10 * 60 * 1000;
    if (retentionMs > 0) {
      const timer = setInterval(sweepRetention, retentionMs);
      timer.unref();
      stoppers.push(async () => clearInterval(timer));
    }

    // AWS drains the webhook outbox every minute; here every second, the same use case. Each attempt is
    // claimed once, so an overlapping tick sends nothing twice.
    const webhookMs = options.webhookSweepMs ?? 1000;
    if (webhookMs > 0) {
      let delivering = false;
      const timer = setInterval(() => {
        if (delivering) return;
        delivering = true;
        deliverDueWebhooks(deps)
          .then((run) => {
            for (const failure of run.failed) console.error('[webhooks]', failure.deliveryId, failure.error);
          })
          .catch((error: Error) => console.error('[webhooks]', error.message))
          .finally(() => {
            delivering = false;
          });
      }, webhookMs);
      timer.unref();
      stoppers.push(async () => clearInterval(timer));
    }

    const api = await startApiGatewayBridge({ routes: localRoutes(handlers), apiKey, port });
    stoppers.push(api.stop);

    const endpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint, kms: kms.endpoint, ses: ses.endpoint };
    return {
      url,
      mailboxUrl: ses.endpoint,
      apiKey,
      endpoints,
      deps,
      workflow,
      bulkRunner,
      poller,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
