import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { recordFailure } from '../core/use-cases/record-failure.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

const failureInput = z.object({
  approvalId: z.string().min(1),
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

export const createRecordFailureHandler = (deps: () => Deps) =>
  workflowTask(failureInput, (failure) => recordFailure(deps(), failure));

export const handler = createRecordFailureHandler(lambdaDeps);
