import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Approval } from '../core/model.js';
import type { Deps } from '../core/ports.js';
import { startIssuance } from '../core/use-cases/start-issuance.js';
import { lambdaDeps } from '../wiring/deps.js';
import { logger } from '../wiring/logger.js';

/**
 * The approvals table's stream: each new approval starts the issuance workflow. A record that fails is
 * reported in batchItemFailures, so only it (and those after it in its shard) are retried.
 */
export const createOnApprovalHandler = (deps: () => Deps) => {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const processRecord = async (record: DynamoDBRecord) => {
    const image = record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
    const approval = image ? (unmarshall(image) as Approval) : undefined;
    const outcome = await startIssuance(deps(), { change: record.eventName ?? 'MODIFY', approval });
    if (outcome.started) logger.info('issuance started', { approvalId: outcome.approvalId });
  };
  return middy<DynamoDBStreamEvent>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler((event, context) => processPartialResponse(event, processRecord, processor, { context }));
};

export const handler = createOnApprovalHandler(lambdaDeps);
