import type { NoticeContext } from '../../functions/core/notices.js';
import { button, closingHtml, closingText, escapeHtml, frame, oneLine, safeHref, styles } from './html.js';
import type { RenderedEmail } from './issued.js';

/**
 * One email written once as blocks, rendered as both the plain-text and the HTML part, so the two never
 * say different things.
 */
export type EmailBlock =
  | { p: string }
  | { h2: string }
  | { list: string[] }
  | { fact: string; value: string }
  | { button: string; href: string };

export function composeEmail(
  notice: Pick<
    NoticeContext,
    'recipientName' | 'supportAddress' | 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl'
  >,
  email: { subject: string; heading: string; preheader: string; blocks: EmailBlock[] },
): RenderedEmail {
  const subject = oneLine(email.subject);
  const text: string[] = [`Dear ${notice.recipientName},`, ''];
  const html: string[] = [
    `<h1 style="${styles.h1}">${escapeHtml(email.heading)}</h1>`,
    `<p style="${styles.p}">Dear ${escapeHtml(notice.recipientName)},</p>`,
  ];
  const support = escapeHtml(notice.supportAddress);
  // The support address is written as plain text in the blocks, and becomes a mailto link in HTML.
  const linked = (escaped: string) =>
    escaped.replace(support, () => `<a href="mailto:${support}" style="${styles.link}">${support}</a>`);
  for (const block of email.blocks) {
    if ('p' in block) {
      text.push(block.p, '');
      html.push(`<p style="${styles.p}">${linked(escapeHtml(block.p))}</p>`);
    } else if ('h2' in block) {
      text.push(block.h2);
      html.push(`<h2 style="${styles.p}font-weight:bold;margin-bottom:8px;">${escapeHtml(block.h2)}</h2>`);
    } else if ('list' in block) {
      text.push(...block.list.map((item) => `  - ${item}`), '');
      html.push(
        '<ul style="margin:0 0 16px 0;padding:0 0 0 20px;">',
        ...block.list.map((item) => `<li style="${styles.li}">${escapeHtml(item)}</li>`),
        '</ul>',
      );
    } else if ('fact' in block) {
      text.push(`${block.fact}: ${block.value}`, '');
      html.push(
        `<p style="${styles.p}">${escapeHtml(block.fact)}: <span style="${styles.code}">${escapeHtml(block.value)}</span></p>`,
      );
    } else {
      text.push(`${block.button}: ${block.href}`, '');
      html.push(
        button(block.href, block.button),
        `<p style="${styles.small}">If the button does not work, copy this address into your browser: <a href="${safeHref(block.href)}" style="${styles.link}">${escapeHtml(block.href)}</a></p>`,
      );
    }
  }
  text.push(...closingText(notice));
  html.push(closingHtml(notice));
  return {
    subject,
    text: text.join('\n'),
    html: frame({ title: subject, preheader: email.preheader, body: html.join('\n') }),
  };
}
