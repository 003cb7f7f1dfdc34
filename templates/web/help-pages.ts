import type { Course } from '../../functions/core/model.js';
import { type MessageKey, type Translator, translator } from '../i18n/index.js';
import { escapeHtml } from '../text.js';
import { renderPage } from './page-layout.js';

/**
 * The public help pages every email links to: how a certificate is earned (from each course's own
 * criteria, so the page never promises what a course does not ask), when it arrives, and how to
 * download, verify and share it; and the questions participants actually ask.
 */

const requirementsOf = (course: Course, tr: Translator): string[] => [
  ...course.criteria.requiredModules.map((module) =>
    tr.t('help.requirement.module', { title: module.title }),
  ),
  ...course.criteria.quizzes.map((quiz) =>
    tr.t('help.requirement.quiz', { title: quiz.title, passMark: quiz.passMark }),
  ),
  ...(course.criteria.peerReviewRequired ? [tr.t('help.requirement.peerReview')] : []),
  ...(course.criteria.discussion
    ? [tr.t('help.requirement.discussion', { posts: course.criteria.discussion.minimumPosts })]
    : []),
];

function courseSection(course: Course, tr: Translator): string {
  const requirements = requirementsOf(course, tr);
  const list = requirements.length
    ? `<ul>${requirements.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
    : `<p>${escapeHtml(tr.t('help.requirement.none'))}</p>`;
  const validity = course.criteria.validityDays
    ? tr.t('help.validity', { days: course.criteria.validityDays })
    : tr.t('help.noExpiry');
  const renewal =
    course.criteria.validityDays && course.renewalUrl
      ? ` <a href="${escapeHtml(course.renewalUrl)}">${escapeHtml(tr.t('help.renew'))}</a>.`
      : '';
  return `<section class="card" data-course="${escapeHtml(course.courseId)}"><h2 dir="auto">${escapeHtml(course.title)}</h2>${list}
<p>${escapeHtml(validity)}${renewal} ${escapeHtml(tr.t('help.deadline', { days: course.criteria.issueDeadlineDays }))}</p></section>`;
}

/** The public pages' language: from the page address (?lang=) or the browser (Accept-Language). */
export interface HelpPageLanguage {
  locale?: string;
  /** Set when ?lang= chose it: the page's links keep it. */
  langChosen?: boolean;
}

const section = (heading: string, text: string, id?: string) =>
  `<h2${id ? ` id="${id}"` : ''}>${escapeHtml(heading)}</h2><p>${text}</p>`;

export function renderHelpPage(courses: Course[], language: HelpPageLanguage = {}): string {
  const tr = translator(language.locale);
  const lang = language.langChosen ? `?lang=${tr.locale}` : '';
  const sorted = [...courses].sort((a, b) => a.title.localeCompare(b.title, tr.tag));
  const verify = `<a href="/verify${lang}">/verify</a>`;
  const policy = `<a href="/privacy">${escapeHtml(tr.t('help.data.policy'))}</a>`;
  return renderPage(
    tr.t('help.title'),
    tr.t('help.header'),
    `<section class="card"><h1>${escapeHtml(tr.t('help.title'))}</h1>
${section(tr.t('help.earn.heading'), escapeHtml(tr.t('help.earn.text')))}
${section(tr.t('help.arrives.heading'), escapeHtml(tr.t('help.arrives.text')))}
${section(tr.t('help.download.heading'), escapeHtml(tr.t('help.download.text')))}
${section(tr.t('help.share.heading'), tr.html('help.share.text', {}, { verify }))}
${section(tr.t('help.expires.heading'), escapeHtml(tr.t('help.expires.text')), 'renewal')}
${section(tr.t('help.lost.heading'), escapeHtml(tr.t('help.lost.text')))}${linkRequestForm(tr)}
${section(tr.t('help.data.heading'), tr.html('help.data.text', {}, { policy }), 'personal-data')}</section>
<h2>${escapeHtml(tr.t('help.courses.heading'))}</h2>${sorted.map((course) => courseSection(course, tr)).join('') || `<p>${escapeHtml(tr.t('help.courses.none'))}</p>`}`,
    { tr, switcherPath: '/help', langChosen: language.langChosen ?? false },
  );
}

/** The lost-link form, shown here and on the participant's page. */
export function linkRequestForm(tr: Translator = translator()): string {
  return `<form method="post" action="/me/link-requests"><label for="email" class="visually-hidden">${escapeHtml(tr.t('me.linkForm.label'))}</label>
<input id="email" name="email" type="email" autocomplete="email" required dir="ltr" placeholder="${escapeHtml(tr.t('me.linkForm.placeholder'))}"><button type="submit">${escapeHtml(tr.t('me.linkForm.button'))}</button></form>`;
}

/** The questions participants actually ask, in the catalogues as faq.q1/faq.a1 … faq.q12/faq.a12. */
export const FAQ_ENTRIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export function renderFaqPage(supportAddress: string, language: HelpPageLanguage = {}): string {
  const tr = translator(language.locale);
  const items = FAQ_ENTRIES.map(
    (n) =>
      `<h2>${escapeHtml(tr.t(`faq.q${n}` as MessageKey))}</h2><p>${escapeHtml(tr.t(`faq.a${n}` as MessageKey))}</p>`,
  ).join('');
  const support = `<a href="mailto:${escapeHtml(supportAddress)}" dir="ltr">${escapeHtml(supportAddress)}</a>`;
  const policy = `<a href="/privacy">${escapeHtml(tr.t('help.data.policy'))}</a>`;
  return renderPage(
    tr.t('faq.title'),
    tr.t('faq.heading'),
    `<section class="card"><h1>${escapeHtml(tr.t('faq.heading'))}</h1>${items}
<p>${tr.html('faq.contact', {}, { support, policy })}</p></section>`,
    { tr, switcherPath: '/help/faq', langChosen: language.langChosen ?? false },
  );
}
