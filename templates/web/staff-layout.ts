import { escapeHtml } from '../text.js';
import { cspForStyle, PAGE_STYLE } from './page-layout.js';

/**
 * The staff pages' frame: the participant pages' look (no script, style by hash), wider for tables, with
 * the navigation and a sign-out form. Every POST form carries the session's form token (CSRF).
 */
export const STAFF_STYLE = `${PAGE_STYLE}
main.staff{max-width:1100px}nav.staff{display:flex;gap:16px;align-items:center;flex-wrap:wrap;margin-bottom:16px}
nav.staff form{margin:0 0 0 auto}nav.staff .who{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #e1e6eb}
th{color:var(--muted);font-weight:600}td form{margin:0 0 4px;flex-wrap:nowrap}td input{min-width:8rem;padding:6px}td button{padding:6px 10px}
.flash{border-radius:8px;padding:10px 14px;margin-bottom:16px;background:#e8f3ec}.flash.bad{background:#fbe9eb;color:var(--bad)}
.filters a{margin-right:10px}.filters a.current{font-weight:700;text-decoration:none;color:var(--ink)}
.overdue{color:var(--bad);font-weight:600}ul.compact{margin:0;padding-left:18px}
`;

export const STAFF_CSP = cspForStyle(STAFF_STYLE);

export interface StaffPageContext {
  /** The API's base path (the stage, `/v1` on execute-api; empty locally): every link starts with it. */
  base: string;
  displayName: string;
  formToken: string;
  flash?: { tone: 'ok' | 'bad'; message: string };
}

/** A hidden form-token field plus where to come back to after the action. */
export const formFields = (context: StaffPageContext, back: string) =>
  `<input type="hidden" name="formToken" value="${escapeHtml(context.formToken)}"><input type="hidden" name="back" value="${escapeHtml(back)}">`;

/** A one-button POST form (retry, resend); `extra` adds fields before the button (revoke's reason). */
export function actionForm(
  context: StaffPageContext,
  action: string,
  label: string,
  back: string,
  extra = '',
): string {
  return `<form method="post" action="${escapeHtml(`${context.base}${action}`)}">${formFields(context, back)}${extra}<button type="submit">${escapeHtml(label)}</button></form>`;
}

/** A bare page (sign-in, errors) without the signed-in navigation. */
export function renderStaffFrame(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${head}<link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${STAFF_STYLE}</style></head>
<body><header>SayPro · Staff</header>
<main class="staff">${body}</main></body></html>`;
}

/** A signed-in page: navigation, the one-time status message, then the body. */
export function renderStaffPage(title: string, context: StaffPageContext, body: string): string {
  const { base } = context;
  const flash = context.flash
    ? `<p class="flash ${context.flash.tone}" role="status">${escapeHtml(context.flash.message)}</p>`
    : '';
  return renderStaffFrame(
    title,
    `<nav class="staff"><a href="${escapeHtml(`${base}/staff`)}">Home</a><a href="${escapeHtml(`${base}/staff/reports`)}">Reports</a><span class="who">Signed in as ${escapeHtml(context.displayName)}</span><form method="post" action="${escapeHtml(`${base}/staff/sign-out`)}"><input type="hidden" name="formToken" value="${escapeHtml(context.formToken)}"><button type="submit">Sign out</button></form></nav>
${flash}${body}`,
  );
}
