import type { NotEligibleNotice } from '../../functions/core/notices.js';
import { closingHtml, closingText, escapeHtml, frame, oneLine, styles } from './html.js';
import type { RenderedEmail } from './issued.js';

/** Sent when work was approved but the course's certificate criteria are not all met yet. */
export function renderNotEligibleEmail(input: NotEligibleNotice): RenderedEmail {
  const subject = oneLine(`Your SayPro certificate for ${input.courseTitle}: a few steps left`);
  const missing =
    input.missing.length > 0 ? input.missing : ['A requirement of the course is not complete yet.'];
  const closing = `Once these are done, your certificate is issued automatically; you do not need to ask again. If you think this is a mistake, reply to this email or write to ${input.supportAddress}.`;

  const text = [
    `Dear ${input.recipientName},`,
    '',
    `Your work for ${input.courseTitle} has been approved, but the certificate cannot be issued yet. Still to do:`,
    '',
    ...missing.map((item) => `  - ${item}`),
    '',
    closing,
    '',
    ...closingText(input),
  ].join('\n');

  const support = escapeHtml(input.supportAddress);
  const body = [
    `<h1 style="${styles.h1}">A few steps left</h1>`,
    `<p style="${styles.p}">Dear ${escapeHtml(input.recipientName)},</p>`,
    `<p style="${styles.p}">Your work for <strong>${escapeHtml(input.courseTitle)}</strong> has been approved, but the certificate cannot be issued yet. Still to do:</p>`,
    '<ul style="margin:0 0 16px 0;padding:0 0 0 20px;">',
    ...missing.map((item) => `<li style="${styles.li}">${escapeHtml(item)}</li>`),
    '</ul>',
    `<p style="${styles.p}">${escapeHtml(closing).replace(support, () => `<a href="mailto:${support}" style="${styles.link}">${support}</a>`)}</p>`,
    closingHtml(input),
  ].join('\n');

  return {
    subject,
    text,
    html: frame({
      title: subject,
      preheader: `${missing.length} step(s) left before your certificate is issued.`,
      body,
    }),
  };
}
