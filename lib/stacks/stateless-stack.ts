import { Aws, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { renderFunctionCode } from '../bundling/render-function-code.js';
import type { AppConfig } from '../config.js';
import { ApprovalsStreamToWorkflow } from '../constructs/approvals-stream-to-workflow.js';
import { CertificateFunction, type CertificateFunctionProps } from '../constructs/certificate-function.js';
import { CohortIssuance } from '../constructs/cohort-issuance.js';
import { IssuanceWorkflow } from '../constructs/issuance-workflow.js';
import { Operations } from '../constructs/operations.js';
import { VerificationApi } from '../constructs/verification-api.js';
import { acknowledgeWildcard } from '../nag.js';
import { configurationSetName, documentsBucketName, type StatefulStack } from './stateful-stack.js';

/** Certificate PDFs live under this key prefix; S3 grants are scoped to it. */
export const DOCUMENT_KEY_PREFIX = 'certificates/';

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
  readonly approvalsStream: ApprovalsStreamToWorkflow;
  readonly api: VerificationApi;
  readonly operations: Operations;

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
    const issueCertificate = fn('issue-certificate', 'Renders, signs and stores the certificate PDF', {
      code: renderFunctionCode('issue-certificate'),
      memorySize: 1024,
      environment: { ...environment, CERTIFICATE_FONT_DIR: '/var/task/fonts' },
    });
    const deliverCertificate = fn('deliver-certificate', 'Emails the certificate download link');
    const notifyNotEligible = fn('notify-not-eligible', 'Tells the participant what is still missing');
    const recordFailure = fn('record-failure', 'Records a failed issuance on the approval');
    const operatorApi = fn('operator-api', 'Operator routes: approvals and administration');
    const publicApi = fn('public-api', 'Public routes: verification, downloads, credential, JWKS');
    const mailEvents = fn('mail-events', 'SES bounce and complaint events');
    this.functions = {
      onApproval,
      checkEligibility,
      issueCertificate,
      deliverCertificate,
      notifyNotEligible,
      recordFailure,
      operatorApi,
      publicApi,
      mailEvents,
    };

    // Grants: exactly what each handler's use case touches.
    const { approvalsTable, registryTable, signingKey, dataKey } = stateful;
    approvalsTable.grantReadWriteData(onApproval.role);
    approvalsTable.grantReadWriteData(checkEligibility.role);
    registryTable.grantReadData(checkEligibility.role);
    approvalsTable.grantReadWriteData(issueCertificate.role);
    registryTable.grantReadWriteData(issueCertificate.role);
    signingKey.grant(issueCertificate.role, 'kms:Sign');
    approvalsTable.grantReadWriteData(deliverCertificate.role);
    registryTable.grantReadWriteData(deliverCertificate.role);
    approvalsTable.grantReadWriteData(notifyNotEligible.role);
    registryTable.grantReadData(notifyNotEligible.role);
    approvalsTable.grantReadWriteData(recordFailure.role);
    approvalsTable.grantReadWriteData(operatorApi.role);
    registryTable.grantReadWriteData(operatorApi.role);
    registryTable.grantReadData(publicApi.role);
    signingKey.grant(publicApi.role, 'kms:GetPublicKey', 'kms:DescribeKey');

    // Documents: plain actions on the certificates/ prefix (the bucket grants add action wildcards).
    // Built from the bucket's name pattern, not imported from the stateful stack: keeps the policy readable.
    const documentObjects = `arn:${Aws.PARTITION}:s3:::${documentsBucketName(config.stage, Aws.ACCOUNT_ID, Aws.REGION)}/${DOCUMENT_KEY_PREFIX}*`;
    issueCertificate.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [documentObjects] }),
    );
    dataKey.grant(issueCertificate.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    // The public API presigns download URLs with its own credentials, so it needs to read the objects.
    publicApi.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [documentObjects] }),
    );
    dataKey.grant(publicApi.role, 'kms:Decrypt');

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

    this.issuanceWorkflow = new IssuanceWorkflow(this, 'IssuanceWorkflow', {
      stateMachineName: `${prefix}-issuance`,
      checkEligibility: checkEligibility.function,
      issueCertificate: issueCertificate.function,
      deliverCertificate: deliverCertificate.function,
      notifyNotEligible: notifyNotEligible.function,
      recordFailure: recordFailure.function,
    });
    this.cohortIssuance = new CohortIssuance(this, 'CohortIssuance', {
      stateMachineName: `${prefix}-cohort-issuance`,
      issuanceStateMachine: this.issuanceWorkflow.stateMachine,
    });
    this.approvalsStream = new ApprovalsStreamToWorkflow(this, 'ApprovalsStreamToWorkflow', {
      table: approvalsTable,
      function: onApproval.function,
      stateMachine: this.issuanceWorkflow.stateMachine,
      encryptionKey: stateful.dataKey,
    });

    stateful.mailEventsTopic.addSubscription(new subscriptions.LambdaSubscription(mailEvents.function));

    this.api = new VerificationApi(this, 'VerificationApi', {
      publicFunction: publicApi.function,
      operatorFunction: operatorApi.function,
      allowedOrigin: new URL(config.verificationBaseUrl).origin,
      wafRateLimit: config.enableWaf ? config.wafRateLimit : undefined,
    });
    this.api.addOperatorRoute(['approvals'], 'GET');
    this.api.addOperatorRoute(['approvals', '{approvalId}'], 'GET');
    this.api.addOperatorRoute(['courses', '{courseId}'], 'PUT');
    this.api.addOperatorRoute(['participants', '{participantId}'], 'PUT');
    this.api.addOperatorRoute(['progress', '{participantId}', '{courseId}'], 'PUT');
    const apiBaseUrl = config.apiBaseUrl ?? this.api.baseUrl;
    for (const certificateFunction of Object.values(this.functions)) {
      (certificateFunction.function as lambda.Function).addEnvironment('API_BASE_URL', apiBaseUrl);
    }

    this.operations = new Operations(this, 'Operations', {
      issuanceStateMachine: this.issuanceWorkflow.stateMachine,
      cohortStateMachine: this.cohortIssuance.stateMachine,
      streamFunction: onApproval.function,
      failedBatchesQueue: this.approvalsStream.failedBatchesQueue,
      api: this.api.api,
      issuingLogGroup: issueCertificate.logGroup,
      verifyingLogGroup: publicApi.logGroup,
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
    acknowledgeWildcard(this.functions.issueCertificate!.role, documentObjects, prefixReason);
    acknowledgeWildcard(this.functions.publicApi!.role, documentObjects, prefixReason);
  }
}
