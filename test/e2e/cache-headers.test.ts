import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatCertificateNumber,
  generateCertificateNumber,
} from '../../functions/core/certificate-number.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { EDGE_TTL_SECONDS } from '../../lib/constructs/verification-edge.js';
import { apiClient } from '../support/local-api.js';

/**
 * What each route tells caches, on the local stack: the public answers carry the same max-age the edge's
 * cache policies use (lib/constructs/verification-edge.ts), and everything personal, counted, posted or
 * failed says no-store, so neither a browser nor the edge keeps it.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let shown: string;
let hidden: string;

const COURSE = {
  courseId: 'caching-basics',
  title: 'Caching Basics',
  description: 'How long an answer may be kept.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

const issueTo = (person: string, consentToPublicName: boolean) =>
  api.issueTo(COURSE.courseId, person, consentToPublicName);

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  await api.putCourse(COURSE);
  [shown, hidden] = await Promise.all([issueTo('cache-shown', true), issueTo('cache-hidden', false)]);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const headersOf = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${stack.url}${path}`, { redirect: 'manual', ...init });
  await response.arrayBuffer();
  return { status: response.status, headers: response.headers };
};

describe('Cache-Control agrees with the edge', () => {
  it('public answers may be shared for exactly the edge TTL of their route', async () => {
    const credential = await (await fetch(`${stack.url}/certificates/${shown}/credential`)).text();
    const claims = JSON.parse(Buffer.from(credential.split('.')[1]!, 'base64url').toString('utf8'));
    const statusList = new URL(claims.credentialStatus.statusListCredential).pathname;
    const routes: [string, number][] = [
      [`/certificates/${shown}`, EDGE_TTL_SECONDS.certificateAnswer],
      [`/certificates/${shown}/document`, EDGE_TTL_SECONDS.certificateAnswer],
      ['/verify', EDGE_TTL_SECONDS.verificationPage],
      [`/verify/${shown}`, EDGE_TTL_SECONDS.verificationPage],
      [statusList, EDGE_TTL_SECONDS.statusList],
      ['/.well-known/jwks.json', EDGE_TTL_SECONDS.jwks],
      ['/issuer', EDGE_TTL_SECONDS.descriptions],
      [`/courses/${COURSE.courseId}`, EDGE_TTL_SECONDS.descriptions],
    ];
    for (const [path, seconds] of routes) {
      const { status, headers } = await headersOf(path);
      expect([200, 302], path).toContain(status);
      expect(headers.get('cache-control'), path).toBe(`public, max-age=${seconds}`);
    }
    // The page's language comes from Accept-Language (and ?lang=): browsers are told it varies by it.
    expect((await headersOf(`/verify/${shown}`)).headers.get('vary')).toMatch(/accept-language/i);
  });

  it('personal, counted, posted and failed answers are never kept', async () => {
    // Well formed, never issued: not found (so a certificate issued a moment later is found at once).
    const unknown = formatCertificateNumber(generateCertificateNumber((n) => new Uint8Array(randomBytes(n))));
    const routes: [string, RequestInit, number][] = [
      [`/certificates/${shown}/credential`, {}, 200],
      [`/certificates/${shown}/linkedin`, {}, 302],
      [`/certificates/${shown}/download?token=not-the-token`, {}, 404],
      // Without the holder's consent the PDF is refused, and the refusal is not kept either.
      [`/certificates/${hidden}/document`, {}, 403],
      [`/certificates/${unknown}`, {}, 404],
      [`/verify/${unknown}`, {}, 404],
      ['/verify', { method: 'POST', headers: { 'content-type': 'application/jwt' }, body: 'a.b.c' }, 200],
      ['/health', {}, 200],
    ];
    for (const [path, init, expected] of routes) {
      const { status, headers } = await headersOf(path, init);
      expect(status, path).toBe(expected);
      expect(headers.get('cache-control'), `${init.method ?? 'GET'} ${path} (${status})`).toBe('no-store');
    }
  });
});
