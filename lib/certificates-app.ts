import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readAppConfig } from './config.js';
import { StatefulStack } from './stacks/stateful-stack.js';
import { StatelessStack } from './stacks/stateless-stack.js';

export interface CertificatesAppOptions {
  /** Props for the App (context, outdir). @default - from the CDK CLI environment */
  readonly appProps?: AppProps;
  /** Run the cdk-nag AwsSolutions checks at synth. @default true */
  readonly nag?: boolean;
}

export interface CertificatesApp {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** Builds the whole CDK app: used by bin/app.ts, the tests and the local workflow loader. */
export function createCertificatesApp(options: CertificatesAppOptions = {}): CertificatesApp {
  const app = new App(options.appProps);
  const config = readAppConfig(app.node);
  const stackPrefix = `SayProCertificates-${config.stage}`;
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const tags = { project: 'saypro-certificates', stage: config.stage };
  const stateful = new StatefulStack(app, `${stackPrefix}-Stateful`, {
    config,
    env,
    tags,
    description: 'SayPro Certificates: tables, documents, keys, mail identity',
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${stackPrefix}-Stateless`, {
    config,
    stateful,
    env,
    tags,
    description: 'SayPro Certificates: functions, workflows, API, alarms',
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless };
}
