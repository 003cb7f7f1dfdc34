import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BULK_KEY_PREFIX } from '../../lib/constructs/bulk-issuance.js';
import { synthApp } from './synth-app.js';

let stateless: Template;
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON.
let resources: Record<string, { Type: string; Properties: any; Metadata?: Record<string, string> }>;

beforeAll(() => {
  stateless = synthApp().statelessTemplate;
  resources = stateless.toJSON().Resources;
});

const idOfHandler = (handler: string) =>
  Object.entries(resources).find(
    ([, resource]) =>
      resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['saypro:handler'] === handler,
  )?.[0];

/**
 * The state machine's definition as a value: its DefinitionString is an Fn::Join of strings and tokens
 * (the partition, a function's ARN), each written here as its handler name or `<Ref>`.
 */
function definitionOf(logicalId: string) {
  const [separator, parts] = resources[logicalId]!.Properties.DefinitionString['Fn::Join'] as [
    string,
    unknown[],
  ];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const getAtt = (part as { 'Fn::GetAtt'?: [string] })['Fn::GetAtt'];
      if (getAtt)
        return `arn:aws:lambda:eu-west-1:000000000000:function:${resources[getAtt[0]]!.Metadata?.['saypro:handler']}`;
      return `<${(part as { Ref?: string }).Ref ?? 'token'}>`;
    })
    .join(separator);
  return JSON.parse(text);
}

const policyActionsOf = (roleId: string) =>
  Object.values(resources)
    .filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        resource.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId),
    )
    .flatMap(
      (policy) =>
        policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );

describe('bulk issuance in AWS', () => {
  const bulkMachineId = () =>
    Object.entries(resources).find(
      ([id, resource]) =>
        resource.Type === 'AWS::StepFunctions::StateMachine' && id.startsWith('BulkIssuance'),
    )![0];

  it('is a Distributed Map reading the job CSV with an S3 CSV ItemReader, header in the first row', () => {
    const definition = definitionOf(bulkMachineId());
    const map = definition.States.ForEachRow;
    expect(map.Type).toBe('Map');
    expect(map.ItemReader).toEqual({
      Resource: 'arn:<AWS::Partition>:states:::s3:getObject',
      ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
      Parameters: { 'Bucket.$': '$.bucket', 'Key.$': '$.csvKey' },
    });
    expect(map.ItemSelector).toEqual({ 'jobId.$': '$.jobId', 'row.$': '$$.Map.Item.Value', waits: 0 });
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(map.MaxConcurrency).toBe(50);
    expect(map.ToleratedFailurePercentage).toBe(100);
    const recordRow = map.ItemProcessor.States.RecordRow;
    expect(recordRow.Resource).toBe('arn:aws:lambda:eu-west-1:000000000000:function:bulk-row');
    expect(recordRow.Retry[0].ErrorEquals).toEqual(
      expect.arrayContaining(['TransientError', 'States.Timeout']),
    );
  });

  it('keeps each item until its row has finished issuing, so the map bounds the workflows in flight', () => {
    const states = definitionOf(bulkMachineId()).States.ForEachRow.ItemProcessor.States;
    expect(states.RecordRow.Next).toBe('RowFinished');
    expect(states.RowFinished.Choices).toEqual([
      { Variable: '$.recorded.finished', BooleanEquals: true, Next: 'RowDone' },
      { Variable: '$.waits', NumericGreaterThanEquals: 720, Next: 'StopWaiting' },
    ]);
    expect(states.RowFinished.Default).toBe('CountWait');
    expect(states.CountWait.Parameters['waits.$']).toBe('States.MathAdd($.waits, 1)');
    expect(states.WaitForRow).toMatchObject({ Type: 'Wait', Seconds: 5, Next: 'CheckRow' });
    expect(states.CheckRow).toMatchObject({
      Resource: 'arn:aws:lambda:eu-west-1:000000000000:function:bulk-row',
      Parameters: { 'jobId.$': '$.jobId', 'check.$': '$.recorded.row' },
      Next: 'RowFinished',
    });
  });

  it('lets the state machine read only the bulk-jobs/ prefix and invoke only the bulk-row function', () => {
    const roleId = resources[bulkMachineId()]!.Properties.RoleArn['Fn::GetAtt'][0];
    const statements = policyActionsOf(roleId);
    const s3 = statements.filter((statement) => [statement.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3.map((statement) => statement.Action)).toEqual(['s3:GetObject']);
    expect(JSON.stringify(s3[0]!.Resource)).toContain(`/${BULK_KEY_PREFIX}*`);
    const invoked = statements
      .filter((statement) => [statement.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((statement) => [statement.Resource].flat());
    const bulkRow = idOfHandler('bulk-row')!;
    expect(invoked.length).toBeGreaterThan(0);
    for (const resource of invoked) expect(JSON.stringify(resource)).toContain(bulkRow);
  });

  it('gives the operator API the machine to start and the bulk-jobs/ prefix to write, by environment', () => {
    const operatorApi = idOfHandler('operator-api')!;
    const variables = resources[operatorApi]!.Properties.Environment.Variables;
    expect(variables.BULK_STATE_MACHINE_ARN).toEqual({ Ref: bulkMachineId() });
    const roleId = resources[operatorApi]!.Properties.Role['Fn::GetAtt'][0];
    const statements = policyActionsOf(roleId);
    const starts = statements.filter((statement) =>
      [statement.Action].flat().includes('states:StartExecution'),
    );
    expect(JSON.stringify(starts)).toContain(bulkMachineId());
    const puts = statements.filter(
      (statement) =>
        [statement.Action].flat().includes('s3:PutObject') &&
        JSON.stringify(statement.Resource).includes(BULK_KEY_PREFIX),
    );
    expect(puts).toHaveLength(1);
  });

  it('exposes the upload and the job counts behind the operator key', () => {
    stateless.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'bulk-jobs' });
    stateless.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{jobId}' });
  });

  it('keeps rows (names, email addresses) out of the execution logs', () => {
    const logging = resources[bulkMachineId()]!.Properties.LoggingConfiguration;
    expect(logging).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
  });
});
