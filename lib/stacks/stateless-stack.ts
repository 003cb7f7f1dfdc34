import { Aws, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import {
  APPROVAL_POINTER_PARTITION_PATTERNS,
  APPROVALS_BY_COURSE_INDEX,
  APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
} from '../../functions/adapters/aws/approvals-index.js';
import { renderFunctionCode } from '../bundling/render-function-code.js';
import type { AppConfig } from '../config.js';
import { ApprovalsStreamToWorkflow } from '../constructs/approvals-stream-to-workflow.js';
import { BULK_KEY_PREFIX, BulkIssuance } from '../constructs/bulk-issuance.js';
import { CertificateFunction, type CertificateFunctionProps } from '../constructs/certificate-function.js';
import { CohortIssuance } from '../constructs/cohort-issuance.js';
import { IssuanceWorkflow } from '../constructs/issuance-workflow.js';
import { Operations } from '../constructs/operations.js';
import { SigningKeyAccess } from '../constructs/signing-key-access.js';
import { StaffSignIn } from '../constructs/staff-sign-in.js';
import { VerificationApi } from '../constructs/verification-api.js';
import { VerificationEdge } from '../constructs/verification-edge.js';
import { acknowledgeWildcard } from '../nag.js';
import { configurationSetName, documentsBucketName, type StatefulStack } from './stateful-stack.js';

const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** Certificate PDFs live under this key prefix; S3 grants are scoped to it. */
export const DOCUMENT_KEY_PREFIX = 'certificates/';
/** Staff reports (HTML, CSV, JSON per period) live under this one. */
export const REPORT_KEY_PREFIX = 'reports/';

export interface StatelessStackProps extends StackProps {
  readonly config: AppConfig;
  readonly stateful: StatefulStack;
}

/**
 * The code and its wiring: functions, the issuance and cohort workflows, the API and operations. Can be
 * destroyed and redeployed freely; all data is in the stateful stack.
 */
export class StatelessStack extends Stack {
  readonly functions: Record<string, CertificateFunction>;
  readonly issuanceWorkflow: IssuanceWorkflow;
  readonly cohortIssuance: CohortIssuance;
  readonly bulkIssuance: BulkIssuance;
  readonly approvalsStream: ApprovalsStreamToWorkflow;
  readonly api: VerificationApi;
  readonly operations: Operations;
  readonly staffSignIn: StaffSignIn;
  /** CloudFront in front of the API, when enableEdge is set. */
  readonly edge?: VerificationEdge;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    const prefix = `saypro-certificates-${config.stage}`;

    const environment: Record<string, string> = {
      APPROVALS_TABLE: stateful.approvalsTable.tableName,
      REGISTRY_TABLE: stateful.registryTable.tableName,
      DOCUMENTS_BUCKET: stateful.documentsBucket.bucketName,
      SIGNING_KEY_ID: stateful.signingKeyAlias.aliasName,
      SENDER_ADDRESS: config.senderAddress,
      VERIFICATION_BASE_URL: config.verificationBaseUrl,
      SES_CONFIGURATION_SET: configurationSetName(config.stage),
      DOWNLOAD_LINK_TTL_DAYS: '14',
    };
    const fn = (handlerName: string, description: string, extra: Partial<CertificateFunctionProps> = {}) =>
      new CertificateFunction(this, handlerName, { handlerName, description, environment, ...extra });

    const onApproval = fn('on-approval', 'Starts the issuance workflow for each new approval');
    const checkEligibility = fn('check-eligibility', 'Checks a participant against the course criteria');
    // Functions that render a PDF carry react-pdf and the fonts: pre-bundled with the render plugin.
    const rendering = (handlerName: string): Partial<CertificateFunctionProps> => ({
      code: renderFunctionCode(handlerName),
      memorySize: 1024,
      environment: { ...environment, CERTIFICATE_FONT_DIR: '/var/task/fonts' },
    });
    const issueCertificate = fn(
      'issue-certificate',
      'Renders, signs and stores the certificate PDF',
      rendering('issue-certificate'),
    );
    const deliverCertificate = fn('deliver-certificate', 'Emails the certificate download link');
    const notifyNotEligible = fn('notify-not-eligible', 'Tells the participant what is still missing');
    const requestConsent = fn(
      'request-consent',
      'Asks an eligible participant, once, to agree to their name on the certificate',
    );
    const recordFailure = fn('record-failure', 'Records a failed issuance on the approval');
    // Corrections render and sign a new PDF, so the operator function is bundled like issue-certificate.
    const operatorApi = fn(
      'operator-api',
      'Operator routes: approvals, administration, revocation, corrections, key rotation',
      rendering('operator-api'),
    );
    const publicApi = fn('public-api', 'Public routes: verification, credential, issuer, JWKS');
    const downloadApi = fn('download-api', 'Download links: a short-lived presigned URL of the PDF');
    const participantApi = fn(
      'participant-api',
      "Participants' pages: their own page, fresh downloads, lost links, help, FAQ and the privacy policy",
    );
    const mailEvents = fn('mail-events', 'Records SES bounces and complaints on the certificate');
    const operationsSweep = fn(
      'operations-sweep',
      'Every 15 minutes: restarts work a lost execution left, counts overdue approvals for the alarm',
    );
    const expiryReminders = fn('expiry-reminders', 'Daily: emails holders whose certificate expires soon');
    const staffDashboard = fn(
      'staff-dashboard',
      'Staff pages: approvals needing attention, course tracking, retry, resend and revoke; Cognito sign-in',
    );
    const staffReports = fn(
      'staff-reports',
      "Monthly: publishes last month's (and quarter's) staff report to the bucket and emails staff a link",
      {
        environment: {
          ...environment,
          ...(config.staffReportAddress ? { STAFF_REPORT_ADDRESS: config.staffReportAddress } : {}),
        },
      },
    );
    // Up to 50 attempts a run, 5 at a time, each cut off after 10 s: well inside two minutes.
    const webhookDelivery = fn(
      'webhook-delivery',
      'Every minute: sends the signed webhook attempts that are due from the outbox',
      { timeout: Duration.minutes(2) },
    );
    const bulkRow = fn(
      'bulk-row',
      "Bulk issuance: records one CSV row's participant and approval (one Distributed Map item)",
    );
    this.functions = {
      bulkRow,
      onApproval,
      checkEligibility,
      issueCertificate,
      deliverCertificate,
      notifyNotEligible,
      requestConsent,
      recordFailure,
      operatorApi,
      publicApi,
      downloadApi,
      participantApi,
      mailEvents,
      operationsSweep,
      expiryReminders,
      staffDashboard,
      staffReports,
      webhookDelivery,
    };

    // Grants: exactly what each handler's use case touches.
    const { approvalsTable, registryTable, dataKey } = stateful;
    // Explicit, not the table's grant methods: those add `index/*` for every role once the table has an
    // index, and only the operator and participant APIs query it.
    // One rule for both tables: name the table, and an index only for the functions that query it.
    const grantTable = (
      table: { tableArn: string },
      target: { role: iam.IRole },
      access: 'read' | 'readWrite',
      indexName?: string,
    ) => {
      const write = access === 'readWrite';
      target.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: [...TABLE_READ_ACTIONS, ...(write ? TABLE_WRITE_ACTIONS : [])],
          resources: [table.tableArn, ...(indexName ? [`${table.tableArn}/index/${indexName}`] : [])],
        }),
      );
      dataKey.grant(
        target.role,
        'kms:Decrypt',
        'kms:DescribeKey',
        ...(write ? ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] : []),
      );
    };
    const grantApprovals = (
      target: { role: iam.IRole },
      access: 'read' | 'readWrite',
      options: { index?: boolean } = {},
    ) =>
      grantTable(
        approvalsTable,
        target,
        access,
        options.index ? APPROVALS_BY_PARTICIPANT_COURSE_INDEX : undefined,
      );
    const grantRegistry = (target: { role: iam.IRole }, access: 'read' | 'readWrite') =>
      grantTable(registryTable, target, access);
    grantApprovals(onApproval, 'readWrite');
    grantApprovals(checkEligibility, 'readWrite');
    grantRegistry(checkEligibility, 'read');
    // Marking an approval processing moves its status pointer (APPROVALS#<status>, in the registry):
    // put and delete on those partitions only, so the eligibility check still writes no other data.
    checkEligibility.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [registryTable.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...APPROVAL_POINTER_PARTITION_PATTERNS] },
        },
      }),
    );
    dataKey.grant(checkEligibility.role, 'kms:GenerateDataKey*');
    grantApprovals(issueCertificate, 'readWrite');
    grantRegistry(issueCertificate, 'readWrite');
    grantApprovals(deliverCertificate, 'readWrite');
    grantRegistry(deliverCertificate, 'readWrite');
    grantApprovals(notifyNotEligible, 'readWrite');
    // It writes its once-only claim and the personal link it mints into the registry.
    grantRegistry(notifyNotEligible, 'readWrite');
    // It marks the approval awaiting consent, writes its once-only claim and the personal link it mints.
    grantApprovals(requestConsent, 'readWrite');
    grantRegistry(requestConsent, 'readWrite');
    grantApprovals(recordFailure, 'readWrite');
    // Failures are counted for the staff reports.
    grantRegistry(recordFailure, 'readWrite');
    // Recorded progress finds the approvals it may now qualify through the participant-and-course index.
    grantApprovals(operatorApi, 'readWrite', { index: true });
    // GET /operator/approvals?course= queries the course index (keys only; the approvals are then read by
    // key, which the grant above allows): Query on that index and nothing else.
    operatorApi.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${approvalsTable.tableArn}/index/${APPROVALS_BY_COURSE_INDEX}`],
      }),
    );
    grantRegistry(operatorApi, 'readWrite');
    // Verification reads certificate records and the signing-key registry (JWKS), both in DynamoDB.
    grantRegistry(publicApi, 'read');
    grantRegistry(downloadApi, 'read');
    // A participant's page reads their records and approvals; a lost-link request writes a new token and
    // its once-only claim.
    // Consent given on the page resumes approvals awaiting it, found through the participant index.
    grantRegistry(participantApi, 'readWrite');
    grantApprovals(participantApi, 'readWrite', { index: true });
    // Bounces and complaints are written on the certificate's delivery state.
    grantRegistry(mailEvents, 'readWrite');
    // The sweep reads approvals and email claims, and restarts workflows (granted below).
    grantApprovals(operationsSweep, 'read');
    grantRegistry(operationsSweep, 'read');
    // Reminders query the expiry pointers, and write their claims and the personal links they carry.
    grantRegistry(expiryReminders, 'readWrite');
    // The staff pages: tracking reads approvals by the participant index, retry updates the approval;
    // sessions, claims, resends and revocations (with their status list) are registry writes.
    grantApprovals(staffDashboard, 'readWrite', { index: true });
    grantRegistry(staffDashboard, 'readWrite');
    // Reports read the counters and course titles, and write the once-only claim of their email.
    grantRegistry(staffReports, 'readWrite');
    // Page views and downloads add to the report counters, and to nothing else: UpdateItem only, on items
    // whose partition key is a report period (REPORT#…), so these public functions still cannot write data.
    for (const counting of [publicApi, downloadApi]) {
      counting.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:UpdateItem'],
          resources: [registryTable.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REPORT#*'] } },
        }),
      );
      dataKey.grant(counting.role, 'kms:GenerateDataKey*');
    }
    // Reads endpoints, deliveries and the outbox; records attempts and claims (all in the registry).
    grantRegistry(webhookDelivery, 'readWrite');
    // A bulk row writes its participant, consent records and job row (registry) and its approval; consent
    // given in the file resumes approvals awaiting it, found through the participant index.
    grantRegistry(bulkRow, 'readWrite');
    grantApprovals(bulkRow, 'readWrite', { index: true });
    // Every approval status change is also counted on the bulk rows that became it (a registry key query
    // and, when the row moves, a transaction). Check-eligibility only marks an approval `processing`, which
    // leaves a row `queued` as it was, so its registry read grant suffices.

    // Signing: issuing and corrections sign with whichever key the signing alias names.
    const signing = new SigningKeyAccess(this, config.stage);
    signing.grantSign(issueCertificate.role);
    signing.grantSign(operatorApi.role);
    signing.grantRotate(operatorApi.role);
    // A revocation from the staff pages signs the certificate's status list again.
    signing.grantSign(staffDashboard.role);

    // Documents: plain actions on the certificates/ prefix (the bucket grants add action wildcards).
    // Built from the bucket's name pattern, not imported from the stateful stack: keeps the policy readable.
    const documentObjects = `arn:${Aws.PARTITION}:s3:::${documentsBucketName(config.stage, Aws.ACCOUNT_ID, Aws.REGION)}/${DOCUMENT_KEY_PREFIX}*`;
    for (const writer of [issueCertificate, operatorApi]) {
      writer.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [documentObjects] }),
      );
      dataKey.grant(writer.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    }
    // Erasure (operator API) deletes every version of a holder's PDFs: the versions are listed on the
    // bucket, limited to the certificates/ prefix, then deleted one by one.
    operatorApi.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
        resources: [documentObjects],
      }),
    );
    operatorApi.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucketVersions'],
        resources: [
          `arn:${Aws.PARTITION}:s3:::${documentsBucketName(config.stage, Aws.ACCOUNT_ID, Aws.REGION)}`,
        ],
        conditions: { StringLike: { 's3:prefix': [`${DOCUMENT_KEY_PREFIX}*`] } },
      }),
    );
    // The download functions presign URLs with their own credentials, so they need to read the objects.
    for (const reader of [downloadApi, participantApi]) {
      reader.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [documentObjects] }),
      );
      dataKey.grant(reader.role, 'kms:Decrypt');
    }

    // Reports are written under reports/ and linked from the staff email by presigned URLs.
    const reportObjects = `arn:${Aws.PARTITION}:s3:::${documentsBucketName(config.stage, Aws.ACCOUNT_ID, Aws.REGION)}/${REPORT_KEY_PREFIX}*`;
    for (const publisher of [staffReports, operatorApi]) {
      publisher.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [reportObjects] }),
      );
    }
    dataKey.grant(staffReports.role, 'kms:GenerateDataKey', 'kms:Decrypt');

    const sendEmail = new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        stateful.emailIdentity.emailIdentityArn,
        this.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSetName(config.stage),
        }),
      ],
    });
    deliverCertificate.role.addToPrincipalPolicy(sendEmail);
    notifyNotEligible.role.addToPrincipalPolicy(sendEmail);
    requestConsent.role.addToPrincipalPolicy(sendEmail);
    // A lost-link request emails a fresh personal link.
    participantApi.role.addToPrincipalPolicy(sendEmail);
    // Corrections, revocations, enrolments and resends email the participant.
    operatorApi.role.addToPrincipalPolicy(sendEmail);
    expiryReminders.role.addToPrincipalPolicy(sendEmail);
    // Resends and revocations from the staff pages email the holder.
    staffDashboard.role.addToPrincipalPolicy(sendEmail);
    staffReports.role.addToPrincipalPolicy(sendEmail);

    this.issuanceWorkflow = new IssuanceWorkflow(this, 'IssuanceWorkflow', {
      stateMachineName: `${prefix}-issuance`,
      checkEligibility: checkEligibility.function,
      issueCertificate: issueCertificate.function,
      deliverCertificate: deliverCertificate.function,
      notifyNotEligible: notifyNotEligible.function,
      requestConsent: requestConsent.function,
      recordFailure: recordFailure.function,
    });
    this.cohortIssuance = new CohortIssuance(this, 'CohortIssuance', {
      stateMachineName: `${prefix}-cohort-issuance`,
      issuanceStateMachine: this.issuanceWorkflow.stateMachine,
    });
    // Bulk jobs: the operator API stores the job's rows under bulk-jobs/ and starts the Distributed Map.
    this.bulkIssuance = new BulkIssuance(this, 'BulkIssuance', {
      stateMachineName: `${prefix}-bulk-issuance`,
      recordRow: bulkRow.function,
      documentsBucketName: (account, region) => documentsBucketName(config.stage, account, region),
    });
    operatorApi.function.addEnvironment(
      'BULK_STATE_MACHINE_ARN',
      this.bulkIssuance.stateMachine.stateMachineArn,
    );
    this.bulkIssuance.stateMachine.grantStartExecution(operatorApi.role);
    operatorApi.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [
          `arn:${Aws.PARTITION}:s3:::${documentsBucketName(config.stage, Aws.ACCOUNT_ID, Aws.REGION)}/${BULK_KEY_PREFIX}*`,
        ],
      }),
    );
    this.approvalsStream = new ApprovalsStreamToWorkflow(this, 'ApprovalsStreamToWorkflow', {
      table: approvalsTable,
      function: onApproval.function,
      stateMachine: this.issuanceWorkflow.stateMachine,
      encryptionKey: stateful.dataKey,
    });

    // Retrying a failed approval starts a new issuance execution from the operator API.
    operatorApi.function.addEnvironment(
      'STATE_MACHINE_ARN',
      this.issuanceWorkflow.stateMachine.stateMachineArn,
    );
    this.issuanceWorkflow.stateMachine.grantStartExecution(operatorApi.role);
    operationsSweep.function.addEnvironment(
      'STATE_MACHINE_ARN',
      this.issuanceWorkflow.stateMachine.stateMachineArn,
    );
    this.issuanceWorkflow.stateMachine.grantStartExecution(operationsSweep.role);
    // Retry on the staff pages starts a new issuance execution.
    staffDashboard.function.addEnvironment(
      'STATE_MACHINE_ARN',
      this.issuanceWorkflow.stateMachine.stateMachineArn,
    );
    this.issuanceWorkflow.stateMachine.grantStartExecution(staffDashboard.role);

    // The schedules: EventBridge rules invoke the scheduled jobs (each is safe to run twice).
    new events.Rule(this, 'OperationsSweepSchedule', {
      description: 'Runs the operations sweep every 15 minutes',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(operationsSweep.function, { retryAttempts: 2 })],
    });
    new events.Rule(this, 'ExpiryRemindersSchedule', {
      description: 'Sends the expiry reminders due today, at 07:00 UTC',
      schedule: events.Schedule.cron({ minute: '0', hour: '7' }),
      targets: [new targets.LambdaFunction(expiryReminders.function, { retryAttempts: 2 })],
    });
    new events.Rule(this, 'StaffReportsSchedule', {
      description:
        "Publishes last month's staff report (and last quarter's at a quarter start), 1st 06:00 UTC",
      schedule: events.Schedule.cron({ minute: '0', hour: '6', day: '1' }),
      targets: [new targets.LambdaFunction(staffReports.function, { retryAttempts: 2 })],
    });

    // The webhook outbox (a registry partition) is drained every minute; retries wait there for their time.
    new events.Rule(this, 'WebhookDeliverySchedule', {
      description: 'Sends the webhook attempts that are due, every minute',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(webhookDelivery.function, { retryAttempts: 2 })],
    });

    stateful.mailEventsTopic.addSubscription(new subscriptions.LambdaSubscription(mailEvents.function));

    this.api = new VerificationApi(this, 'VerificationApi', {
      restApiName: prefix,
      publicFunction: publicApi.function,
      downloadFunction: downloadApi.function,
      participantFunction: participantApi.function,
      operatorFunction: operatorApi.function,
      allowedOrigin: new URL(config.verificationBaseUrl).origin,
      wafRateLimit: config.enableWaf ? config.wafRateLimit : undefined,
    });
    this.api.addOperatorRoute(['approvals'], 'GET');
    this.api.addOperatorRoute(['stuck-work'], 'GET');
    this.api.addOperatorRoute(['approvals', '{approvalId}'], 'GET');
    this.api.addOperatorRoute(['approvals', '{approvalId}', 'retry'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['courses'], 'GET');
    this.api.addOperatorRoute(['courses', '{courseId}'], 'GET');
    this.api.addOperatorRoute(['courses', '{courseId}', 'tracking'], 'GET');
    this.api.addOperatorRoute(['courses', '{courseId}'], 'PUT');
    this.api.addOperatorRoute(['participants', '{participantId}'], 'GET');
    this.api.addOperatorRoute(['progress', '{participantId}', '{courseId}'], 'GET');
    this.api.addOperatorRoute(['eligibility', '{participantId}', '{courseId}'], 'GET');
    this.api.addOperatorRoute(['participants', '{participantId}'], 'PUT');
    this.api.addOperatorRoute(['participants', '{participantId}', 'export'], 'POST');
    this.api.addOperatorRoute(['participants', '{participantId}', 'erasure'], 'POST');
    this.api.addOperatorRoute(['participants', '{participantId}', 'access-log'], 'GET');
    this.api.addOperatorRoute(['xapi', 'statements'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['xapi', 'unmatched'], 'GET');
    this.api.addOperatorRoute(['participants', '{participantId}', 'consent'], 'GET');
    this.api.addOperatorRoute(['participants', '{participantId}', 'consent'], 'PUT');
    this.api.addOperatorRoute(['participants', '{participantId}', 'link-revocation'], 'POST', {
      jsonBody: false,
    });
    this.api.addOperatorRoute(['progress', '{participantId}', '{courseId}'], 'PUT');
    this.api.addOperatorRoute(['courses', '{courseId}', 'enrolments', '{participantId}'], 'PUT');
    this.api.addOperatorRoute(['certificates', '{number}', 'resend'], 'POST');
    this.api.addOperatorRoute(['jobs', 'expiry-reminders'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['reports', '{period}'], 'GET');
    this.api.addOperatorRoute(['jobs', 'reports'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['certificates', '{number}', 'revocation'], 'POST');
    this.api.addOperatorRoute(['certificates', '{number}', 'corrections'], 'POST');
    // Staff feedback on the process, and the quarter's feedback (participants' and staff's).
    this.api.addOperatorRoute(['feedback'], 'POST');
    this.api.addOperatorRoute(['feedback'], 'GET');
    this.api.addOperatorRoute(['signing-keys'], 'GET');
    this.api.addOperatorRoute(['signing-keys', 'rotation'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['signing-keys', '{kid}', 'compromise'], 'POST', { jsonBody: false });
    // Bulk issuance: the CSV upload (text/csv, not JSON) and a job's counts.
    this.api.addOperatorRoute(['bulk-jobs'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['bulk-jobs', '{jobId}'], 'GET');
    this.api.addOperatorRoute(['webhooks'], 'POST');
    this.api.addOperatorRoute(['webhooks'], 'GET');
    this.api.addOperatorRoute(['webhooks', '{endpointId}'], 'DELETE');
    this.api.addOperatorRoute(['webhooks', '{endpointId}', 'enable'], 'POST', { jsonBody: false });
    this.api.addOperatorRoute(['webhooks', '{endpointId}', 'deliveries'], 'GET');
    this.api.addOperatorRoute(['webhooks', '{endpointId}', 'deliveries', '{deliveryId}', 'replay'], 'POST', {
      jsonBody: false,
    });
    if (config.enableEdge && stateful.edgeLogsBucket) {
      this.edge = new VerificationEdge(this, 'VerificationEdge', {
        api: this.api.api,
        logBucket: stateful.edgeLogsBucket,
        ...(config.edgeDomainName && config.edgeCertificateArn
          ? { domain: { name: config.edgeDomainName, certificateArn: config.edgeCertificateArn } }
          : {}),
        ...(config.edgeWebAclArn ? { webAclArn: config.edgeWebAclArn } : {}),
      });
    }
    const apiBaseUrl = config.apiBaseUrl ?? this.api.baseUrl;
    this.api.addStaffRoutes(staffDashboard.function);
    this.staffSignIn = new StaffSignIn(this, 'StaffSignIn', { stage: config.stage, apiBaseUrl });
    for (const [name, value] of Object.entries(this.staffSignIn.environment))
      (staffDashboard.function as lambda.Function).addEnvironment(name, value);
    for (const certificateFunction of Object.values(this.functions)) {
      (certificateFunction.function as lambda.Function).addEnvironment('API_BASE_URL', apiBaseUrl);
    }

    this.operations = new Operations(this, 'Operations', {
      issuanceStateMachine: this.issuanceWorkflow.stateMachine,
      cohortStateMachine: this.cohortIssuance.stateMachine,
      streamFunction: onApproval.function,
      failedBatchesQueue: this.approvalsStream.failedBatchesQueue,
      api: this.api.api,
      issuanceLogGroup: this.issuanceWorkflow.logGroup,
      encryptionKey: stateful.dataKey,
      alarmEmail: config.alarmEmail,
      dashboardName: `${prefix}`,
    });

    this.acknowledgeReviewedFindings(config);
  }

  /** cdk-nag findings reviewed and accepted, each with the reason it is right here. */
  private acknowledgeReviewedFindings(config: AppConfig): void {
    const tableKeyReason =
      'kms:GenerateDataKey* and kms:ReEncrypt* come from the DynamoDB read/write grant on tables encrypted ' +
      'with the customer-managed data key; the statement is limited to that one key.';
    for (const certificateFunction of Object.values(this.functions)) {
      acknowledgeWildcard(certificateFunction.role, 'Action::kms:GenerateDataKey*', tableKeyReason);
      acknowledgeWildcard(certificateFunction.role, 'Action::kms:ReEncrypt*', tableKeyReason);
    }
    const documentObjects = `Resource::arn:<AWS::Partition>:s3:::${documentsBucketName(config.stage, '<AWS::AccountId>', '<AWS::Region>')}/${DOCUMENT_KEY_PREFIX}*`;
    const prefixReason =
      'Objects are per certificate; access is limited to the certificates/ prefix of the documents bucket.';
    for (const withDocuments of ['issueCertificate', 'operatorApi', 'downloadApi', 'participantApi']) {
      acknowledgeWildcard(this.functions[withDocuments]!.role, documentObjects, prefixReason);
    }
    const reportObjects = `Resource::arn:<AWS::Partition>:s3:::${documentsBucketName(config.stage, '<AWS::AccountId>', '<AWS::Region>')}/${REPORT_KEY_PREFIX}*`;
    acknowledgeWildcard(
      this.functions.operatorApi!.role,
      `Resource::arn:<AWS::Partition>:s3:::${documentsBucketName(config.stage, '<AWS::AccountId>', '<AWS::Region>')}/${BULK_KEY_PREFIX}*`,
      'Each bulk job stores its rows under its own key; access is limited to the bulk-jobs/ prefix.',
    );
    for (const withReports of ['staffReports', 'operatorApi']) {
      acknowledgeWildcard(
        this.functions[withReports]!.role,
        reportObjects,
        'Objects are per report period; access is limited to the reports/ prefix of the documents bucket.',
      );
    }
  }
}
