import type { VerificationReport } from '../../functions/core/use-cases/verify-submission.js';
import type { PublicCertificateView } from '../../functions/core/use-cases/view-certificate.js';
import {
  htmlLangAttributes,
  type LocaleCode,
  languageSwitcher,
  type Translator,
  translator,
} from '../i18n/index.js';
import { escapeHtml } from '../text.js';
import { cspForStyle } from './page-layout.js';

/**
 * The page a QR code opens. Server-rendered, no script at all, every value escaped, and a CSP that
 * allows only this page's own stylesheet (by hash), so injected markup can neither run nor load.
 */

const STYLE = `
:root{--ink:#1b2a3a;--muted:#5b6b7b;--brand:#0b4f8a;--ok:#17663a;--bad:#a11d2b;--warn:#8a5a00;--bg:#f4f6f9}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--brand);color:#fff;padding:14px 20px;font-weight:700;letter-spacing:.04em}
main{max-width:640px;margin:24px auto;padding:0 16px}
.card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.verdict{font-size:1.4rem;font-weight:700;margin:0 0 8px}
.valid{color:var(--ok)}.revoked,.invalid{color:var(--bad)}.superseded,.expired{color:var(--warn)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:16px 0 0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
form{margin-top:20px;display:flex;gap:8px;flex-wrap:wrap}input{flex:1;min-width:12rem;padding:10px;font:inherit;border:1px solid #9aa7b4;border-radius:8px}
button{padding:10px 16px;font:inherit;color:#fff;background:var(--brand);border:0;border-radius:8px}
footer{color:var(--muted);font-size:.85rem;text-align:center;margin:24px 0}
h2{font-size:1rem;margin:24px 0 8px}ul.reasons{margin:8px 0 0;padding-inline-start:1.2rem}a{color:var(--brand)}
nav.languages{max-width:640px;margin:12px auto 0;padding:0 16px;font-size:.9rem;color:var(--muted)}
.upload{display:block;border-top:1px solid #dde3ea;margin-top:24px;padding-top:8px}.upload input[type=file]{border:0;padding:8px 0}.upload label{display:block;color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export const VERIFICATION_PAGE_CSP = cspForStyle(STYLE);

const VERDICT_KEYS = {
  valid: 'verify.verdict.valid',
  revoked: 'verify.verdict.revoked',
  superseded: 'verify.verdict.superseded',
  expired: 'verify.verdict.expired',
} as const satisfies Record<PublicCertificateView['status'], string>;

function describe(view: PublicCertificateView, tr: Translator, lang: string): string {
  const rows: [string, string][] = [
    [tr.t('verify.row.number'), view.number],
    [tr.t('verify.row.issuedBy'), view.issuer.name],
    [tr.t('verify.row.course'), view.course.title],
    [
      tr.t('verify.row.holder'),
      view.holderDetailsWithdrawn
        ? tr.t('verify.holderWithdrawn', { date: tr.date(view.holderDetailsWithdrawn.at) })
        : (view.holder?.name ?? tr.t('verify.holderHidden')),
    ],
    [tr.t('verify.row.completed'), tr.date(view.completedAt)],
    [tr.t('verify.row.issued'), tr.date(view.issuedAt)],
  ];
  if (view.expiresAt) rows.push([tr.t('verify.row.validUntil'), tr.date(view.expiresAt)]);
  if (view.revokedAt) rows.push([tr.t('verify.row.revokedOn'), tr.date(view.revokedAt)]);
  if (view.revocationReason) rows.push([tr.t('verify.row.reason'), view.revocationReason]);
  if (view.supersededBy) rows.push([tr.t('verify.row.currentVersion'), view.supersededBy]);
  rows.push([tr.t('verify.row.signature'), signatureText(view, tr)]);
  const genuine = view.signature.valid;
  const verdictClass = genuine ? view.status : 'invalid';
  const verdict = genuine ? tr.t(VERDICT_KEYS[view.status]) : tr.t('verify.verdict.notGenuine');
  const link = (number: string) => `<a href="/verify/${escapeHtml(number)}${lang}">${escapeHtml(number)}</a>`;
  const chain = [
    view.supersededBy
      ? `<p>${tr.html('verify.currentVersionIs', {}, { link: link(view.supersededBy) })}</p>`
      : '',
    view.supersedes ? `<p>${tr.html('verify.corrects', {}, { link: link(view.supersedes) })}</p>` : '',
  ].join('');
  // Values (names, course titles, numbers) keep their own direction inside a right-to-left page.
  return `<p class="verdict ${verdictClass}" data-status="${escapeHtml(genuine ? view.status : 'invalid')}">${escapeHtml(verdict)}</p>
${chain}<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd dir="auto">${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

function signatureText(view: PublicCertificateView, tr: Translator): string {
  if (view.signature.valid) return tr.t('verify.signature.valid');
  if (view.signature.keyStatus === 'compromised') return tr.t('verify.signature.compromised');
  return tr.t('verify.signature.invalid');
}

function describeReport(report: VerificationReport, tr: Translator, lang: string): string {
  const status = report.valid ? 'valid' : report.status === 'unknown' ? 'invalid' : report.status;
  const verdict = report.valid
    ? tr.t('verify.verdict.valid')
    : report.status === 'unknown' || report.status === 'not_yet_valid'
      ? tr.t('verify.verdict.notVerified')
      : tr.t(VERDICT_KEYS[report.status]);
  // The reasons come worded from the verification use case (English; docs/locales.md).
  const reasons = `<ul class="reasons" lang="en" dir="ltr">${report.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`;
  const details = report.certificate
    ? describe(report.certificate, tr, lang).replace(/^<p class="verdict[^>]*>.*?<\/p>\n/, '')
    : '';
  return `<p class="verdict ${status}" data-status="${escapeHtml(report.valid ? 'valid' : report.status)}">${escapeHtml(verdict)}</p>${reasons}${details}`;
}

export type VerificationPageContent =
  | { view: PublicCertificateView }
  | { report: VerificationReport }
  | { problem: string; input: string }
  | { input: string };

export interface VerificationPageOptions {
  /** The page's language: `?lang=`, else Accept-Language (templates/i18n negotiateLocale). */
  locale?: LocaleCode;
  /** This page's address without a query, for the language switcher's links (default /verify). */
  path?: string;
  /** Set when the reader chose the language with `?lang=`: the page's own links keep it. */
  langChosen?: boolean;
}

export function renderVerificationPage(
  content: VerificationPageContent,
  options: VerificationPageOptions = {},
): string {
  const tr = translator(options.locale);
  const lang = options.langChosen ? `?lang=${tr.locale}` : '';
  const body =
    'view' in content
      ? describe(content.view, tr, lang)
      : 'report' in content
        ? describeReport(content.report, tr, lang)
        : 'problem' in content
          ? `<p class="verdict invalid" data-status="not-found" dir="auto">${escapeHtml(content.problem)}</p>`
          : `<p>${escapeHtml(tr.t('verify.prompt'))}</p>`;
  const input = 'view' in content ? content.view.number : 'input' in content ? content.input : '';
  const path = options.path ?? '/verify';
  const switcher = languageSwitcher(tr.locale, (locale) => `${path}?lang=${locale}`);
  const keepLang = options.langChosen
    ? `<input type="hidden" name="lang" value="${escapeHtml(tr.locale)}">`
    : '';
  return `<!doctype html>
<html ${htmlLangAttributes(tr)}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${escapeHtml(tr.t('verify.title'))}</title><style>${STYLE}</style></head>
<body><header>SayPro · ${escapeHtml(tr.t('verify.header'))}</header>
${switcher}
<main><section class="card" aria-live="polite">${body}
<form method="get" action="/verify" role="search"><label for="number" class="visually-hidden">${escapeHtml(tr.t('verify.numberLabel'))}</label>
<input id="number" name="number" value="${escapeHtml(input)}" autocomplete="off" spellcheck="false" dir="ltr" placeholder="${escapeHtml(tr.t('verify.placeholder', { example: '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE' }))}">${keepLang}
<button type="submit">${escapeHtml(tr.t('verify.check'))}</button></form>
<form class="upload" method="post" action="/verify${lang}" enctype="multipart/form-data"><h2>${escapeHtml(tr.t('verify.orFile'))}</h2>
<label for="document">${escapeHtml(tr.t('verify.fileLabel'))}</label>
<input id="document" name="document" type="file" accept="application/pdf,.pdf,.jwt,application/jwt" required>
<button type="submit">${escapeHtml(tr.t('verify.checkFile'))}</button></form></section>
<footer>${escapeHtml(tr.t('verify.offline'))} <a href="/help${lang}">${escapeHtml(tr.t('page.help'))}</a> · <a href="/help/faq${lang}">${escapeHtml(tr.t('page.faq'))}</a> · <a href="/privacy">${escapeHtml(tr.t('page.privacy'))}</a></footer></main></body></html>`;
}
