// pdfkit (under @react-pdf/renderer) ships no types; pdfkit-cache.ts needs only these.
declare module 'pdfkit' {
  export default class PDFDocument {
    constructor(options?: { autoFirstPage?: boolean });
    openImage(src: Uint8Array): object;
  }
}
