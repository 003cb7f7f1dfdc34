import type { CertificateIssuedNotice } from '../../functions/core/notices.js';
import { translator } from '../i18n/index.js';
import {
  button,
  closingHtml,
  closingText,
  escapeHtml,
  frame,
  linkSupport,
  oneLine,
  safeHref,
  styles,
} from './html.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface IssuedEmailOptions {
  /** LinkedIn's id of SayPro's company page; without it the add-to-profile link names "SayPro". */
  linkedInOrganizationId?: string;
}

/**
 * The email sent with a newly issued certificate (or sent again by staff): how to download it, add it
 * to LinkedIn, how others verify it, whom to ask. In the participant's language (notice.locale).
 */
export function renderIssuedEmail(
  input: CertificateIssuedNotice,
  _options: IssuedEmailOptions = {},
): RenderedEmail {
  const tr = translator(input.locale);
  const course = { course: input.courseTitle };
  const expires = tr.date(input.downloadLinkExpiresAt);
  const subject = oneLine(tr.t(input.resent ? 'email.issued.subjectResent' : 'email.issued.subject', course));
  const opening = tr.t(input.resent ? 'email.issued.openingResent' : 'email.issued.opening', course);
  // Through our redirect, so shares are counted (by course, never by person); it sends on to LinkedIn's form.
  const linkedIn = input.linkedInShareUrl;
  const correction = tr.t('email.issued.correction', { support: input.supportAddress });
  const linkWorks = tr.t('email.issued.linkWorksUntil', { date: expires });
  const number = tr.t('email.fact.certificateNumber');
  const validUntil = input.expiresAt ? tr.date(input.expiresAt) : undefined;
  const labelled = (label: string, value: string) => tr.t('email.labelled', { label, value });

  const text = [
    tr.t('email.dear', { name: input.recipientName }),
    '',
    opening,
    '',
    tr.t('email.issued.downloadText', { url: input.downloadUrl }),
    linkWorks,
    '',
    labelled(number, input.certificateNumber),
    ...(validUntil ? [labelled(tr.t('email.fact.validUntil'), validUntil)] : []),
    '',
    tr.t('email.issued.howOthersCheck'),
    tr.t('email.issued.othersCheck', { url: input.verificationUrl }),
    labelled(tr.t('email.issued.linkedIn'), linkedIn),
    '',
    tr.t('email.issued.somethingWrong'),
    correction,
    '',
    ...(input.surveyUrl
      ? [tr.t('email.survey.heading'), `${tr.t('email.survey.text')} ${input.surveyUrl}`, '']
      : []),
    ...closingText(input, tr),
  ].join('\n');

  const strongCourse = { course: `<strong>${escapeHtml(input.courseTitle)}</strong>` };
  const link = (href: string, label: string) =>
    `<a href="${safeHref(href)}" style="${styles.link}">${escapeHtml(label)}</a>`;
  const h2 = (heading: string) =>
    `<h2 style="${styles.p}font-weight:bold;margin-bottom:8px;">${escapeHtml(heading)}</h2>`;
  const body = [
    `<h1 style="${styles.h1}">${escapeHtml(tr.t('email.issued.heading'))}</h1>`,
    `<p style="${styles.p}">${escapeHtml(tr.t('email.dear', { name: input.recipientName }))}</p>`,
    `<p style="${styles.p}">${tr.html(input.resent ? 'email.issued.openingResent' : 'email.issued.openingHtml', {}, strongCourse)}</p>`,
    button(input.downloadUrl, tr.t('email.issued.downloadButton')),
    `<p style="${styles.small}">${escapeHtml(linkWorks)} ${tr.html('email.buttonFallback', {}, { url: link(input.downloadUrl, input.downloadUrl) })}</p>`,
    `<p style="${styles.p}">${tr.html('email.labelled', { label: number }, { value: `<span style="${styles.code}">${escapeHtml(input.certificateNumber)}</span>` })}</p>`,
    ...(validUntil
      ? [`<p style="${styles.p}">${escapeHtml(labelled(tr.t('email.fact.validUntil'), validUntil))}</p>`]
      : []),
    h2(tr.t('email.issued.howOthersCheck')),
    `<p style="${styles.p}">${tr.html('email.issued.othersCheck', {}, { url: link(input.verificationUrl, input.verificationUrl) })}</p>`,
    `<p style="${styles.p}">${link(linkedIn, tr.t('email.issued.linkedIn'))}</p>`,
    h2(tr.t('email.issued.somethingWrong')),
    `<p style="${styles.p}">${linkSupport(escapeHtml(correction), input.supportAddress)}</p>`,
    ...(input.surveyUrl
      ? [
          h2(tr.t('email.survey.heading')),
          `<p style="${styles.p}">${escapeHtml(tr.t('email.survey.text'))} ${link(input.surveyUrl, tr.t('email.survey.button'))}</p>`,
        ]
      : []),
    closingHtml(input, tr),
  ].join('\n');

  return {
    subject,
    text,
    html: frame({ title: subject, preheader: tr.t('email.issued.preheader', course), body, tr }),
  };
}
