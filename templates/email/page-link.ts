import type { PageLinkNotice } from '../../functions/core/notices.js';
import { closingHtml, closingText, escapeHtml, frame, oneLine, styles } from './html.js';
import type { RenderedEmail } from './issued.js';

/** Sent when someone asks for a new personal link with this address. */
export function renderPageLinkEmail(input: PageLinkNotice): RenderedEmail {
  const subject = oneLine('Your link to your SayPro certificates');
  const intro =
    'You (or someone with your address) asked for a new link to your personal page. If it was not you, ignore this email: the link only shows your progress and certificates.';
  const text = [`Dear ${input.recipientName},`, '', intro, '', ...closingText(input)].join('\n');
  const body = [
    `<h1 style="${styles.h1}">Your personal link</h1>`,
    `<p style="${styles.p}">Dear ${escapeHtml(input.recipientName)},</p>`,
    `<p style="${styles.p}">${escapeHtml(intro)}</p>`,
    closingHtml(input),
  ].join('\n');
  return { subject, text, html: frame({ title: subject, preheader: 'A new link to your page.', body }) };
}
