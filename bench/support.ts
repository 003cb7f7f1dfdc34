/** What the benchmarks share: percentiles, the load average they print, and a caller of the local operator API. */
import { loadavg } from 'node:os';

/** The p-th percentile of values sorted ascending (nearest rank); NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The 1, 5 and 15 minute load averages, as printed next to every figure: compare runs at a like load. */
export const loadAverages = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

/**
 * Calls the local stack's API with the operator key. No retry of a busy answer (unlike the tests'
 * apiClient): what a benchmark measures includes every refusal.
 */
export function operatorCaller(stack: { url: string; apiKey: string }) {
  const base = stack.url.replace('localhost', '127.0.0.1');
  return async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': contentType, 'x-api-key': stack.apiKey },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
  };
}
