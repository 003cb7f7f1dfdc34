import { renderToBuffer } from '@react-pdf/renderer';
import { buildCertificateDocument } from '../../../templates/certificate/document.js';
import { registerCertificateFonts } from '../../../templates/certificate/fonts.js';
import { certificateTemplates } from '../../../templates/certificate/registry.js';
import type { PageSizeName } from '../../../templates/certificate/types.js';
import type { CertificateDocumentInput, CertificateRenderer } from '../../core/ports.js';
import { renderTaggedPdf, taggedRenderingSupported } from './tagged-pdf.js';

export interface ReactPdfRendererOptions {
  /** Landscape A4 (the default) or US Letter. */
  pageSize?: PageSizeName;
  /**
   * A tagged (accessible) PDF: structure tree, alternative text, artifacts, language (tagged-pdf.ts). On by
   * default; off gives react-pdf's own untagged output (the render benchmark compares the two).
   */
  tagged?: boolean;
}

/**
 * Renders certificates with react-pdf. Fonts are registered with react-pdf's process-wide store once, on
 * the first construction, and their files read on the first render; later renders reuse them.
 */
export class ReactPdfCertificateRenderer implements CertificateRenderer {
  private readonly pageSize: PageSizeName;
  private readonly tagged: boolean;

  constructor(options: ReactPdfRendererOptions = {}) {
    this.pageSize = options.pageSize ?? 'A4';
    this.tagged = (options.tagged ?? true) && taggedRenderingSupported();
    registerCertificateFonts();
  }

  /**
   * Renders one throwaway certificate per design so fonts are read, parsed and shaped before the first real
   * request (a first render costs about half a second, later ones tens of milliseconds). Call it during a
   * Lambda's init phase (functions/handlers/issue-certificate.ts does, with top-level await). The wording
   * has accented Latin capitals and small letters and every digit, so the first real certificate finds its
   * glyphs' outlines and the GSUB/GPOS lookups (kerning, marks) already decoded.
   */
  async warmUp(): Promise<void> {
    for (const templateId of Object.keys(certificateTemplates)) {
      await this.render({
        number: 'WARMUP0123456789ABCDEFGHJK',
        holderName: 'Zoë Ñúñez-Ångström Çãé Dlamini-Ngcobo',
        courseTitle: 'Warm-up: Project Management Fundamentals 2026',
        courseDescription: 'Planning, scheduling and delivering projects on time and on budget (0–9).',
        completedAt: '2000-01-01T00:00:00Z',
        issuedAt: '2000-01-01T00:00:00Z',
        expiresAt: '2000-12-31T00:00:00Z',
        signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
        verificationUrl: 'https://example.invalid/verify/WARMUP0123456789ABCDEFGHJK',
        templateId,
      });
    }
  }

  async render(input: CertificateDocumentInput): Promise<Uint8Array> {
    const document = await buildCertificateDocument(input, this.pageSize);
    const buffer = this.tagged ? await renderTaggedPdf(document) : await renderToBuffer(document);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
}
