import { createHash } from 'node:crypto';
import { htmlLangAttributes, languageSwitcher, type Translator, translator } from '../i18n/index.js';
import { escapeHtml } from '../text.js';

/**
 * The frame of the participant's page and the help pages: the verification page's look, server-rendered,
 * no script, and a CSP that admits only this stylesheet (by hash). The verification page keeps its own
 * copy so its bytes (and CSP hash) stay exactly as they were.
 */
export const PAGE_STYLE = `
:root{--ink:#1b2a3a;--muted:#5b6b7b;--brand:#0b4f8a;--ok:#17663a;--bad:#a11d2b;--warn:#8a5a00;--bg:#f4f6f9}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--brand);color:#fff;padding:14px 20px;font-weight:700;letter-spacing:.04em}
main{max-width:720px;margin:24px auto;padding:0 16px}
.card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.12);margin-bottom:16px}
h1{font-size:1.4rem;margin:0 0 8px}h2{font-size:1.1rem;margin:20px 0 8px}h3{font-size:1rem;margin:16px 0 6px}
.valid,.met{color:var(--ok)}.revoked,.invalid,.unmet{color:var(--bad)}.superseded,.expired,.pending{color:var(--warn)}
ul.requirements{list-style:none;padding-inline-start:0}ul.requirements li{margin:4px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:12px 0 0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
form{margin-top:12px;display:flex;gap:8px;flex-wrap:wrap}input{flex:1;min-width:12rem;padding:10px;font:inherit;border:1px solid #9aa7b4;border-radius:8px}
button,.button{display:inline-block;padding:10px 16px;font:inherit;color:#fff;background:var(--brand);border:0;border-radius:8px;text-decoration:none}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:12px}.actions form{margin:0}
a{color:var(--brand)}footer{color:var(--muted);font-size:.85rem;text-align:center;margin:24px 0}
code{overflow-wrap:anywhere}
fieldset.consent{flex-basis:100%;border:1px solid #d5dce3;border-radius:8px;margin:0 0 8px;padding:8px 14px}legend{font-weight:600;padding:0 4px}
fieldset.consent label{margin-inline-end:16px}fieldset.consent input{flex:none;min-width:0;width:auto;margin-inline-end:4px}.consent-current{color:var(--muted)}
.notice{background:#e8f3ec;border-radius:8px;padding:8px 12px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form.survey{display:block}fieldset.question{border:1px solid #d5dce3;border-radius:8px;margin:0 0 12px;padding:8px 14px}
fieldset.question label{display:inline-block;margin-block:4px;margin-inline:0 14px}fieldset.question input{flex:none;min-width:0;width:auto;margin-inline-end:4px}
.field-error{color:var(--bad);font-weight:600;margin:4px 0}.error-summary{border:2px solid var(--bad);border-radius:8px;padding:8px 14px;margin-bottom:12px}
label.block{display:block;font-weight:600;margin:8px 0 4px}.hint{color:var(--muted);font-size:.9rem;margin:0 0 4px}
nav.languages{max-width:720px;margin:12px auto 0;padding:0 16px;font-size:.9rem;color:var(--muted)}
select{padding:10px;font:inherit;border:1px solid #9aa7b4;border-radius:8px}
textarea{display:block;width:100%;min-height:8rem;padding:10px;font:inherit;border:1px solid #9aa7b4;border-radius:8px}
`;

/**
 * The policy of every server-rendered page: no script at all, only the page's own inline style (by hash).
 * `formTargets`: origins a form may end up at besides this one. Browsers check `form-action` on the
 * redirect too, so a form answered by a 303 to another origin (Download PDF → the document store) needs it.
 */
export const cspForStyle = (style: string, formTargets: readonly string[] = []) =>
  [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    "img-src 'self' data:",
    ["form-action 'self'", ...formTargets].join(' '),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export const PAGE_CSP = cspForStyle(PAGE_STYLE);

export interface PageLanguage {
  tr: Translator;
  /** A language switcher on public pages (help, FAQ): this page's address without a query. */
  switcherPath?: string;
  /** The language was chosen with ?lang=: the footer's links keep it. */
  langChosen?: boolean;
}

/** A whole page around already-escaped body markup, in the reader's language (English by default). */
export function renderPage(
  title: string,
  heading: string,
  body: string,
  language: PageLanguage = { tr: translator() },
): string {
  const { tr } = language;
  const lang = language.langChosen ? `?lang=${tr.locale}` : '';
  const switcher = language.switcherPath
    ? `\n${languageSwitcher(tr.locale, (locale) => `${language.switcherPath}?lang=${locale}`)}`
    : '';
  return `<!doctype html>
<html ${htmlLangAttributes(tr)}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>
<body><header>SayPro · ${escapeHtml(heading)}</header>${switcher}
<main>${body}
<footer><a href="/help${lang}">${escapeHtml(tr.t('page.help'))}</a> · <a href="/help/faq${lang}">${escapeHtml(tr.t('page.faq'))}</a> · <a href="/verify${lang}">${escapeHtml(tr.t('page.verify'))}</a> · <a href="/privacy">${escapeHtml(tr.t('page.privacy'))}</a></footer></main></body></html>`;
}
