import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { requestConsent } from '../core/use-cases/consent.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

const requestConsentInput = z.object({ approvalId: z.string().min(1) });

export const createRequestConsentHandler = (deps: () => Deps) =>
  workflowTask(requestConsentInput, ({ approvalId }) => requestConsent(deps(), { approvalId }));

export const handler = createRequestConsentHandler(lambdaDeps);
