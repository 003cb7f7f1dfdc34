import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { checkEligibility } from '../core/use-cases/check-eligibility.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

export const createCheckEligibilityHandler = (deps: () => Deps) =>
  workflowTask(z.object({ approvalId: z.string().min(1) }), ({ approvalId }) =>
    checkEligibility(deps(), approvalId),
  );

export const handler = createCheckEligibilityHandler(lambdaDeps);
