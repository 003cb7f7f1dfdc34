/**
 * Entry point of the render bundle (esbuild, see bench/render.ts and the CDK render function): the renderer
 * and nothing else, so the issuing function's cold start loads react-pdf once and no other function does.
 */

export { certificateFontFiles } from '../../../templates/certificate/fonts.js';
export { renderPatchState } from '../../../templates/certificate/render-patches/index.js';
export { ReactPdfCertificateRenderer } from './react-pdf-renderer.js';
