import { renderToBuffer } from '@react-pdf/renderer';
import { buildCertificateDocument } from '../../../templates/certificate/document.js';
import { registerCertificateFonts } from '../../../templates/certificate/fonts.js';
import type { PageSizeName } from '../../../templates/certificate/types.js';
import type { CertificateDocumentInput, CertificateRenderer } from '../../core/ports.js';

export interface ReactPdfRendererOptions {
  /** Landscape A4 (the default) or US Letter. */
  pageSize?: PageSizeName;
}

/**
 * Renders certificates with react-pdf. Fonts are registered with react-pdf's process-wide store once, on
 * the first construction, and their files read on the first render; later renders reuse them.
 */
export class ReactPdfCertificateRenderer implements CertificateRenderer {
  private readonly pageSize: PageSizeName;

  constructor(options: ReactPdfRendererOptions = {}) {
    this.pageSize = options.pageSize ?? 'A4';
    registerCertificateFonts();
  }

  async render(input: CertificateDocumentInput): Promise<Uint8Array> {
    const buffer = await renderToBuffer(await buildCertificateDocument(input, this.pageSize));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
}
