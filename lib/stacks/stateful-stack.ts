import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import {
  APPROVALS_BY_COURSE_INDEX,
  APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
} from '../../functions/adapters/aws/approvals-index.js';
import { REGISTRY_TTL_ATTRIBUTE } from '../../functions/adapters/aws/registry-ttl.js';
import { RETENTION } from '../../functions/core/retention.js';
import type { AppConfig } from '../config.js';

/** The documents bucket's name: global, so it carries the account and region. */
export function documentsBucketName(stage: string, account: string, region: string): string {
  return `saypro-certificates-${stage}-documents-${account}-${region}`;
}

/**
 * The signing key's alias. Functions sign through it, and key rotation (POST
 * /operator/signing-keys/rotation) moves it to a new key, so IAM grants for signing follow the alias
 * (kms:RequestAlias, kms:ResourceAliases) rather than one key's ARN.
 */
export function signingKeyAliasName(stage: string): string {
  return `alias/saypro-certificates-${stage}-signing`;
}

/** The SES configuration set's name; functions name it when sending. */
export function configurationSetName(stage: string): string {
  return `saypro-certificates-${stage}-mail`;
}

export interface StatefulStackProps extends StackProps {
  readonly config: AppConfig;
}

/**
 * Everything that holds data or identity and must survive a redeploy of the code: tables, the document
 * bucket, the keys and the mail identity. Retained on stack deletion (see docs/deploy.md, tear-down):
 * losing the signing key would make every issued certificate unverifiable.
 */
export class StatefulStack extends Stack {
  readonly dataKey: kms.Key;
  readonly signingKey: kms.Key;
  readonly signingKeyAlias: kms.Alias;
  readonly approvalsTable: dynamodb.Table;
  readonly registryTable: dynamodb.Table;
  readonly documentsBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  /** CloudFront's standard logs, when the edge is on (enableEdge). */
  readonly edgeLogsBucket?: s3.Bucket;
  readonly emailIdentity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** Bounce, complaint and reject events of the configuration set. */
  readonly mailEventsTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prefix = `saypro-certificates-${config.stage}`;

    this.dataKey = new kms.Key(this, 'DataKey', {
      alias: `alias/${prefix}-data`,
      description: 'Encrypts SayPro Certificates tables, documents, queues and topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // SES (mail events) and CloudWatch (alarms) publish to topics encrypted with this key; both services
    // act as themselves, so the key policy has to let them in, limited to this account.
    this.dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesAndCloudWatchToPublishToEncryptedTopics',
        principals: [
          new iam.ServicePrincipal('ses.amazonaws.com'),
          new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    this.signingKey = new kms.Key(this, 'SigningKey', {
      description: 'Signs SayPro certificate digests and credentials (ES256); never leaves KMS',
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Rotation through the operator API moves this alias to a key created at run time; CloudFormation does
    // not move it back unless this construct itself changes (see docs/deploy.md, rotating the signing key).
    this.signingKeyAlias = this.signingKey.addAlias(signingKeyAliasName(config.stage));

    const tableDefaults = {
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    } satisfies Partial<dynamodb.TableProps>;

    this.approvalsTable = new dynamodb.Table(this, 'ApprovalsTable', {
      ...tableDefaults,
      partitionKey: { name: 'approvalId', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });
    this.approvalsTable.addGlobalSecondaryIndex({
      indexName: APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
      partitionKey: { name: 'participantId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'courseId', type: dynamodb.AttributeType.STRING },
    });
    // A course's approvals, newest first (GET /operator/approvals?course=). Keyed on what never changes for
    // an approval and KEYS_ONLY, so status changes never write it; the listing reads the approvals by key.
    this.approvalsTable.addGlobalSecondaryIndex({
      indexName: APPROVALS_BY_COURSE_INDEX,
      partitionKey: { name: 'courseId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'approvedAt', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });

    this.registryTable = new dynamodb.Table(this, 'RegistryTable', {
      ...tableDefaults,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      // Epoch seconds, set only on disposable items (claims, personal-link tokens, the sent-notice log, the
      // access trail; durations in functions/core/retention.ts). Never `expiresAt`: DynamoDB would delete
      // an expired certificate, which verifiers must still find and see as expired.
      timeToLiveAttribute: REGISTRY_TTL_ATTRIBUTE,
    });

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      // Server access log delivery only writes to SSE-S3 buckets, not SSE-KMS.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(365) },
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log target itself; logging it into itself would loop.',
    });

    if (config.enableEdge) {
      this.edgeLogsBucket = new s3.Bucket(this, 'EdgeLogsBucket', {
        // CloudFront's standard log delivery writes with an ACL to an SSE-S3 bucket (not SSE-KMS).
        encryption: s3.BucketEncryption.S3_MANAGED,
        objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        minimumTLSVersion: 1.2,
        serverAccessLogsBucket: this.accessLogsBucket,
        serverAccessLogsPrefix: 'edge-logs/',
        lifecycleRules: [{ id: 'expire-edge-logs', expiration: Duration.days(365) }],
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }

    this.documentsBucket = new s3.Bucket(this, 'DocumentsBucket', {
      bucketName: documentsBucketName(config.stage, this.account, this.region),
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      // One data key per bucket instead of one KMS call per object: keeps KMS requests (and cost) flat.
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [
        { id: 'expire-documents', expiration: Duration.days(config.documentRetentionDays) },
        // Replaced or deleted PDF versions (the retention schedule): also how long an overwritten PDF survives.
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(RETENTION.noncurrentDocumentVersions.days),
        },
        // A delete marker left with no version behind it (after the versions expired) is removed.
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.mailEventsTopic = new sns.Topic(this, 'MailEventsTopic', {
      displayName: 'SayPro Certificates mail bounces and complaints',
      masterKey: this.dataKey,
      enforceSSL: true,
    });

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: configurationSetName(config.stage),
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.mailEventsTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
    });

    const senderDomain = config.senderAddress.split('@')[1]!;
    this.emailIdentity = new ses.EmailIdentity(this, 'SenderIdentity', {
      // A domain identity (Easy DKIM) rather than one address: mail is signed for the domain.
      identity: ses.Identity.domain(senderDomain),
      configurationSet: this.configurationSet,
      mailFromDomain: `mail.${senderDomain}`,
    });

    new CfnOutput(this, 'SigningKeyAliasName', { value: this.signingKeyAlias.aliasName });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.documentsBucket.bucketName });
    this.emailIdentity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}` });
    });
  }
}
