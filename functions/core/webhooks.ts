import { createHash, createHmac } from 'node:crypto';

/**
 * Outbound webhooks: what events there are, how a delivery is signed (the Standard Webhooks scheme),
 * and when a failed delivery is tried again.
 */

export const WEBHOOK_EVENT_TYPES = [
  'certificate.issued',
  'certificate.revoked',
  'certificate.corrected',
  'certificate.expired',
  'approval.not_eligible',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an integration is told: ids, statuses and codes only, never a name or an email address. */
export interface WebhookEventData {
  certificateNumber?: string;
  /** The number a corrected certificate replaces. */
  supersedes?: string;
  approvalId?: string;
  courseId: string;
  status: string;
  verificationUrl?: string;
  issuedAt?: string;
  revokedAt?: string;
  expiresAt?: string;
  /** Codes of what is missing (model.ts UnmetRequirement), without the wording. */
  reasons?: string[];
}

/** One staff-registered receiver of events. */
export interface WebhookEndpoint {
  endpointId: string;
  url: string;
  events: WebhookEventType[];
  description?: string;
  /** `whsec_` + base64 of 32 random bytes; returned once, when the endpoint is registered. */
  secret: string;
  status: 'enabled' | 'disabled';
  createdAt: string;
  disabledAt?: string;
  disabledReason?: string;
  /** The first failed attempt since the last delivered one; absent while deliveries succeed. */
  failingSince?: string;
  /** Deliveries in a row that used every retry without a 2xx. */
  exhaustedDeliveries: number;
  lastDeliveredAt?: string;
  /** The last few failed attempts, newest first, for staff. */
  recentFailures: { at: string; deliveryId: string; statusCode?: number; error?: string }[];
}

/** One try at one delivery, as staff see it in the delivery log. */
export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode?: number;
  durationMs: number;
  error?: string;
}

/** One event for one endpoint: created once (put-if-absent), then tried until delivered or given up. */
export interface WebhookDelivery {
  deliveryId: string;
  endpointId: string;
  /** Deterministic, e.g. `certificate.issued#<number>`: the same event is never a second delivery. */
  eventId: string;
  type: WebhookEventType;
  /** The exact JSON sent, the same on every attempt (only the signature's timestamp changes). */
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  createdAt: string;
  nextAttemptAt?: string;
  /** Attempts since the delivery was created or last replayed: where it is in the retry schedule. */
  roundAttempts: number;
  /** Every attempt ever made, replays included (numbers the claims, so none is made twice). */
  attemptCount: number;
  attempts: WebhookAttempt[];
  deliveredAt?: string;
  failedAt?: string;
  lastError?: string;
}

/**
 * Seconds to wait before each retry after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
 * Eight attempts over about 27.6 hours, so a receiver down for a day still gets the event.
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];

/** An endpoint is disabled once this many deliveries in a row used all their retries… */
export const DISABLE_AFTER_EXHAUSTED_DELIVERIES = 3;
/** …or once it has failed every attempt for this long. */
export const DISABLE_AFTER_FAILING_DAYS = 5;
/** How long one attempt may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** When the next attempt is due after `roundAttempts` failed ones, or undefined: give up. */
export function nextAttemptAfter(
  schedule: readonly number[],
  roundAttempts: number,
  failedAt: Date,
): Date | undefined {
  const delay = schedule[roundAttempts - 1];
  return delay === undefined ? undefined : new Date(failedAt.getTime() + delay * 1000);
}

/** Whether an endpoint that just failed again should be switched off, and why. */
export function disableReasonOf(
  endpoint: Pick<WebhookEndpoint, 'failingSince' | 'exhaustedDeliveries'>,
  now: Date,
): string | undefined {
  if (endpoint.exhaustedDeliveries >= DISABLE_AFTER_EXHAUSTED_DELIVERIES)
    return `${endpoint.exhaustedDeliveries} deliveries in a row failed every retry`;
  if (
    endpoint.failingSince &&
    now.getTime() - new Date(endpoint.failingSince).getTime() >= DISABLE_AFTER_FAILING_DAYS * 86_400_000
  )
    return `every attempt has failed since ${endpoint.failingSince}`;
  return undefined;
}

/** A new endpoint secret: `whsec_` and the base64 of 32 random bytes (the spec asks for 24 to 64). */
export const webhookSecretOf = (randomBytes: Uint8Array) =>
  `whsec_${Buffer.from(randomBytes).toString('base64')}`;

/**
 * The `webhook-signature` header of one attempt, as the Standard Webhooks specification defines it:
 * `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, keyed by the secret's bytes (the base64
 * after `whsec_`). Any of that specification's libraries verifies it.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The headers sent with one attempt. */
export function webhookHeaders(secret: string, messageId: string, at: Date, body: string) {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, messageId, timestamp, body),
  };
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** The `webhook-id` of an event: the same for every endpoint and every retry, so receivers can dedupe. */
export const webhookMessageIdOf = (eventId: string) => `msg_${shortHash(eventId)}`;

/** The id of one event's delivery to one endpoint (URL-safe, unlike the event id). */
export const webhookDeliveryIdOf = (eventId: string) => `dlv_${shortHash(eventId)}`;

/** The once-only key of one attempt: a repeated outbox entry or an overlapping run never sends twice. */
export const webhookAttemptClaimKey = (endpointId: string, deliveryId: string, attempt: number) =>
  `webhook-attempt#${endpointId}#${deliveryId}#${attempt}`;

/** https, or plain http to this machine only (the local stack and its tests). */
export function webhookUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))
    return undefined;
  return 'must use https (plain http only to 127.0.0.1 or localhost)';
}
