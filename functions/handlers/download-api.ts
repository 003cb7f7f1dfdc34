import { openDownload } from '../core/use-cases/view-certificate.js';
import { type DownloadDeps, downloadLambdaDeps } from '../wiring/public-deps.js';
import { httpApi, type Route, redirect } from './shared/http-api.js';

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
];

export const createDownloadApiHandler = (deps: () => DownloadDeps) => httpApi(downloadRoutes(deps));
export const handler = createDownloadApiHandler(downloadLambdaDeps);
