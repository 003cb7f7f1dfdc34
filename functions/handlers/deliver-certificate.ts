import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { deliverCertificate } from '../core/use-cases/deliver-certificate.js';
import { lambdaDeps } from '../wiring/deps.js';
import { workflowTask } from './shared/workflow-task.js';

const deliveryInput = z.object({ approvalId: z.string().min(1), certificateNumber: z.string().min(1) });

export const createDeliverCertificateHandler = (deps: () => Deps) =>
  workflowTask(deliveryInput, (input) => deliverCertificate(deps(), input));

export const handler = createDeliverCertificateHandler(lambdaDeps);
