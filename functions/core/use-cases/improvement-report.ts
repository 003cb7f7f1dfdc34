import { ValidationError } from '../errors.js';
import { CERTIFICATE_PROBLEM_LABELS, CERTIFICATE_PROBLEMS } from '../feedback.js';
import type { Deps } from '../ports.js';
import { parseReportPeriod, previousPeriod, type ReportFigures } from '../reports.js';
import { listFeedback } from './feedback.js';
import { buildPeriodReport } from './staff-reports.js';

/** One thing the quarter's figures say should be looked at, with what to look at. */
export interface ImprovementFinding {
  area:
    | 'certificate details'
    | 'participant experience'
    | 'timeliness'
    | 'reliability'
    | 'email'
    | 'staff effort';
  finding: string;
  suggestion: string;
}

/** A share below this of certificates issued within their deadline is worth a look. */
const DEADLINE_SHARE_TARGET = 0.95;
/** Fewer answers than this share of certificates issued, and the survey says little. */
const RESPONSE_RATE_FLOOR = 0.2;

const SUGGESTIONS: Record<(typeof CERTIFICATE_PROBLEMS)[number], string> = {
  name: 'Check how names are entered at enrolment: the certificate prints the name staff recorded.',
  course: 'Check the course title and description on the course definition.',
  date: 'Check the completion dates the learning platform sends with the progress.',
  other: 'Read the comments below: participants said what else was wrong.',
};

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * What the quarter's figures suggest improving, each with the figure behind it. Plain rules, so staff
 * can see why a line is there: wrong details reported, low ratings or a falling recommendation score,
 * certificates late, failures, bounced emails, and the staff time per certificate.
 */
function findingsOf(
  operations: { current: ReportFigures; previous: ReportFigures },
  participants: Awaited<ReturnType<typeof listFeedback>>['participants'],
  before: Awaited<ReturnType<typeof listFeedback>>['participants'],
  staff: { current: { totalMinutes: number }; previous: { totalMinutes: number } },
): ImprovementFinding[] {
  const findings: ImprovementFinding[] = [];
  for (const problem of CERTIFICATE_PROBLEMS) {
    const count = participants.problemsReported[problem] ?? 0;
    if (count > 0)
      findings.push({
        area: 'certificate details',
        finding: `${plural(count, 'participant')} reported a problem with “${CERTIFICATE_PROBLEM_LABELS[problem]}” on their certificate.`,
        suggestion: SUGGESTIONS[problem],
      });
  }
  const rating = participants.processRating.average;
  const ratingBefore = before.processRating.average;
  if (rating !== null && (rating < 4 || (ratingBefore !== null && ratingBefore - rating >= 0.3)))
    findings.push({
      area: 'participant experience',
      finding: `Participants rate the certificate process ${rating} out of 5${ratingBefore !== null ? ` (previous quarter: ${ratingBefore})` : ''}.`,
      suggestion: 'Read the comments for what made it harder, and the timeliness figures below.',
    });
  const score = participants.recommendation.netPromoterScore;
  const scoreBefore = before.recommendation.netPromoterScore;
  if (score !== null && (score < 0 || (scoreBefore !== null && scoreBefore - score >= 10)))
    findings.push({
      area: 'participant experience',
      finding: `The net promoter score is ${score}${scoreBefore !== null ? ` (previous quarter: ${scoreBefore})` : ''}: ${plural(participants.recommendation.detractors, 'participant')} would not recommend the course.`,
      suggestion: 'Look at the courses with the lowest scores (per course, below) with their trainers.',
    });
  const issued = operations.current.certificatesIssued;
  if (issued > 0 && participants.responseCount / issued < RESPONSE_RATE_FLOOR)
    findings.push({
      area: 'participant experience',
      finding: `${plural(participants.responseCount, 'survey answer')} for ${plural(issued, 'certificate')} issued (${percent(participants.responseCount / issued)}).`,
      suggestion:
        'Few answers say little: ask for consent to surveys at enrolment, and mention the survey button on the participant page.',
    });
  const { share } = operations.current.withinDeadline;
  if (share !== null && share < DEADLINE_SHARE_TARGET)
    findings.push({
      area: 'timeliness',
      finding: `${percent(share)} of certificates were issued within the course deadline (target ${percent(DEADLINE_SHARE_TARGET)}).`,
      suggestion:
        'Look at approvals that failed or waited for consent, and at the time from approval to certificate.',
    });
  if (operations.current.failures > 0 || operations.current.retries > 0)
    findings.push({
      area: 'reliability',
      finding: `${plural(operations.current.failures, 'issuance failure')} and ${plural(operations.current.retries, 'retry', 'retries')} by staff this quarter.`,
      suggestion: 'Check `certs status` for the failure reasons; fix the cause before retrying.',
    });
  if (operations.current.corrections > 0)
    findings.push({
      area: 'certificate details',
      finding: `${plural(operations.current.corrections, 'certificate')} had to be corrected after issue.`,
      suggestion:
        'Corrections follow wrong details at enrolment: compare with the problems participants reported.',
    });
  const { bounced, complained } = operations.current.email;
  if (bounced + complained > 0)
    findings.push({
      area: 'email',
      finding: `${plural(bounced, 'email')} bounced and ${plural(complained, 'was', 'were')} marked as spam.`,
      suggestion:
        'Check the addresses entered at enrolment; a bounced participant can use the lost-link form.',
    });
  if (staff.current.totalMinutes > 0 && issued > 0) {
    const perCertificate = Math.round((staff.current.totalMinutes / issued) * 10) / 10;
    const issuedBefore = operations.previous.certificatesIssued;
    const perCertificateBefore =
      staff.previous.totalMinutes > 0 && issuedBefore > 0
        ? Math.round((staff.previous.totalMinutes / issuedBefore) * 10) / 10
        : null;
    findings.push({
      area: 'staff effort',
      finding: `Staff recorded ${staff.current.totalMinutes} minutes on the process: ${perCertificate} per certificate issued${perCertificateBefore !== null ? ` (previous quarter: ${perCertificateBefore})` : ''}.`,
      suggestion: 'The staff entries below say where the time went.',
    });
  }
  return findings;
}

export type ImprovementReport = Awaited<ReturnType<typeof buildImprovementReport>>;

/**
 * The quarterly improvement report (`certs report --period 2026-Q4 --kind improvement`): what
 * participants and staff said about the certificate process, beside what the system counted, and what
 * that suggests improving.
 *
 * 1. Check the period is a quarter (feedback is filed by quarter).
 * 2. Read the quarter's and the previous quarter's feedback and the staff report's figures (key queries only).
 * 3. Derive the findings (findingsOf), and list the participants' comments and the staff's problems.
 */
export async function buildImprovementReport(
  deps: Pick<Deps, 'reports' | 'courses' | 'clock' | 'feedback' | 'certificates'>,
  periodInput: string,
) {
  const period = parseReportPeriod(periodInput);
  if (period.kind !== 'quarter')
    throw new ValidationError(`The improvement report is quarterly, not for ${period.id}`, [
      {
        field: 'period',
        message: 'the improvement report is quarterly: give a quarter (YYYY-Qn, e.g. 2026-Q4)',
      },
    ]);
  const before = previousPeriod(period);
  const [operations, feedback, previousFeedback] = await Promise.all([
    buildPeriodReport(deps, period.id),
    listFeedback(deps, period.id),
    listFeedback(deps, before.id),
  ]);
  const { responses, byCourse, ...participantSummary } = feedback.participants;
  const {
    responses: _earlier,
    byCourse: _earlierByCourse,
    ...previousSummary
  } = previousFeedback.participants;
  const staff = {
    current: { entries: feedback.staff.entries.length, totalMinutes: feedback.staff.totalMinutes },
    previous: {
      entries: previousFeedback.staff.entries.length,
      totalMinutes: previousFeedback.staff.totalMinutes,
    },
  };
  return {
    kind: 'improvement' as const,
    period,
    previousPeriod: before,
    generatedAt: deps.clock.now().toISOString(),
    findings: findingsOf(operations.total, feedback.participants, previousFeedback.participants, staff),
    participants: { current: participantSummary, previous: previousSummary, byCourse },
    staff,
    operations: operations.total,
    comments: responses.flatMap((response) =>
      response.comment
        ? [
            {
              certificateNumber: response.certificateNumber,
              courseId: response.courseId,
              comment: response.comment,
            },
          ]
        : [],
    ),
    staffProblems: feedback.staff.entries.map(
      ({ recordedAt, recordedBy, courseId, timeSpentMinutes, problems }) => ({
        recordedAt,
        recordedBy,
        ...(courseId ? { courseId } : {}),
        timeSpentMinutes,
        problems,
      }),
    ),
  };
}
