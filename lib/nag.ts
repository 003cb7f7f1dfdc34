import { type CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** How cdk-nag prints `Fn::GetAtt [<resource>, Arn]` in a finding id. */
export function nagArnOf(resource: IConstruct): string {
  const element = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(element).getLogicalId(element)}.Arn>`;
}

/** Accepts one specific wildcard (AwsSolutions-IAM5 finding) on one construct, with its reason. */
export function acknowledgeWildcard(scope: IConstruct, finding: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
}

/** How cdk-nag prints the stack's region and account: the pseudo parameter, or the value when the env is set. */
export function nagEnvOf(scope: IConstruct): { region: string; account: string } {
  const stack = Stack.of(scope);
  return {
    region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
    account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
  };
}
