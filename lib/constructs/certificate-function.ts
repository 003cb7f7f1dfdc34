import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../paths.js';

/** CloudFormation metadata key naming the handler a function runs (read by functions/local/workflow-definition.ts). */
export const HANDLER_METADATA_KEY = 'saypro:handler';

/** ESM bundles still contain CommonJS dependencies that call require() and read __dirname. */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __saypro_createRequire } from 'node:module';",
  "import { fileURLToPath as __saypro_fileURLToPath } from 'node:url';",
  "import { dirname as __saypro_dirname } from 'node:path';",
  'const require = __saypro_createRequire(import.meta.url);',
  'const __filename = __saypro_fileURLToPath(import.meta.url);',
  'const __dirname = __saypro_dirname(__filename);',
].join(' ');

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
            format: nodejs.OutputFormat.ESM,
            target: 'node22',
            mainFields: ['module', 'main'],
            banner: ESM_REQUIRE_BANNER,
            // The SDK is pinned in package.json and bundled, not taken from whatever the runtime ships.
            bundleAwsSDK: true,
            minify: true,
            keepNames: true,
            sourceMap: true,
            sourceMapMode: nodejs.SourceMapMode.EXTERNAL,
            sourcesContent: false,
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
