import type { Deps } from '../core/ports.js';
import { sendExpiryReminders } from '../core/use-cases/expiry-reminders.js';
import { lambdaDeps } from '../wiring/deps.js';
import { SCHEDULED_JOB_METRICS } from '../wiring/metric-names.js';
import { scheduledJob } from './shared/scheduled-job.js';

const names = SCHEDULED_JOB_METRICS.expiryReminders;

/** Daily: remind holders of certificates that expire in 60 days, or today. */
export const createExpiryRemindersHandler = (deps: () => Deps) =>
  scheduledJob(
    names.service,
    () => sendExpiryReminders(deps()),
    (run) => ({ [names.sent]: run.sent.soon + run.sent.today, [names.failed]: run.failed.length }),
  );

export const handler = createExpiryRemindersHandler(lambdaDeps);
