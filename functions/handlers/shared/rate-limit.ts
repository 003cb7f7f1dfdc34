/**
 * A per-client limit on the public verification routes: a fixed one-minute window per source IP, kept
 * in the function's memory. In AWS the API stage's throttling and the optional WAF rate rule limit
 * across instances; this one answers 429 with Retry-After on the local stack and inside each instance.
 */
export class PerClientRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait when over the limit; undefined when the request may go ahead. */
  retryAfter(client: string): number | undefined {
    if (this.perMinute <= 0) return undefined;
    const now = this.now();
    const window = this.windows.get(client);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear(); // bounded memory under a flood of addresses
      this.windows.set(client, { start: now, count: 1 });
      return undefined;
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.start + 60_000 - now) / 1000) : undefined;
  }
}
