import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export { METRIC_NAMESPACE } from '../../functions/wiring/metric-names.js';

import { METRIC_NAMESPACE, SCHEDULED_JOB_METRICS } from '../../functions/wiring/metric-names.js';

/**
 * Issuance outcomes, counted from the issuance workflow's own execution log (level ALL): one
 * `SucceedStateEntered` event per execution that reaches the named end state. No handler has to log
 * anything for these counts. (An operator replay of an approval already issued reaches `Issued` again.)
 */
export const COUNTED_WORKFLOW_END_STATES = { issued: 'Issued', notEligible: 'NotEligible' } as const;

/** The API resources whose requests are verifications (lookups by number, the QR page, uploads). */
export const VERIFICATION_ROUTES = [
  { method: 'GET', resource: '/certificates/{number}' },
  { method: 'GET', resource: '/verify/{number}' },
  { method: 'POST', resource: '/verify' },
] as const;

export interface OperationsProps {
  readonly issuanceStateMachine: sfn.IStateMachine;
  readonly cohortStateMachine: sfn.IStateMachine;
  /** The stream consumer whose iterator age shows a backlog. */
  readonly streamFunction: lambda.IFunction;
  readonly failedBatchesQueue: sqs.IQueue;
  readonly api: apigateway.RestApi;
  /** The issuance workflow's execution log (level ALL), where issued and not-eligible ends are counted. */
  readonly issuanceLogGroup: logs.ILogGroup;
  readonly encryptionKey: kms.IKey;
  /** @default - nobody subscribed; subscribe after deploy */
  readonly alarmEmail?: string;
  /** @default 'SayProCertificates' */
  readonly dashboardName?: string;
}

/**
 * Alarms (to one SNS topic) on what needs a human, and a dashboard of issued, not eligible, failed and
 * verification counts, all from metrics AWS already has (workflow logs, Step Functions, API Gateway).
 */
export class Operations extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'SayPro Certificates alarms',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    if (props.alarmEmail)
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const fiveMinutes = Duration.minutes(5);
    const workflowFailures = new cloudwatch.MathExpression({
      label: 'Failed, timed-out or aborted issuance workflows',
      expression: 'failed + timedOut + aborted',
      usingMetrics: {
        failed: props.issuanceStateMachine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
        timedOut: props.issuanceStateMachine.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' }),
        aborted: props.issuanceStateMachine.metricAborted({ period: fiveMinutes, statistic: 'Sum' }),
      },
      period: fiveMinutes,
    });
    this.addAlarm(
      'WorkflowFailures',
      workflowFailures,
      1,
      'An issuance workflow failed (see the approval record)',
    );
    this.addAlarm(
      'CohortFailures',
      props.cohortStateMachine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
      1,
      'A cohort issuance run failed',
    );
    this.addAlarm(
      'StreamIteratorAge',
      props.streamFunction.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
      5 * 60 * 1000,
      'New approvals wait more than 5 minutes before the workflow starts',
      3,
    );
    this.addAlarm(
      'FailedBatchesQueueDepth',
      props.failedBatchesQueue.metricApproximateNumberOfMessagesVisible({
        period: fiveMinutes,
        statistic: 'Maximum',
      }),
      1,
      'Approvals could not be handed to the workflow: replay them (docs/deploy.md)',
    );
    this.addAlarm(
      'Api5xx',
      props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      5,
      'The API answered with server errors',
    );

    // Published by the operations sweep every 15 minutes (functions/handlers/operations-sweep.ts).
    const sweep = SCHEDULED_JOB_METRICS.operationsSweep;
    const sweepMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: METRIC_NAMESPACE,
        metricName,
        dimensionsMap: { service: sweep.service },
        period: Duration.minutes(15),
        statistic: 'Maximum',
      });
    this.addAlarm(
      'OverdueApprovals',
      sweepMetric(sweep.overdue),
      1,
      'Approvals are past their issue-by date without a certificate: `certs status` marks them OVERDUE',
    );
    this.addAlarm(
      'ApprovalsNeedingAttention',
      sweepMetric(sweep.needsAttention),
      1,
      'Approvals stuck in flight or with their email not sent for two sweeps in a row (docs/deploy.md)',
      2,
    );
    this.addAlarm(
      'StuckClaims',
      sweepMetric(sweep.stuckClaims),
      1,
      'Once-only work (an email, a reminder) is not done and its lease ran out: `certs stuck` says what to do',
      2,
    );
    const reminders = SCHEDULED_JOB_METRICS.expiryReminders;
    this.addAlarm(
      'ExpiryRemindersFailed',
      new cloudwatch.Metric({
        namespace: METRIC_NAMESPACE,
        metricName: reminders.failed,
        dimensionsMap: { service: reminders.service },
        period: Duration.days(1),
        statistic: 'Maximum',
      }),
      1,
      'Expiry reminders could not be sent; the next daily run tries them again',
    );

    const webhooks = SCHEDULED_JOB_METRICS.webhookDelivery;
    this.addAlarm(
      'WebhookDeliveriesGivenUp',
      new cloudwatch.Metric({
        namespace: METRIC_NAMESPACE,
        metricName: webhooks.gaveUp,
        dimensionsMap: { service: webhooks.service },
        period: Duration.hours(1),
        statistic: 'Sum',
      }),
      1,
      'A webhook delivery used all its retries: `certs webhooks list` shows failing or disabled endpoints',
    );

    const issued = this.countWorkflowEnd(
      'Issued',
      props.issuanceLogGroup,
      COUNTED_WORKFLOW_END_STATES.issued,
      'CertificatesIssued',
    );
    const notEligible = this.countWorkflowEnd(
      'NotEligible',
      props.issuanceLogGroup,
      COUNTED_WORKFLOW_END_STATES.notEligible,
      'ApprovalsNotEligible',
    );
    const hourly = { period: Duration.hours(1), statistic: 'Sum' };
    const failed = props.issuanceStateMachine.metricFailed({ ...hourly, label: 'Failed' });
    // Issued + not eligible should equal this; a gap means the log-based counts are off.
    const succeeded = props.issuanceStateMachine.metricSucceeded({ ...hourly, label: 'Workflows succeeded' });
    // Per-method metrics need detailed metrics on the stage (metricsEnabled in VerificationApi).
    const verifications = new cloudwatch.MathExpression({
      label: 'Verification requests',
      expression: VERIFICATION_ROUTES.map((_, index) => `v${index}`).join(' + '),
      usingMetrics: Object.fromEntries(
        VERIFICATION_ROUTES.map(({ method, resource }, index) => [
          `v${index}`,
          new cloudwatch.Metric({
            namespace: 'AWS/ApiGateway',
            metricName: 'Count',
            dimensionsMap: {
              ApiName: props.api.restApiName,
              Stage: props.api.deploymentStage.stageName,
              Method: method,
              Resource: resource,
            },
            ...hourly,
          }),
        ]),
      ),
      period: Duration.hours(1),
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? 'SayProCertificates',
      widgets: [
        [
          new cloudwatch.SingleValueWidget({
            title: 'Last 24 hours',
            metrics: [issued, notEligible, failed, verifications],
            period: Duration.days(1),
            width: 24,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Issuance outcomes (per hour)',
            left: [issued, notEligible, failed, succeeded],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Verification requests (per hour)',
            left: [verifications],
            width: 12,
          }),
        ],
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })],
      ],
    });
  }

  private addAlarm(
    id: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    description: string,
    evaluationPeriods = 1,
  ) {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
    return alarm;
  }

  private countWorkflowEnd(
    id: string,
    logGroup: logs.ILogGroup,
    endState: string,
    metricName: string,
  ): cloudwatch.Metric {
    const filter = new logs.MetricFilter(this, `${id}Filter`, {
      logGroup,
      filterPattern: logs.FilterPattern.all(
        logs.FilterPattern.stringValue('$.type', '=', 'SucceedStateEntered'),
        logs.FilterPattern.stringValue('$.details.name', '=', endState),
      ),
      metricNamespace: METRIC_NAMESPACE,
      metricName,
      metricValue: '1',
      defaultValue: 0,
    });
    return filter.metric({ period: Duration.hours(1), statistic: 'Sum', label: id });
  }
}
