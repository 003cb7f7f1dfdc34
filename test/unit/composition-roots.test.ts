import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/wiring/config.js';
import { buildDownloadDeps } from '../../functions/wiring/download-deps.js';
import { buildPublicDeps } from '../../functions/wiring/public-deps.js';
import { functionBuildOptions } from '../../lib/bundling/function-bundle.js';

const ROOT = resolve(import.meta.dirname, '../..');
const config = readConfig({
  APPROVALS_TABLE: 'approvals',
  REGISTRY_TABLE: 'registry',
  DOCUMENTS_BUCKET: 'documents',
  SIGNING_KEY_ID: 'alias/signing',
  SENDER_ADDRESS: 'certificates@saypro.online',
  VERIFICATION_BASE_URL: 'https://verify.saypro.online',
  API_BASE_URL: 'https://api.saypro.online',
});

const outDir = mkdtempSync(join(tmpdir(), 'saypro-roots-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The module files and packages the function's bundle holds, as CDK would build it (FUNCTION_BUNDLE). */
async function bundleInputs(handlerName: string): Promise<string[]> {
  const result = await build({
    ...functionBuildOptions(
      join(ROOT, `functions/handlers/${handlerName}.ts`),
      join(outDir, `${handlerName}.mjs`),
    ),
    minify: false,
    metafile: true,
    write: false,
  });
  return Object.keys(result.metafile!.inputs);
}

describe("the public functions' composition roots", () => {
  it('public-api gets exactly what verification reads, nothing more', () => {
    expect(Object.keys(buildPublicDeps(config)).sort()).toEqual(
      ['certificates', 'clock', 'courses', 'links', 'reports', 'signingKeys', 'statusLists'].sort(),
    );
  });

  it('download-api gets the record, the documents, the clock and the counters', () => {
    expect(Object.keys(buildDownloadDeps(config)).sort()).toEqual([
      'certificates',
      'clock',
      'documents',
      'reports',
    ]);
  });

  it('the public-api bundle reaches its own root only: no deps.ts, no S3, SES, KMS or Step Functions client', async () => {
    const inputs = await bundleInputs('public-api');
    expect(inputs).toContain('functions/wiring/public-deps.ts');
    expect(inputs).not.toContain('functions/wiring/deps.ts');
    expect(inputs).not.toContain('functions/wiring/download-deps.ts');
    for (const client of ['client-s3', 'client-sesv2', 'client-kms', 'client-sfn'])
      expect(inputs.filter((input) => input.includes(`@aws-sdk/${client}/`))).toEqual([]);
  }, 60_000);

  it('the download-api bundle carries S3 but not the full wiring', async () => {
    const inputs = await bundleInputs('download-api');
    expect(inputs).toContain('functions/wiring/download-deps.ts');
    expect(inputs).not.toContain('functions/wiring/deps.ts');
    expect(inputs.some((input) => input.includes('@aws-sdk/client-s3/'))).toBe(true);
    for (const client of ['client-sesv2', 'client-kms', 'client-sfn'])
      expect(inputs.filter((input) => input.includes(`@aws-sdk/${client}/`))).toEqual([]);
  }, 60_000);
});
