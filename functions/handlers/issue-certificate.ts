import * as z from 'zod';
import type { IssuingDeps } from '../core/ports.js';
import { issueCertificate } from '../core/use-cases/issue-certificate.js';
import { lambdaIssuingDeps } from '../wiring/issuing-deps.js';
import { workflowTask } from './shared/workflow-task.js';

export const createIssueCertificateHandler = (deps: () => IssuingDeps) =>
  workflowTask(z.object({ approvalId: z.string().min(1) }), ({ approvalId }) =>
    issueCertificate(deps(), approvalId),
  );

export const handler = createIssueCertificateHandler(lambdaIssuingDeps);
