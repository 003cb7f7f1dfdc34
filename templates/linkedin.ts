/** "Add to LinkedIn profile", as LinkedIn documents its add-to-profile URL; every value URL-encoded. */
export interface LinkedInCertification {
  courseTitle: string;
  /** As printed, e.g. 7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE. */
  number: string;
  issuedAt: string;
  expiresAt?: string;
  /** The certificate's public verification page. */
  certUrl: string;
}

export function linkedInAddUrl(certification: LinkedInCertification, organizationId?: string): string {
  const issued = new Date(certification.issuedAt);
  const params: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', certification.courseTitle],
    organizationId ? ['organizationId', organizationId] : ['organizationName', 'SayPro'],
    ['issueYear', String(issued.getUTCFullYear())],
    ['issueMonth', String(issued.getUTCMonth() + 1)],
  ];
  if (certification.expiresAt) {
    const expires = new Date(certification.expiresAt);
    params.push(['expirationYear', String(expires.getUTCFullYear())]);
    params.push(['expirationMonth', String(expires.getUTCMonth() + 1)]);
  }
  params.push(['certUrl', certification.certUrl], ['certId', certification.number]);
  return `https://www.linkedin.com/profile/add?${params
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
}
