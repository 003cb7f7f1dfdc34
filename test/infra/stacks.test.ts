import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadRoutes } from '../../functions/handlers/download-api.js';
import { operatorRoutes } from '../../functions/handlers/operator-api.js';
import { participantRoutes } from '../../functions/handlers/participant-api.js';
import { publicRoutes } from '../../functions/handlers/public-api.js';
import { BODY_TOO_LARGE } from '../../functions/handlers/shared/body-limit.js';
import { staffRoutes } from '../../functions/handlers/staff-dashboard.js';
import { parseAppConfig } from '../../lib/config.js';
import { COHORT_MAX_CONCURRENCY } from '../../lib/constructs/cohort-issuance.js';
import { cdkJsonContext, type SynthesizedApp, synthApp } from './synth-app.js';

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> }
>;

let app: SynthesizedApp;
let stateful: Template;
let stateless: Template;
let statelessResources: Resources;

beforeAll(() => {
  app = synthApp();
  stateful = app.statefulTemplate;
  stateless = app.statelessTemplate;
  statelessResources = stateless.toJSON().Resources as Resources;
});

const logicalIdOf = (template: Template, type: string, props: Record<string, unknown>) => {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  expect(found, `${type} matching ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0]!;
};

const functionIdOf = (handlerName: string) => {
  const [id] = Object.entries(statelessResources).find(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['saypro:handler'] === handlerName,
  ) ?? [undefined];
  expect(id, `function for ${handlerName}`).toBeDefined();
  return id!;
};

const toArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every policy statement attached to the role of one function. */
const statementsOf = (handlerName: string) => {
  const fn = statelessResources[functionIdOf(handlerName)]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(statelessResources)
    .filter(
      (r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleId),
    )
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Record<string, any>[]);
};

describe('configuration from cdk.json context', () => {
  it('accepts the committed cdk.json', () => {
    expect(parseAppConfig(cdkJsonContext()).stage).toBe('dev');
  });

  it('names the bad key', () => {
    expect(() => parseAppConfig({ ...cdkJsonContext(), senderAddress: 'not-an-address' })).toThrow(
      /"senderAddress" must be an email address/,
    );
    expect(() => parseAppConfig({ ...cdkJsonContext(), documentRetentionDays: 'ten' })).toThrow(
      /"documentRetentionDays"/,
    );
  });

  it('reads strings given with -c on the command line', () => {
    const config = parseAppConfig({ ...cdkJsonContext(), enableWaf: 'true', documentRetentionDays: '400' });
    expect(config.enableWaf).toBe(true);
    expect(config.documentRetentionDays).toBe(400);
  });
});

describe('stateful stack', () => {
  it('encrypts both tables with the customer-managed key and keeps point-in-time recovery', () => {
    const dataKey = logicalIdOf(stateful, 'AWS::KMS::Key', { EnableKeyRotation: true });
    for (const keySchema of [
      [{ AttributeName: 'approvalId', KeyType: 'HASH' }],
      [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    ]) {
      stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: keySchema,
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [dataKey, 'Arn'] },
        },
      });
    }
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'approvalId', KeyType: 'HASH' }],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'ttlEpochSeconds', Enabled: true },
    });
  });

  it('keeps documents private, SSE-KMS, versioned, logged, and expiring old versions and uploads', () => {
    const dataKey = logicalIdOf(stateful, 'AWS::KMS::Key', { EnableKeyRotation: true });
    const documents = logicalIdOf(stateful, 'AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [dataKey, 'Arn'] },
            },
          }),
        ],
      },
    });
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'documents/' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ ExpirationInDays: 3650, Status: 'Enabled' }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
        ]),
      },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: documents },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('signs with an ECC P-256 key behind the stage alias, retained', () => {
    const signingKey = logicalIdOf(stateful, 'AWS::KMS::Key', {
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
    });
    stateful.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ KeySpec: 'ECC_NIST_P256' }),
      DeletionPolicy: 'Retain',
    });
    stateful.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/saypro-certificates-dev-signing',
      TargetKeyId: { 'Fn::GetAtt': [signingKey, 'Arn'] },
    });
  });

  it('sends bounce and complaint events of the configuration set to an encrypted topic', () => {
    const topic = logicalIdOf(stateful, 'AWS::SNS::Topic', {
      DisplayName: Match.stringLikeRegexp('bounces'),
    });
    stateful.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: topic } },
      },
    });
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'saypro.online' });
    stateful.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: Match.stringLikeRegexp('bounces'),
      KmsMasterKeyId: Match.anyValue(),
    });
  });
});

describe('functions', () => {
  it('all run Node.js 22 on arm64 with the shared environment', () => {
    const functions = Object.values(statelessResources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions.map((f) => f.Metadata?.['saypro:handler']).sort()).toEqual([
      'bulk-row',
      'check-eligibility',
      'deliver-certificate',
      'download-api',
      'expiry-reminders',
      'issue-certificate',
      'mail-events',
      'notify-not-eligible',
      'on-approval',
      'operations-sweep',
      'operator-api',
      'participant-api',
      'public-api',
      'record-failure',
      'request-consent',
      'staff-dashboard',
      'staff-reports',
      'webhook-delivery',
    ]);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining([
          'APPROVALS_TABLE',
          'REGISTRY_TABLE',
          'DOCUMENTS_BUCKET',
          'SIGNING_KEY_ID',
          'SENDER_ADDRESS',
          'VERIFICATION_BASE_URL',
          'API_BASE_URL',
          'SES_CONFIGURATION_SET',
          'DOWNLOAD_LINK_TTL_DAYS',
          'POWERTOOLS_SERVICE_NAME',
          'NODE_OPTIONS',
          'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
        ]),
      );
    }
    // Both functions that render a PDF (issuing, and corrections on the operator API) carry the fonts.
    for (const rendering of ['issue-certificate', 'operator-api']) {
      const render = statelessResources[functionIdOf(rendering)]!;
      expect(render.Properties.Environment.Variables.CERTIFICATE_FONT_DIR, rendering).toBe('/var/task/fonts');
      expect(render.Properties.MemorySize, rendering).toBe(1024);
      expect(render.Properties.Handler, rendering).toBe('index.handler');
    }
    // The stream starts workflows; the operator API restarts failed approvals (POST .../retry).
    for (const starter of ['on-approval', 'operator-api']) {
      const fn = statelessResources[functionIdOf(starter)]!;
      expect(fn.Properties.Environment.Variables.STATE_MACHINE_ARN, starter).toEqual({
        Ref: expect.any(String),
      });
      const issuance = fn.Properties.Environment.Variables.STATE_MACHINE_ARN.Ref as string;
      const starting = statementsOf(starter).filter((st) =>
        toArray(st.Action).includes('states:StartExecution'),
      );
      expect(JSON.stringify(starting.map((st) => st.Resource)), starter).toContain(issuance);
    }
  });

  const allHandlers = [
    'on-approval',
    'check-eligibility',
    'issue-certificate',
    'deliver-certificate',
    'notify-not-eligible',
    'request-consent',
    'record-failure',
    'operator-api',
    'public-api',
    'download-api',
    'mail-events',
  ];
  const actionsOf = (statement: Record<string, any>) => toArray(statement.Action as string | string[]);
  /** `arn:<partition>:kms:<region>:<account>:key/*`, as a Fn::Join in the template. */
  const kmsKeysPattern = /":kms:",.*":key\/\*"/;

  it('grants each function only resources, never "*", for KMS, DynamoDB and S3 (CreateKey aside)', () => {
    for (const handlerName of allHandlers) {
      for (const statement of statementsOf(handlerName)) {
        // dynamodb:ListStreams (stream consumer) has no resource-level permissions.
        const actions = actionsOf(statement).filter((a) => a !== 'dynamodb:ListStreams');
        if (actions.some((action) => /^(kms|dynamodb|s3|ses|states):/.test(action))) {
          if (actions.includes('kms:CreateKey')) {
            // CreateKey names no resource; it is bound by conditions instead (tested below).
            expect(actions, handlerName).toEqual(['kms:CreateKey']);
            continue;
          }
          expect(toArray(statement.Resource), `${handlerName}: ${actions}`).not.toContain('*');
        }
      }
    }
  });

  it('lets only issuing and corrections sign, and only with the key behind the signing alias', () => {
    const alias = 'alias/saypro-certificates-dev-signing';
    for (const handlerName of allHandlers) {
      const signing = statementsOf(handlerName).filter((s) => actionsOf(s).includes('kms:Sign'));
      if (handlerName !== 'issue-certificate' && handlerName !== 'operator-api') {
        expect(signing, handlerName).toEqual([]);
        continue;
      }
      // Through the alias (at once after a rotation), or by key ARN while the key carries the alias.
      expect(signing.map((s) => s.Condition)).toEqual([
        { StringEquals: { 'kms:RequestAlias': alias } },
        { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias } },
      ]);
      for (const statement of signing) {
        expect(actionsOf(statement).sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
        expect(JSON.stringify(statement.Resource)).toMatch(kmsKeysPattern);
      }
    }
  });

  it('lets only the operator API rotate: create P-256 signing keys and move the signing alias', () => {
    const spec = { StringEquals: { 'kms:KeySpec': 'ECC_NIST_P256', 'kms:KeyUsage': 'SIGN_VERIFY' } };
    for (const handlerName of allHandlers) {
      const rotating = statementsOf(handlerName).filter((s) =>
        actionsOf(s).some((a) => a === 'kms:CreateKey' || a === 'kms:UpdateAlias'),
      );
      if (handlerName !== 'operator-api') {
        expect(rotating, handlerName).toEqual([]);
        continue;
      }
      const createKey = rotating.filter((s) => actionsOf(s).includes('kms:CreateKey'));
      expect(createKey).toHaveLength(1);
      expect(createKey[0]!.Condition).toEqual(spec);
      const updateAlias = rotating.filter((s) => actionsOf(s).includes('kms:UpdateAlias'));
      const onAlias = updateAlias.filter((s) =>
        JSON.stringify(s.Resource).includes(':alias/saypro-certificates-dev-signing'),
      );
      expect(onAlias).toHaveLength(1);
      expect(onAlias[0]!.Condition).toBeUndefined();
      const onKeys = updateAlias.filter((s) => kmsKeysPattern.test(JSON.stringify(s.Resource)));
      expect(onKeys).toHaveLength(1);
      expect(onKeys[0]!.Condition).toEqual(spec);
      expect(updateAlias).toHaveLength(2);
    }
  });

  it('keeps verification to reading the registry, and downloads to reading certificates/ objects', () => {
    const registry = logicalIdOf(app.statefulTemplate, 'AWS::DynamoDB::Table', {
      KeySchema: Match.arrayWith([Match.objectLike({ AttributeName: 'pk' })]),
    });
    const publicActions = statementsOf('public-api').flatMap(actionsOf);
    expect(publicActions.filter((a) => /^(s3|ses|states):/.test(a))).toEqual([]);
    expect(publicActions).not.toContain('kms:Sign');
    expect(publicActions).not.toContain('kms:GetPublicKey');
    expect(publicActions).not.toContain('dynamodb:PutItem');
    // Its one write: adding to the report counters (page views, LinkedIn shares), REPORT#… items only.
    const updates = statementsOf('public-api').filter((s) => actionsOf(s).includes('dynamodb:UpdateItem'));
    expect(updates).toHaveLength(1);
    expect(actionsOf(updates[0]!)).toEqual(['dynamodb:UpdateItem']);
    expect(updates[0]!.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REPORT#*'] },
    });
    const readsRegistry = statementsOf('public-api').some(
      (s) => actionsOf(s).includes('dynamodb:GetItem') && JSON.stringify(s.Resource).includes(registry),
    );
    expect(readsRegistry).toBe(true);

    const downloadS3 = statementsOf('download-api').filter((s) =>
      actionsOf(s).some((a) => a.startsWith('s3:')),
    );
    expect(downloadS3.flatMap(actionsOf)).toEqual(['s3:GetObject']);
    expect(JSON.stringify(downloadS3[0]!.Resource)).toMatch(/documents-.*\/certificates\/\*/);
    const operatorS3 = statementsOf('operator-api').filter(
      (s) =>
        actionsOf(s).some((a) => a.startsWith('s3:')) && JSON.stringify(s.Resource).includes('certificates/'),
    );
    // Writes (corrections) and, for erasure, deletes of every version (test/infra/retention-and-erasure.test.ts).
    // (ListBucketVersions is on the bucket, bounded by an s3:prefix condition: asserted in that file.)
    expect(operatorS3.flatMap(actionsOf).sort()).toEqual([
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:PutObject',
    ]);
    expect(JSON.stringify(operatorS3[0]!.Resource)).toMatch(/documents-.*\/certificates\/\*/);
  });

  it('lets the mail-events function write delivery state on the registry', () => {
    const registry = logicalIdOf(app.statefulTemplate, 'AWS::DynamoDB::Table', {
      KeySchema: Match.arrayWith([Match.objectLike({ AttributeName: 'pk' })]),
    });
    const onRegistry = statementsOf('mail-events').filter((s) =>
      JSON.stringify(s.Resource).includes(registry),
    );
    expect(onRegistry.flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem']),
    );
  });

  it('gives the eligibility check read-only access to the registry', () => {
    const registry = logicalIdOf(app.statefulTemplate, 'AWS::DynamoDB::Table', {
      KeySchema: Match.arrayWith([Match.objectLike({ AttributeName: 'pk' })]),
    });
    const onRegistry = statementsOf('check-eligibility').filter((s) =>
      JSON.stringify(s.Resource).includes(registry),
    );
    const unconditional = onRegistry.filter((s) => !s.Condition);
    const actions = unconditional.flatMap((s) => toArray(s.Action)).filter((a) => a.startsWith('dynamodb:'));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:UpdateItem');
    // Its only writes: the approval status pointers, by leading key.
    const pointerWrites = onRegistry.filter((s) => s.Condition);
    expect(pointerWrites.flatMap((s) => toArray(s.Action)).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
    ]);
    for (const statement of pointerWrites)
      expect(statement.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['APPROVALS#*', 'APPROVALS-AWAITING-EMAIL'] },
      });
  });

  it('sends mail only through the identity and configuration set', () => {
    for (const sender of ['deliver-certificate', 'notify-not-eligible', 'operator-api', 'expiry-reminders']) {
      const sending = statementsOf(sender).filter((s) => toArray(s.Action).includes('ses:SendEmail'));
      expect(sending, sender).toHaveLength(1);
      expect(JSON.stringify(sending[0]!.Resource)).toMatch(/configuration-set\/saypro-certificates-dev-mail/);
    }
    for (const silent of [
      'public-api',
      'download-api',
      'mail-events',
      'issue-certificate',
      'operations-sweep',
    ]) {
      expect(
        statementsOf(silent).some((s) => toArray(s.Action).includes('ses:SendEmail')),
        silent,
      ).toBe(false);
    }
  });
});

describe('issuance path', () => {
  it('feeds only INSERT records to on-approval, bisecting, reporting item failures, bounded, to an encrypted queue', () => {
    const queue = logicalIdOf(stateless, 'AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionIdOf('on-approval') },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
      StartingPosition: 'TRIM_HORIZON',
    });
  });

  it('is a STANDARD workflow with the agreed states, retries and catches', () => {
    const [definition] = Object.values(statelessResources)
      .filter(
        (r) =>
          r.Type === 'AWS::StepFunctions::StateMachine' &&
          r.Properties.StateMachineName?.endsWith('-issuance'),
      )
      .map((r) => r.Properties);
    expect(definition?.StateMachineType).toBe('STANDARD');
    expect(definition?.LoggingConfiguration?.Level).toBe('ALL');
    expect(definition?.TracingConfiguration).toEqual({ Enabled: true });
  });

  it('caps the cohort Distributed Map at the KMS-derived concurrency', () => {
    const cohort = Object.values(statelessResources).find(
      (r) =>
        r.Type === 'AWS::StepFunctions::StateMachine' &&
        r.Properties.StateMachineName?.endsWith('-cohort-issuance'),
    );
    const parts = cohort!.Properties.DefinitionString['Fn::Join'][1] as unknown[];
    // Intrinsics (ARNs) sit inside JSON strings: a placeholder keeps the document parseable.
    const text = parts.map((p) => (typeof p === 'string' ? p : 'INTRINSIC')).join('');
    const asl = JSON.parse(text);
    const map = asl.States.ForEachApproval;
    expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    expect(map.MaxConcurrency).toBe(COHORT_MAX_CONCURRENCY);
    expect(COHORT_MAX_CONCURRENCY).toBe(50);
    expect(map.ItemProcessor.States.IssueOne.Parameters['Name.$']).toBe('$.approvalId');
  });
});

describe('verification API', () => {
  /** Each API method (OPTIONS aside): its route, whether it needs the key, and the handler it invokes. */
  const routesOf = (template: Template) => {
    const resources = template.toJSON().Resources as Resources;
    const pathOf = (ref: { Ref?: string }): string => {
      if (!ref.Ref) return ''; // the API's root resource (Fn::GetAtt)
      const resource = resources[ref.Ref]!;
      return `${pathOf(resource.Properties.ParentId)}/${resource.Properties.PathPart}`;
    };
    const handlerOf = (integrationUri: unknown) => {
      const uri = JSON.stringify(integrationUri);
      const [, fn] =
        Object.entries(resources).find(
          ([id, r]) => r.Type === 'AWS::Lambda::Function' && uri.includes(`"${id}"`),
        ) ?? [];
      return fn?.Metadata?.['saypro:handler'] as string | undefined;
    };
    return Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod !== 'OPTIONS')
      .map((r) => ({
        route: `${r.Properties.HttpMethod} ${pathOf(r.Properties.ResourceId) || '/'}`,
        apiKeyRequired: r.Properties.ApiKeyRequired === true,
        handler: handlerOf(r.Properties.Integration.Uri),
      }));
  };

  it('serves every route the handlers declare, keyed exactly where they are operator routes', () => {
    const routes = routesOf(stateless).map(({ route, apiKeyRequired }) => ({ route, apiKeyRequired }));
    const declared = [
      ...publicRoutes(() => ({}) as never).map((r) => ({
        route: `${r.method} ${r.resource}`,
        apiKeyRequired: false,
      })),
      ...downloadRoutes(() => ({}) as never).map((r) => ({
        route: `${r.method} ${r.resource}`,
        apiKeyRequired: false,
      })),
      ...operatorRoutes(() => ({}) as never).map((r) => ({
        route: `${r.method} ${r.resource}`,
        apiKeyRequired: true,
      })),
      ...staffRoutes(() => ({}) as never).map((r) => ({
        route: `${r.method} ${r.resource}`,
        apiKeyRequired: false,
      })),
      ...participantRoutes(() => ({}) as never).map((r) => ({
        route: `${r.method} ${r.resource}`,
        apiKeyRequired: false,
      })),
    ];
    expect(routes).toEqual(expect.arrayContaining(declared));
    // Nothing in the API that no handler serves.
    expect(routes.map((r) => r.route).sort()).toEqual(declared.map((r) => r.route).sort());
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /certificates/{number}',
        'GET /certificates/{number}/download',
        'GET /certificates/{number}/credential',
        'GET /verify',
        'GET /verify/{number}',
        'POST /verify',
        'GET /issuer',
        'GET /.well-known/jwks.json',
        'POST /approvals',
        'POST /operator/certificates/{number}/revocation',
        'POST /operator/certificates/{number}/corrections',
        'GET /operator/signing-keys',
        'POST /operator/signing-keys/rotation',
        'POST /operator/signing-keys/{kid}/compromise',
      ]),
    );
    for (const { route, apiKeyRequired } of routes) {
      expect(route).not.toMatch(/proxy\+/);
      expect(apiKeyRequired, route).toBe(route === 'POST /approvals' || route.includes(' /operator/'));
    }
    stateless.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
  });

  it('sends each route to the function whose handler declares it', () => {
    const served = Object.fromEntries(routesOf(stateless).map(({ route, handler }) => [route, handler]));
    const expected = {
      ...Object.fromEntries(
        publicRoutes(() => ({}) as never).map((r) => [`${r.method} ${r.resource}`, 'public-api']),
      ),
      ...Object.fromEntries(
        downloadRoutes(() => ({}) as never).map((r) => [`${r.method} ${r.resource}`, 'download-api']),
      ),
      ...Object.fromEntries(
        operatorRoutes(() => ({}) as never).map((r) => [`${r.method} ${r.resource}`, 'operator-api']),
      ),
      ...Object.fromEntries(
        participantRoutes(() => ({}) as never).map((r) => [`${r.method} ${r.resource}`, 'participant-api']),
      ),
      ...Object.fromEntries(
        staffRoutes(() => ({}) as never).map((r) => [`${r.method} ${r.resource}`, 'staff-dashboard']),
      ),
    };
    expect(served).toEqual(expected);
  });

  it('answers a body over the 10 MB limit with the same JSON as the handlers', () => {
    stateless.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'REQUEST_TOO_LARGE',
      StatusCode: '413',
      ResponseTemplates: { 'application/json': JSON.stringify(BODY_TOO_LARGE) },
    });
  });

  it('passes uploaded PDFs and multipart forms through as binary', () => {
    stateless.hasResourceProperties('AWS::ApiGateway::RestApi', {
      BinaryMediaTypes: Match.arrayWith(['application/pdf', 'multipart/form-data']),
    });
  });

  it('throttles the stage and writes JSON access logs', () => {
    stateless.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
          DataTraceEnabled: false,
        }),
      ]),
    });
  });

  it('allows CORS only from the verification site, and not on operator routes', () => {
    const options = Object.values(statelessResources).filter(
      (r) => r.Type === 'AWS::ApiGateway::Method' && r.Properties.HttpMethod === 'OPTIONS',
    );
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const headers = option.Properties.Integration.IntegrationResponses[0].ResponseParameters;
      expect(headers['method.response.header.Access-Control-Allow-Origin']).toBe(
        "'https://verify.saypro.online'",
      );
    }
    const operatorOptions = routesOf(stateless).filter((r) => r.route.startsWith('OPTIONS'));
    expect(operatorOptions).toEqual([]);
  });

  it('adds a WAF rate-based rule only when enableWaf is set', () => {
    stateless.resourceCountIs('AWS::WAFv2::WebACL', 0);
    const withWaf = synthApp({ context: { enableWaf: true, wafRateLimit: 500 } }).statelessTemplate;
    withWaf.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: 'IP' } },
        }),
      ],
    });
    withWaf.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });
});

describe('operations', () => {
  it('alarms to one topic on workflow failures, iterator age, queue depth and API 5xx', () => {
    const alarms = Object.values(statelessResources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const watched = alarms.map((a) => JSON.stringify(a.Properties.MetricName ?? a.Properties.Metrics));
    for (const metric of [
      'ExecutionsFailed',
      'IteratorAge',
      'ApproximateNumberOfMessagesVisible',
      '5XXError',
    ]) {
      expect(
        watched.some((w) => w.includes(metric)),
        metric,
      ).toBe(true);
    }
    const topics = new Set(alarms.map((a) => JSON.stringify(a.Properties.AlarmActions)));
    expect(topics.size).toBe(1);
  });

  it('runs the operations sweep every 15 minutes and the expiry reminders daily, and alarms on what they count', () => {
    const rules = Object.values(statelessResources).filter((r) => r.Type === 'AWS::Events::Rule');
    const targetOf = (schedule: string) => {
      const rule = rules.find((r) => r.Properties.ScheduleExpression === schedule);
      expect(rule, schedule).toBeDefined();
      return rule!.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string;
    };
    expect(targetOf('rate(15 minutes)')).toBe(functionIdOf('operations-sweep'));
    expect(targetOf('cron(0 7 * * ? *)')).toBe(functionIdOf('expiry-reminders'));
    // The sweep may restart issuance, and only that; reminders send mail.
    expect(
      statementsOf('operations-sweep').some((s) => toArray(s.Action).includes('states:StartExecution')),
    ).toBe(true);
    const alarms = Object.values(statelessResources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    for (const metric of [
      'OverdueApprovals',
      'ApprovalsNeedingAttention',
      'StuckClaims',
      'ExpiryRemindersFailed',
    ]) {
      const alarm = alarms.find((a) => a.Properties.MetricName === metric);
      expect(alarm, metric).toBeDefined();
      expect(alarm!.Properties.Namespace).toBe('SayProCertificates');
      // Powertools Metrics publishes with the service as its one dimension: the alarm must name it too.
      expect(alarm!.Properties.Dimensions[0].Name).toBe('service');
    }
  });

  it('counts issued and not-eligible ends from the workflow log, and verifications per API resource', () => {
    const workflowLogs = app.stateless.getLogicalId(
      app.stateless.issuanceWorkflow.logGroup.node.defaultChild as CfnElement,
    );
    for (const endState of ['Issued', 'NotEligible']) {
      stateless.hasResourceProperties('AWS::Logs::MetricFilter', {
        FilterPattern: `{ ($.type = "SucceedStateEntered") && ($.details.name = "${endState}") }`,
        LogGroupName: { Ref: workflowLogs },
      });
    }
    const [dashboard] = Object.values(statelessResources).filter(
      (r) => r.Type === 'AWS::CloudWatch::Dashboard',
    );
    const [, parts] = dashboard!.Properties.DashboardBody['Fn::Join'] as [string, unknown[]];
    const body = parts.map((part) => (typeof part === 'string' ? part : 'TOKEN')).join('');
    for (const fragment of [
      'ExecutionsFailed',
      'ExecutionsSucceeded',
      'CertificatesIssued',
      'ApprovalsNotEligible',
    ]) {
      expect(body, fragment).toContain(fragment);
    }
    for (const resource of ['/certificates/{number}', '/verify/{number}', '/verify']) {
      expect(body).toContain(`"Resource","${resource}"`);
    }
    expect(body).toContain('"AWS/ApiGateway","Count","ApiName","saypro-certificates-dev"');
  });

  it('subscribes the mail-events function to the bounce topic', () => {
    stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [functionIdOf('mail-events'), 'Arn'] },
    });
  });
});
