import type { SurveyReminderNotice } from '../../functions/core/notices.js';
import { composeEmail } from './compose.js';
import type { RenderedEmail } from './issued.js';

/** The one reminder of an unanswered survey, a week after issue (sent only with consent to surveys). */
export function renderSurveyReminderEmail(notice: SurveyReminderNotice): RenderedEmail {
  return composeEmail(notice, {
    subject: `How did your SayPro certificate for ${notice.courseTitle} go?`,
    heading: 'Two minutes for your feedback?',
    preheader: 'Four short questions about your certificate.',
    blocks: [
      {
        p: `A week ago you received your certificate for ${notice.courseTitle} (number ${notice.certificateNumber}). Tell us how getting it went, and whether anything on it is wrong: four short questions, and space for anything else.`,
      },
      { button: 'Answer the survey', href: notice.surveyUrl },
      {
        p: 'This is the only reminder we send about it. You agreed to surveys and reminders; you can withdraw that on your page at any time.',
      },
    ],
  });
}
