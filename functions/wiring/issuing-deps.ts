import { ReactPdfCertificateRenderer } from '../adapters/render/react-pdf-renderer.js';
import type { Deps, IssuingDeps } from '../core/ports.js';
import { lambdaDeps } from './deps.js';

/** Only the issuing function loads react-pdf; every other function's bundle stays small. */
export function withRenderer(deps: Deps): IssuingDeps {
  return { ...deps, renderer: new ReactPdfCertificateRenderer() };
}

let issuingDeps: IssuingDeps | undefined;
export function lambdaIssuingDeps(): IssuingDeps {
  issuingDeps ??= withRenderer(lambdaDeps());
  return issuingDeps;
}
