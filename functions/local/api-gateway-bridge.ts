import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { MAX_BODY_BYTES } from '../handlers/shared/body-limit.js';
import { bodyTooLarge, withoutEmailAddresses } from '../handlers/shared/http-api.js';
import { type LambdaHandler, localLambdaContext } from './lambda-context.js';

/**
 * The password of a Basic `Authorization` header: learning platforms' xAPI plugins can send only a
 * username and password, so locally the operator key also works as that password (docs/xapi.md says
 * what AWS needs instead).
 */
function basicPassword(header: string | undefined): string {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return '';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

export interface BridgedRoute {
  method: string;
  resource: string;
  functionName: string;
  handler: LambdaHandler;
  apiKeyRequired: boolean;
}

function compile(resource: string) {
  const names: string[] = [];
  const pattern = resource.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}/?$`), names };
}

const TOO_LARGE = Symbol('too large');

/**
 * The body, or TOO_LARGE as soon as it is known to pass the limit: at once from a declared
 * Content-Length, else when the bytes read pass it. Reading then stops and what was read is dropped,
 * so an endless upload costs at most the limit in memory.
 */
function readBody(request: IncomingMessage): Promise<Buffer | typeof TOO_LARGE> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      chunks = [];
      resolve(TOO_LARGE);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** How long a refused upload's connection stays open, unread, so the client can read the 413. */
const LINGER_MS = 1_000;

/**
 * Answers 413 and reads nothing more of the body. Closed at once, a client still sending gets a reset
 * and loses the answer it has not read yet (Node's own client does); so the whole answer is written
 * now (its length declared, so it is complete as sent), the client's writes stall on the unread
 * socket, a careful client stops there, and the response is ended (closing the connection) a moment
 * later whatever the client does. Memory holds nothing of the body however long it is.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse) {
  request.removeAllListeners('data');
  request.pause();
  const answer = bodyTooLarge();
  response.writeHead(413, {
    ...(answer.headers as Record<string, string>),
    'content-length': String(Buffer.byteLength(answer.body)),
    connection: 'close',
  });
  response.write(answer.body);
  const timer = setTimeout(() => response.end(), LINGER_MS);
  response.once('close', () => clearTimeout(timer));
}

const isTextual = (contentType: string) => /json|text|xml|x-www-form-urlencoded|jwt/.test(contentType);

/**
 * The local stand-in for API Gateway (REST, proxy integration): matches a request to a resource
 * template, checks `x-api-key` where the route requires it (as a usage plan would), builds the same
 * v1 event, calls the same Lambda handler in-process and writes its result back.
 */
export async function startApiGatewayBridge(options: {
  routes: BridgedRoute[];
  apiKey: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; port: number; server: Server; stop(): Promise<void> }> {
  const compiled = options.routes.map((route) => ({ ...route, ...compile(route.resource) }));
  const expectedKey = Buffer.from(options.apiKey);

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (result: APIGatewayProxyResult) => {
      response.writeHead(result.statusCode, (result.headers ?? {}) as Record<string, string>);
      response.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    };
    const candidates = compiled.filter((route) => route.regex.test(url.pathname));
    const route = candidates.find((candidate) => candidate.method === request.method);
    if (!route) {
      send({
        statusCode: candidates.length ? 405 : 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: candidates.length ? 'Method Not Allowed' : 'Not Found' }),
      });
      return;
    }
    if (route.apiKeyRequired) {
      const given = Buffer.from(
        String(request.headers['x-api-key'] ?? basicPassword(request.headers.authorization)),
      );
      if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
        send({
          statusCode: 403,
          headers: { 'content-type': 'application/json' },
          body: '{"message":"Forbidden"}',
        });
        return;
      }
    }
    let body: Buffer | typeof TOO_LARGE;
    try {
      body = await readBody(request);
    } catch {
      // The client went away mid-upload: nobody is left to answer.
      request.socket.destroy();
      return;
    }
    if (body === TOO_LARGE) {
      // The same answer the handlers give; the rest of the body is never taken in.
      refuseTooLarge(request, response);
      return;
    }
    const match = route.regex.exec(url.pathname)!;
    const pathParameters = Object.fromEntries(route.names.map((name, index) => [name, match[index + 1]!]));
    const contentType = String(request.headers['content-type'] ?? '');
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    const event = {
      resource: route.resource,
      path: url.pathname,
      httpMethod: request.method!,
      headers,
      multiValueHeaders: {},
      queryStringParameters: url.searchParams.size ? Object.fromEntries(url.searchParams) : null,
      multiValueQueryStringParameters: null,
      pathParameters: route.names.length ? pathParameters : null,
      stageVariables: null,
      body: body.length ? (isTextual(contentType) ? body.toString('utf8') : body.toString('base64')) : null,
      isBase64Encoded: body.length > 0 && !isTextual(contentType),
      requestContext: {
        identity: { sourceIp: request.socket.remoteAddress ?? '127.0.0.1' },
        resourcePath: route.resource,
        httpMethod: request.method!,
        stage: 'local',
        requestId: localLambdaContext(route.functionName).awsRequestId,
      },
    } as unknown as APIGatewayProxyEvent;
    try {
      send(await route.handler(event, localLambdaContext(route.functionName)));
    } catch (error) {
      // What API Gateway answers when the integration itself fails; details stay in the log.
      console.error(`[api] ${route.functionName} failed`, withoutEmailAddresses(error));
      send({
        statusCode: 502,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Internal server error"}',
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
