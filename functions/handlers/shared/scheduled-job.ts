import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger } from '../../wiring/logger.js';
import { METRIC_NAMESPACE } from '../../wiring/metric-names.js';

/** One Metrics instance per job: its figures go out as CloudWatch embedded metrics when the job ends. */
const metricsFor = (service: string) => new Metrics({ namespace: METRIC_NAMESPACE, serviceName: service });

/**
 * The middy stack of a scheduled job (EventBridge Scheduler in AWS, a timer on `npm start`): run one use
 * case, publish the counts it returns as metrics the alarms watch, log a one-line summary. Errors
 * propagate, so a failed run shows in the function's Errors metric and the scheduler's retry.
 */
export function scheduledJob<Result>(
  service: string,
  run: () => Promise<Result>,
  countsOf: (result: Result) => Record<string, number>,
) {
  const metrics = metricsFor(service);
  return middy<unknown, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(async () => {
      const result = await run();
      const counts = countsOf(result);
      for (const [name, value] of Object.entries(counts)) metrics.addMetric(name, MetricUnit.Count, value);
      logger.info(`${service} finished`, { counts });
      return result;
    });
}
