import type { ValidationIssue } from '../../functions/core/errors.js';
import {
  CERTIFICATE_PROBLEMS,
  FEEDBACK_ANSWER_MAX,
  FEEDBACK_COMMENT_MAX,
  questionField,
} from '../../functions/core/feedback.js';
import type { SurveyView } from '../../functions/core/use-cases/feedback.js';
import { type MessageKey, type Translator, translator } from '../i18n/index.js';
import { escapeHtml } from '../text.js';
import { renderPage } from './page-layout.js';

/**
 * The feedback survey of one certificate: a plain form (no script), each question in a fieldset with a
 * legend, every problem named at the top (linked to its question) and again at the question itself.
 */

/** What each field is called in the list of problems at the top. */
const FIELD_NAMES: Record<string, MessageKey> = {
  processRating: 'feedback.field.processRating',
  recommendLikelihood: 'feedback.field.recommendLikelihood',
  problems: 'feedback.field.problems',
  comment: 'feedback.field.comment',
};

const PROBLEM_LABELS = {
  name: 'feedback.problem.name',
  course: 'feedback.problem.course',
  date: 'feedback.problem.date',
  other: 'feedback.problem.other',
} as const satisfies Record<(typeof CERTIFICATE_PROBLEMS)[number], MessageKey>;

const errorId = (field: string) => `error-${field}`;

// The problems' own messages come from the survey's validation (English; docs/locales.md).
function fieldError(field: string, issues: ValidationIssue[], tr: Translator) {
  const issue = issues.find((candidate) => candidate.field === field);
  return issue
    ? `<p class="field-error" id="${escapeHtml(errorId(field))}"><span class="visually-hidden">${escapeHtml(tr.t('feedback.error'))} </span>${escapeHtml(issue.message)}</p>`
    : '';
}

const describedBy = (field: string, issues: ValidationIssue[], hint?: string) => {
  const ids = [
    ...(hint ? [hint] : []),
    ...(issues.some((issue) => issue.field === field) ? [errorId(field)] : []),
  ];
  return ids.length ? ` aria-describedby="${escapeHtml(ids.join(' '))}"` : '';
};

/** A row of radio buttons from `min` to `max`, with words at both ends. */
function scale(
  field: string,
  legend: string,
  range: { min: number; max: number; low: string; high: string },
  value: string | undefined,
  issues: ValidationIssue[],
  tr: Translator,
) {
  const hintId = `${field}-hint`;
  const options = [];
  for (let n = range.min; n <= range.max; n += 1) {
    const id = `${field}-${n}`;
    options.push(
      `<label for="${escapeHtml(id)}"><input type="radio" id="${escapeHtml(id)}" name="${escapeHtml(field)}" value="${n}"${value === String(n) ? ' checked' : ''}> ${n}</label>`,
    );
  }
  return `<fieldset class="question" id="field-${escapeHtml(field)}"${describedBy(field, issues, hintId)}><legend>${escapeHtml(legend)}</legend>
<p class="hint" id="${escapeHtml(hintId)}">${escapeHtml(tr.t('feedback.scaleHint', { min: String(range.min), low: range.low, max: String(range.max), high: range.high }))}</p>${fieldError(field, issues, tr)}
${options.join('')}</fieldset>`;
}

function courseQuestion(view: SurveyView, index: number, issues: ValidationIssue[], tr: Translator) {
  const question = view.questions[index]!;
  const field = questionField(question.questionId);
  const value = view.values.answers[question.questionId];
  if (question.type === 'scale')
    return scale(
      field,
      tr.t('feedback.optional', { question: question.text }),
      { min: 1, max: 5, low: tr.t('feedback.courseScaleLow'), high: tr.t('feedback.courseScaleHigh') },
      value,
      issues,
      tr,
    );
  return `<fieldset class="question" id="field-${escapeHtml(field)}"><legend>${escapeHtml(tr.t('feedback.optional', { question: question.text }))}</legend>${fieldError(field, issues, tr)}
<label class="visually-hidden" for="${escapeHtml(field)}">${escapeHtml(question.text)}</label><input type="text" id="${escapeHtml(field)}" name="${escapeHtml(field)}" maxlength="${FEEDBACK_ANSWER_MAX}" value="${escapeHtml(value ?? '')}"${describedBy(field, issues)}></fieldset>`;
}

export function renderSurveyPage(view: SurveyView, token: string, issues: ValidationIssue[] = []): string {
  const tr = translator(view.locale);
  const nameOf = (field: string) => {
    const key = FIELD_NAMES[field];
    return key
      ? tr.t(key)
      : (view.questions.find((question) => questionField(question.questionId) === field)?.text ?? field);
  };
  const summary = issues.length
    ? `<div class="error-summary" role="alert"><h2>${escapeHtml(tr.t('feedback.notSaved'))}</h2><ul>${issues
        .map(
          (issue) =>
            `<li><a href="#field-${escapeHtml(issue.field)}">${escapeHtml(nameOf(issue.field))}: ${escapeHtml(issue.message)}</a></li>`,
        )
        .join('')}</ul></div>`
    : '';
  const before = view.answeredAt
    ? `<p class="notice">${escapeHtml(tr.t('feedback.answeredBefore', { date: tr.date(view.answeredAt) }))}</p>`
    : '';
  const problems = CERTIFICATE_PROBLEMS.map(
    (problem) =>
      `<label for="problems-${problem}"><input type="checkbox" id="problems-${problem}" name="problems" value="${problem}"${view.values.problems.includes(problem) ? ' checked' : ''}> ${escapeHtml(tr.t(PROBLEM_LABELS[problem]))}</label>`,
  ).join('');
  const courseQuestions = view.questions.map((_, index) => courseQuestion(view, index, issues, tr)).join('');
  const course = `<strong>${escapeHtml(view.courseTitle)}</strong>`;
  const privacy = `<a href="/privacy">${escapeHtml(tr.t('feedback.privacyLink'))}</a>`;
  return renderPage(
    tr.t('feedback.title'),
    tr.t('feedback.title'),
    `<section class="card"><h1>${escapeHtml(tr.t('feedback.heading'))}</h1>
<p>${tr.html('feedback.about', { number: view.certificateNumber }, { course })}</p>${before}${summary}
<form class="survey" method="post" action="/feedback/${escapeHtml(token)}">
${scale('processRating', tr.t('feedback.processRating'), { min: 1, max: 5, low: tr.t('feedback.processLow'), high: tr.t('feedback.processHigh') }, view.values.processRating, issues, tr)}
${scale('recommendLikelihood', tr.t('feedback.recommend'), { min: 0, max: 10, low: tr.t('feedback.recommendLow'), high: tr.t('feedback.recommendHigh') }, view.values.recommendLikelihood, issues, tr)}
<fieldset class="question" id="field-problems"${describedBy('problems', issues, 'problems-hint')}><legend>${escapeHtml(tr.t('feedback.problems'))}</legend>
<p class="hint" id="problems-hint">${escapeHtml(tr.t('feedback.problemsHint'))}</p>${fieldError('problems', issues, tr)}${problems}</fieldset>
${courseQuestions}
<div id="field-comment"><label class="block" for="comment">${escapeHtml(tr.t('feedback.comment'))}</label>
<p class="hint" id="comment-hint">${escapeHtml(tr.t('feedback.commentHint', { max: FEEDBACK_COMMENT_MAX }))}</p>${fieldError('comment', issues, tr)}
<textarea id="comment" name="comment" rows="6" maxlength="${FEEDBACK_COMMENT_MAX}"${describedBy('comment', issues, 'comment-hint')}>${escapeHtml(view.values.comment)}</textarea></div>
<p><button type="submit">${escapeHtml(tr.t('feedback.send'))}</button></p>
</form>
<p>${tr.html('feedback.kept', {}, { link: privacy })}</p></section>`,
    { tr },
  );
}

export function renderSurveyThanks(view: SurveyView, token: string, updated: boolean): string {
  const tr = translator(view.locale);
  const course = `<strong>${escapeHtml(view.courseTitle)}</strong>`;
  const change = `<a href="/feedback/${escapeHtml(token)}">${escapeHtml(tr.t('feedback.thanks.changeLink'))}</a>`;
  return renderPage(
    tr.t('feedback.thanks.title'),
    tr.t('feedback.title'),
    `<section class="card"><h1>${escapeHtml(tr.t('feedback.thanks.heading'))}</h1>
<p role="status">${tr.html(updated ? 'feedback.thanks.updated' : 'feedback.thanks.saved', {}, { course })}</p>
${view.values.problems.length ? `<p>${escapeHtml(tr.t('feedback.thanks.problems'))}</p>` : ''}
<p>${tr.html('feedback.thanks.change', {}, { link: change })}</p></section>`,
    { tr },
  );
}

/** The answer to any survey token that opens nothing: it says nothing about why (so no participant's language). */
export function renderSurveyNotFound(locale?: string): string {
  const tr = translator(locale);
  return renderPage(
    tr.t('feedback.notFound.title'),
    tr.t('feedback.title'),
    `<section class="card"><h1>${escapeHtml(tr.t('feedback.notFound.heading'))}</h1><p>${escapeHtml(tr.t('feedback.notFound.text'))}</p></section>`,
    { tr },
  );
}
