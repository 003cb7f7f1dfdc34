import type { CertificateIssuedNotice } from '../../functions/core/notices.js';
import { linkedInAddUrl } from '../linkedin.js';
import { formatLongDate } from '../text.js';
import { button, closingHtml, closingText, escapeHtml, frame, oneLine, safeHref, styles } from './html.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface IssuedEmailOptions {
  /** LinkedIn's id of SayPro's company page; without it the add-to-profile link names "SayPro". */
  linkedInOrganizationId?: string;
}

const SURVEY_HEADING = 'How did it go?';
/** Only in the emails of participants who agreed to surveys (the link is absent otherwise). */
const SURVEY_TEXT =
  'Two minutes, four questions: tell us how getting your certificate went, and whether anything on it is wrong. You agreed to surveys; you can change that on your page.';

/**
 * The email sent with a newly issued certificate (or sent again by staff): how to download it, add it
 * to LinkedIn, how others verify it, whom to ask.
 */
export function renderIssuedEmail(
  input: CertificateIssuedNotice,
  options: IssuedEmailOptions = {},
): RenderedEmail {
  const expires = formatLongDate(input.downloadLinkExpiresAt);
  const subject = oneLine(
    input.resent
      ? `Your SayPro certificate (sent again): ${input.courseTitle}`
      : `Your SayPro certificate: ${input.courseTitle}`,
  );
  const opening = input.resent
    ? `As asked, here is a fresh link to your certificate for ${input.courseTitle}. Earlier download links no longer work.`
    : `Congratulations on completing ${input.courseTitle}. Your certificate is ready.`;
  // Through our redirect, so shares are counted (by course, never by person); it sends on to LinkedIn's form.
  const linkedIn = input.linkedInShareUrl;
  const correction = `If your name or any other detail on the certificate is wrong, reply to this email or write to ${input.supportAddress} with the certificate number. We will issue a corrected certificate; the old number will then show as replaced.`;

  const text = [
    `Dear ${input.recipientName},`,
    '',
    opening,
    '',
    `Download your certificate (PDF): ${input.downloadUrl}`,
    `This link works until ${expires}; your page gives a fresh one at any time. Save the PDF somewhere safe; you can share it with anyone.`,
    '',
    `Certificate number: ${input.certificateNumber}`,
    ...(input.expiresAt ? [`Valid until: ${formatLongDate(input.expiresAt)}`] : []),
    '',
    'How others can check it',
    `Employers and others can confirm your certificate is genuine by scanning the QR code on it, or by opening ${input.verificationUrl}`,
    'and comparing the details, or by entering the certificate number on the verification site.',
    `Add it to your LinkedIn profile: ${linkedIn}`,
    '',
    'Something wrong?',
    correction,
    '',
    ...(input.surveyUrl ? [SURVEY_HEADING, `${SURVEY_TEXT} ${input.surveyUrl}`, ''] : []),
    ...closingText(input),
  ].join('\n');

  const name = escapeHtml(input.recipientName);
  const course = escapeHtml(input.courseTitle);
  const body = [
    `<h1 style="${styles.h1}">Your certificate is ready</h1>`,
    `<p style="${styles.p}">Dear ${name},</p>`,
    input.resent
      ? `<p style="${styles.p}">As asked, here is a fresh link to your certificate for <strong>${course}</strong>. Earlier download links no longer work.</p>`
      : `<p style="${styles.p}">Congratulations on completing <strong>${course}</strong>. Your certificate is ready to download as a PDF:</p>`,
    button(input.downloadUrl, 'Download your certificate'),
    `<p style="${styles.small}">This link works until ${escapeHtml(expires)}; your page gives a fresh one at any time. Save the PDF somewhere safe; you can share it with anyone. If the button does not work, copy this address into your browser: <a href="${safeHref(input.downloadUrl)}" style="${styles.link}">${escapeHtml(input.downloadUrl)}</a></p>`,
    `<p style="${styles.p}">Certificate number: <span style="${styles.code}">${escapeHtml(input.certificateNumber)}</span></p>`,
    ...(input.expiresAt
      ? [`<p style="${styles.p}">Valid until: ${escapeHtml(formatLongDate(input.expiresAt))}</p>`]
      : []),
    `<h2 style="${styles.p}font-weight:bold;margin-bottom:8px;">How others can check it</h2>`,
    `<p style="${styles.p}">Employers and others can confirm your certificate is genuine by scanning the QR code on it, or by opening <a href="${safeHref(input.verificationUrl)}" style="${styles.link}">${escapeHtml(input.verificationUrl)}</a> and comparing the details, or by entering the certificate number on the verification site.</p>`,
    `<p style="${styles.p}"><a href="${safeHref(linkedIn)}" style="${styles.link}">Add it to your LinkedIn profile</a></p>`,
    `<h2 style="${styles.p}font-weight:bold;margin-bottom:8px;">Something wrong?</h2>`,
    `<p style="${styles.p}">${escapeHtml(correction).replace(
      escapeHtml(input.supportAddress),
      () =>
        `<a href="mailto:${escapeHtml(input.supportAddress)}" style="${styles.link}">${escapeHtml(input.supportAddress)}</a>`,
    )}</p>`,
    ...(input.surveyUrl
      ? [
          `<h2 style="${styles.p}font-weight:bold;margin-bottom:8px;">${SURVEY_HEADING}</h2>`,
          `<p style="${styles.p}">${SURVEY_TEXT} <a href="${safeHref(input.surveyUrl)}" style="${styles.link}">Answer the survey</a></p>`,
        ]
      : []),
    closingHtml(input),
  ].join('\n');

  return {
    subject,
    text,
    html: frame({ title: subject, preheader: `Download your certificate for ${input.courseTitle}.`, body }),
  };
}
