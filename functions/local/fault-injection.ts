import { appendFileSync } from 'node:fs';
import type { AnyMiddlewareStack } from '../adapters/aws/client-options.js';
import type { AwsClients } from '../adapters/aws/clients.js';

/**
 * Faults injected at the AWS clients of the local stack, for the chaos run (`npm run chaos`): the errors
 * AWS really gives under load, at a chosen rate, so the system's retries, leases and conditional writes
 * are proven against them. Off unless asked for (`CHAOS_FAULT_RATE`); never part of the Lambda bundles.
 *
 * Each fault is thrown inside the passing-fault classifier (client-options.ts) and outside the SDK's own
 * retry, so it reaches the use case as it would after the SDK gave up: the harshest case.
 */

export interface FaultInjectionOptions {
  /** Share of AWS calls that fail, 0–1. */
  rate: number;
  /** Seed of the random choice, so a run can be repeated. */
  seed?: number;
  /** A file that gets one JSON line per injected fault, so the count survives kill -9. */
  journal?: string;
}

type Service = 'DynamoDB' | 'S3' | 'KMS' | 'SES';

interface Fault {
  kind: string;
  /** After the request went through: the answer is lost, as on a timeout after the service acted. */
  afterSend: boolean;
  error: () => Error;
}

const awsError = (name: string, status: number, message: string) =>
  Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { name: 'Error', code });
const timeout = () => Object.assign(new Error('socket hang up (injected timeout)'), { name: 'TimeoutError' });

/**
 * What each service is made to do. A lost answer is injected only where the system must cope with it:
 * DynamoDB, S3 and KMS calls are conditional or repeatable. An email whose answer is lost cannot be told
 * apart from one never sent (SES has no idempotency key), so SES gets only faults that mean "not sent".
 */
const FAULTS: Record<Service, Fault[]> = {
  DynamoDB: [
    {
      kind: 'throttled',
      afterSend: false,
      error: () => awsError('ProvisionedThroughputExceededException', 400, 'Rate exceeded'),
    },
    {
      kind: '5xx',
      afterSend: false,
      error: () => awsError('InternalServerError', 500, 'Internal server error'),
    },
    { kind: 'connection reset', afterSend: false, error: () => networkError('ECONNRESET') },
    { kind: 'timeout after write', afterSend: true, error: timeout },
  ],
  S3: [
    {
      kind: 'throttled',
      afterSend: false,
      error: () => awsError('SlowDown', 503, 'Please reduce your request rate'),
    },
    {
      kind: '5xx',
      afterSend: false,
      error: () => awsError('InternalError', 500, 'We encountered an internal error'),
    },
    { kind: 'timeout after write', afterSend: true, error: timeout },
  ],
  KMS: [
    {
      kind: 'throttled',
      afterSend: false,
      error: () => awsError('ThrottlingException', 400, 'Rate exceeded'),
    },
    {
      kind: '5xx',
      afterSend: false,
      error: () => awsError('KMSInternalException', 500, 'KMS internal error'),
    },
    { kind: 'timeout after call', afterSend: true, error: timeout },
  ],
  SES: [
    {
      kind: 'throttled',
      afterSend: false,
      error: () => awsError('TooManyRequestsException', 429, 'Maximum sending rate exceeded'),
    },
    { kind: '5xx', afterSend: false, error: () => awsError('InternalFailure', 500, 'Internal failure') },
    { kind: 'connection refused', afterSend: false, error: () => networkError('ECONNREFUSED') },
  ],
};

/** mulberry32: small, seedable, good enough to pick faults. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface InjectedFaults {
  /** Count per service and kind, e.g. `{ "DynamoDB timeout after write": 12 }`. */
  counts: Record<string, number>;
}

/** Adds the fault injector to each client (not DynamoDB Streams: the stream poller has its own retry). */
export function injectFaults(clients: AwsClients, options: FaultInjectionOptions): InjectedFaults {
  const injected: InjectedFaults = { counts: {} };
  const random = seededRandom(options.seed ?? Date.now());
  const targets: [Service, { middlewareStack: unknown }][] = [
    ['DynamoDB', clients.dynamodb],
    ['S3', clients.s3],
    ['KMS', clients.kms],
    ['SES', clients.ses],
  ];
  for (const [service, client] of targets) {
    const stack = client.middlewareStack as AnyMiddlewareStack;
    stack.add(
      (next, context) => async (args) => {
        if (random() >= options.rate) return next(args);
        const choices = FAULTS[service];
        const fault = choices[Math.floor(random() * choices.length)]!;
        const label = `${service} ${fault.kind}`;
        injected.counts[label] = (injected.counts[label] ?? 0) + 1;
        if (options.journal) {
          appendFileSync(
            options.journal,
            `${JSON.stringify({ service, kind: fault.kind, command: context.commandName })}\n`,
          );
        }
        if (fault.afterSend) await next(args);
        throw fault.error();
      },
      { step: 'serialize', name: 'chaosFaultInjection', priority: 'high' },
    );
  }
  return injected;
}
