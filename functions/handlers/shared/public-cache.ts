import { STATUS_LIST_TTL_SECONDS } from '../../core/status-list.js';

/**
 * How long a browser, and the CloudFront edge when it is on (lib/constructs/verification-edge.ts reads
 * these same figures as its cache policies' TTLs), may keep each public answer. Errors and not-found
 * answers stay no-store, so a certificate issued a moment ago is found at once. docs/deploy.md turns
 * these into the freshness each route promises after a revocation.
 */
export const PUBLIC_CACHE_SECONDS = {
  /** GET /certificates/{number} and /certificates/{number}/document: status, revocation and consent show here. */
  certificateAnswer: 60,
  /** GET /verify and /verify/{number}: the page a QR code opens. */
  verificationPage: 60,
  /** GET /status-lists/{listId}: the status list credential's own `ttl` (status-list.ts). */
  statusList: STATUS_LIST_TTL_SECONDS,
  /** GET /.well-known/jwks.json: the key list changes only on a rotation or a compromise. */
  jwks: 300,
  /** GET /issuer and /courses/{courseId}: descriptions that change with a deployment or a course edit. */
  descriptions: 3600,
} as const;

/** The Cache-Control of a public answer that every viewer may share for `seconds`. */
export const sharedFor = (seconds: number) => `public, max-age=${seconds}`;
