import { classicTemplate } from './classic.js';
import { modernTemplate } from './modern.js';
import type { CertificateTemplate } from './types.js';

export const DEFAULT_TEMPLATE_ID = 'classic';

/** The designs a course may choose with `templateId`. */
export const certificateTemplates: Readonly<Record<string, CertificateTemplate>> = {
  [classicTemplate.id]: classicTemplate,
  [modernTemplate.id]: modernTemplate,
};

/** The template for an id; an unknown or absent id gets the default, so a typo never blocks issuance. */
export function resolveTemplate(templateId: string | undefined): CertificateTemplate {
  const found = templateId !== undefined ? certificateTemplates[templateId] : undefined;
  return found ?? (certificateTemplates[DEFAULT_TEMPLATE_ID] as CertificateTemplate);
}
