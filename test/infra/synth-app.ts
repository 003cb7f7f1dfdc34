import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { type CertificatesApp, createCertificatesApp } from '../../lib/certificates-app.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export const cdkJsonContext = (): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    }
  ).context;

export interface SynthesizedApp extends CertificatesApp {
  statefulTemplate: Template;
  statelessTemplate: Template;
}

/** The app as cdk.json configures it, with context overrides; asset bundling skipped (templates only). */
export function synthApp(
  options: { context?: Record<string, unknown>; nag?: boolean; bundle?: boolean } = {},
): SynthesizedApp {
  const outdir = mkdtempSync(path.join(tmpdir(), 'saypro-infra-test-'));
  const built = createCertificatesApp({
    nag: options.nag ?? false,
    appProps: {
      outdir,
      builtinCloudFormationValidation: false,
      context: {
        ...cdkJsonContext(),
        ...options.context,
        ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      },
    },
  });
  try {
    built.app.synth();
    return {
      ...built,
      statefulTemplate: Template.fromStack(built.stateful),
      statelessTemplate: Template.fromStack(built.stateless),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
