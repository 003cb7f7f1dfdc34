import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient } from '../support/local-api.js';

// Read by the public API handler when the stack builds it; small so a flood is cheap to provoke.
const RATE_LIMIT_PER_MINUTE = 20;
process.env.VERIFY_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT_PER_MINUTE);

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** A GET with the path sent as written (fetch would normalise it) from a chosen loopback address. */
const rawGet = (localAddress: string, path: string) =>
  new Promise<{ status: number; retryAfter: string | undefined; body: string }>((resolve, reject) => {
    const url = new URL(stack.url);
    const request = httpRequest(
      { host: '127.0.0.1', port: url.port, path, localAddress, agent: false },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] as string | undefined,
            body,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });

describe('malformed percent-encoding in the path', () => {
  it('answers 400 naming the parameter, not 500', async () => {
    const response = await rawGet('127.0.0.1', '/certificates/%E0%A4%A');
    expect(response.status).toBe(400);
    const body = JSON.parse(response.body);
    expect(body.error).toContain('percent-encoding');
    expect(body.issues[0].field).toBe('number');
    expect(response.body).not.toContain('URIError');
    // The API keeps serving after.
    expect((await rawGet('127.0.0.1', '/health')).status).toBe(200);
  });
});

describe('rate limit counts malformed requests; /health is never limited', () => {
  it('limits a flood of malformed requests with 429 and Retry-After', async () => {
    const client = '127.0.0.4';
    const statuses: number[] = [];
    for (let sent = 0; sent < RATE_LIMIT_PER_MINUTE; sent += 1)
      statuses.push((await rawGet(client, '/certificates/%E0%A4%A')).status);
    expect(statuses).toEqual(Array(RATE_LIMIT_PER_MINUTE).fill(400));
    const limited = await rawGet(client, '/certificates/%E0%A4%A');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    // A monitor from the same, limited address still reads /health.
    expect((await rawGet(client, '/health')).status).toBe(200);
  });

  it('does not limit /health however often it is asked', async () => {
    const client = '127.0.0.5';
    for (let sent = 0; sent < RATE_LIMIT_PER_MINUTE * 2; sent += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => rawGet(client, '/health')));
      expect(batch.map((response) => response.status)).toEqual(Array(10).fill(200));
    }
  });
});

describe('NUL and bidirectional-override characters in text fields', () => {
  const participant = (fullName: string) => ({
    fullName,
    email: 'edge.person@example.org',
    consentToPublicName: true,
  });

  it.each([
    ['a NUL byte', 'Nomsa\u0000 Dlamini'],
    ['a right-to-left override', '\u202Eanimold asmoN'],
    ['a first-strong isolate', 'Nomsa \u2068Dlamini\u2069'],
  ])('refuses %s in fullName with 400 naming the field', async (_what, fullName) => {
    const response = await apiClient(stack).request(
      'PUT',
      '/operator/participants/edge-1',
      participant(fullName),
    );
    expect(response.status).toBe(400);
    expect(response.json.issues).toEqual([
      { field: 'fullName', message: expect.stringContaining('bidirectional override') },
    ]);
  });

  it('refuses them in a course title and a signatory name, naming each field', async () => {
    const response = await apiClient(stack).request('PUT', '/operator/courses/edge-course', {
      courseId: 'edge-course',
      title: 'Safety\u202E first',
      criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
      signatory: { name: 'Lindiwe\u0000', title: 'Director' },
    });
    expect(response.status).toBe(400);
    expect(response.json.issues.map((issue: { field: string }) => issue.field).sort()).toEqual([
      'signatory.name',
      'title',
    ]);
  });

  it('still accepts decomposed accents, Zulu, Arabic and CJK names, and keeps serving', async () => {
    for (const fullName of ['Rene\u0301e Botha', 'Nomvula Ngcobo', 'فاطمة الزهراء', '王秀英']) {
      const response = await apiClient(stack).request(
        'PUT',
        '/operator/participants/edge-2',
        participant(fullName),
      );
      expect(response.status, fullName).toBe(200);
    }
  });
});
