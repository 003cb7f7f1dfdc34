import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { acknowledgeWildcard, nagEnvOf } from '../nag.js';
import { signingKeyAliasName } from '../stacks/stateful-stack.js';

/** What KMS lets a rotation create: an asymmetric P-256 key for signing, nothing else. */
export const SIGNING_KEY_SPEC = { 'kms:KeySpec': 'ECC_NIST_P256', 'kms:KeyUsage': 'SIGN_VERIFY' } as const;

/**
 * IAM for the signing key when the key itself can change at run time: rotation (POST
 * /operator/signing-keys/rotation) creates a new KMS key and moves the signing alias to it, so no key ARN
 * known at synth time stays right. Grants therefore name keys of this account and region (`key/*`) and
 * narrow them by KMS condition keys:
 *
 * - signing: only the key the signing alias points to, whether called through the alias
 *   (kms:RequestAlias, effective at once after a rotation) or by the key's ARN (kms:ResourceAliases,
 *   which KMS may take up to five minutes to update after the alias moves);
 * - rotating: CreateKey only for ECC_NIST_P256 SIGN_VERIFY keys (CreateKey has no resource to name), and
 *   UpdateAlias only on the signing alias and on keys of that same spec.
 */
export class SigningKeyAccess {
  readonly aliasName: string;
  private readonly keys: string;
  private readonly alias: string;
  /** The ARN pattern of keys as cdk-nag prints it in a finding. */
  private readonly nagKeys: string;

  constructor(scope: IConstruct, stage: string) {
    const stack = Stack.of(scope);
    this.aliasName = signingKeyAliasName(stage);
    this.keys = stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
    this.alias = stack.formatArn({ service: 'kms', resource: this.aliasName });
    const { region, account } = nagEnvOf(scope);
    this.nagKeys = `arn:<AWS::Partition>:kms:${region}:${account}:key/*`;
  }

  /** kms:Sign and kms:GetPublicKey on the key currently behind the signing alias, and no other. */
  grantSign(role: iam.IRole & IConstruct): void {
    const actions = ['kms:Sign', 'kms:GetPublicKey'];
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SignThroughTheSigningAlias',
        actions,
        resources: [this.keys],
        conditions: { StringEquals: { 'kms:RequestAlias': this.aliasName } },
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SignWithTheKeyBehindTheSigningAlias',
        actions,
        resources: [this.keys],
        conditions: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': this.aliasName } },
      }),
    );
    acknowledgeWildcard(
      role,
      `Resource::${this.nagKeys}`,
      `The signing key changes on rotation, so no key ARN is fixed at deploy time; kms:RequestAlias / ` +
        `kms:ResourceAliases conditions limit Sign and GetPublicKey to the key behind ${this.aliasName}.`,
    );
  }

  /** Creating a P-256 signing key and moving the signing alias to it (the old key is kept, never deleted). */
  grantRotate(role: iam.IRole & IConstruct): void {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CreateSigningKeysOnly',
        actions: ['kms:CreateKey'],
        resources: ['*'],
        conditions: { StringEquals: SIGNING_KEY_SPEC },
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'MoveTheSigningAlias',
        actions: ['kms:UpdateAlias'],
        resources: [this.alias],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'MoveTheSigningAliasBetweenSigningKeys',
        actions: ['kms:UpdateAlias'],
        resources: [this.keys],
        conditions: { StringEquals: SIGNING_KEY_SPEC },
      }),
    );
    acknowledgeWildcard(
      role,
      'Resource::*',
      'kms:CreateKey has no resource to name (the key does not exist yet); the statement is conditioned on ' +
        'kms:KeySpec ECC_NIST_P256 and kms:KeyUsage SIGN_VERIFY. X-Ray actions have no resource-level permissions.',
    );
    acknowledgeWildcard(
      role,
      `Resource::${this.nagKeys}`,
      'UpdateAlias needs permission on the old and the new key, and the new key is created at run time; the ' +
        'statement is limited to ECC_NIST_P256 SIGN_VERIFY keys of this account and region.',
    );
  }
}
