import type { FeedbackListing } from '../functions/core/use-cases/feedback.js';
import type { ImprovementReport } from '../functions/core/use-cases/improvement-report.js';

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

/**
 * The improvement report as CSV, one row per item: `section,item,value,previous_value` (findings carry
 * their suggestion as the value, comments and staff problems their text).
 */
export function improvementReportCsv(report: ImprovementReport): string {
  const { current, previous } = report.participants;
  const rows: (string | number | null | undefined)[][] = [
    ['section', 'item', 'value', 'previous_value'],
    ...report.findings.map((item) => [`finding: ${item.area}`, item.finding, item.suggestion, undefined]),
    ['participants', 'survey_answers', current.responseCount, previous.responseCount],
    ['participants', 'process_rating_average', current.processRating.average, previous.processRating.average],
    [
      'participants',
      'net_promoter_score',
      current.recommendation.netPromoterScore,
      previous.recommendation.netPromoterScore,
    ],
    ...Object.entries(current.problemsReported).map(([problem, count]) => [
      'participants',
      `reported_wrong_${problem}`,
      count,
      previous.problemsReported[problem],
    ]),
    ['staff', 'minutes_recorded', report.staff.current.totalMinutes, report.staff.previous.totalMinutes],
    [
      'operations',
      'certificates_issued',
      report.operations.current.certificatesIssued,
      report.operations.previous.certificatesIssued,
    ],
    [
      'operations',
      'issued_within_deadline_share',
      report.operations.current.withinDeadline.share,
      report.operations.previous.withinDeadline.share,
    ],
    ['operations', 'failures', report.operations.current.failures, report.operations.previous.failures],
    [
      'operations',
      'corrections',
      report.operations.current.corrections,
      report.operations.previous.corrections,
    ],
    ...report.comments.map((entry) => [
      `comment: ${entry.courseId}`,
      entry.certificateNumber,
      entry.comment,
      undefined,
    ]),
    ...report.staffProblems.map((entry) => [
      `staff: ${entry.courseId ?? 'all courses'}`,
      `${entry.recordedAt} ${entry.recordedBy} (${entry.timeSpentMinutes} min)`,
      entry.problems,
      undefined,
    ]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
