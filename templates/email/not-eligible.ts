import type { NotEligibleNotice } from '../../functions/core/notices.js';
import { translator } from '../i18n/index.js';
import { missingLine } from '../i18n/requirements.js';
import {
  closingHtml,
  closingText,
  escapeHtml,
  frame,
  linkSupport,
  listStyle,
  oneLine,
  styles,
} from './html.js';
import type { RenderedEmail } from './issued.js';

/**
 * Sent when work was approved but the course's certificate criteria are not all met yet. What is missing
 * is worded here from the data the core sends (missingFacts), or, without it, as the core worded it.
 */
export function renderNotEligibleEmail(input: NotEligibleNotice): RenderedEmail {
  const tr = translator(input.locale);
  const subject = oneLine(tr.t('email.notEligible.subject', { course: input.courseTitle }));
  const worded = input.missingFacts?.length
    ? input.missingFacts.map((fact) => missingLine(tr, fact))
    : input.missing;
  const missing = worded.length > 0 ? worded : [tr.t('email.notEligible.missingFallback')];
  const closing = tr.t('email.notEligible.closing', { support: input.supportAddress });
  const dear = tr.t('email.dear', { name: input.recipientName });

  const text = [
    dear,
    '',
    tr.t('email.notEligible.intro', { course: input.courseTitle }),
    '',
    ...missing.map((item) => `  - ${item}`),
    '',
    closing,
    '',
    ...closingText(input, tr),
  ].join('\n');

  const body = [
    `<h1 style="${styles.h1}">${escapeHtml(tr.t('email.notEligible.heading'))}</h1>`,
    `<p style="${styles.p}">${escapeHtml(dear)}</p>`,
    `<p style="${styles.p}">${tr.html('email.notEligible.intro', {}, { course: `<strong>${escapeHtml(input.courseTitle)}</strong>` })}</p>`,
    `<ul style="${listStyle(tr)}">`,
    ...missing.map((item) => `<li style="${styles.li}">${escapeHtml(item)}</li>`),
    '</ul>',
    `<p style="${styles.p}">${linkSupport(escapeHtml(closing), input.supportAddress)}</p>`,
    closingHtml(input, tr),
  ].join('\n');

  return {
    subject,
    text,
    html: frame({
      title: subject,
      preheader: tr.t('email.notEligible.preheader', { count: missing.length }),
      body,
      tr,
    }),
  };
}
