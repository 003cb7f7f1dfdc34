import { openPublicDocument } from '../core/use-cases/public-descriptions.js';
import { openDownload } from '../core/use-cases/view-certificate.js';
import { type DownloadDeps, downloadLambdaDeps } from '../wiring/download-deps.js';
import { HttpProblem, httpApi, type Route, redirect } from './shared/http-api.js';
import { PUBLIC_CACHE_SECONDS, sharedFor } from './shared/public-cache.js';

/**
 * The participant's emailed link. A function of its own because presigning needs the S3 client and
 * its signer, which would otherwise weigh on every verification's cold start.
 */
export const downloadRoutes = (deps: () => DownloadDeps): Route[] => [
  {
    method: 'GET',
    resource: '/certificates/{number}/download',
    async handle({ params, query }) {
      const { url } = await openDownload(deps(), params.number ?? '', query.token);
      return redirect(url);
    },
  },
  {
    // The credential's relatedResource: no personal token, the PDF only with the holder's consent.
    method: 'GET',
    resource: '/certificates/{number}/document',
    async handle({ params }) {
      const document = await openPublicDocument(deps(), params.number ?? '');
      if (!document.shown)
        throw new HttpProblem(403, document.reason, [{ field: 'number', message: document.reason }]);
      // The presigned URL lives 300 s: shared for a minute, a cached redirect still has four to run.
      const answer = redirect(document.url);
      return {
        ...answer,
        headers: {
          ...answer.headers,
          'cache-control': sharedFor(PUBLIC_CACHE_SECONDS.certificateAnswer),
        },
      };
    },
  },
];

export const createDownloadApiHandler = (deps: () => DownloadDeps) => httpApi(downloadRoutes(deps));
export const handler = createDownloadApiHandler(downloadLambdaDeps);
