import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { z } from 'zod';
import { parseInput } from '../../core/schemas.js';
import { logger } from '../../wiring/logger.js';

/**
 * The middy stack of a Step Functions task: validate the state's input, run one use case, let errors
 * propagate. Step Functions matches Retry and Catch on the error's name (TransientError is retried).
 */
export function workflowTask<Schema extends z.ZodType, Output>(
  inputSchema: Schema,
  run: (input: z.infer<Schema>) => Promise<Output>,
) {
  return middy<unknown, Output>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => run(parseInput(inputSchema, event, 'workflow input')));
}
