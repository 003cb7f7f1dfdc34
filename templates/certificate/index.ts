export { buildCertificateDocument, certificateContent } from './document.js';
export { registerCertificateFonts } from './fonts.js';
export { certificateTemplates, DEFAULT_TEMPLATE_ID, resolveTemplate } from './registry.js';
export type { CertificateContent, CertificateTemplate, PageSizeName, TemplateProps } from './types.js';
