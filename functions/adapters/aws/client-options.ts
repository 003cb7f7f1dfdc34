import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransientError } from '../../core/errors.js';

/** Local stand-ins accept any key pair; a fixed one keeps the SDK from looking for real credentials. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Options for one client: the real service through the default credential chain, or a local endpoint. */
export function clientOptions(region: string, endpoint: string | undefined) {
  // maxAttempts is the SDK's default too; stated so the retry budget is visible next to the workflow's own retries.
  const common = { region, maxAttempts: 3 };
  return endpoint ? { ...common, endpoint, credentials: LOCAL_CREDENTIALS } : common;
}

/**
 * DynamoDB's options: as clientOptions, but DynamoDB Local gets a larger retry budget: on a loaded machine
 * its answers (InternalFailure, timeouts: retryable by the SDK) pass more slowly than a real table's. The
 * real service keeps the budget of 3.
 */
export function dynamoDbClientOptions(region: string, endpoint: string | undefined) {
  const options = clientOptions(region, endpoint);
  return endpoint ? { ...options, maxAttempts: 6 } : options;
}

/**
 * The DynamoDB document client every store uses. Kept apart from clients.ts, which builds every SDK
 * client, so the verification function's bundle carries DynamoDB only.
 */
export function createDocumentClient(region: string, endpoint: string | undefined): DynamoDBDocumentClient {
  return documentClientOver(
    reportingPassingFaults(new DynamoDBClient(dynamoDbClientOptions(region, endpoint)), 'DynamoDB'),
  );
}

/** Error names the SDKs give a fault that passes: throttling, timeouts, a service briefly unavailable. */
const PASSING_FAULT_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionConflictException',
  'KMSInternalException',
  'DependencyTimeoutException',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND']);

/** Whether an SDK error is worth the same call again later (after the SDK's own retries gave up). */
export function isPassingFault(error: unknown): boolean {
  const details = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (!details || details instanceof TransientError) return false;
  return (
    PASSING_FAULT_NAMES.has(details.name ?? '') ||
    NETWORK_CODES.has(details.code ?? '') ||
    (details.$metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** Every SDK client's middleware stack has this shape; typed loosely so one helper serves all clients. */
export interface AnyMiddlewareStack {
  add(
    middleware: (
      next: (args: unknown) => Promise<unknown>,
      context: { commandName?: string },
    ) => (args: unknown) => Promise<unknown>,
    options: { step: 'initialize' | 'serialize'; name: string; override?: boolean; priority?: 'high' },
  ): void;
}

/**
 * Turns a passing fault that outlasted the SDK's own retries into the domain's TransientError, so the
 * workflow's Retry (and a stream batch's retry) tries the step again instead of parking the approval as
 * failed. Added at the outermost step, it sees the error only once the SDK has given up; errors that
 * mean something (a refused condition, a missing key) pass through unchanged.
 */
export function reportingPassingFaults<Client extends { middlewareStack: unknown }>(
  client: Client,
  service: string,
): Client {
  const stack = client.middlewareStack as AnyMiddlewareStack;
  stack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!isPassingFault(error)) throw error;
        const { name, message } = error as Error;
        throw new TransientError(
          `${service} ${context.commandName ?? ''} failed for now (${name}): ${message}`,
          {
            cause: error,
          },
        );
      }
    },
    { step: 'initialize', name: 'reportPassingFaults', override: true },
  );
  return client;
}

export function documentClientOver(dynamodb: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
}
