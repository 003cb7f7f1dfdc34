import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { isPassingFault, reportingPassingFaults } from '../../functions/adapters/aws/client-options.js';
import { TransientError } from '../../functions/core/errors.js';

/**
 * A timeout or a reset connection cannot be had from DynamoDB Local on demand, so a request handler
 * stands in for the network here: what reaches the use case after the SDK's own retries must be a
 * TransientError (which the workflow retries), and a meaningful error must pass unchanged.
 */
function clientFailingWith(fault: () => Error) {
  let calls = 0;
  const client = new DynamoDBClient({
    region: 'eu-west-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 2,
    requestHandler: {
      handle: async () => {
        calls += 1;
        throw fault();
      },
    },
  });
  return { client: reportingPassingFaults(client, 'DynamoDB'), calls: () => calls };
}

const named = (name: string, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), { name, ...extra });

describe('passing faults of the AWS clients', () => {
  it('reach the use case as a TransientError once the SDK has retried', async () => {
    const { client, calls } = clientFailingWith(() => named('TimeoutError'));
    const error = await client.send(new GetItemCommand({ TableName: 't', Key: {} })).catch((e) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(/^DynamoDB GetItemCommand failed for now \(TimeoutError\)/);
    expect(calls()).toBe(2);
  });

  it('treat throttling, 5xx and reset connections as passing, and nothing else', () => {
    expect(isPassingFault(named('ProvisionedThroughputExceededException'))).toBe(true);
    expect(isPassingFault(named('Whatever', { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isPassingFault(named('Error', { code: 'ECONNRESET' }))).toBe(true);
    expect(
      isPassingFault(named('ConditionalCheckFailedException', { $metadata: { httpStatusCode: 400 } })),
    ).toBe(false);
    expect(isPassingFault(named('ValidationException'))).toBe(false);
    expect(isPassingFault(new TransientError('already classified'))).toBe(false);
  });

  it('let a meaningful error through unchanged', async () => {
    const { client } = clientFailingWith(() => named('ResourceNotFoundException'));
    const error = await client.send(new GetItemCommand({ TableName: 't', Key: {} })).catch((e) => e);
    expect(error).not.toBeInstanceOf(TransientError);
    expect(error.name).toBe('ResourceNotFoundException');
  });
});
