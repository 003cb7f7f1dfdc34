import type { Deps } from '../core/ports.js';
import { sendExpiryReminders } from '../core/use-cases/expiry-reminders.js';
import { sendSurveyReminders } from '../core/use-cases/feedback.js';
import { lambdaDeps } from '../wiring/deps.js';
import { SCHEDULED_JOB_METRICS } from '../wiring/metric-names.js';
import { scheduledJob } from './shared/scheduled-job.js';

const names = SCHEDULED_JOB_METRICS.expiryReminders;

/** Daily: remind holders of certificates that expire in 60 days, or today, and of unanswered surveys. */
export const createExpiryRemindersHandler = (deps: () => Deps) =>
  scheduledJob(
    names.service,
    // The survey reminders (a week after issue, once) run in the same daily job.
    async () => ({
      ...(await sendExpiryReminders(deps())),
      surveyReminders: await sendSurveyReminders(deps()),
    }),
    (run) => ({
      [names.sent]: run.sent.soon + run.sent.today,
      [names.surveySent]: run.surveyReminders.sent,
      [names.failed]: run.failed.length + run.surveyReminders.failed.length,
    }),
  );

export const handler = createExpiryRemindersHandler(lambdaDeps);
