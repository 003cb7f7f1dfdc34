import type { PageLinkNotice } from '../../functions/core/notices.js';
import { translator } from '../i18n/index.js';
import { closingHtml, closingText, escapeHtml, frame, oneLine, styles } from './html.js';
import type { RenderedEmail } from './issued.js';

/** Sent when someone asks for a new personal link with this address. */
export function renderPageLinkEmail(input: PageLinkNotice): RenderedEmail {
  const tr = translator(input.locale);
  const subject = oneLine(tr.t('email.pageLink.subject'));
  const intro = tr.t('email.pageLink.intro');
  const dear = tr.t('email.dear', { name: input.recipientName });
  const text = [dear, '', intro, '', ...closingText(input, tr)].join('\n');
  const body = [
    `<h1 style="${styles.h1}">${escapeHtml(tr.t('email.pageLink.heading'))}</h1>`,
    `<p style="${styles.p}">${escapeHtml(dear)}</p>`,
    `<p style="${styles.p}">${escapeHtml(intro)}</p>`,
    closingHtml(input, tr),
  ].join('\n');
  return {
    subject,
    text,
    html: frame({ title: subject, preheader: tr.t('email.pageLink.preheader'), body, tr }),
  };
}
