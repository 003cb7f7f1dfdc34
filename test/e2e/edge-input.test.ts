import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { MAX_BODY_BYTES } from '../../functions/handlers/shared/body-limit.js';
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

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are what the tests check.
  json: any;
}

/** One request from a chosen loopback address (each describe below has its own, so the rate limit stays out of the way). */
const send = (
  localAddress: string,
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  body?: string | Buffer,
) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const url = new URL(stack.url);
    const request = httpRequest(
      { host: '127.0.0.1', port: url.port, method, path, headers, localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });

const operatorHeaders = (contentType: string) => ({ 'content-type': contentType, 'x-api-key': stack.apiKey });

/**
 * Streams `totalBytes` of filler, honouring backpressure, and reports the answer and how much the server
 * let through before the connection closed. A careful client stops sending at the answer and hangs up,
 * as curl does; a stubborn one keeps sending, so only the server can end it. With `declareLength`, the
 * length is announced up front; otherwise the body is chunked, so only reading it reveals its size.
 */
function streamBody(options: {
  localAddress: string;
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  totalBytes: number;
  declareLength?: number;
  stubborn?: boolean;
}) {
  return new Promise<{ answer?: RawAnswer; written: number; answeredMs?: number; closedMs: number }>(
    (resolve, reject) => {
      const url = new URL(stack.url);
      const started = Date.now();
      const request = httpRequest({
        host: '127.0.0.1',
        port: url.port,
        method: options.method,
        path: options.path,
        headers: {
          ...options.headers,
          ...(options.declareLength ? { 'content-length': options.declareLength } : {}),
        },
        localAddress: options.localAddress,
        agent: false,
      });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let written = 0;
      let stopped = false;
      let answer: RawAnswer | undefined;
      let answeredMs: number | undefined;
      const timer = setTimeout(() => {
        request.destroy();
        reject(new Error(`the connection was still open after ${written} bytes`));
      }, 20_000);
      request.on('response', (response) => {
        if (!options.stubborn) stopped = true;
        const chunks: Buffer[] = [];
        response.on('data', (part: Buffer) => chunks.push(part));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          answer = {
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: JSON.parse(text),
          };
          answeredMs = Date.now() - started;
          if (!options.stubborn) request.destroy();
        });
      });
      // The server cutting a stubborn upload short is what is expected.
      request.on('error', () => undefined);
      request.on('close', () => {
        clearTimeout(timer);
        resolve({ answer, written, answeredMs, closedMs: Date.now() - started });
      });
      const pump = () => {
        while (!stopped && !request.destroyed && written < options.totalBytes) {
          written += chunk.length;
          if (!request.write(chunk)) {
            request.once('drain', pump);
            return;
          }
        }
        if (!stopped && !request.destroyed) request.end();
      };
      pump();
    },
  );
}

describe('a body larger than the limit', () => {
  const overLimit = (answer: RawAnswer | undefined) => {
    expect(answer?.status).toBe(413);
    expect(answer?.headers.connection).toBe('close');
    expect(answer?.json.error).toContain(`${MAX_BODY_BYTES}`);
    expect(answer?.json.limitBytes).toBe(MAX_BODY_BYTES);
    expect(answer?.json.issues).toEqual([{ field: '(body)', message: expect.stringContaining('10 MB') }]);
  };
  const routes = [
    ['POST /verify', 'POST', '/verify', () => ({ 'content-type': 'application/pdf' })],
    ['an operator PUT', 'PUT', '/operator/participants/edge-big', () => operatorHeaders('application/json')],
  ] as const;

  it.each(routes)(
    '%s, streamed at 3x the limit: 413 naming the limit, as soon as the limit is passed',
    async (_what, method, path, headers) => {
      const { answer, written, answeredMs } = await streamBody({
        localAddress: '127.0.0.6',
        method,
        path,
        headers: headers(),
        totalBytes: 3 * MAX_BODY_BYTES,
      });
      overLimit(answer);
      expect(written).toBeLessThan(2 * MAX_BODY_BYTES);
      expect(answeredMs).toBeLessThan(5_000);
    },
  );

  it.each(routes)(
    '%s, to a client that keeps sending: read no further, closed, memory bounded',
    async (_what, method, path, headers) => {
      const rssBefore = process.memoryUsage().rss;
      const { answer, written, closedMs } = await streamBody({
        localAddress: '127.0.0.6',
        method,
        path,
        headers: headers(),
        totalBytes: 3 * MAX_BODY_BYTES,
        stubborn: true,
      });
      const rssGrowth = process.memoryUsage().rss - rssBefore;
      overLimit(answer);
      // The server stopped reading soon after the limit and closed: the rest was never taken in.
      expect(written).toBeLessThan(2 * MAX_BODY_BYTES);
      expect(closedMs).toBeLessThan(5_000);
      expect(rssGrowth).toBeLessThan(1.5 * MAX_BODY_BYTES);
    },
  );

  it('answers a declared Content-Length over the limit at once, before the body is read', async () => {
    const { answer, written, answeredMs } = await streamBody({
      localAddress: '127.0.0.6',
      method: 'POST',
      path: '/verify',
      headers: { 'content-type': 'application/pdf' },
      declareLength: 3 * MAX_BODY_BYTES,
      totalBytes: 3 * MAX_BODY_BYTES,
    });
    overLimit(answer);
    expect(written).toBeLessThan(MAX_BODY_BYTES);
    expect(answeredMs).toBeLessThan(2_000);
  });

  it('a body just under the limit still reaches the handler', async () => {
    const answer = await send(
      '127.0.0.6',
      'POST',
      '/verify',
      { 'content-type': 'application/pdf' },
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BODY_BYTES - 64, 0x20)]),
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ valid: false });
  });
});

describe('truncated and malformed multipart on POST /verify', () => {
  const boundary = 'edgeBoundary7MA4YWxkTrZu0gW';
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const filePart = (bytes: string, disposition = 'form-data; name="document"; filename="certificate.pdf"') =>
    `--${boundary}\r\ncontent-disposition: ${disposition}\r\ncontent-type: application/pdf\r\n\r\n${bytes}\r\n`;
  const postForm = (body: string, contentType = multipart) =>
    send('127.0.0.7', 'POST', '/verify', { 'content-type': contentType, accept: 'application/json' }, body);

  it.each([
    [
      'the closing boundary is missing',
      filePart('%PDF-1.7 cut short').replace(/\r\n$/, ''),
      multipart,
      '(body)',
      'closing boundary',
    ],
    [
      'a part ends without the closing boundary',
      filePart('%PDF-1.7 whole'),
      multipart,
      '(body)',
      'closing boundary',
    ],
    [
      'the part headers are cut short',
      `--${boundary}\r\ncontent-disposition: form-data; name="doc`,
      multipart,
      '(body)',
      'cut short',
    ],
    [
      'the part has no filename',
      `${filePart('%PDF-1.7', 'form-data; name="document"')}--${boundary}--\r\n`,
      multipart,
      'document',
      'no filename',
    ],
    [
      'the content-type has no boundary',
      `${filePart('%PDF-1.7')}--${boundary}--\r\n`,
      'multipart/form-data',
      'content-type',
      'boundary',
    ],
    ['the file part is empty', `${filePart('')}--${boundary}--\r\n`, multipart, 'document', 'empty'],
  ])('%s: 400 naming it', async (_what, body, contentType, field, words) => {
    const answer = await postForm(body, contentType);
    expect(answer.status).toBe(400);
    expect(answer.json.issues).toEqual([{ field, message: expect.stringContaining(words) }]);
    expect(answer.text).not.toMatch(/at \w+ \(|Error:/);
  });

  it('still reads a whole form', async () => {
    const answer = await postForm(`${filePart('%PDF-1.7 not ours')}--${boundary}--\r\n`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ valid: false });
  });
});

describe('wrong content types', () => {
  const participant = JSON.stringify({
    fullName: 'Thandi Edge',
    email: 'thandi.edge@example.org',
    consentToPublicName: true,
  });

  it('POST /verify with text/plain that is not a VC-JWT: 415 naming content-type', async () => {
    const answer = await send(
      '127.0.0.8',
      'POST',
      '/verify',
      { 'content-type': 'text/plain' },
      'hello, is this real?',
    );
    expect(answer.status).toBe(415);
    expect(answer.json.issues).toEqual([
      { field: 'content-type', message: expect.stringContaining('VC-JWT') },
    ]);
  });

  it('POST /verify with text/xml: 415 naming content-type', async () => {
    const answer = await send(
      '127.0.0.8',
      'POST',
      '/verify',
      { 'content-type': 'text/xml' },
      '<certificate/>',
    );
    expect(answer.status).toBe(415);
    expect(answer.json.issues).toEqual([
      { field: 'content-type', message: expect.stringContaining('application/pdf') },
    ]);
  });

  it.each([
    ['text/xml', '<participant><fullName>Thandi</fullName></participant>'],
    ['text/plain', participant],
    ['application/x-www-form-urlencoded', 'fullName=Thandi'],
  ])('operator PUT with %s: 415 naming content-type', async (contentType, body) => {
    const answer = await send(
      '127.0.0.8',
      'PUT',
      '/operator/participants/edge-ct',
      operatorHeaders(contentType),
      body,
    );
    expect(answer.status).toBe(415);
    expect(answer.json.issues).toEqual([
      { field: 'content-type', message: expect.stringContaining('application/json') },
    ]);
  });

  it.each([
    ['a body that is not JSON', 'fullName: Thandi'],
    ['JSON cut short', participant.slice(0, -5)],
  ])('operator PUT with %s: 400 naming the body, no stack trace', async (_what, body) => {
    const answer = await send(
      '127.0.0.8',
      'PUT',
      '/operator/participants/edge-ct',
      operatorHeaders('application/json'),
      body,
    );
    expect(answer.status).toBe(400);
    expect(answer.json.issues).toEqual([{ field: '(body)', message: 'is not valid JSON' }]);
    expect(answer.text).not.toMatch(/SyntaxError|at JSON\.parse|position \d/);
  });

  it('accepts JSON with a charset and a +json type', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const answer = await send(
        '127.0.0.8',
        'PUT',
        '/operator/participants/edge-ct',
        operatorHeaders(contentType),
        participant,
      );
      expect(answer.status, contentType).toBe(200);
    }
  });
});

describe('after all of that, the system keeps serving', () => {
  it('answers /health and verifies a certificate it issued, as a PDF and as a VC-JWT', async () => {
    const api = apiClient(stack);
    expect((await send('127.0.0.9', 'GET', '/health', {})).status).toBe(200);
    const setUp = [
      [
        '/operator/courses/edge-after',
        {
          courseId: 'edge-after',
          title: 'Edge Aftercare',
          description: 'Still standing.',
          criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
          signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
        },
      ],
      [
        '/operator/participants/edge-after-1',
        {
          fullName: 'Ayanda Khumalo',
          email: 'ayanda.edge@example.org',
          consentToPublicName: true,
          consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'edge test' },
        },
      ],
      [
        '/operator/progress/edge-after-1/edge-after',
        {
          completedModuleIds: [],
          quizScores: {},
          peerReviewPassed: false,
          completedAt: '2026-11-20T10:00:00.000Z',
        },
      ],
    ] as const;
    for (const [path, body] of setUp) expect((await api.request('PUT', path, body)).status, path).toBe(200);
    const settled = await api.approveAndSettle('edge-after-1', 'edge-after');
    expect(settled.status).toBe('issued');
    const canonical = settled.certificate.number.replace(/-/g, '');
    const record = await stack.deps.certificates.getCertificate(canonical);
    const pdf = Buffer.from((await stack.deps.documents.get(record!.document.key))!);
    const byPdf = await send('127.0.0.9', 'POST', '/verify', { 'content-type': 'application/pdf' }, pdf);
    expect(byPdf.json).toMatchObject({ valid: true });
    const number = formatCertificateNumber(canonical);
    const token = await send('127.0.0.9', 'GET', `/certificates/${number}/credential`, {});
    expect(token.status).toBe(200);
    const byJwt = await send(
      '127.0.0.9',
      'POST',
      '/verify',
      { 'content-type': 'application/jwt' },
      token.text,
    );
    expect(byJwt.json).toMatchObject({ valid: true });
  });
});
