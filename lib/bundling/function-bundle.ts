import type { BuildOptions } from 'esbuild';

/** ESM bundles still contain CommonJS dependencies that call require() and read __dirname. */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __saypro_createRequire } from 'node:module';",
  "import { fileURLToPath as __saypro_fileURLToPath } from 'node:url';",
  "import { dirname as __saypro_dirname } from 'node:path';",
  'const require = __saypro_createRequire(import.meta.url);',
  'const __filename = __saypro_fileURLToPath(import.meta.url);',
  'const __dirname = __saypro_dirname(__filename);',
].join(' ');

/**
 * How every function not pre-bundled is built: CertificateFunction hands these to NodejsFunction, which
 * runs esbuild with them (no Docker). One definition, so a benchmark or test that bundles a function
 * itself (functionBuildOptions) gets the bytes CDK ships.
 */
export const FUNCTION_BUNDLE = {
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  keepNames: true,
  sourcesContent: false,
} as const;

/**
 * The esbuild options NodejsFunction derives from FUNCTION_BUNDLE and CertificateFunction's other settings
 * (ESM output as index.mjs, the require banner, external source maps, the AWS SDK bundled, no externals).
 */
export function functionBuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: FUNCTION_BUNDLE.target,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    minify: FUNCTION_BUNDLE.minify,
    keepNames: FUNCTION_BUNDLE.keepNames,
    sourcemap: 'external',
    sourcesContent: FUNCTION_BUNDLE.sourcesContent,
    banner: { js: ESM_REQUIRE_BANNER },
    logLevel: 'warning',
  };
}
