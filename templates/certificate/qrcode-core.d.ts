// The QR encoder alone, without the PNG/terminal renderers (and pngjs) that 'qrcode' pulls into a bundle.
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
