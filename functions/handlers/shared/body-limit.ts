import type { APIGatewayProxyEvent } from 'aws-lambda';

/**
 * API Gateway's own payload limit (REST APIs: 10 MB, not adjustable). The local bridge reads no more
 * than this, and the handlers check it again, so a body over it gets the same answer everywhere.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const LIMIT_MB = MAX_BODY_BYTES / (1024 * 1024);

/**
 * The 413 body: from the handlers, from the local bridge, and from API Gateway itself (its
 * REQUEST_TOO_LARGE gateway response carries the same JSON), so AWS and local answer alike.
 */
export const BODY_TOO_LARGE = {
  error: `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes (${LIMIT_MB} MB)`,
  limitBytes: MAX_BODY_BYTES,
  issues: [{ field: '(body)', message: `is larger than ${MAX_BODY_BYTES} bytes (${LIMIT_MB} MB)` }],
} as const;

/** The decoded size of a Lambda event body, worked out without decoding it. */
export function eventBodyBytes(event: Pick<APIGatewayProxyEvent, 'body' | 'isBase64Encoded'>): number {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return Buffer.byteLength(body, 'utf8');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
}
