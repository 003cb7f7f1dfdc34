import * as z from 'zod';
import { formatCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Certificate } from '../model.js';
import type { Deps, WebhookOutboxEntry } from '../ports.js';
import { parseInput } from '../schemas.js';
import {
  disableReasonOf,
  nextAttemptAfter,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TIMEOUT_MS,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEventData,
  type WebhookEventType,
  webhookAttemptClaimKey,
  webhookDeliveryIdOf,
  webhookHeaders,
  webhookMessageIdOf,
  webhookSecretOf,
  webhookUrlProblem,
} from '../webhooks.js';
import { verificationUrlOf } from './produce-certificate.js';

/** What publishing an event needs: the endpoints, the outbox, the time. */
export type WebhookPublishDeps = Pick<Deps, 'webhookEndpoints' | 'webhookOutbox' | 'clock'>;

/** What delivering needs on top: the sender, the claim ledger, the retry schedule. */
export type WebhookDeliveryDeps = WebhookPublishDeps &
  Pick<Deps, 'webhookSender' | 'webhookRetryScheduleSeconds' | 'claims' | 'random' | 'claimLeaseMs'>;

const RECENT_FAILURES_KEPT = 5;

const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .superRefine((url, context) => {
      const problem = webhookUrlProblem(url);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
    .min(1, `name at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}`),
  description: z.string().trim().max(200).optional(),
});

/** An endpoint as staff see it after registration: everything but the secret. */
export function withoutSecret({ secret: _secret, ...endpoint }: WebhookEndpoint) {
  return endpoint;
}

/**
 * Registers a webhook endpoint (`POST /operator/webhooks`, `certs webhooks add`).
 *
 * 1. Check the URL (https, or http to this machine only) and the events.
 * 2. Draw an id and a secret (`whsec_` + 32 random bytes), store the endpoint enabled.
 * 3. Return the secret this once: no later answer carries it.
 */
export async function registerWebhookEndpoint(
  deps: Pick<Deps, 'webhookEndpoints' | 'clock' | 'random'>,
  rawRequest: unknown,
) {
  const request = parseInput(endpointSchema, rawRequest, 'webhook endpoint');
  const endpoint: WebhookEndpoint = {
    endpointId: `wh_${Buffer.from(deps.random.bytes(9)).toString('hex')}`,
    url: request.url,
    events: [...new Set(request.events)],
    ...(request.description ? { description: request.description } : {}),
    secret: webhookSecretOf(deps.random.bytes(32)),
    status: 'enabled',
    createdAt: deps.clock.now().toISOString(),
    exhaustedDeliveries: 0,
    recentFailures: [],
  };
  await deps.webhookEndpoints.putEndpoint(endpoint);
  return { ...withoutSecret(endpoint), secret: endpoint.secret };
}

export async function listWebhookEndpoints(deps: Pick<Deps, 'webhookEndpoints'>) {
  const endpoints = await deps.webhookEndpoints.listEndpoints();
  return endpoints.map(withoutSecret);
}

async function loadEndpoint(deps: Pick<Deps, 'webhookEndpoints'>, endpointId: string) {
  const endpoint = await deps.webhookEndpoints.getEndpoint(endpointId);
  if (!endpoint) throw new NotFoundError(`webhook endpoint ${endpointId} does not exist`);
  return endpoint;
}

/** Removes an endpoint; deliveries still in the outbox for it are dropped when they fall due. */
export async function removeWebhookEndpoint(deps: Pick<Deps, 'webhookEndpoints'>, endpointId: string) {
  if (!(await deps.webhookEndpoints.deleteEndpoint(endpointId)))
    throw new NotFoundError(`webhook endpoint ${endpointId} does not exist`);
  return { endpointId, removed: true };
}

/** Switches a disabled endpoint back on with a clean failure count (its failed deliveries can be replayed). */
export async function enableWebhookEndpoint(
  deps: Pick<Deps, 'webhookEndpoints' | 'clock'>,
  endpointId: string,
) {
  await loadEndpoint(deps, endpointId);
  await deps.webhookEndpoints.updateEndpoint(endpointId, {
    status: 'enabled',
    exhaustedDeliveries: 0,
    failingSince: undefined,
    disabledAt: undefined,
    disabledReason: undefined,
  });
  return withoutSecret(await loadEndpoint(deps, endpointId));
}

/** The endpoint's delivery log, newest first: each attempt with its status code and duration. */
export async function listWebhookDeliveries(deps: Pick<Deps, 'webhookEndpoints'>, endpointId: string) {
  const endpoint = await loadEndpoint(deps, endpointId);
  const deliveries = await deps.webhookEndpoints.listDeliveries(endpointId, 100);
  return {
    endpoint: withoutSecret(endpoint),
    deliveries: deliveries.map(({ body: _body, ...delivery }) => delivery),
  };
}

/**
 * Sends a delivery again, now, with a fresh retry schedule (a receiver that lost it, or one back from
 * an outage). The endpoint must be enabled.
 */
export async function replayWebhookDelivery(
  deps: WebhookPublishDeps,
  endpointId: string,
  deliveryId: string,
) {
  const endpoint = await loadEndpoint(deps, endpointId);
  if (endpoint.status !== 'enabled')
    throw new ConflictError(`webhook endpoint ${endpointId} is disabled; enable it before replaying`);
  const delivery = await deps.webhookEndpoints.getDelivery(endpointId, deliveryId);
  if (!delivery)
    throw new NotFoundError(`delivery ${deliveryId} of webhook endpoint ${endpointId} does not exist`);
  const dueAt = deps.clock.now().toISOString();
  const replayed = await deps.webhookEndpoints.updateDelivery(
    endpointId,
    deliveryId,
    { status: 'pending', roundAttempts: 0, nextAttemptAt: dueAt },
    delivery.attemptCount,
  );
  if (!replayed) throw new ConflictError(`delivery ${deliveryId} is being attempted right now; try again`);
  await deps.webhookOutbox.schedule({ endpointId, deliveryId, dueAt });
  return { endpointId, deliveryId, status: 'pending' as const, nextAttemptAt: dueAt };
}

export interface WebhookEventInput {
  type: WebhookEventType;
  /** What makes the event unique within its type (a certificate number): the event id is `<type>#<key>`. */
  key: string;
  data: WebhookEventData;
}

/**
 * Queues an event for every enabled endpoint that subscribed to it, exactly once per event and endpoint.
 *
 * 1. Read the endpoints (one small partition) and keep those that want this event.
 * 2. Put a delivery record per endpoint, put-if-absent on the deterministic event id: a replayed
 *    approval or a rerun job finds it there and queues nothing new.
 * 3. Put its outbox entry. A delivery left without one (a crash between 2 and 3) gets it from the
 *    next publication of the same event; the same entry put twice is stored once.
 */
export async function publishWebhookEvent(
  deps: WebhookPublishDeps,
  event: WebhookEventInput,
): Promise<{ queued: number }> {
  const endpoints = (await deps.webhookEndpoints.listEndpoints()).filter(
    (endpoint) => endpoint.status === 'enabled' && endpoint.events.includes(event.type),
  );
  if (endpoints.length === 0) return { queued: 0 };
  const eventId = `${event.type}#${event.key}`;
  const deliveryId = webhookDeliveryIdOf(eventId);
  const now = deps.clock.now().toISOString();
  const body = JSON.stringify({ type: event.type, timestamp: now, data: event.data });
  let queued = 0;
  for (const endpoint of endpoints) {
    const delivery: WebhookDelivery = {
      deliveryId,
      endpointId: endpoint.endpointId,
      eventId,
      type: event.type,
      body,
      status: 'pending',
      createdAt: now,
      nextAttemptAt: now,
      roundAttempts: 0,
      attemptCount: 0,
      attempts: [],
    };
    if (await deps.webhookEndpoints.createDelivery(delivery)) {
      await deps.webhookOutbox.schedule({ endpointId: endpoint.endpointId, deliveryId, dueAt: now });
      queued += 1;
      continue;
    }
    const existing = await deps.webhookEndpoints.getDelivery(endpoint.endpointId, deliveryId);
    if (existing?.status === 'pending' && existing.attemptCount === 0 && existing.nextAttemptAt)
      await deps.webhookOutbox.schedule({
        endpointId: endpoint.endpointId,
        deliveryId,
        dueAt: existing.nextAttemptAt,
      });
  }
  return { queued };
}

/** The event facts of a certificate: its number, course, status and where to verify it. */
function certificateData(
  deps: Pick<Deps, 'links'>,
  certificate: Certificate,
  status: string,
): WebhookEventData {
  return {
    certificateNumber: formatCertificateNumber(certificate.number),
    courseId: certificate.courseId,
    status,
    verificationUrl: verificationUrlOf(deps, certificate.number),
  };
}

export const certificateIssuedEvent = (
  deps: Pick<Deps, 'links'>,
  certificate: Certificate,
): WebhookEventInput => ({
  type: 'certificate.issued',
  key: certificate.number,
  data: {
    ...certificateData(deps, certificate, 'valid'),
    issuedAt: certificate.issuedAt,
    ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
  },
});

export const certificateRevokedEvent = (
  deps: Pick<Deps, 'links'>,
  certificate: Certificate,
  revokedAt: string,
): WebhookEventInput => ({
  type: 'certificate.revoked',
  key: certificate.number,
  data: { ...certificateData(deps, certificate, 'revoked'), revokedAt },
});

export const certificateCorrectedEvent = (
  deps: Pick<Deps, 'links'>,
  corrected: Certificate,
): WebhookEventInput => ({
  type: 'certificate.corrected',
  key: corrected.number,
  data: {
    ...certificateData(deps, corrected, 'valid'),
    ...(corrected.supersedes ? { supersedes: formatCertificateNumber(corrected.supersedes) } : {}),
    issuedAt: corrected.issuedAt,
  },
});

export const certificateExpiredEvent = (
  deps: Pick<Deps, 'links'>,
  certificate: Certificate,
): WebhookEventInput => ({
  type: 'certificate.expired',
  key: certificate.number,
  data: {
    ...certificateData(deps, certificate, 'expired'),
    ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
  },
});

/**
 * Publishes an event from a use case whose own work is already done (a revocation, a correction): a
 * failure to queue is reported, not thrown, and running the same operation again queues it.
 */
export async function publishAfterTheFact(
  deps: WebhookPublishDeps,
  event: WebhookEventInput,
): Promise<{ webhookError?: string }> {
  try {
    await publishWebhookEvent(deps, event);
    return {};
  } catch (error) {
    return { webhookError: `webhooks not queued: ${String(error)}` };
  }
}

/** `busy`: another live run holds this attempt; its outbox entry is kept until that run has recorded it. */
export type AttemptOutcome = 'delivered' | 'retry-scheduled' | 'gave-up' | 'skipped' | 'busy';

/**
 * Makes the next attempt of one delivery that is due (from the outbox).
 *
 * 1. Load the delivery and its endpoint. Nothing to do when it is delivered or given up, its endpoint
 *    was removed, or it is not due yet (an outbox entry left behind by a replay).
 * 2. A disabled endpoint gets nothing: the delivery is marked failed, for staff to replay once enabled.
 * 3. Claim attempt number n (the claim ledger): two runs holding the same outbox entry never both send.
 *    POST the body, signed for this attempt's time, with a timeout. The work never throws: a refused
 *    or failed POST is an outcome to record, not a reason to give the claim back.
 * 4. Record the attempt (status code, duration) on the delivery, conditionally on n - 1 attempts.
 *    2xx: delivered. Otherwise the next retry from the schedule goes into the outbox, or, with the
 *    schedule used up, the delivery is given up; an endpoint that keeps failing is disabled.
 */
export async function attemptWebhookDelivery(
  deps: WebhookDeliveryDeps,
  entry: WebhookOutboxEntry,
): Promise<AttemptOutcome> {
  const { endpointId, deliveryId } = entry;
  const [delivery, endpoint] = await Promise.all([
    deps.webhookEndpoints.getDelivery(endpointId, deliveryId),
    deps.webhookEndpoints.getEndpoint(endpointId),
  ]);
  const now = deps.clock.now();
  if (!delivery || !endpoint || delivery.status !== 'pending') return 'skipped';
  if (delivery.nextAttemptAt && delivery.nextAttemptAt > now.toISOString()) {
    // An entry left by an earlier schedule: make sure the current one is in the outbox (put twice, kept once).
    await deps.webhookOutbox.schedule({ endpointId, deliveryId, dueAt: delivery.nextAttemptAt });
    return 'skipped';
  }
  if (endpoint.status !== 'enabled') {
    await deps.webhookEndpoints.updateDelivery(
      endpointId,
      deliveryId,
      {
        status: 'failed',
        failedAt: now.toISOString(),
        lastError: 'endpoint disabled',
        nextAttemptAt: undefined,
      },
      delivery.attemptCount,
    );
    return 'gave-up';
  }

  const attemptNumber = delivery.attemptCount + 1;
  const claimKey = webhookAttemptClaimKey(endpointId, deliveryId, attemptNumber);
  const sent = await doOnce(
    deps,
    claimKey,
    async (): Promise<WebhookAttempt> => {
      const at = deps.clock.now();
      const started = Date.now();
      const headers = webhookHeaders(
        endpoint.secret,
        webhookMessageIdOf(delivery.eventId),
        at,
        delivery.body,
      );
      try {
        const { statusCode } = await deps.webhookSender.post(
          endpoint.url,
          headers,
          delivery.body,
          WEBHOOK_TIMEOUT_MS,
        );
        return { attempt: attemptNumber, at: at.toISOString(), statusCode, durationMs: Date.now() - started };
      } catch (error) {
        return {
          attempt: attemptNumber,
          at: at.toISOString(),
          durationMs: Date.now() - started,
          error:
            (error as Error).name === 'TimeoutError'
              ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms`
              : String(error),
        };
      }
    },
    { outcomeOf: (attempt) => ({ attempt: JSON.stringify(attempt) }) },
  );
  // A run that died after sending left the attempt's claim done but unrecorded: record it from the claim.
  const attempt: WebhookAttempt | undefined = sent.done
    ? sent.result
    : sent.why === 'already-done'
      ? JSON.parse((await deps.claims.get(claimKey))?.outcome?.attempt ?? 'null')
      : undefined;
  if (!attempt) return 'busy';
  return recordAttempt(deps, endpoint, delivery, attempt);
}

async function recordAttempt(
  deps: WebhookDeliveryDeps,
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  attempt: WebhookAttempt,
): Promise<AttemptOutcome> {
  const { endpointId, deliveryId } = delivery;
  const now = deps.clock.now();
  const delivered = attempt.statusCode !== undefined && attempt.statusCode >= 200 && attempt.statusCode < 300;
  const roundAttempts = delivery.roundAttempts + 1;
  const base = { attemptCount: attempt.attempt, roundAttempts, attempts: [...delivery.attempts, attempt] };
  const retryAt = delivered
    ? undefined
    : nextAttemptAfter(deps.webhookRetryScheduleSeconds, roundAttempts, now);
  const lastError = attempt.error ?? `HTTP ${attempt.statusCode}`;
  const changes: Partial<WebhookDelivery> = delivered
    ? {
        ...base,
        status: 'delivered',
        deliveredAt: attempt.at,
        nextAttemptAt: undefined,
        lastError: undefined,
      }
    : retryAt
      ? { ...base, nextAttemptAt: retryAt.toISOString(), lastError }
      : { ...base, status: 'failed', failedAt: attempt.at, nextAttemptAt: undefined, lastError };
  if (!(await deps.webhookEndpoints.updateDelivery(endpointId, deliveryId, changes, delivery.attemptCount)))
    return 'skipped';

  if (delivered) {
    await deps.webhookEndpoints.updateEndpoint(endpointId, {
      lastDeliveredAt: attempt.at,
      failingSince: undefined,
      exhaustedDeliveries: 0,
    });
    return 'delivered';
  }
  if (retryAt) await deps.webhookOutbox.schedule({ endpointId, deliveryId, dueAt: retryAt.toISOString() });
  const failing = {
    failingSince: endpoint.failingSince ?? attempt.at,
    exhaustedDeliveries: endpoint.exhaustedDeliveries + (retryAt ? 0 : 1),
  };
  const disabledReason = disableReasonOf(failing, now);
  await deps.webhookEndpoints.updateEndpoint(endpointId, {
    ...failing,
    recentFailures: [
      {
        at: attempt.at,
        deliveryId,
        ...(attempt.statusCode !== undefined ? { statusCode: attempt.statusCode } : {}),
        ...(attempt.error ? { error: attempt.error } : {}),
      },
      ...endpoint.recentFailures,
    ].slice(0, RECENT_FAILURES_KEPT),
    ...(disabledReason ? { status: 'disabled', disabledAt: now.toISOString(), disabledReason } : {}),
  });
  return retryAt ? 'retry-scheduled' : 'gave-up';
}

export interface WebhookRun {
  attempted: number;
  delivered: number;
  retriesScheduled: number;
  gaveUp: number;
  failed: { deliveryId: string; error: string }[];
}

/**
 * Works through the outbox entries that are due (every minute in AWS, every second or so locally).
 *
 * 1. Read up to `limit` due entries, oldest first (one key query on the outbox partition).
 * 2. Attempt each, a few at a time, and remove its entry once the attempt is recorded. An entry whose
 *    attempt failed to record stays, and the next run tries it again (the claim stops a second send).
 */
export async function deliverDueWebhooks(
  deps: WebhookDeliveryDeps,
  options: { limit?: number; concurrency?: number } = {},
): Promise<WebhookRun> {
  const run: WebhookRun = { attempted: 0, delivered: 0, retriesScheduled: 0, gaveUp: 0, failed: [] };
  const due = await deps.webhookOutbox.listDue(deps.clock.now(), options.limit ?? 50);
  const queue = [...due];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      try {
        const outcome = await attemptWebhookDelivery(deps, entry);
        // Kept for the next run: should the holder die, its lease lapses and that run takes the attempt over.
        if (outcome === 'busy') continue;
        if (outcome !== 'skipped') run.attempted += 1;
        if (outcome === 'delivered') run.delivered += 1;
        if (outcome === 'retry-scheduled') run.retriesScheduled += 1;
        if (outcome === 'gave-up') run.gaveUp += 1;
        await deps.webhookOutbox.remove(entry);
      } catch (error) {
        run.failed.push({ deliveryId: entry.deliveryId, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 5 }, worker));
  return run;
}
