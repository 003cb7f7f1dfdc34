import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface StaffSignInProps {
  /** Short environment name; part of the hosted UI's domain prefix. */
  readonly stage: string;
  /** The API's base URL: the dashboard's callback and signed-out pages are under it. */
  readonly apiBaseUrl: string;
}

/**
 * Staff accounts for the dashboard: a Cognito user pool (no self sign-up: an administrator invites staff),
 * MFA by authenticator app required, the hosted UI on a Cognito domain, and one public app client doing
 * the authorization code grant with PKCE (no client secret to keep). The dashboard function verifies the
 * ID token itself (jose, against the pool's JWKS) and keeps its own session.
 */
export class StaffSignIn extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** What the dashboard function needs to run the flow. */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: StaffSignInProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'StaffPool', {
      userPoolName: `saypro-certificates-${props.stage}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Staff accounts outlive a redeploy of the code: the pool is kept if the stack is removed.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: `saypro-staff-${props.stage}-${Aws.ACCOUNT_ID}` },
    });
    this.client = this.userPool.addClient('Dashboard', {
      generateSecret: false,
      authFlows: {},
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.minutes(60),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.apiBaseUrl}/staff/callback`],
        logoutUrls: [`${props.apiBaseUrl}/staff/sign-in`],
      },
    });
    this.environment = {
      STAFF_USER_POOL_ISSUER: this.userPool.userPoolProviderUrl,
      STAFF_USER_POOL_CLIENT_ID: this.client.userPoolClientId,
      STAFF_HOSTED_UI_URL: this.domain.baseUrl(),
    };
    const reason =
      'Threat protection (advanced security) needs the paid Plus feature plan; the pool has no self sign-up ' +
      '(invited staff only), MFA by authenticator app required and a strong password policy.';
    Validations.of(this.userPool).acknowledge(
      { id: 'AwsSolutions-COG3', reason },
      { id: 'AwsSolutions-COG8', reason },
    );
  }
}
