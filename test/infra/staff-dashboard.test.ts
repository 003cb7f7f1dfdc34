import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthApp } from './synth-app.js';

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> }
>;

let stateless: Template;
let resources: Resources;

beforeAll(() => {
  stateless = synthApp().statelessTemplate;
  resources = stateless.toJSON().Resources as Resources;
});

describe('staff dashboard', () => {
  it('has a staff user pool: no self sign-up, MFA required, a strong password policy', () => {
    stateless.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    stateless.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
    stateless.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('has one public app client doing only the authorization code grant, back to /staff/callback', () => {
    const clients = Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    const client = clients[0]!.Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(JSON.stringify(client.CallbackURLs)).toContain('/staff/callback');
    expect(JSON.stringify(client.LogoutURLs)).toContain('/staff/sign-in');
  });

  it('passes the pool, client and hosted UI to the dashboard function, which may start issuance', () => {
    const [id, fn] = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['saypro:handler'] === 'staff-dashboard',
    )!;
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining([
        'STAFF_USER_POOL_ISSUER',
        'STAFF_USER_POOL_CLIENT_ID',
        'STAFF_HOSTED_UI_URL',
        'STATE_MACHINE_ARN',
      ]),
    );
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const actions = Object.values(resources)
      .filter(
        (r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleId),
      )
      .flatMap((r) => r.Properties.PolicyDocument.Statement)
      .flatMap((statement: any) => [statement.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['states:StartExecution', 'ses:SendEmail', 'kms:Sign']));
    // No S3, no key rotation: the dashboard renders no PDF and administers no key.
    expect(actions.some((action: string) => action.startsWith('s3:'))).toBe(false);
    expect(actions).not.toContain('kms:CreateKey');
    expect(id).toBeDefined();
  });

  it('declares each staff route (no {proxy+}), without the API key', () => {
    const [functionId] = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['saypro:handler'] === 'staff-dashboard',
    )!;
    const methods = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::ApiGateway::Method' &&
        JSON.stringify(r.Properties.Integration ?? {}).includes(`"${functionId}"`),
    );
    expect(methods.length).toBeGreaterThanOrEqual(10);
    for (const method of methods) expect(method.Properties.ApiKeyRequired ?? false).toBe(false);
    const paths = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGateway::Resource')
      .map((r) => r.Properties.PathPart);
    expect(paths).toEqual(expect.arrayContaining(['staff', 'sign-in', 'callback', 'sign-out', 'reports']));
    expect(paths).not.toContain('{proxy+}');
  });
});
