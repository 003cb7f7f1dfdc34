import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import type {
  PageCertificate,
  PageCourse,
  PageRequirement,
  ParticipantPageView,
} from '../../functions/core/use-cases/participant-access.js';
import { type Catalogue, catalogues, type Translator, translator } from '../i18n/index.js';
import { missingLine, requirementLabel } from '../i18n/requirements.js';
import { escapeHtml } from '../text.js';
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
  /** Set right after the language form was saved. */
  languageSaved?: boolean;
}

const STATUS_KEYS = {
  valid: 'me.status.valid',
  revoked: 'me.status.revoked',
  superseded: 'me.status.superseded',
} as const satisfies Record<PageCertificate['status'], string>;

function certificateCard(certificate: PageCertificate, links: ParticipantPageLinks, tr: Translator): string {
  const number = formatCertificateNumber(certificate.number);
  const rows: [string, string][] = [
    [tr.t('me.row.number'), number],
    [tr.t('me.row.status'), tr.t(STATUS_KEYS[certificate.status])],
    [tr.t('me.row.issued'), tr.date(certificate.issuedAt)],
  ];
  if (certificate.expiresAt) rows.push([tr.t('me.row.validUntil'), tr.date(certificate.expiresAt)]);
  if (certificate.revocationReason) rows.push([tr.t('me.row.reason'), certificate.revocationReason]);
  if (certificate.supersededBy)
    rows.push([tr.t('me.row.currentVersion'), formatCertificateNumber(certificate.supersededBy)]);
  // The verification page follows the reader's browser; here the reader is the participant, whose choice is known.
  const verifyUrl = `/verify/${encodeURIComponent(number)}${tr.locale === 'en' ? '' : `?lang=${tr.locale}`}`;
  const actions =
    certificate.status === 'valid'
      ? `<div class="actions"><form method="post" action="/me/${escapeHtml(links.token)}/certificates/${escapeHtml(number)}/download"><button type="submit">${escapeHtml(tr.t('me.download'))}</button></form>
<form method="post" action="/me/${escapeHtml(links.token)}/certificates/${escapeHtml(number)}/feedback"><button type="submit">${escapeHtml(tr.t('me.feedback'))}</button></form>
<a class="button" href="/certificates/${escapeHtml(number)}/credential" download="SayPro-${escapeHtml(number)}.jwt">${escapeHtml(tr.t('me.saveCredential'))}</a>
<a class="button" href="/certificates/${escapeHtml(number)}/linkedin" rel="noopener noreferrer">${escapeHtml(tr.t('me.linkedIn'))}</a></div>`
      : '';
  // The credential holds the email only hashed with this secret, so only its holder can show it is theirs.
  const proof =
    certificate.status === 'valid' && certificate.holderProofSecret
      ? `<p class="holder-proof">${tr.html('me.holderProof', {}, { code: `<code>${escapeHtml(certificate.holderProofSecret)}</code>` })}</p>`
      : '';
  return `<article class="certificate" data-number="${escapeHtml(number)}" data-status="${certificate.status}"><h3 class="${certificate.status}" dir="auto">${escapeHtml(certificate.courseTitle)}</h3>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd dir="auto">${escapeHtml(value)}</dd>`).join('')}</dl>
<p><a href="${verifyUrl}">${escapeHtml(tr.t('me.verificationPage'))}</a></p>${actions}${proof}</article>`;
}

/** Where the course stands for the participant, and when to expect the certificate. */
function courseState(course: PageCourse, tr: Translator): string {
  const { approval } = course;
  if (!approval) return tr.t(course.eligible ? 'me.state.eligible' : 'me.state.notYet');
  const approved = tr.t('me.state.approved', { date: tr.date(approval.approvedAt) });
  const due = approval.issueBy ? { date: tr.date(approval.issueBy) } : undefined;
  switch (approval.status) {
    case 'issued':
      return `${approved} ${tr.t('me.state.issued')}`;
    case 'awaiting_consent':
      return `${approved} ${tr.t('me.state.awaitingConsent')}`;
    case 'not_eligible':
      return `${approved} ${tr.t('me.state.notEligible')}`;
    case 'failed':
      return `${approved} ${due ? tr.t('me.state.failedBy', due) : tr.t('me.state.failed')}`;
    default:
      return `${approved} ${due ? tr.t('me.state.inProgressBy', due) : tr.t('me.state.inProgress')}`;
  }
}

/**
 * One yes/no question per purpose, neither chosen until the participant answers (no pre-ticked consent),
 * in a plain form that works without script; the current answer and its date are shown. The questions
 * themselves are in the wording the record keeps (functions/core/consent.ts, English): a translated
 * question would have to be recorded in that translation.
 */
function consentForm(view: ParticipantPageView, links: ParticipantPageLinks, tr: Translator): string {
  const questions = view.consents
    .map((consent) => {
      const name = escapeHtml(consent.field);
      const option = (value: 'yes' | 'no', label: string) =>
        `<label><input type="radio" name="${name}" value="${value}"${
          consent.granted === (value === 'yes') ? ' checked' : ''
        }> ${escapeHtml(label)}</label>`;
      const current =
        consent.granted === undefined
          ? tr.t('me.consent.notAnswered')
          : tr.t(consent.granted ? 'me.consent.answerYes' : 'me.consent.answerNo', {
              date: tr.date(consent.at ?? ''),
            });
      return `<fieldset class="consent" data-purpose="${escapeHtml(consent.purpose)}"><legend lang="en" dir="ltr">${escapeHtml(consent.title)}</legend>
<p lang="en" dir="ltr">${escapeHtml(consent.text)}</p><p class="consent-current">${escapeHtml(current)}</p>${option('yes', tr.t('me.consent.yes'))} ${option('no', tr.t('me.consent.no'))}</fieldset>`;
    })
    .join('');
  const saved = links.consentSaved
    ? `<p class="notice" role="status">${escapeHtml(tr.t('me.consent.saved'))}</p>`
    : '';
  return `<section class="card" id="consent"><h2>${escapeHtml(tr.t('me.consent.heading'))}</h2>${saved}
<form method="post" action="/me/${escapeHtml(links.token)}/consent">${questions}<button type="submit">${escapeHtml(tr.t('me.consent.save'))}</button></form>
<p>${tr.html('me.consent.recorded', {}, { link: `<a href="/privacy">${escapeHtml(tr.t('me.consent.privacyLink'))}</a>` })}</p></section>`;
}

/** The participant chooses the language of this page and their emails (POST /me/{token}/language). */
function languageForm(links: ParticipantPageLinks, tr: Translator): string {
  const options = (Object.values(catalogues) as Catalogue[])
    .map(
      (catalogue) =>
        `<option value="${catalogue.locale}" lang="${catalogue.tag}"${catalogue.locale === tr.locale ? ' selected' : ''}>${escapeHtml(catalogue.name)}</option>`,
    )
    .join('');
  const saved = links.languageSaved
    ? `<p class="notice" role="status">${escapeHtml(tr.t('me.language.saved'))}</p>`
    : '';
  return `<section class="card" id="language"><h2>${escapeHtml(tr.t('me.language.heading'))}</h2>${saved}
<form method="post" action="/me/${escapeHtml(links.token)}/language"><label for="locale" class="visually-hidden">${escapeHtml(tr.t('me.language.heading'))}</label><p class="hint">${escapeHtml(tr.t('me.language.text'))}</p>
<select id="locale" name="locale">${options}</select> <button type="submit">${escapeHtml(tr.t('me.language.save'))}</button></form></section>`;
}

export function renderParticipantPage(view: ParticipantPageView, links: ParticipantPageLinks): string {
  const tr = translator(view.locale);
  // Requirements and what is missing are worded from the data the core sends, in the page's language.
  const label = (requirement: PageRequirement) =>
    requirement.fact ? requirementLabel(tr, requirement.fact) : requirement.label;
  const missing = (requirement: PageRequirement) =>
    requirement.missingFact?.kind === 'no-progress'
      ? tr.t('missing.nothingRecorded')
      : requirement.missingFact
        ? missingLine(tr, requirement.missingFact)
        : (requirement.missing ?? '');
  const courses = view.courses
    .map(
      (
        course,
      ) => `<section class="card" data-course="${escapeHtml(course.courseId)}"><h2 dir="auto">${escapeHtml(course.title)}</h2>
<ul class="requirements">${course.requirements
        .map((requirement) =>
          requirement.met
            ? `<li class="met" data-met="true">✓ ${escapeHtml(label(requirement))}</li>`
            : `<li class="unmet" data-met="false">✗ ${escapeHtml(label(requirement))}: ${escapeHtml(missing(requirement))}</li>`,
        )
        .join('')}</ul>
<p class="course-state">${escapeHtml(courseState(course, tr))}</p></section>`,
    )
    .join('');
  const certificates = view.certificates.length
    ? view.certificates.map((certificate) => certificateCard(certificate, links, tr)).join('')
    : `<p>${escapeHtml(tr.t('me.noCertificate'))}</p>`;
  return renderPage(
    tr.t('me.title'),
    tr.t('me.header'),
    `<section class="card"><h1>${escapeHtml(tr.t('me.hello', { name: view.fullName }))}</h1><p>${escapeHtml(tr.t('me.intro'))}</p></section>
${courses}<section class="card"><h2>${escapeHtml(tr.t('me.certificates'))}</h2>${certificates}</section>
${consentForm(view, links, tr)}
${languageForm(links, tr)}`,
    { tr },
  );
}

/** The answer to any token that opens nothing: it says nothing about why. */
export function renderPageNotFound(locale?: string): string {
  const tr = translator(locale);
  return renderPage(
    tr.t('me.notFound.title'),
    tr.t('me.header'),
    `<section class="card"><h1>${escapeHtml(tr.t('me.notFound.heading'))}</h1><p>${escapeHtml(tr.t('me.notFound.text'))}</p>${linkRequestForm(tr)}</section>`,
    { tr },
  );
}
