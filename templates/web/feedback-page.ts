import type { ValidationIssue } from '../../functions/core/errors.js';
import {
  CERTIFICATE_PROBLEM_LABELS,
  CERTIFICATE_PROBLEMS,
  FEEDBACK_ANSWER_MAX,
  FEEDBACK_COMMENT_MAX,
  questionField,
} from '../../functions/core/feedback.js';
import type { SurveyView } from '../../functions/core/use-cases/feedback.js';
import { escapeHtml, formatLongDate } from '../text.js';
import { renderPage } from './page-layout.js';

/**
 * The feedback survey of one certificate: a plain form (no script), each question in a fieldset with a
 * legend, every problem named at the top (linked to its question) and again at the question itself.
 */

/** What each field is called in the list of problems at the top. */
const FIELD_NAMES: Record<string, string> = {
  processRating: 'How getting your certificate went',
  recommendLikelihood: 'How likely you are to recommend the course',
  problems: 'What is wrong on your certificate',
  comment: 'Anything else',
};

const errorId = (field: string) => `error-${field}`;

function fieldError(field: string, issues: ValidationIssue[]) {
  const issue = issues.find((candidate) => candidate.field === field);
  return issue
    ? `<p class="field-error" id="${escapeHtml(errorId(field))}"><span class="visually-hidden">Error: </span>${escapeHtml(issue.message)}</p>`
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
<p class="hint" id="${escapeHtml(hintId)}">${range.min} = ${escapeHtml(range.low)}, ${range.max} = ${escapeHtml(range.high)}</p>${fieldError(field, issues)}
${options.join('')}</fieldset>`;
}

function courseQuestion(view: SurveyView, index: number, issues: ValidationIssue[]) {
  const question = view.questions[index]!;
  const field = questionField(question.questionId);
  const value = view.values.answers[question.questionId];
  if (question.type === 'scale')
    return scale(
      field,
      `${question.text} (optional)`,
      { min: 1, max: 5, low: 'not at all', high: 'very much' },
      value,
      issues,
    );
  return `<fieldset class="question" id="field-${escapeHtml(field)}"><legend>${escapeHtml(question.text)} (optional)</legend>${fieldError(field, issues)}
<label class="visually-hidden" for="${escapeHtml(field)}">${escapeHtml(question.text)}</label><input type="text" id="${escapeHtml(field)}" name="${escapeHtml(field)}" maxlength="${FEEDBACK_ANSWER_MAX}" value="${escapeHtml(value ?? '')}"${describedBy(field, issues)}></fieldset>`;
}

export function renderSurveyPage(view: SurveyView, token: string, issues: ValidationIssue[] = []): string {
  const nameOf = (field: string) =>
    FIELD_NAMES[field] ??
    view.questions.find((question) => questionField(question.questionId) === field)?.text ??
    field;
  const summary = issues.length
    ? `<div class="error-summary" role="alert"><h2>Your answers were not saved</h2><ul>${issues
        .map(
          (issue) =>
            `<li><a href="#field-${escapeHtml(issue.field)}">${escapeHtml(nameOf(issue.field))}: ${escapeHtml(issue.message)}</a></li>`,
        )
        .join('')}</ul></div>`
    : '';
  const before = view.answeredAt
    ? `<p class="notice">You answered on ${escapeHtml(formatLongDate(view.answeredAt))}. Sending the form again replaces those answers.</p>`
    : '';
  const problems = CERTIFICATE_PROBLEMS.map(
    (problem) =>
      `<label for="problems-${problem}"><input type="checkbox" id="problems-${problem}" name="problems" value="${problem}"${view.values.problems.includes(problem) ? ' checked' : ''}> ${escapeHtml(CERTIFICATE_PROBLEM_LABELS[problem])}</label>`,
  ).join('');
  const courseQuestions = view.questions.map((_, index) => courseQuestion(view, index, issues)).join('');
  return renderPage(
    'Your feedback',
    'Your feedback',
    `<section class="card"><h1>How did your certificate go?</h1>
<p>About your certificate for <strong>${escapeHtml(view.courseTitle)}</strong> (number ${escapeHtml(view.certificateNumber)}). It takes about two minutes.</p>${before}${summary}
<form class="survey" method="post" action="/feedback/${escapeHtml(token)}">
${scale('processRating', 'How well did getting your certificate go? (required)', { min: 1, max: 5, low: 'poorly', high: 'very well' }, view.values.processRating, issues)}
${scale('recommendLikelihood', 'How likely are you to recommend this course to a friend or colleague? (required)', { min: 0, max: 10, low: 'not at all likely', high: 'extremely likely' }, view.values.recommendLikelihood, issues)}
<fieldset class="question" id="field-problems"${describedBy('problems', issues, 'problems-hint')}><legend>Was anything wrong on your certificate?</legend>
<p class="hint" id="problems-hint">Tick all that apply; leave empty if all is right. We will be in touch to correct it.</p>${fieldError('problems', issues)}${problems}</fieldset>
${courseQuestions}
<div id="field-comment"><label class="block" for="comment">Anything else you want to tell us? (optional)</label>
<p class="hint" id="comment-hint">At most ${FEEDBACK_COMMENT_MAX.toLocaleString('en')} characters. Please leave out other people's personal details.</p>${fieldError('comment', issues)}
<textarea id="comment" name="comment" rows="6" maxlength="${FEEDBACK_COMMENT_MAX}"${describedBy('comment', issues, 'comment-hint')}>${escapeHtml(view.values.comment)}</textarea></div>
<p><button type="submit">Send my answers</button></p>
</form>
<p>Your answers are kept with your other data at SayPro, included when you ask for a copy of your data and deleted with it. See <a href="/privacy">how we handle your personal data</a>.</p></section>`,
  );
}

export function renderSurveyThanks(view: SurveyView, token: string, updated: boolean): string {
  return renderPage(
    'Thank you',
    'Your feedback',
    `<section class="card"><h1>Thank you for your feedback</h1>
<p role="status">${updated ? 'Your answers are updated' : 'Your answers are saved'}, about your certificate for <strong>${escapeHtml(view.courseTitle)}</strong>.</p>
${view.values.problems.length ? '<p>You told us something on your certificate is wrong: our team will look at it and write to you.</p>' : ''}
<p>Changed your mind? <a href="/feedback/${escapeHtml(token)}">Change your answers</a>: they replace these.</p></section>`,
  );
}

/** The answer to any survey token that opens nothing: it says nothing about why. */
export function renderSurveyNotFound(): string {
  return renderPage(
    'Link not valid',
    'Your feedback',
    '<section class="card"><h1>This survey link does not open a survey</h1><p>It may be mistyped or expired. Your personal page, linked in every email we send, has a survey button for each certificate.</p></section>',
  );
}
