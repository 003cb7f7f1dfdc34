import { ReactPdfCertificateRenderer } from '../adapters/render/react-pdf-renderer.js';
import type { Deps, IssuingDeps } from '../core/ports.js';
import { lambdaDeps } from './deps.js';

/** Only the issuing function loads react-pdf; every other function's bundle stays small. */
export function withRenderer(deps: Deps): IssuingDeps {
  return { ...deps, renderer: new ReactPdfCertificateRenderer() };
}

let lambdaRenderer: ReactPdfCertificateRenderer | undefined;
let issuingDeps: IssuingDeps | undefined;
export function lambdaIssuingDeps(): IssuingDeps {
  lambdaRenderer ??= new ReactPdfCertificateRenderer();
  issuingDeps ??= { ...lambdaDeps(), renderer: lambdaRenderer };
  return issuingDeps;
}

/**
 * Reads, parses and shapes the certificate fonts with throwaway renders (ReactPdfCertificateRenderer.warmUp),
 * for the issuing Lambda's init phase: the first approval then waits for a render of tens of milliseconds,
 * not half a second. The init phase pays instead (bench/render.ts prints both).
 */
export async function warmUpLambdaRenderer(): Promise<void> {
  lambdaRenderer ??= new ReactPdfCertificateRenderer();
  await lambdaRenderer.warmUp();
}
