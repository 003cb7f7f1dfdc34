import type { SurveyReminderNotice } from '../../functions/core/notices.js';
import { translator } from '../i18n/index.js';
import { composeEmail } from './compose.js';
import type { RenderedEmail } from './issued.js';

/** The one reminder of an unanswered survey, a week after issue (sent only with consent to surveys). */
export function renderSurveyReminderEmail(notice: SurveyReminderNotice): RenderedEmail {
  const tr = translator(notice.locale);
  return composeEmail(
    notice,
    {
      subject: tr.t('email.surveyReminder.subject', { course: notice.courseTitle }),
      heading: tr.t('email.surveyReminder.heading'),
      preheader: tr.t('email.surveyReminder.preheader'),
      blocks: [
        {
          p: tr.t('email.surveyReminder.body', {
            course: notice.courseTitle,
            number: notice.certificateNumber,
          }),
        },
        { button: tr.t('email.survey.button'), href: notice.surveyUrl },
        { p: tr.t('email.surveyReminder.onlyReminder') },
      ],
    },
    tr,
  );
}
