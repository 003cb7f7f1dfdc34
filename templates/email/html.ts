/** Helpers shared by the email templates: escaping and the table-based frame most mail clients render. */
import type { NoticeContext } from '../../functions/core/notices.js';
import { escapeHtml } from '../text.js';

export { escapeHtml };

/** A subject line: line breaks in it would let input add mail headers. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/** Only http(s) links are ever put in an href; anything else (javascript:, data:) becomes '#'. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '#';
}

export const colours = {
  navy: '#163A5F',
  gold: '#A97C24',
  ink: '#1F2933',
  muted: '#52606D',
  rule: '#E4E7EB',
  page: '#F4F5F7',
} as const;

const FONT = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;";

export const styles = {
  p: `margin:0 0 16px 0;${FONT}font-size:15px;line-height:22px;color:${colours.ink};`,
  small: `margin:0 0 12px 0;${FONT}font-size:13px;line-height:19px;color:${colours.muted};`,
  h1: `margin:0 0 16px 0;${FONT}font-size:22px;line-height:28px;font-weight:bold;color:${colours.navy};`,
  li: `margin:0 0 8px 0;${FONT}font-size:15px;line-height:22px;color:${colours.ink};`,
  code: `font-family:'Courier New',Courier,monospace;font-size:15px;font-weight:bold;letter-spacing:1px;color:${colours.ink};`,
  link: `color:${colours.navy};text-decoration:underline;`,
} as const;

/** A call-to-action button built from a table cell, which Outlook renders as a button too. */
export function button(href: string, label: string): string {
  return [
    '<table role="presentation" border="0" cellpadding="0" cellspacing="0" style="margin:8px 0 24px 0;">',
    `<tr><td align="center" bgcolor="${colours.navy}" style="border-radius:4px;">`,
    `<a href="${safeHref(href)}" target="_blank" style="display:inline-block;padding:12px 24px;${FONT}font-size:15px;font-weight:bold;color:#FFFFFF;text-decoration:none;border-radius:4px;">${escapeHtml(label)}</a>`,
    '</td></tr></table>',
  ].join('');
}

/** The whole HTML document: a centred 600px card with the SayPro wordmark on top. `body` is trusted HTML. */
export function frame({
  title,
  preheader,
  body,
}: {
  title: string;
  preheader: string;
  body: string;
}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background-color:${colours.page};">`,
    // The preheader is the grey line inbox lists show after the subject.
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>`,
    `<table role="presentation" width="100%" border="0" cellpadding="0" cellspacing="0" bgcolor="${colours.page}">`,
    '<tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="600" border="0" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background-color:#FFFFFF;border-radius:6px;">',
    `<tr><td style="padding:24px 32px;border-bottom:3px solid ${colours.gold};">`,
    `<span style="${FONT}font-size:24px;font-weight:bold;color:${colours.navy};">Say<span style="color:${colours.gold};">Pro</span></span>`,
    '</td></tr>',
    `<tr><td style="padding:28px 32px 12px 32px;">${body}</td></tr>`,
    `<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid ${colours.rule};">`,
    `<p style="${styles.small}margin:0;">SayPro Certificates &middot; This message was sent because you took part in a SayPro course.</p>`,
    '</td></tr></table></td></tr></table></body></html>',
  ].join('\n');
}

/** The links every participant email ends with: their own page, the help pages and the privacy policy. */
export function participantLinksText(
  notice: Pick<NoticeContext, 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl'>,
) {
  return [
    `Your page (progress, certificates, downloads): ${notice.participantPageUrl}`,
    `How certificates work: ${notice.helpUrl} · Questions: ${notice.faqUrl}`,
    `How we handle your personal data: ${notice.privacyUrl}`,
  ];
}

export function participantLinksHtml(
  notice: Pick<NoticeContext, 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl'>,
) {
  const link = (href: string, label: string) =>
    `<a href="${safeHref(href)}" style="${styles.link}">${escapeHtml(label)}</a>`;
  return `<p style="${styles.small}">${link(notice.participantPageUrl, 'Your page')}: your progress, your certificates and fresh download links, at any time. ${link(notice.helpUrl, 'How certificates work')} · ${link(notice.faqUrl, 'Questions and answers')}</p>
<p style="${styles.small}">${link(notice.privacyUrl, 'How we handle your personal data')}</p>`;
}

/** How every participant email ends: their page, the help pages and the privacy policy, then the sign-off. */
export function closingText(
  notice: Pick<NoticeContext, 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl'>,
) {
  return [...participantLinksText(notice), '', 'Kind regards,', 'SayPro Certificates'];
}

export function closingHtml(
  notice: Pick<NoticeContext, 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl'>,
) {
  return `${participantLinksHtml(notice)}\n<p style="${styles.p}">Kind regards,<br>SayPro Certificates</p>`;
}
