import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import {
  ConflictError,
  GoneError,
  NotFoundError,
  TransientError,
  ValidationError,
  type ValidationIssue,
} from '../../core/errors.js';
import { logger } from '../../wiring/logger.js';
import { BODY_TOO_LARGE, eventBodyBytes, MAX_BODY_BYTES } from './body-limit.js';

/** A route as API Gateway names it: the method and the resource template, e.g. `/certificates/{number}`. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  resource: string;
  /**
   * What a body may be: `json` (the default) answers any other content type with 415; `any` leaves the
   * raw body to the route (JSON is still parsed when the content type says JSON).
   * @default 'json'
   */
  body?: 'json' | 'any';
  handle(request: HttpRequest): Promise<APIGatewayProxyResult>;
}

export interface HttpRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The body parsed as JSON; a body that is not JSON was already answered (400, or 415 by its content type). */
  json: unknown;
  rawBody: Buffer;
  sourceIp: string;
}

const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  },
  body: JSON.stringify(body),
});

export const html = (
  statusCode: number,
  body: string,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...headers },
  body,
});

export const redirect = (location: string): APIGatewayProxyResult => ({
  statusCode: 302,
  headers: { location, 'cache-control': 'no-store', ...SECURITY_HEADERS },
  body: '',
});

/**
 * A refusal that belongs to HTTP rather than to the domain (a body too large, a content type the route
 * does not read): its status and message are meant for the client.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem' as const;
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues: ValidationIssue[],
  ) {
    super(message);
  }
}

/** The 413 answer, the same from the handlers (AWS) and the local bridge. */
export const bodyTooLarge = (): APIGatewayProxyResult => json(413, BODY_TOO_LARGE);

const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * An error as logged: name, message and stack with any email address masked. A service's message can
 * quote the address it refused (SES does); the logs keep what went wrong, not to whom.
 */
export function withoutEmailAddresses(error: unknown): { name: string; message: string; stack?: string } {
  const mask = (text: string) => text.replace(EMAIL_ADDRESS, '[email address]');
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { name, message: mask(message), ...(stack ? { stack: mask(stack) } : {}) };
}

/** One rule for what reaches a client: our own messages below 500, never a stack trace or an SDK error. */
export function errorResponse(error: unknown): APIGatewayProxyResult {
  if (error instanceof HttpProblem)
    return json(error.statusCode, { error: error.message, issues: error.issues });
  if (error instanceof ValidationError) return json(400, { error: error.message, issues: error.issues });
  if (error instanceof NotFoundError) return json(404, { error: error.message });
  if (error instanceof ConflictError) return json(409, { error: error.message });
  if (error instanceof GoneError) return json(410, { error: error.message });
  if (error instanceof TransientError) {
    // A passing fault (throttling, a timeout): the same request a moment later is expected to work.
    logger.warn('request failed for now', { error: withoutEmailAddresses(error) });
    return json(
      503,
      { error: 'Busy for a moment: please send the same request again.' },
      { 'retry-after': '1' },
    );
  }
  logger.error('request failed', { error: withoutEmailAddresses(error) });
  return json(500, { error: 'Something went wrong on our side. Please try again shortly.' });
}

/** A malformed escape such as `%E0%A4%A` is the client's mistake: a 400 naming the part, not a 500. */
function decodePathPart(name: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ValidationError(`The path part {${name}} is not valid percent-encoding`, [
      { field: name, message: 'is not valid percent-encoding (UTF-8)' },
    ]);
  }
}

/** Who sent a request and what route it hit, read before anything is parsed, so limits count every request. */
export interface RequestOrigin {
  resource: string;
  sourceIp: string;
}

/** `application/json`, with or without parameters, and the `+json` types (`application/merge-patch+json`). */
const isJsonType = (contentType: string) =>
  /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());

function toRequest(event: APIGatewayProxyEvent, accepts: 'json' | 'any'): HttpRequest {
  const rawBody = event.body
    ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value ?? '']),
  );
  // A body sent without a content type is read as JSON, as before.
  const contentType = headers['content-type'] || 'application/json';
  if (rawBody.length > 0 && accepts === 'json' && !isJsonType(contentType))
    throw new HttpProblem(415, `This route reads JSON, not ${contentType.split(';')[0]}`, [
      { field: 'content-type', message: 'send the body as application/json' },
    ]);
  let parsed: unknown;
  if (rawBody.length > 0 && isJsonType(contentType)) {
    try {
      parsed = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new ValidationError('The request body is not valid JSON', [
        { field: '(body)', message: 'is not valid JSON' },
      ]);
    }
  }
  return {
    params: Object.fromEntries(
      Object.entries(event.pathParameters ?? {}).map(([name, value]) => [
        name,
        decodePathPart(name, value ?? ''),
      ]),
    ),
    query: Object.fromEntries(
      Object.entries(event.queryStringParameters ?? {}).map(([k, v]) => [k, v ?? '']),
    ),
    headers,
    json: parsed,
    rawBody,
    sourceIp: event.requestContext?.identity?.sourceIp ?? '',
  };
}

/**
 * The middy stack of an API Gateway function: find the route API Gateway matched (by resource template),
 * run it, and map domain errors to HTTP answers.
 */
export function httpApi(
  routes: Route[],
  options: { admit?: (origin: RequestOrigin) => APIGatewayProxyResult | undefined } = {},
) {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const route = routes.find(
        (candidate) => candidate.method === event.httpMethod && candidate.resource === event.resource,
      );
      if (!route) return json(404, { error: `No route for ${event.httpMethod} ${event.path}` });
      const refusal = options.admit?.({
        resource: route.resource,
        sourceIp: event.requestContext?.identity?.sourceIp ?? '',
      });
      if (refusal) return refusal;
      // API Gateway refuses more than the limit before we run; the same check here (on the decoded size
      // of a base64 body) keeps the handlers' answer the bridge's and the gateway's whatever calls them.
      if (eventBodyBytes(event) > MAX_BODY_BYTES) return bodyTooLarge();
      const started = Date.now();
      let answer: APIGatewayProxyResult;
      try {
        answer = await route.handle(toRequest(event, route.body ?? 'json'));
      } catch (error) {
        answer = errorResponse(error);
      }
      // The route's template, never the path: paths carry personal tokens, certificate numbers and ids.
      logger.info('request', {
        method: route.method,
        resource: route.resource,
        status: answer.statusCode,
        ms: Date.now() - started,
      });
      return answer;
    });
}
