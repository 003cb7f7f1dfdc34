import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS_BY_COURSE_INDEX } from '../../functions/adapters/aws/approvals-index.js';
import { synthApp } from './synth-app.js';

type Resources = Record<string, { Type: string; Properties: any; Metadata?: Record<string, string> }>;

let stateful: Template;
let resources: Resources;

beforeAll(() => {
  const app = synthApp();
  stateful = app.statefulTemplate;
  resources = app.statelessTemplate.toJSON().Resources;
});

const toArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every policy statement of each function's role, by handler name. */
const statementsByHandler = () => {
  const byHandler = new Map<string, Record<string, any>[]>();
  for (const fn of Object.values(resources)) {
    const handler = fn.Metadata?.['saypro:handler'];
    if (fn.Type !== 'AWS::Lambda::Function' || !handler) continue;
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    byHandler.set(
      handler,
      Object.values(resources)
        .filter(
          (r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleId),
        )
        .flatMap((r) => r.Properties.PolicyDocument.Statement as Record<string, any>[]),
    );
  }
  return byHandler;
};

describe('the approvals-by-course index', () => {
  it('is on the approvals table, keyed on the course and the approval time, keys only', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'approvalId', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: APPROVALS_BY_COURSE_INDEX,
          KeySchema: [
            { AttributeName: 'courseId', KeyType: 'HASH' },
            { AttributeName: 'approvedAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ]),
      AttributeDefinitions: Match.arrayWith([{ AttributeName: 'approvedAt', AttributeType: 'S' }]),
    });
  });

  it('is queried by the operator API alone, with Query and no other action', () => {
    const onIndex = new Map<string, Record<string, any>[]>();
    for (const [handler, statements] of statementsByHandler()) {
      const naming = statements.filter((s) =>
        JSON.stringify(s.Resource).includes(`/index/${APPROVALS_BY_COURSE_INDEX}`),
      );
      if (naming.length) onIndex.set(handler, naming);
      // No function gets every index of a table.
      for (const s of statements) expect(JSON.stringify(s.Resource), handler).not.toMatch(/\/index\/\*/);
    }
    expect([...onIndex.keys()]).toEqual(['operator-api']);
    const statements = onIndex.get('operator-api')!;
    expect(statements).toHaveLength(1);
    expect(toArray(statements[0]!.Action)).toEqual(['dynamodb:Query']);
    expect(statements[0]!.Effect).toBe('Allow');
    // The index and nothing else.
    expect(toArray(statements[0]!.Resource)).toHaveLength(1);
  });
});
