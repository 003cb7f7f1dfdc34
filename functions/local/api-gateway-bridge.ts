import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { type LambdaHandler, localLambdaContext } from './lambda-context.js';

export interface BridgedRoute {
  method: string;
  resource: string;
  functionName: string;
  handler: LambdaHandler;
  apiKeyRequired: boolean;
}

/** API Gateway's own payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function compile(resource: string) {
  const names: string[] = [];
  const pattern = resource.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}/?$`), names };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('payload too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
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
      const given = Buffer.from(String(request.headers['x-api-key'] ?? ''));
      if (given.length !== expectedKey.length || !timingSafeEqual(given, expectedKey)) {
        send({
          statusCode: 403,
          headers: { 'content-type': 'application/json' },
          body: '{"message":"Forbidden"}',
        });
        return;
      }
    }
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch {
      send({
        statusCode: 413,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Request too long"}',
      });
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
      console.error(`[api] ${route.functionName} failed`, error);
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
