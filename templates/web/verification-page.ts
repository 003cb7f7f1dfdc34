import type { VerificationReport } from '../../functions/core/use-cases/verify-submission.js';
import type { PublicCertificateView } from '../../functions/core/use-cases/view-certificate.js';
import { escapeHtml, formatLongDate } from '../text.js';
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
h2{font-size:1rem;margin:24px 0 8px}ul.reasons{margin:8px 0 0;padding-left:1.2rem}a{color:var(--brand)}
.upload{display:block;border-top:1px solid #dde3ea;margin-top:24px;padding-top:8px}.upload input[type=file]{border:0;padding:8px 0}.upload label{display:block;color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export const VERIFICATION_PAGE_CSP = cspForStyle(STYLE);

const VERDICTS: Record<PublicCertificateView['status'], string> = {
  valid: 'Genuine and valid',
  revoked: 'Revoked',
  superseded: 'Replaced by a corrected certificate',
  expired: 'Genuine, but expired',
};

const formatDate = formatLongDate;

function describe(view: PublicCertificateView): string {
  const rows: [string, string][] = [
    ['Certificate number', view.number],
    ['Issued by', view.issuer.name],
    ['Course', view.course.title],
    [
      'Holder',
      view.holderDetailsWithdrawn
        ? `Holder details withdrawn at the holder’s request (${formatDate(view.holderDetailsWithdrawn.at)})`
        : (view.holder?.name ?? 'Not shown (the holder has not agreed to show their name)'),
    ],
    ['Completed', formatDate(view.completedAt)],
    ['Issued', formatDate(view.issuedAt)],
  ];
  if (view.expiresAt) rows.push(['Valid until', formatDate(view.expiresAt)]);
  if (view.revokedAt) rows.push(['Revoked on', formatDate(view.revokedAt)]);
  if (view.revocationReason) rows.push(['Reason', view.revocationReason]);
  if (view.supersededBy) rows.push(['Current version', view.supersededBy]);
  rows.push(['Signature', signatureText(view)]);
  const genuine = view.signature.valid;
  const verdictClass = genuine ? view.status : 'invalid';
  const verdict = genuine ? VERDICTS[view.status] : 'Not genuine: the signature does not verify';
  const chain = [
    view.supersededBy
      ? `<p>The current version is <a href="/verify/${escapeHtml(view.supersededBy)}">${escapeHtml(view.supersededBy)}</a>.</p>`
      : '',
    view.supersedes
      ? `<p>This certificate corrects <a href="/verify/${escapeHtml(view.supersedes)}">${escapeHtml(view.supersedes)}</a>.</p>`
      : '',
  ].join('');
  return `<p class="verdict ${verdictClass}" data-status="${escapeHtml(genuine ? view.status : 'invalid')}">${escapeHtml(verdict)}</p>
${chain}<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

function signatureText(view: PublicCertificateView): string {
  if (view.signature.valid) return 'Verified with SayPro’s signing key';
  if (view.signature.keyStatus === 'compromised')
    return 'Does not verify: the key that signed it was withdrawn';
  return 'Does not verify';
}

function describeReport(report: VerificationReport): string {
  const status = report.valid ? 'valid' : report.status === 'unknown' ? 'invalid' : report.status;
  const verdict = report.valid
    ? 'Genuine and valid'
    : report.status === 'unknown' || report.status === 'not_yet_valid'
      ? 'Not verified'
      : VERDICTS[report.status];
  const reasons = `<ul class="reasons">${report.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`;
  const details = report.certificate
    ? describe(report.certificate).replace(/^<p class="verdict[^>]*>.*?<\/p>\n/, '')
    : '';
  return `<p class="verdict ${status}" data-status="${escapeHtml(report.valid ? 'valid' : report.status)}">${escapeHtml(verdict)}</p>${reasons}${details}`;
}

export type VerificationPageContent =
  | { view: PublicCertificateView }
  | { report: VerificationReport }
  | { problem: string; input: string }
  | { input: string };

export function renderVerificationPage(content: VerificationPageContent): string {
  const body =
    'view' in content
      ? describe(content.view)
      : 'report' in content
        ? describeReport(content.report)
        : 'problem' in content
          ? `<p class="verdict invalid" data-status="not-found">${escapeHtml(content.problem)}</p>`
          : '<p>Type the number printed on the certificate, or scan its QR code.</p>';
  const input = 'view' in content ? content.view.number : 'input' in content ? content.input : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Verify a SayPro certificate</title><style>${STYLE}</style></head>
<body><header>SayPro · Certificate verification</header>
<main><section class="card" aria-live="polite">${body}
<form method="get" action="/verify" role="search"><label for="number" class="visually-hidden">Certificate number</label>
<input id="number" name="number" value="${escapeHtml(input)}" autocomplete="off" spellcheck="false" placeholder="e.g. 7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE">
<button type="submit">Check</button></form>
<form class="upload" method="post" action="/verify" enctype="multipart/form-data"><h2>Or check a file</h2>
<label for="document">A certificate PDF, or its signed credential (.jwt)</label>
<input id="document" name="document" type="file" accept="application/pdf,.pdf,.jwt,application/jwt" required>
<button type="submit">Check file</button></form></section>
<footer>Anyone can also check a certificate offline with SayPro’s published public key. <a href="/help">How certificates work</a> · <a href="/help/faq">Questions and answers</a> · <a href="/privacy">Privacy</a></footer></main></body></html>`;
}
