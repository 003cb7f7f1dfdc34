/** Helpers shared by the email templates: escaping and the table-based frame most mail clients render. */
import type { NoticeContext } from '../../functions/core/notices.js';
import { type Translator, translator } from '../i18n/index.js';
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
  tr = translator(),
}: {
  title: string;
  preheader: string;
  body: string;
  /** The participant's language: lang and dir on the document and its card (right to left for Arabic). */
  tr?: Translator;
}): string {
  // Mail clients drop or ignore <html> attributes more often than a table's: dir goes on both.
  const dir = tr.dir === 'rtl' ? ' dir="rtl"' : '';
  const align = tr.dir === 'rtl' ? 'text-align:right;' : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${tr.tag}"${dir}><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background-color:${colours.page};">`,
    // The preheader is the grey line inbox lists show after the subject.
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>`,
    `<table role="presentation" width="100%" border="0" cellpadding="0" cellspacing="0" bgcolor="${colours.page}">`,
    '<tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="600" border="0" cellpadding="0" cellspacing="0"${dir} style="max-width:600px;width:100%;background-color:#FFFFFF;border-radius:6px;${align}">`,
    `<tr><td style="padding:24px 32px;border-bottom:3px solid ${colours.gold};">`,
    `<span style="${FONT}font-size:24px;font-weight:bold;color:${colours.navy};">Say<span style="color:${colours.gold};">Pro</span></span>`,
    '</td></tr>',
    `<tr><td style="padding:28px 32px 12px 32px;">${body}</td></tr>`,
    `<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid ${colours.rule};">`,
    `<p style="${styles.small}margin:0;">${escapeHtml(tr.t('email.footer'))}</p>`,
    '</td></tr></table></td></tr></table></body></html>',
  ].join('\n');
}

type LinkFacts = Pick<NoticeContext, 'participantPageUrl' | 'helpUrl' | 'faqUrl' | 'privacyUrl'>;

/** The links every participant email ends with: their own page, the help pages and the privacy policy. */
export function participantLinksText(notice: LinkFacts, tr: Translator = translator()) {
  return [
    tr.t('email.links.pageText', { url: notice.participantPageUrl }),
    tr.t('email.links.helpText', { help: notice.helpUrl, faq: notice.faqUrl }),
    tr.t('email.links.privacyText', { url: notice.privacyUrl }),
  ];
}

export function participantLinksHtml(notice: LinkFacts, tr: Translator = translator()) {
  const link = (href: string, label: string) =>
    `<a href="${safeHref(href)}" style="${styles.link}">${escapeHtml(label)}</a>`;
  const page = tr.html(
    'email.links.pageSentence',
    {},
    { page: link(notice.participantPageUrl, tr.t('email.links.page')) },
  );
  return `<p style="${styles.small}">${page} ${link(notice.helpUrl, tr.t('email.links.help'))} · ${link(notice.faqUrl, tr.t('email.links.faq'))}</p>
<p style="${styles.small}">${link(notice.privacyUrl, tr.t('email.links.privacy'))}</p>`;
}

/** How every participant email ends: their page, the help pages and the privacy policy, then the sign-off. */
export function closingText(notice: LinkFacts, tr: Translator = translator()) {
  return [...participantLinksText(notice, tr), '', tr.t('email.kindRegards'), 'SayPro Certificates'];
}

export function closingHtml(notice: LinkFacts, tr: Translator = translator()) {
  return `${participantLinksHtml(notice, tr)}\n<p style="${styles.p}">${escapeHtml(tr.t('email.kindRegards'))}<br>SayPro Certificates</p>`;
}

/** `<ul>` padding on the reading side: right for right-to-left text. */
export function listStyle(tr: Translator): string {
  return tr.dir === 'rtl' ? 'margin:0 0 16px 0;padding:0 20px 0 0;' : 'margin:0 0 16px 0;padding:0 0 0 20px;';
}

/** The support address as a mailto link, wherever a translation put it in an already escaped sentence. */
export function linkSupport(escaped: string, supportAddress: string): string {
  const support = escapeHtml(supportAddress);
  return escaped.replace(support, () => `<a href="mailto:${support}" style="${styles.link}">${support}</a>`);
}
