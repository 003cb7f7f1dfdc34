import type {
  WebhookEndpoints,
  WebhookOutbox,
  WebhookOutboxEntry,
  WebhookSender,
} from '../../functions/core/ports.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../functions/core/webhooks.js';

const clone = <T>(value: T): T => structuredClone(value);

/** Drops the keys whose value is undefined, as the DynamoDB adapter's REMOVE does. */
function applyChanges<T extends object>(target: T, changes: object): T {
  const next = { ...target, ...changes } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
  return next as T;
}

/**
 * Webhook endpoints, deliveries and outbox in memory, with the adapter's put-if-absent and
 * attempt-count conditions; a sender that records what it was given and answers from a script.
 */
export function inMemoryWebhooks() {
  const endpoints = new Map<string, WebhookEndpoint>();
  const deliveries = new Map<string, WebhookDelivery>();
  const outbox = new Map<string, WebhookOutboxEntry>();
  const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
  /** Status codes (or errors) the sender answers with, in turn; 200 once they run out. */
  const answers: (number | Error)[] = [];
  const deliveryKey = (endpointId: string, deliveryId: string) => `${endpointId}#${deliveryId}`;
  const outboxKey = (entry: WebhookOutboxEntry) => `${entry.dueAt}#${entry.endpointId}#${entry.deliveryId}`;

  const store: WebhookEndpoints = {
    putEndpoint: async (endpoint) => void endpoints.set(endpoint.endpointId, clone(endpoint)),
    getEndpoint: async (id) => clone(endpoints.get(id)),
    listEndpoints: async () => [...endpoints.values()].map(clone),
    updateEndpoint: async (id, changes) => {
      const found = endpoints.get(id);
      if (found) endpoints.set(id, applyChanges(found, clone(changes)));
    },
    deleteEndpoint: async (id) => endpoints.delete(id),
    createDelivery: async (delivery) => {
      const key = deliveryKey(delivery.endpointId, delivery.deliveryId);
      if (deliveries.has(key)) return false;
      deliveries.set(key, clone(delivery));
      return true;
    },
    getDelivery: async (endpointId, deliveryId) => clone(deliveries.get(deliveryKey(endpointId, deliveryId))),
    updateDelivery: async (endpointId, deliveryId, changes, expected) => {
      const key = deliveryKey(endpointId, deliveryId);
      const found = deliveries.get(key);
      if (!found || (expected !== undefined && found.attemptCount !== expected)) return false;
      deliveries.set(key, applyChanges(found, clone(changes)));
      return true;
    },
    listDeliveries: async (endpointId, limit) =>
      [...deliveries.values()]
        .filter((delivery) => delivery.endpointId === endpointId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit)
        .map(clone),
  };
  const queue: WebhookOutbox = {
    schedule: async (entry) => void outbox.set(outboxKey(entry), clone(entry)),
    listDue: async (now, limit) =>
      [...outbox.entries()]
        .filter(([, entry]) => entry.dueAt <= now.toISOString())
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(0, limit)
        .map(([, entry]) => clone(entry)),
    remove: async (entry) => void outbox.delete(outboxKey(entry)),
  };
  const sender: WebhookSender = {
    post: async (url, headers, body) => {
      sent.push({ url, headers, body });
      const answer = answers.shift() ?? 200;
      if (answer instanceof Error) throw answer;
      return { statusCode: answer };
    },
  };
  return { store, queue, sender, endpoints, deliveries, outbox, sent, answers };
}
