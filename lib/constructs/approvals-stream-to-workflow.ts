import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface ApprovalsStreamToWorkflowProps {
  /** The approvals table; must have a stream. */
  readonly table: dynamodb.ITable;
  /** The on-approval function: starts one execution per new approval, returns batchItemFailures. */
  readonly function: lambda.Function;
  /** The workflow it starts. */
  readonly stateMachine: sfn.IStateMachine;
  /** Encrypts the failed-batch queue. */
  readonly encryptionKey: kms.IKey;
  /** @default 10 */
  readonly batchSize?: number;
  /** @default 5 */
  readonly retryAttempts?: number;
  /** @default Duration.hours(6) */
  readonly maxRecordAge?: Duration;
}

/**
 * New approvals (stream INSERT records only: status updates do not restart anything) reach the on-approval
 * function. A failing record is isolated by bisecting the batch and reporting item failures, retried a
 * bounded number of times within a bounded age, then described in an encrypted SQS queue that an operator
 * replays from (docs/deploy.md): the message names the shard and sequence numbers, and the approvals it
 * covers can be restarted through the cohort workflow.
 */
export class ApprovalsStreamToWorkflow extends Construct {
  readonly failedBatchesQueue: sqs.Queue;
  readonly eventSource: sources.DynamoEventSource;

  constructor(scope: Construct, id: string, props: ApprovalsStreamToWorkflowProps) {
    super(scope, id);

    this.failedBatchesQueue = new sqs.Queue(this, 'FailedBatches', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedBatchesQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the on-failure destination of the stream mapping; its messages are replayed by an ' +
        'operator (docs/deploy.md) and alarmed on, so a queue behind it would only hide them.',
    });

    this.eventSource = new sources.DynamoEventSource(props.table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: props.batchSize ?? 10,
      maxBatchingWindow: Duration.seconds(1),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: props.retryAttempts ?? 5,
      maxRecordAge: props.maxRecordAge ?? Duration.hours(6),
      parallelizationFactor: 1,
      filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
      onFailure: new sources.SqsDlq(this.failedBatchesQueue),
    });
    props.function.addEventSource(this.eventSource);
    props.function.addEnvironment('STATE_MACHINE_ARN', props.stateMachine.stateMachineArn);
    props.stateMachine.grantStartExecution(props.function);
  }
}
