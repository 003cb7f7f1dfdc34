import type { NoticeContext } from '../../functions/core/notices.js';
import { type Translator, translator } from '../i18n/index.js';
import {
  button,
  closingHtml,
  closingText,
  escapeHtml,
  frame,
  linkSupport,
  listStyle,
  oneLine,
  safeHref,
  styles,
} from './html.js';
import type { RenderedEmail } from './issued.js';

/**
 * One email written once as blocks, rendered as both the plain-text and the HTML part, so the two never
 * say different things. Blocks hold text already worded in the participant's language.
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
    'recipientName' | 'supportAddress' | 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl' | 'locale'
  >,
  email: { subject: string; heading: string; preheader: string; blocks: EmailBlock[] },
  tr: Translator = translator(notice.locale),
): RenderedEmail {
  const subject = oneLine(email.subject);
  const dear = tr.t('email.dear', { name: notice.recipientName });
  const text: string[] = [dear, ''];
  const html: string[] = [
    `<h1 style="${styles.h1}">${escapeHtml(email.heading)}</h1>`,
    `<p style="${styles.p}">${escapeHtml(dear)}</p>`,
  ];
  // The support address is written as plain text in the blocks, and becomes a mailto link in HTML.
  const linked = (escaped: string) => linkSupport(escaped, notice.supportAddress);
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
        `<ul style="${listStyle(tr)}">`,
        ...block.list.map((item) => `<li style="${styles.li}">${escapeHtml(item)}</li>`),
        '</ul>',
      );
    } else if ('fact' in block) {
      text.push(tr.t('email.labelled', { label: block.fact, value: block.value }), '');
      html.push(
        `<p style="${styles.p}">${tr.html('email.labelled', { label: block.fact }, { value: `<span style="${styles.code}">${escapeHtml(block.value)}</span>` })}</p>`,
      );
    } else {
      text.push(tr.t('email.labelled', { label: block.button, value: block.href }), '');
      html.push(
        button(block.href, block.button),
        `<p style="${styles.small}">${tr.html('email.buttonFallback', {}, { url: `<a href="${safeHref(block.href)}" style="${styles.link}">${escapeHtml(block.href)}</a>` })}</p>`,
      );
    }
  }
  text.push(...closingText(notice, tr));
  html.push(closingHtml(notice, tr));
  return {
    subject,
    text: text.join('\n'),
    html: frame({ title: subject, preheader: email.preheader, body: html.join('\n'), tr }),
  };
}
