import type { Deps } from '../core/ports.js';
import { deliverDueWebhooks } from '../core/use-cases/webhooks.js';
import { lambdaDeps } from '../wiring/deps.js';
import { SCHEDULED_JOB_METRICS } from '../wiring/metric-names.js';
import { scheduledJob } from './shared/scheduled-job.js';

const names = SCHEDULED_JOB_METRICS.webhookDelivery;

/** Every minute: make the webhook attempts that are due (first tries and retries) from the outbox. */
export const createWebhookDeliveryHandler = (deps: () => Deps) =>
  scheduledJob(
    names.service,
    () => deliverDueWebhooks(deps()),
    (run) => ({ [names.delivered]: run.delivered, [names.gaveUp]: run.gaveUp }),
  );

export const handler = createWebhookDeliveryHandler(lambdaDeps);
