/**
 * Feedback after issuance: what a participant answers about one certificate (one response per
 * certificate, updated when answered again), what staff note about the process, and the quarters both
 * are reported by. Plain data, like model.ts.
 */

/** What a participant may tick as wrong on their certificate. */
export const CERTIFICATE_PROBLEMS = ['name', 'course', 'date', 'other'] as const;
export type CertificateProblem = (typeof CERTIFICATE_PROBLEMS)[number];

export const CERTIFICATE_PROBLEM_LABELS: Record<CertificateProblem, string> = {
  name: 'My name',
  course: 'The course',
  date: 'A date',
  other: 'Something else',
};

/** The longest free-text answer kept: a few paragraphs, no essays (and a bounded item size). */
export const FEEDBACK_COMMENT_MAX = 2000;
/** The longest answer to a course's own short-text question. */
export const FEEDBACK_ANSWER_MAX = 500;

/**
 * A participant's answers about one certificate. Kept under the participant's own key
 * (`PARTICIPANT#<id>` / `FEEDBACK#<number>`): the free text is personal data, so an export lists it and an
 * erasure of the participant's partition removes it.
 */
export interface FeedbackResponse {
  participantId: string;
  certificateNumber: string;
  courseId: string;
  /** How the certificate process went, 1 (poorly) to 5 (very well). */
  processRating: number;
  /** How likely they are to recommend the course, 0 to 10 (the net promoter question). */
  recommendLikelihood: number;
  /** What they say is wrong on the certificate; empty: nothing. */
  problems: CertificateProblem[];
  /** Free text, at most FEEDBACK_COMMENT_MAX characters; absent when left empty. */
  comment?: string;
  /** Answers to the course's own questions, by question id: text, or a 1–5 number. */
  answers?: Record<string, string | number>;
  /** The first answer: the quarter it falls in is the one the response is reported in. */
  firstSubmittedAt: string;
  submittedAt: string;
  /** How many times it was sent; every time after the first replaced the answers. */
  submissions: number;
}

/** A staff member's note on the certificate process: time spent and what went wrong. */
export interface StaffFeedbackEntry {
  entryId: string;
  /** The quarter it was recorded in, e.g. 2026-Q4. */
  period: string;
  recordedAt: string;
  recordedBy: string;
  timeSpentMinutes: number;
  problems: string;
  courseId?: string;
}

/** A survey link, kept only as the SHA-256 of its token; it opens the survey of one certificate and nothing else. */
export interface SurveyTokenRecord {
  tokenHash: string;
  certificateNumber: string;
  createdAt: string;
  expiresAt: string;
}

const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

/** `2026-Q4` for any instant in October to December 2026 (UTC). */
export const quarterOf = (iso: string) => {
  const date = new Date(iso);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
};

export const isPeriod = (period: string) => PERIOD_PATTERN.test(period);

/** The form field of a course's own survey question (also the name its errors are reported under). */
export const questionField = (questionId: string) => `q-${questionId}`;
