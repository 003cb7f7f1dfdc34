import type { FeedbackListing } from '../functions/core/use-cases/feedback.js';

/**
 * A CSV cell: always quoted, quotes doubled, and text a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) prefixed with an apostrophe, so a participant's free text stays text.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = String(value);
  const inert = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}

const HEADER = [
  'kind',
  'certificate',
  'course',
  'at',
  'processRating',
  'recommendLikelihood',
  'problemsTicked',
  'text',
  'courseAnswers',
  'timeSpentMinutes',
  'recordedBy',
];

/** One quarter's feedback as CSV: a row per participant response, then a row per staff entry. */
export function feedbackCsv(listing: FeedbackListing): string {
  const rows: (string | number | undefined)[][] = [
    ...listing.participants.responses.map((response) => [
      'participant',
      response.certificateNumber,
      response.courseId,
      response.submittedAt,
      response.processRating,
      response.recommendLikelihood,
      response.problems.join(';'),
      response.comment,
      response.answers
        ? Object.entries(response.answers)
            .map(([id, answer]) => `${id}: ${answer}`)
            .join('; ')
        : undefined,
      undefined,
      undefined,
    ]),
    ...listing.staff.entries.map((entry) => [
      'staff',
      undefined,
      entry.courseId,
      entry.recordedAt,
      undefined,
      undefined,
      undefined,
      entry.problems,
      undefined,
      entry.timeSpentMinutes,
      entry.recordedBy,
    ]),
  ];
  return `${[HEADER.map(csvCell), ...rows.map((row) => row.map(csvCell))].map((row) => row.join(',')).join('\r\n')}\r\n`;
}
