import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { BulkJobRunner } from '../../core/ports.js';

/**
 * Starts the bulk issuance state machine (lib/constructs/bulk-issuance.ts) with the job id as the
 * execution name: its Distributed Map reads the job's rows from the bucket with an S3 CSV reader. A
 * second start of the same job is refused by Step Functions and reported as not started.
 */
export class StepFunctionsBulkJobRunner implements BulkJobRunner {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
    private readonly bucketName: string,
  ) {}

  async start(job: { jobId: string; csvKey: string }) {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: job.jobId,
          input: JSON.stringify({ jobId: job.jobId, bucket: this.bucketName, csvKey: job.csvKey }),
        }),
      );
      return { started: true };
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists')
        return { started: false };
      throw error;
    }
  }
}
