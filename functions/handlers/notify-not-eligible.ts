import * as z from 'zod';
import type { UnmetRequirement } from '../core/model.js';
import type { Deps } from '../core/ports.js';
import { notifyNotEligible } from '../core/use-cases/notify-not-eligible.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

// The reasons come from CheckEligibility's own output, so their shape is trusted beyond `code`/`message`.
const notEligibleInput = z.object({
  approvalId: z.string().min(1),
  reasons: z.array(z.looseObject({ code: z.string(), message: z.string() })),
});

export const createNotifyNotEligibleHandler = (deps: () => Deps) =>
  workflowTask(notEligibleInput, ({ approvalId, reasons }) =>
    notifyNotEligible(deps(), { approvalId, reasons: reasons as UnmetRequirement[] }),
  );

export const handler = createNotifyNotEligibleHandler(lambdaDeps);
