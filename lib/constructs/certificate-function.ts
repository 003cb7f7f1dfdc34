import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ESM_REQUIRE_BANNER, FUNCTION_BUNDLE } from '../bundling/function-bundle.js';
import { PROJECT_ROOT } from '../paths.js';

export { ESM_REQUIRE_BANNER };

/** CloudFormation metadata key naming the handler a function runs (read by functions/local/workflow-definition.ts). */
export const HANDLER_METADATA_KEY = 'saypro:handler';

export interface CertificateFunctionProps {
  /** File name (without extension) in functions/handlers/, exporting `handler`. */
  readonly handlerName: string;
  /** What the function is for, shown in the console. */
  readonly description: string;
  /**
   * Code built elsewhere (the render function is pre-bundled with an esbuild plugin).
   * @default - functions/handlers/<handlerName>.ts bundled by esbuild on this machine (no Docker)
   */
  readonly code?: lambda.Code;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default Duration.seconds(15) */
  readonly timeout?: Duration;
  /** Environment shared by all functions (names from functions/wiring/config.ts). */
  readonly environment: Record<string, string>;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * One Lambda function with the project's defaults: arm64, Node.js 22, ESM bundle with source maps,
 * X-Ray tracing, JSON logs in its own log group with a retention, and the shared environment.
 * Permissions are not defaults: each caller grants exactly what its handler uses.
 */
export class CertificateFunction extends Construct {
  readonly function: lambda.Function;
  readonly logGroup: logs.LogGroup;
  /** The execution role: writes to its own log group only, until callers grant more. */
  readonly role: iam.Role;
  readonly handlerName: string;

  constructor(scope: Construct, id: string, props: CertificateFunctionProps) {
    super(scope, id);
    this.handlerName = props.handlerName;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole, whose log permissions cover every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.handlerName} function`,
    });
    this.logGroup.grantWrite(this.role);

    const common = {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup: this.logGroup,
      role: this.role,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'saypro-certificates',
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    } satisfies lambda.FunctionOptions & { runtime: lambda.Runtime };

    this.function = props.code
      ? new lambda.Function(this, 'Function', { ...common, code: props.code, handler: 'index.handler' })
      : new nodejs.NodejsFunction(this, 'Function', {
          ...common,
          entry: path.join(PROJECT_ROOT, 'functions', 'handlers', `${props.handlerName}.ts`),
          handler: 'handler',
          projectRoot: PROJECT_ROOT,
          depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
          bundling: {
            forceDockerBundling: false,
            // Kept in step with functionBuildOptions() (lib/bundling/function-bundle.ts), which bench uses.
            format: nodejs.OutputFormat.ESM,
            target: FUNCTION_BUNDLE.target,
            mainFields: [...FUNCTION_BUNDLE.mainFields],
            banner: ESM_REQUIRE_BANNER,
            // The SDK is pinned in package.json and bundled, not taken from whatever the runtime ships:
            // measured here, importing the runtime's unbundled SDK is slower than a minified bundle.
            bundleAwsSDK: true,
            minify: FUNCTION_BUNDLE.minify,
            keepNames: FUNCTION_BUNDLE.keepNames,
            sourceMap: true,
            sourceMapMode: nodejs.SourceMapMode.EXTERNAL,
            sourcesContent: FUNCTION_BUNDLE.sourcesContent,
          },
        });

    (this.function.node.defaultChild as lambda.CfnFunction).addMetadata(
      HANDLER_METADATA_KEY,
      props.handlerName,
    );
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'xray:PutTraceSegments/PutTelemetryRecords (active tracing) and, for the stream consumer, ' +
        'dynamodb:ListStreams support no resource-level permissions.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to Node.js 22, the runtime the code is built (target node22) and tested for; moving to a newer ' +
        'runtime is a tested change, not an automatic one.',
    });
  }
}
