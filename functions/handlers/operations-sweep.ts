import type { Deps } from '../core/ports.js';
import { sweepOperations } from '../core/use-cases/recover-stuck-work.js';
import { lambdaDeps } from '../wiring/deps.js';
import { SCHEDULED_JOB_METRICS } from '../wiring/metric-names.js';
import { scheduledJob } from './shared/scheduled-job.js';

const names = SCHEDULED_JOB_METRICS.operationsSweep;

/** Every 15 minutes: finish work a lost execution or a dead sender left, and count what is overdue. */
export const createOperationsSweepHandler = (deps: () => Deps) =>
  scheduledJob(
    names.service,
    () => sweepOperations(deps()),
    (run) => ({
      [names.overdue]: run.overdue,
      [names.needsAttention]: run.needsAttention,
      [names.restarted]: run.restarted.length,
      [names.stuckClaims]: run.stuckClaims,
    }),
  );

export const handler = createOperationsSweepHandler(lambdaDeps);
