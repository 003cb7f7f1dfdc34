import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import type {
  PageCertificate,
  ParticipantPageView,
} from '../../functions/core/use-cases/participant-access.js';
import { escapeHtml, formatLongDate } from '../text.js';
import { linkRequestForm } from './help-pages.js';
import { renderPage } from './page-layout.js';

/** The participant's own page: progress with ticks, and every certificate with what to do with it. */

export interface ParticipantPageLinks {
  verificationBaseUrl: string;
  /** The token from the URL, to post download requests back to this page. */
  token: string;
  linkedInOrganizationId?: string;
}

/** "Add to LinkedIn profile", as LinkedIn documents its add-to-profile URL; every value URL-encoded. */
export function linkedInAddUrl(
  certificate: PageCertificate,
  links: Pick<ParticipantPageLinks, 'verificationBaseUrl' | 'linkedInOrganizationId'>,
): string {
  const issued = new Date(certificate.issuedAt);
  const number = formatCertificateNumber(certificate.number);
  const params: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', certificate.courseTitle],
    ...(links.linkedInOrganizationId
      ? [['organizationId', links.linkedInOrganizationId] as [string, string]]
      : [['organizationName', 'SayPro'] as [string, string]]),
    ['issueYear', String(issued.getUTCFullYear())],
    ['issueMonth', String(issued.getUTCMonth() + 1)],
  ];
  if (certificate.expiresAt) {
    const expires = new Date(certificate.expiresAt);
    params.push(['expirationYear', String(expires.getUTCFullYear())]);
    params.push(['expirationMonth', String(expires.getUTCMonth() + 1)]);
  }
  params.push(['certUrl', `${links.verificationBaseUrl}/verify/${number}`], ['certId', number]);
  return `https://www.linkedin.com/profile/add?${params
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
}

const STATUS_TEXT: Record<PageCertificate['status'], string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  superseded: 'Replaced by a corrected certificate',
};

function certificateCard(certificate: PageCertificate, links: ParticipantPageLinks): string {
  const number = formatCertificateNumber(certificate.number);
  const rows: [string, string][] = [
    ['Number', number],
    ['Status', STATUS_TEXT[certificate.status]],
    ['Issued', formatLongDate(certificate.issuedAt)],
  ];
  if (certificate.expiresAt) rows.push(['Valid until', formatLongDate(certificate.expiresAt)]);
  if (certificate.revocationReason) rows.push(['Reason', certificate.revocationReason]);
  if (certificate.supersededBy)
    rows.push(['Current version', formatCertificateNumber(certificate.supersededBy)]);
  const verifyUrl = `/verify/${encodeURIComponent(number)}`;
  const actions =
    certificate.status === 'valid'
      ? `<div class="actions"><form method="post" action="/me/${escapeHtml(links.token)}/certificates/${escapeHtml(number)}/download"><button type="submit">Download PDF</button></form>
<a class="button" href="/certificates/${escapeHtml(number)}/credential" download="SayPro-${escapeHtml(number)}.jwt">Save signed credential</a>
<a class="button" href="${escapeHtml(linkedInAddUrl(certificate, links))}" rel="noopener noreferrer">Add to LinkedIn profile</a></div>`
      : '';
  return `<article class="certificate" data-number="${escapeHtml(number)}" data-status="${certificate.status}"><h3 class="${certificate.status}">${escapeHtml(certificate.courseTitle)}</h3>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<p><a href="${verifyUrl}">Its public verification page</a></p>${actions}</article>`;
}

export function renderParticipantPage(view: ParticipantPageView, links: ParticipantPageLinks): string {
  const courses = view.courses
    .map(
      (
        course,
      ) => `<section class="card" data-course="${escapeHtml(course.courseId)}"><h2>${escapeHtml(course.title)}</h2>
<ul class="requirements">${course.requirements
        .map((requirement) =>
          requirement.met
            ? `<li class="met" data-met="true">✓ ${escapeHtml(requirement.label)}</li>`
            : `<li class="unmet" data-met="false">✗ ${escapeHtml(requirement.label)}: ${escapeHtml(requirement.missing ?? '')}</li>`,
        )
        .join('')}</ul>
<p>${
        course.eligible
          ? 'Every requirement is met: your certificate arrives a few seconds after staff approval (or is already below).'
          : 'Once the missing items are recorded and staff have approved, your certificate is issued automatically, a few seconds later.'
      }</p></section>`,
    )
    .join('');
  const certificates = view.certificates.length
    ? view.certificates.map((certificate) => certificateCard(certificate, links)).join('')
    : '<p>No certificate yet.</p>';
  return renderPage(
    'Your SayPro certificates',
    'Your certificates',
    `<section class="card"><h1>Hello, ${escapeHtml(view.fullName)}</h1><p>This page is yours: keep its link private. It shows your progress and your certificates.</p></section>
${courses}<section class="card"><h2>Certificates</h2>${certificates}</section>`,
  );
}

/** The answer to any token that opens nothing: it says nothing about why. */
export function renderPageNotFound(): string {
  return renderPage(
    'Link not valid',
    'Your certificates',
    `<section class="card"><h1>This link does not open a page</h1><p>It may be mistyped, expired or withdrawn. Ask for a new one:</p>${linkRequestForm()}</section>`,
  );
}
