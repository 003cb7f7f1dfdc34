import * as z from 'zod';
import type { IssuingDeps } from '../core/ports.js';
import { issueCertificate } from '../core/use-cases/issue-certificate.js';
import { lambdaIssuingDeps, warmUpLambdaRenderer } from '../wiring/issuing-deps.js';
import { workflowTask } from './shared/workflow-task.js';

export const createIssueCertificateHandler = (deps: () => IssuingDeps) =>
  workflowTask(z.object({ approvalId: z.string().min(1) }), ({ approvalId }) =>
    issueCertificate(deps(), approvalId),
  );

// In Lambda (the variable is set only there), fonts are read and shaped in the init phase, before the first
// approval arrives; tests and the local stack import this module without paying for it.
if (process.env.AWS_LAMBDA_INITIALIZATION_TYPE) await warmUpLambdaRenderer();

export const handler = createIssueCertificateHandler(lambdaIssuingDeps);
