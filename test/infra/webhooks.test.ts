import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthApp } from './synth-app.js';

let stateless: Template;
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

describe('webhook delivery in AWS', () => {
  it('runs the webhook-delivery function every minute, with retries of a failed invocation', () => {
    const functionId = idOfHandler('webhook-delivery');
    expect(functionId).toBeDefined();
    stateless.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: Match.arrayWith([
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        }),
      ]),
    });
    expect(resources[functionId!]!.Properties.Timeout).toBe(120);
  });

  it('gives the function the registry table and nothing to send mail, sign or start workflows with', () => {
    const functionId = idOfHandler('webhook-delivery')!;
    const roleId = resources[functionId]!.Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(resources).filter(
      (resource) =>
        resource.Type === 'AWS::IAM::Policy' &&
        resource.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId),
    );
    const actions = policies.flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.flatMap((statement: { Action: string | string[] }) =>
        [statement.Action].flat(),
      ),
    );
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem']),
    );
    expect(actions.filter((action) => /^(ses|kms:Sign|states|s3):/.test(action))).toEqual([]);
    expect(actions.some((action) => action.startsWith('ses:') || action === 'kms:Sign')).toBe(false);
  });

  it('exposes the webhook routes behind the operator key', () => {
    for (const path of ['webhooks', '{endpointId}', 'deliveries', 'replay', 'enable']) {
      stateless.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: path });
    }
    stateless.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'DELETE',
      ApiKeyRequired: true,
    });
  });

  it('alarms when a delivery used every retry', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'WebhookDeliveriesGivenUp',
      Namespace: 'SayProCertificates',
    });
  });
});
