import { type LocaleCode, pageLocale, translator } from '../../templates/i18n/index.js';
import { linkedInAddUrl } from '../../templates/linkedin.js';
import {
  renderVerificationPage,
  VERIFICATION_PAGE_CSP,
  type VerificationPageOptions,
} from '../../templates/web/verification-page.js';
import { issuerProfile } from '../core/credential.js';
import { ValidationError } from '../core/errors.js';
import { publishedKeys } from '../core/signing-keys.js';
import { describeAchievement, describeStatusList } from '../core/use-cases/public-descriptions.js';
import { getStatusListCredential } from '../core/use-cases/status-lists.js';
import { verifyCredential, verifyDocument } from '../core/use-cases/verify-submission.js';
import {
  getCredential,
  shareCertificateOnLinkedIn,
  viewCertificate,
  viewCertificatePage,
} from '../core/use-cases/view-certificate.js';
import { type PublicDeps, publicLambdaDeps } from '../wiring/public-deps.js';
import {
  errorResponse,
  HttpProblem,
  type HttpRequest,
  html,
  httpApi,
  json,
  type Route,
  redirect,
} from './shared/http-api.js';
import { firstUploadedFile } from './shared/multipart.js';
import { PUBLIC_CACHE_SECONDS, sharedFor } from './shared/public-cache.js';
import { PerClientRateLimit } from './shared/rate-limit.js';

// Declared by its composition root (wiring/public-deps.ts), which imports nothing from here.
export type { PublicDeps };

/** The shape of a compact JWS; what is in it is the verifier's business. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const page = (statusCode: number, body: string, locale: LocaleCode = 'en') =>
  html(statusCode, body, {
    'content-security-policy': VERIFICATION_PAGE_CSP,
    'cache-control': 'no-store',
    // The same address answers in the reader's language: caches must key on it.
    vary: 'accept-language',
    'content-language': locale,
  });

/** The verification page's language: `?lang=` when it names one SayPro offers, else Accept-Language. */
function pageLanguage(
  request: Pick<HttpRequest, 'query' | 'headers'>,
  path: string,
): VerificationPageOptions {
  const chosen = request.query.lang;
  const locale = pageLocale(chosen, request.headers['accept-language']);
  return { locale, path, langChosen: chosen === locale };
}

/** The page for a GET: the same for every viewer of one language, so it may be shared for a minute. */
const sharedPage = (body: string, locale: LocaleCode = 'en') =>
  html(200, body, {
    'content-security-policy': VERIFICATION_PAGE_CSP,
    'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.verificationPage),
    vary: 'accept-language',
    'content-language': locale,
  });

/** The page's answer to a failed lookup: the same status code the API would give, with its message. */
function problemPage(error: unknown, input: string, options: VerificationPageOptions = {}) {
  const answer = errorResponse(error);
  const message = (JSON.parse(answer.body) as { error: string }).error;
  // English keeps the API's own message; other languages get the usual problems in their words.
  const tr = translator(options.locale);
  const worded =
    tr.locale === 'en'
      ? message
      : answer.statusCode === 404
        ? tr.t('verify.problem.notFound')
        : answer.statusCode === 400 || answer.statusCode === 413 || answer.statusCode === 415
          ? tr.t(input ? 'verify.problem.malformed' : 'verify.problem.file')
          : message;
  return page(answer.statusCode, renderVerificationPage({ problem: worded, input }, options), options.locale);
}

const VERIFIABLE_TYPES = 'use application/pdf, application/jwt or multipart/form-data';

/** POST /verify takes a PDF, a VC-JWT, or the page's multipart upload of either. */
async function verifySubmission(deps: PublicDeps, request: HttpRequest) {
  const contentType = (request.headers['content-type'] ?? '').toLowerCase();
  let upload = { contentType, bytes: request.rawBody };
  if (contentType.startsWith('multipart/form-data')) {
    // The boundary is case-sensitive: read it from the header as sent, not the lower-cased copy.
    const form = firstUploadedFile(request.rawBody, request.headers['content-type'] ?? '');
    if (!form.ok)
      throw new ValidationError(`The form cannot be read: ${form.problem}`, [
        { field: form.field, message: form.problem },
      ]);
    upload = form.file;
  }
  if (upload.bytes.length === 0)
    throw new ValidationError('The request has no body', [
      { field: '(body)', message: 'send a PDF or a VC-JWT' },
    ]);
  const looksLikePdf = upload.bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  if (upload.contentType.includes('pdf') || looksLikePdf) return verifyDocument(deps, upload.bytes);
  if (upload.contentType.includes('jwt') || upload.contentType.includes('octet-stream'))
    return verifyCredential(deps, upload.bytes.toString('utf8'));
  // Plain text is read as a pasted VC-JWT only when it looks like one: prose is a wrong content type.
  if (upload.contentType.startsWith('text/plain')) {
    const text = upload.bytes.toString('utf8').trim();
    if (COMPACT_JWS.test(text)) return verifyCredential(deps, text);
    throw new HttpProblem(415, `A ${upload.contentType.split(';')[0]} body is read only as a VC-JWT`, [
      {
        field: 'content-type',
        message: `is neither a PDF nor a VC-JWT (header.payload.signature): ${VERIFIABLE_TYPES}`,
      },
    ]);
  }
  throw new HttpProblem(415, `Cannot verify content of type ${upload.contentType || 'unknown'}`, [
    { field: 'content-type', message: VERIFIABLE_TYPES },
  ]);
}

/** Verifiers and participants: no key needed, nothing personal without consent. */
export const publicRoutes = (deps: () => PublicDeps): Route[] => [
  { method: 'GET', resource: '/health', handle: async () => json(200, { status: 'ok' }) },
  {
    method: 'GET',
    resource: '/certificates/{number}',
    handle: async ({ params }) =>
      json(200, await viewCertificate(deps(), params.number ?? ''), {
        'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.certificateAnswer),
      }),
  },
  {
    method: 'GET',
    resource: '/certificates/{number}/credential',
    async handle({ params }) {
      const credential = await getCredential(deps(), params.number ?? '');
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/jwt', 'cache-control': 'no-store' },
        body: credential,
      };
    },
  },
  {
    // "Add to LinkedIn profile" through us: the share is counted (by course only), then sent on to LinkedIn.
    method: 'GET',
    resource: '/certificates/{number}/linkedin',
    async handle({ params }) {
      const certification = await shareCertificateOnLinkedIn(deps(), params.number ?? '');
      return redirect(linkedInAddUrl(certification, process.env.LINKEDIN_ORGANIZATION_ID || undefined));
    },
  },
  {
    method: 'GET',
    resource: '/.well-known/jwks.json',
    handle: async () =>
      json(200, await publishedKeys(deps()), {
        'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.jwks),
      }),
  },
  {
    method: 'GET',
    resource: '/issuer',
    handle: async () =>
      json(
        200,
        {
          '@context': [
            'https://www.w3.org/ns/credentials/v2',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          ],
          ...issuerProfile(deps().links.verificationBaseUrl, deps().links.supportAddress),
        },
        { 'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.descriptions) },
      ),
  },
  {
    // The revocation list every credential's credentialStatus points at: the stored signed copy (signed
    // again on each revocation, never per request), or with Accept: application/json a readable view.
    method: 'GET',
    resource: '/status-lists/{listId}',
    async handle({ params, headers }) {
      const listId = params.listId ?? '';
      const cache = { 'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.statusList), vary: 'accept' };
      const accept = (headers.accept ?? '').toLowerCase();
      if (accept.includes('application/json') && !accept.includes('jwt'))
        return json(200, await describeStatusList(deps(), listId), cache);
      const { jwt } = await getStatusListCredential(deps(), listId);
      return { statusCode: 200, headers: { 'content-type': 'application/vc+jwt', ...cache }, body: jwt };
    },
  },
  {
    method: 'GET',
    resource: '/courses/{courseId}',
    handle: async ({ params }) =>
      json(200, await describeAchievement(deps(), params.courseId ?? ''), {
        'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.descriptions),
      }),
  },
  {
    method: 'GET',
    resource: '/verify',
    async handle(request) {
      const options = pageLanguage(request, '/verify');
      const { query } = request;
      if (query.number)
        return redirect(
          `/verify/${encodeURIComponent(query.number.trim())}${options.langChosen ? `?lang=${options.locale}` : ''}`,
        );
      return sharedPage(renderVerificationPage({ input: '' }, options), options.locale);
    },
  },
  {
    method: 'GET',
    resource: '/verify/{number}',
    async handle(request) {
      const { params } = request;
      const options = pageLanguage(request, `/verify/${encodeURIComponent(params.number ?? '')}`);
      try {
        return sharedPage(
          renderVerificationPage({ view: await viewCertificatePage(deps(), params.number ?? '') }, options),
          options.locale,
        );
      } catch (error) {
        return problemPage(error, params.number ?? '', options);
      }
    },
  },
  {
    method: 'POST',
    resource: '/verify',
    body: 'any',
    async handle(request) {
      const wantsPage = (request.headers.accept ?? '').includes('text/html');
      const options = pageLanguage(request, '/verify');
      try {
        const report = await verifySubmission(deps(), request);
        return wantsPage
          ? page(200, renderVerificationPage({ report }, options), options.locale)
          : json(200, report);
      } catch (error) {
        if (wantsPage) return problemPage(error, '', options);
        throw error;
      }
    },
  },
];

export const createPublicApiHandler = (
  deps: () => PublicDeps,
  options: { rateLimitPerMinute?: number } = {},
) => {
  const limit = new PerClientRateLimit(
    options.rateLimitPerMinute ?? Number(process.env.VERIFY_RATE_LIMIT_PER_MINUTE ?? 300),
  );
  return httpApi(publicRoutes(deps), {
    admit({ resource, sourceIp }) {
      // Monitors probe /health often and must never be turned away.
      if (resource === '/health') return undefined;
      const wait = limit.retryAfter(sourceIp);
      if (wait === undefined) return undefined;
      return json(
        429,
        { error: 'Too many verification requests from this address; try again shortly.' },
        { 'retry-after': String(wait) },
      );
    },
  });
};
// Only what verification reads (DynamoDB): no S3, SES, KMS or Step Functions client in this bundle.
export const handler = createPublicApiHandler(publicLambdaDeps);
