/**
 * The issuance workflow exactly as CDK synthesizes it, for the local stack to execute with
 * aws-local-stepfunctions. The app is synthesized in-process (no bundling, no validation plugins: only
 * the template is needed), the state machine's DefinitionString is resolved into plain JSON, and every
 * Task state is mapped to the handler its function runs (the `saypro:handler` metadata CertificateFunction
 * puts on each function). Nothing here restates the workflow: change lib/ and the local run follows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HANDLER_METADATA_KEY = 'saypro:handler';

export interface WorkflowDefinitionOptions {
  /** Region and account written into the resolved ARNs. @default eu-west-1 / 000000000000 */
  readonly region?: string;
  readonly accountId?: string;
  /** CDK context on top of cdk.json's. @default none */
  readonly context?: Record<string, unknown>;
}

export interface IssuanceWorkflowDefinition {
  /** The Amazon States Language document, every intrinsic resolved. */
  definition: Record<string, unknown>;
  /** Task state name → handler file name in functions/handlers (e.g. CheckEligibility → check-eligibility). */
  taskHandlers: Record<string, string>;
}

interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

/** The ARN a function gets in the resolved definition: named by its handler, so it reads well in logs. */
export function localFunctionArn(handlerName: string, region: string, accountId: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${handlerName}`;
}

/** Resolves the intrinsics CDK puts into a DefinitionString (Fn::Join, Fn::GetAtt of functions, Ref). */
export function resolveIntrinsics(
  value: unknown,
  resources: Record<string, CfnResource>,
  env: { region: string; accountId: string },
): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, resources, env));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [key, argument] = entries[0] ?? [];
  if (entries.length === 1 && key === 'Fn::Join') {
    const [separator, parts] = argument as [string, unknown[]];
    return parts.map((part) => String(resolveIntrinsics(part, resources, env))).join(separator);
  }
  if (entries.length === 1 && key === 'Fn::GetAtt') {
    const [logicalId, attribute] = argument as [string, string];
    const resource = resources[logicalId];
    const handlerName = resource?.Metadata?.[HANDLER_METADATA_KEY];
    if (
      resource?.Type !== 'AWS::Lambda::Function' ||
      attribute !== 'Arn' ||
      typeof handlerName !== 'string'
    ) {
      throw new Error(`Cannot resolve Fn::GetAtt ${logicalId}.${attribute} for the local workflow`);
    }
    return localFunctionArn(handlerName, env.region, env.accountId);
  }
  if (entries.length === 1 && key === 'Ref') {
    const pseudo: Record<string, string> = {
      'AWS::Partition': 'aws',
      'AWS::Region': env.region,
      'AWS::AccountId': env.accountId,
      'AWS::URLSuffix': 'amazonaws.com',
    };
    const resolved = pseudo[argument as string];
    if (resolved === undefined)
      throw new Error(`Cannot resolve Ref ${String(argument)} for the local workflow`);
    return resolved;
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, resources, env)]));
}

/** Every Task state, nested ones (Parallel branches, Map processors) included. */
function collectTaskStates(
  definition: Record<string, unknown>,
  into: Record<string, string> = {},
): Record<string, string> {
  const states = (definition.States ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task' && typeof state.Resource === 'string') into[name] = state.Resource;
    for (const branch of (state.Branches as Record<string, unknown>[] | undefined) ?? [])
      collectTaskStates(branch, into);
    const processor = (state.ItemProcessor ?? state.Iterator) as Record<string, unknown> | undefined;
    if (processor) collectTaskStates(processor, into);
  }
  return into;
}

/** Resolves a synthesized stack template's issuance state machine (found by logical id). */
export function definitionFromTemplate(
  template: { Resources: Record<string, CfnResource> },
  stateMachineLogicalId: string,
  env: { region: string; accountId: string },
): IssuanceWorkflowDefinition {
  const stateMachine = template.Resources[stateMachineLogicalId];
  if (stateMachine?.Type !== 'AWS::StepFunctions::StateMachine') {
    throw new Error(`${stateMachineLogicalId} is not a state machine in the template`);
  }
  const definitionString = resolveIntrinsics(
    stateMachine.Properties?.DefinitionString,
    template.Resources,
    env,
  );
  const definition = JSON.parse(String(definitionString)) as Record<string, unknown>;

  const handlerByArn = new Map<string, string>();
  for (const resource of Object.values(template.Resources)) {
    const handlerName = resource.Metadata?.[HANDLER_METADATA_KEY];
    if (resource.Type === 'AWS::Lambda::Function' && typeof handlerName === 'string') {
      handlerByArn.set(localFunctionArn(handlerName, env.region, env.accountId), handlerName);
    }
  }
  const taskHandlers: Record<string, string> = {};
  for (const [stateName, resourceArn] of Object.entries(collectTaskStates(definition))) {
    const handlerName = handlerByArn.get(resourceArn);
    if (!handlerName)
      throw new Error(`Task ${stateName} calls ${resourceArn}, which is not one of our functions`);
    taskHandlers[stateName] = handlerName;
  }
  return { definition, taskHandlers };
}

/**
 * Synthesizes the CDK app in-process and returns the issuance workflow's definition and task bindings.
 * Takes about 3 s, most of it importing aws-cdk-lib.
 */
export async function loadIssuanceWorkflowDefinition(
  options: WorkflowDefinitionOptions = {},
): Promise<IssuanceWorkflowDefinition> {
  const env = { region: options.region ?? 'eu-west-1', accountId: options.accountId ?? '000000000000' };
  const { createCertificatesApp } = await import('../../lib/certificates-app.js');
  const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const outdir = mkdtempSync(path.join(tmpdir(), 'saypro-workflow-synth-'));
  try {
    const { app, stateless } = createCertificatesApp({
      nag: false,
      appProps: {
        outdir,
        builtinCloudFormationValidation: false,
        context: { ...cdkJson.context, ...options.context, 'aws:cdk:bundling-stacks': [] },
      },
    });
    const assembly = app.synth();
    const template = assembly.getStackArtifact(stateless.artifactId).template as {
      Resources: Record<string, CfnResource>;
    };
    const stateMachine = stateless.issuanceWorkflow.stateMachine.node.defaultChild;
    // biome-ignore lint/suspicious/noExplicitAny: getLogicalId takes a CfnElement; the L1 is one.
    const logicalId = stateless.getLogicalId(stateMachine as any);
    return definitionFromTemplate(template, logicalId, env);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
