import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { TransientError } from '../../functions/core/errors.js';
import {
  BODY_TOO_LARGE,
  eventBodyBytes,
  MAX_BODY_BYTES,
} from '../../functions/handlers/shared/body-limit.js';
import { errorResponse, type HttpRequest, httpApi, json } from '../../functions/handlers/shared/http-api.js';
import { firstUploadedFile } from '../../functions/handlers/shared/multipart.js';
import { localLambdaContext } from '../../functions/local/lambda-context.js';

/** An API Gateway v1 event as the REST API sends it to a proxy integration. */
const event = (body: string | null, isBase64Encoded: boolean, contentType: string) =>
  ({
    resource: '/echo',
    path: '/echo',
    httpMethod: 'POST',
    headers: { 'Content-Type': contentType },
    body,
    isBase64Encoded,
    pathParameters: null,
    queryStringParameters: null,
    requestContext: { identity: { sourceIp: '198.51.100.7' } },
  }) as unknown as APIGatewayProxyEvent;

describe('the handlers hold bodies to the same limit as API Gateway and the local bridge', () => {
  const seen: HttpRequest[] = [];
  const echo = (body: 'json' | 'any') =>
    httpApi([
      {
        method: 'POST',
        resource: '/echo',
        body,
        handle: async (request) => {
          seen.push(request);
          return json(200, { bytes: request.rawBody.length });
        },
      },
    ]);
  const call = (handler: ReturnType<typeof echo>, e: APIGatewayProxyEvent) =>
    handler(e, localLambdaContext('echo'));

  it('answers a base64 body whose decoded size passes the limit with the same 413, not running the route', async () => {
    seen.length = 0;
    const over = Buffer.alloc(MAX_BODY_BYTES + 1).toString('base64');
    const answer = await call(echo('any'), event(over, true, 'application/pdf'));
    expect(answer.statusCode).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(BODY_TOO_LARGE);
    expect(seen).toEqual([]);
  });

  it('lets a base64 body of exactly the limit through (the base64 text itself is a third larger)', async () => {
    const exact = Buffer.alloc(MAX_BODY_BYTES).toString('base64');
    expect(exact.length).toBeGreaterThan(MAX_BODY_BYTES);
    const answer = await call(echo('any'), event(exact, true, 'application/pdf'));
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ bytes: MAX_BODY_BYTES });
  });

  it('counts a text body in UTF-8 bytes, not characters', async () => {
    const text = JSON.stringify({ note: 'é'.repeat(MAX_BODY_BYTES / 2) });
    expect(text.length).toBeLessThan(MAX_BODY_BYTES);
    const answer = await call(echo('json'), event(text, false, 'application/json'));
    expect(answer.statusCode).toBe(413);
  });

  it('works out the decoded size of base64 exactly, padding included', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 1000])
      expect(eventBodyBytes({ body: Buffer.alloc(size).toString('base64'), isBase64Encoded: true })).toBe(
        size,
      );
  });

  it('answers a JSON route sent another content type with 415 naming the header', async () => {
    const answer = await call(echo('json'), event('<a/>', false, 'text/xml'));
    expect(answer.statusCode).toBe(415);
    expect(JSON.parse(answer.body).issues).toEqual([
      { field: 'content-type', message: expect.stringContaining('application/json') },
    ]);
  });
});

describe('reading a multipart form', () => {
  const form = (...parts: string[]) => Buffer.from(parts.join('\r\n'));
  const type = 'multipart/form-data; boundary=XyZ';

  it('reads the file part, byte for byte, after other fields', () => {
    const reading = firstUploadedFile(
      form(
        '--XyZ',
        'content-disposition: form-data; name="note"',
        '',
        'hello',
        '--XyZ',
        'content-disposition: form-data; name="document"; filename="a.pdf"',
        'content-type: application/pdf',
        '',
        '%PDF-1.7\r\n--XyZnot a boundary',
        '--XyZ--',
        '',
      ),
      type,
    );
    expect(reading).toEqual({
      ok: true,
      file: { contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\r\n--XyZnot a boundary') },
    });
  });

  it('refuses a form whose file part is not closed, naming the body', () => {
    const reading = firstUploadedFile(
      form('--XyZ', 'content-disposition: form-data; name="document"; filename="a.pdf"', '', '%PDF-1.7 cut'),
      type,
    );
    expect(reading).toEqual({
      ok: false,
      field: '(body)',
      problem: expect.stringContaining('closing boundary'),
    });
  });
});

describe('a passing fault behind a route', () => {
  it('answers 503 with Retry-After, so the caller sends the same request again, and never a stack trace', () => {
    const response = errorResponse(
      new TransientError('DynamoDB PutItemCommand failed for now (TimeoutError)'),
    );
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(JSON.parse(response.body)).toEqual({
      error: 'Busy for a moment: please send the same request again.',
    });
    const unexpected = errorResponse(new Error('secret detail'));
    expect(unexpected.statusCode).toBe(500);
    expect(unexpected.body).not.toContain('secret detail');
  });
});
