import { defineConfig } from 'vitest/config';

// Workers inherit the environment: keep the functions' INFO logs out of test output.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The local stack (DynamoDB Local on Java, s3rver, SES, KMS) takes a few seconds to start.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: integration and e2e files each start their own local stack, so keep the pool small.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      NO_COLOR: '1',
    },
  },
});
