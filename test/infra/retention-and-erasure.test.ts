import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_TTL_ATTRIBUTE } from '../../functions/adapters/aws/registry-ttl.js';
import { RETENTION } from '../../functions/core/retention.js';
import { type SynthesizedApp, synthApp } from './synth-app.js';

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}
interface Resource {
  Type: string;
  Properties: {
    Role: { 'Fn::GetAtt': [string, string] };
    Roles: { Ref: string }[];
    PolicyDocument: { Statement: Statement[] };
  };
  Metadata?: Record<string, string>;
}
type Resources = Record<string, Resource>;

let app: SynthesizedApp;
let stateful: Template;
let statelessResources: Resources;

beforeAll(() => {
  app = synthApp();
  stateful = app.statefulTemplate;
  statelessResources = app.statelessTemplate.toJSON().Resources as Resources;
});

/** Every policy statement on the operator API function's role. */
function operatorStatements() {
  const [, fn] = Object.entries(statelessResources).find(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['saypro:handler'] === 'operator-api',
  )!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(statelessResources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role) => role.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
}

const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

describe('the retention schedule in the stacks', () => {
  it('lets DynamoDB expire registry items by the TTL attribute the adapters set', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: Match.arrayWith([{ AttributeName: 'pk', KeyType: 'HASH' }]),
      TimeToLiveSpecification: { AttributeName: REGISTRY_TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('expires noncurrent PDF versions after the scheduled days and removes orphaned delete markers', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.anyValue(),
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Id: 'expire-noncurrent-versions',
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: RETENTION.noncurrentDocumentVersions.days },
          }),
          Match.objectLike({ Id: 'remove-expired-delete-markers', ExpiredObjectDeleteMarker: true }),
        ]),
      },
    });
  });

  it('keeps point-in-time recovery on both tables: the 35-day residual the policy states', () => {
    const tables = stateful.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(2);
    for (const table of Object.values(tables))
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(RETENTION.backups.days).toBe(35);
  });
});

describe('the erasure grants of the operator API', () => {
  it('may delete objects and their versions under certificates/ only, and list versions under that prefix', () => {
    const statements = operatorStatements();
    const deletes = statements.filter((s) => actionsOf(s).includes('s3:DeleteObjectVersion'));
    expect(deletes).toHaveLength(1);
    // CDK merges it with the PutObject statement on the same objects; no action wildcard either way.
    expect(actionsOf(deletes[0]!)).toEqual(
      expect.arrayContaining(['s3:DeleteObject', 's3:DeleteObjectVersion']),
    );
    expect(actionsOf(deletes[0]!).filter((action) => action.includes('*'))).toEqual([]);
    expect(JSON.stringify(deletes[0]!.Resource)).toMatch(/documents-.*\/certificates\/\*"/);

    const listings = statements.filter((s) => actionsOf(s).includes('s3:ListBucketVersions'));
    expect(listings).toHaveLength(1);
    expect(actionsOf(listings[0]!)).toEqual(['s3:ListBucketVersions']);
    expect(JSON.stringify(listings[0]!.Resource)).not.toContain('*');
    expect(listings[0]!.Condition).toEqual({ StringLike: { 's3:prefix': ['certificates/*'] } });
  });

  it('gives no other function S3 delete rights', () => {
    const deleters = Object.values(statelessResources).filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        r.Properties.PolicyDocument.Statement.some((s) =>
          actionsOf(s).some((action) => action.startsWith('s3:Delete')),
        ),
    );
    expect(deleters).toHaveLength(1);
  });

  it('may delete registry items (DeleteItem on the registry table)', () => {
    const tableDeletes = operatorStatements().filter((s) => actionsOf(s).includes('dynamodb:DeleteItem'));
    expect(tableDeletes.length).toBeGreaterThan(0);
  });
});
