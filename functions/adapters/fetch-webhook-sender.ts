import type { WebhookSender } from '../core/ports.js';

/**
 * Sends webhooks with Node's fetch. Redirects are not followed (a 3xx counts as a failed attempt), so a
 * registered https URL cannot bounce the signed body elsewhere; the answer's body is not read.
 */
export const fetchWebhookSender: WebhookSender = {
  async post(url, headers, body, timeoutMs) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'user-agent': 'SayPro-Certificates-Webhooks/1' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return { statusCode: response.status };
  },
};
