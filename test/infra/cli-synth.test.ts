import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadIssuanceWorkflowDefinition,
  resolveIntrinsics,
} from '../../functions/local/workflow-definition.js';
import { functionBuildOptions } from '../../lib/bundling/function-bundle.js';
import { certificateFontFiles } from '../../templates/certificate/fonts.js';
import { PROJECT_ROOT } from './synth-app.js';

/**
 * `cdk synth` as `npm run synth` runs it: the CLI, real esbuild bundling (no Docker), cdk-nag and the
 * built-in template validation, with no AWS credentials and every HTTP(S) request sent to a closed port,
 * so a synth that needed the network would fail here.
 */
const outdir = mkdtempSync(path.join(tmpdir(), 'saypro-cdk-synth-'));
let synth: ReturnType<typeof spawnSync>;
let resources: Record<string, any>;

const offlineEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (/^AWS_(ACCESS|SECRET|SESSION|PROFILE|DEFAULT_PROFILE)/.test(name)) delete env[name];
  return {
    ...env,
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    http_proxy: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    NO_PROXY: '',
  };
};

beforeAll(() => {
  synth = spawnSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk'),
    ['synth', '--quiet', '-o', outdir],
    {
      cwd: PROJECT_ROOT,
      env: offlineEnv(),
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  const template = path.join(outdir, 'SayProCertificates-dev-Stateless.template.json');
  resources = existsSync(template) ? JSON.parse(readFileSync(template, 'utf8')).Resources : {};
}, 300_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const assetOf = (handlerName: string): string => {
  const fn = Object.values(resources).find(
    (r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['saypro:handler'] === handlerName,
  );
  return path.join(outdir, fn.Metadata['aws:asset:path']);
};

const importsCleanly = (bundle: string, env: Record<string, string> = {}) =>
  spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(bundle)}); if (typeof m.handler !== 'function') process.exit(3);`,
    ],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );

describe('npx cdk synth, offline', () => {
  it('succeeds with both stacks, nag included', () => {
    expect(synth.status, `${synth.stderr}`).toBe(0);
    expect(existsSync(path.join(outdir, 'SayProCertificates-dev-Stateful.template.json'))).toBe(true);
    expect(Object.keys(resources).length).toBeGreaterThan(50);
  });

  it('pre-bundles both rendering functions with their fonts, and they load', () => {
    for (const rendering of ['issue-certificate', 'operator-api']) {
      const asset = assetOf(rendering);
      expect(readdirSync(path.join(asset, 'fonts')).sort(), rendering).toEqual(
        certificateFontFiles()
          .map((file) => path.basename(file))
          .sort(),
      );
      const loaded = importsCleanly(path.join(asset, 'index.mjs'), {
        CERTIFICATE_FONT_DIR: path.join(asset, 'fonts'),
      });
      expect(loaded.status, `${rendering}: ${loaded.stderr}`).toBe(0);
    }
  });

  it('keeps react-pdf and every SDK client but DynamoDB out of the verification bundle', () => {
    const bundle = path.join(assetOf('public-api'), 'index.mjs');
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/pdfkit|@react-pdf/);
    // Class names survive minification (keepNames): none of these clients may be bundled.
    for (const client of ['S3Client', 'KMSClient', 'SESv2Client', 'SFNClient', 'getSignedUrl']) {
      expect(code, client).not.toContain(client);
    }
    expect(code).toContain('DynamoDBClient');
    expect(statSync(bundle).size).toBeLessThan(1_000_000);
    const loaded = importsCleanly(bundle);
    expect(loaded.status, loaded.stderr).toBe(0);
  });

  it('builds, with functionBuildOptions(), the very bytes CDK ships (what bench:verify measures)', async () => {
    const outfile = path.join(outdir, 'function-build-options', 'index.mjs');
    await build(
      functionBuildOptions(path.join(PROJECT_ROOT, 'functions', 'handlers', 'public-api.ts'), outfile),
    );
    expect(readFileSync(outfile).equals(readFileSync(path.join(assetOf('public-api'), 'index.mjs')))).toBe(
      true,
    );
  });

  it('bundles the download function with S3 presigning and without react-pdf', () => {
    const bundle = path.join(assetOf('download-api'), 'index.mjs');
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/pdfkit|@react-pdf/);
    expect(code).toContain('S3Client');
    const loaded = importsCleanly(bundle);
    expect(loaded.status, loaded.stderr).toBe(0);
  });

  it('synthesizes the same workflow definition the local stack loads', async () => {
    const env = { region: 'eu-west-1', accountId: '000000000000' };
    const [logicalId] = Object.entries(resources).find(
      ([, r]) =>
        r.Type === 'AWS::StepFunctions::StateMachine' && r.Properties.StateMachineName.endsWith('-issuance'),
    )!;
    const fromCli = JSON.parse(
      String(resolveIntrinsics(resources[logicalId].Properties.DefinitionString, resources, env)),
    );
    const local = await loadIssuanceWorkflowDefinition(env);
    expect(local.definition).toEqual(fromCli);
  });
});
