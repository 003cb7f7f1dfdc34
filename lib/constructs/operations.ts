import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';

export const METRIC_NAMESPACE = 'SayProCertificates';

/**
 * Log events the handlers write (Powertools logger, JSON) that the dashboard counts. The handlers log
 * `{ "event": "certificate.issued" }` once per issued certificate and `{ "event": "certificate.verified" }`
 * once per verification that found a valid certificate.
 */
export const COUNTED_LOG_EVENTS = {
  issued: 'certificate.issued',
  verified: 'certificate.verified',
} as const;

export interface OperationsProps {
  readonly issuanceStateMachine: sfn.IStateMachine;
  readonly cohortStateMachine: sfn.IStateMachine;
  /** The stream consumer whose iterator age shows a backlog. */
  readonly streamFunction: lambda.IFunction;
  readonly failedBatchesQueue: sqs.IQueue;
  readonly api: apigateway.RestApi;
  /** Log group of the function that logs `certificate.issued`. */
  readonly issuingLogGroup: logs.ILogGroup;
  /** Log group of the function that logs `certificate.verified`. */
  readonly verifyingLogGroup: logs.ILogGroup;
  readonly encryptionKey: kms.IKey;
  /** @default - nobody subscribed; subscribe after deploy */
  readonly alarmEmail?: string;
  /** @default 'SayProCertificates' */
  readonly dashboardName?: string;
}

/** Alarms (to one SNS topic) on what needs a human, and a dashboard of issued, failed and verified counts. */
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

    const issued = this.countLogEvent(
      'Issued',
      props.issuingLogGroup,
      COUNTED_LOG_EVENTS.issued,
      'CertificatesIssued',
    );
    const verified = this.countLogEvent(
      'Verified',
      props.verifyingLogGroup,
      COUNTED_LOG_EVENTS.verified,
      'CertificatesVerified',
    );
    const failed = props.issuanceStateMachine.metricFailed({
      period: Duration.hours(1),
      statistic: 'Sum',
      label: 'Failed',
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName ?? 'SayProCertificates',
      widgets: [
        [
          new cloudwatch.SingleValueWidget({
            title: 'Last 24 hours',
            metrics: [issued, failed, verified],
            period: Duration.days(1),
            width: 24,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Issued, failed, verified (per hour)',
            left: [issued, failed, verified],
            width: 12,
          }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
        ],
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

  private countLogEvent(
    id: string,
    logGroup: logs.ILogGroup,
    event: string,
    metricName: string,
  ): cloudwatch.Metric {
    const filter = new logs.MetricFilter(this, `${id}Filter`, {
      logGroup,
      filterPattern: logs.FilterPattern.stringValue('$.event', '=', event),
      metricNamespace: METRIC_NAMESPACE,
      metricName,
      metricValue: '1',
      defaultValue: 0,
    });
    return filter.metric({ period: Duration.hours(1), statistic: 'Sum', label: id });
  }
}
