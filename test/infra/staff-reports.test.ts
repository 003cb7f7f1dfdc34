import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedApp, synthApp } from './synth-app.js';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
type Resource = { Type: string; Properties: any; Metadata?: Record<string, string> };

let resources: Record<string, Resource>;
const toArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

beforeAll(() => {
  const app: SynthesizedApp = synthApp({ context: { staffReportAddress: 'training.staff@saypro.online' } });
  resources = app.statelessTemplate.toJSON().Resources;
});

const functionIdOf = (handler: string) =>
  Object.entries(resources).find(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['saypro:handler'] === handler,
  )![0];

/** Every policy statement on the role of the function with this handler. */
function statementsOf(handler: string) {
  const role = resources[functionIdOf(handler)]!.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Record<string, unknown>[]);
}

describe('the staff reports schedule', () => {
  it('runs the staff-reports function on the 1st of every month at 06:00 UTC, with the staff address', () => {
    const rule = Object.values(resources).find(
      (r) => r.Type === 'AWS::Events::Rule' && r.Properties.ScheduleExpression === 'cron(0 6 1 * ? *)',
    );
    expect(rule).toBeDefined();
    expect(rule!.Properties.Targets[0].Arn['Fn::GetAtt'][0]).toBe(functionIdOf('staff-reports'));
    expect(rule!.Properties.Targets[0].RetryPolicy).toEqual({ MaximumRetryAttempts: 2 });
    const variables = resources[functionIdOf('staff-reports')]!.Properties.Environment.Variables;
    expect(variables.STAFF_REPORT_ADDRESS).toBe('training.staff@saypro.online');
  });

  it('lets it write and read reports/ objects only, send email, and use the registry', () => {
    const statements = statementsOf('staff-reports');
    const s3 = statements.filter((s) => toArray(s.Action as string).some((a) => a.startsWith('s3:')));
    expect(s3.flatMap((s) => toArray(s.Action as string)).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(s3.map((s) => s.Resource))).toMatch(/documents-.*\/reports\/\*/);
    expect(JSON.stringify(s3.map((s) => s.Resource))).not.toContain('certificates/');
    const actions = statements.flatMap((s) => toArray(s.Action as string));
    expect(actions).toEqual(expect.arrayContaining(['ses:SendEmail', 'dynamodb:Query', 'dynamodb:PutItem']));
    expect(actions).not.toContain('kms:Sign');
  });

  it('lets the download function add to report counters, and nothing else in the registry', () => {
    const writes = statementsOf('download-api').filter((s) =>
      toArray(s.Action as string).some((a) => /dynamodb:(Put|Update|Delete)/.test(a)),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]!.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REPORT#*'] },
    });
  });
});
