import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import type {
  PageCertificate,
  PageCourse,
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
  /** Set right after the consent form was saved, to confirm it. */
  consentSaved?: boolean;
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
<form method="post" action="/me/${escapeHtml(links.token)}/certificates/${escapeHtml(number)}/feedback"><button type="submit">Give feedback</button></form>
<a class="button" href="/certificates/${escapeHtml(number)}/credential" download="SayPro-${escapeHtml(number)}.jwt">Save signed credential</a>
<a class="button" href="/certificates/${escapeHtml(number)}/linkedin" rel="noopener noreferrer">Add to LinkedIn profile</a></div>`
      : '';
  // The credential holds the email only hashed with this secret, so only its holder can show it is theirs.
  const proof =
    certificate.status === 'valid' && certificate.holderProofSecret
      ? `<p class="holder-proof">To prove the signed credential is yours, give the verifier your email address and this code: <code>${escapeHtml(certificate.holderProofSecret)}</code>. Keep it private otherwise: with it, anyone who knows your address can link this credential to you.</p>`
      : '';
  return `<article class="certificate" data-number="${escapeHtml(number)}" data-status="${certificate.status}"><h3 class="${certificate.status}">${escapeHtml(certificate.courseTitle)}</h3>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<p><a href="${verifyUrl}">Its public verification page</a></p>${actions}${proof}</article>`;
}

/** Where the course stands for the participant, and when to expect the certificate. */
function courseState(course: PageCourse): string {
  const { approval } = course;
  const due = approval?.issueBy ? ` by ${formatLongDate(approval.issueBy)} at the latest` : '';
  if (!approval) {
    return course.eligible
      ? 'Every requirement is met: your certificate arrives a few seconds after staff approve your work.'
      : 'Once the missing items are recorded and staff have approved your work, your certificate is issued automatically, a few seconds later.';
  }
  const approved = `Approved on ${formatLongDate(approval.approvedAt)}.`;
  switch (approval.status) {
    case 'issued':
      return `${approved} Your certificate is issued: see below.`;
    case 'awaiting_consent':
      return `${approved} Your certificate is ready to issue: agree below to your name on it, and it is issued and emailed within minutes.`;
    case 'not_eligible':
      return `${approved} Some requirements are still missing: once they are recorded, your certificate is issued automatically; you do not need to ask again.`;
    case 'failed':
      return `${approved} Issuing it hit a problem that staff are fixing; expect it${due}.`;
    default:
      return `${approved} Your certificate is being issued and usually arrives within minutes${due ? `; it is due${due}` : ''}.`;
  }
}

/**
 * One yes/no question per purpose, neither chosen until the participant answers (no pre-ticked consent),
 * in a plain form that works without script; the current answer and its date are shown.
 */
function consentForm(view: ParticipantPageView, links: ParticipantPageLinks): string {
  const questions = view.consents
    .map((consent) => {
      const name = escapeHtml(consent.field);
      const option = (value: 'yes' | 'no', label: string) =>
        `<label><input type="radio" name="${name}" value="${value}"${
          consent.granted === (value === 'yes') ? ' checked' : ''
        }> ${label}</label>`;
      const current =
        consent.granted === undefined
          ? 'Not answered yet.'
          : `Your answer since ${formatLongDate(consent.at ?? '')}: ${consent.granted ? 'yes' : 'no'}.`;
      return `<fieldset class="consent" data-purpose="${escapeHtml(consent.purpose)}"><legend>${escapeHtml(consent.title)}</legend>
<p>${escapeHtml(consent.text)}</p><p class="consent-current">${escapeHtml(current)}</p>${option('yes', 'Yes, I agree')} ${option('no', 'No')}</fieldset>`;
    })
    .join('');
  const saved = links.consentSaved
    ? '<p class="notice" role="status">Your choices are saved. You can change them here at any time.</p>'
    : '';
  return `<section class="card" id="consent"><h2>Your choices about your data</h2>${saved}
<form method="post" action="/me/${escapeHtml(links.token)}/consent">${questions}<button type="submit">Save my choices</button></form>
<p>Each answer is recorded with the wording above and the date. See <a href="/privacy">how we handle your personal data</a>.</p></section>`;
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
<p class="course-state">${escapeHtml(courseState(course))}</p></section>`,
    )
    .join('');
  const certificates = view.certificates.length
    ? view.certificates.map((certificate) => certificateCard(certificate, links)).join('')
    : '<p>No certificate yet.</p>';
  return renderPage(
    'Your SayPro certificates',
    'Your certificates',
    `<section class="card"><h1>Hello, ${escapeHtml(view.fullName)}</h1><p>This page is yours: keep its link private. It shows your progress and your certificates.</p></section>
${courses}<section class="card"><h2>Certificates</h2>${certificates}</section>
${consentForm(view, links)}`,
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
