// pdfkit (under @react-pdf/renderer) ships no types; render-patches/pdfkit-cache.ts needs only these.
declare module 'pdfkit' {
  export default class PDFDocument {
    constructor(options?: { autoFirstPage?: boolean });
    openImage(src: Uint8Array): object;
  }
}
