import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PROJECT_ROOT } from '../paths.js';

const BUNDLE_SCRIPT = path.join(PROJECT_ROOT, 'lib', 'bundling', 'bundle-render-function.ts');

/**
 * Code of the render (issue-certificate) function, pre-bundled on this machine: react-pdf needs an esbuild
 * plugin (functions/adapters/render/esbuild-plugin.ts) that NodejsFunction cannot take. Docker is never
 * used: the image below is a placeholder CDK requires, and local bundling always succeeds or throws.
 */
export function renderFunctionCode(handlerName: string): lambda.Code {
  const entry = path.join(PROJECT_ROOT, 'functions', 'handlers', `${handlerName}.ts`);
  return lambda.Code.fromAsset(path.join(PROJECT_ROOT, 'functions'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('none'),
      local: {
        tryBundle(outputDir) {
          const result = spawnSync(process.execPath, ['--import', 'tsx', BUNDLE_SCRIPT, entry, outputDir], {
            cwd: PROJECT_ROOT,
            encoding: 'utf8',
            env: { ...process.env, NODE_OPTIONS: '' },
          });
          if (result.status !== 0) {
            throw new Error(`Bundling ${handlerName} failed:\n${result.stderr || result.stdout}`);
          }
          return true;
        },
      },
    },
  });
}
