import { createHash } from 'node:crypto';
import { ValidationError } from './errors.js';
import type { UnmetRequirement } from './model.js';

/**
 * Staff reports are counted from recorded events, never from scanning certificates: each event adds to
 * the counters of its month and its quarter (per course and in total), and a report reads those few items.
 */

export type ReportPeriodKind = 'month' | 'quarter';

export interface ReportPeriod {
  /** `2026-11` or `2026-Q4`. */
  id: string;
  kind: ReportPeriodKind;
  /** First instant of the period and first instant after it (ISO 8601, UTC). */
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;

const periodOf = (year: number, firstMonth: number, months: number, id: string, kind: ReportPeriodKind) => ({
  id,
  kind,
  from: new Date(Date.UTC(year, firstMonth, 1)).toISOString(),
  to: new Date(Date.UTC(year, firstMonth + months, 1)).toISOString(),
});

/** Reads `YYYY-MM` or `YYYY-Qn`; anything else is refused naming the `period` field. */
export function parseReportPeriod(input: string): ReportPeriod {
  const text = input.trim();
  const month = MONTH.exec(text);
  if (month) return periodOf(Number(month[1]), Number(month[2]) - 1, 1, text, 'month');
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const q = Number(quarter[2]);
    return periodOf(Number(quarter[1]), (q - 1) * 3, 3, `${quarter[1]}-Q${q}`, 'quarter');
  }
  const message = 'must be a month (YYYY-MM, e.g. 2026-11) or a quarter (YYYY-Qn, e.g. 2026-Q4)';
  throw new ValidationError(`Invalid report period "${input}": ${message}`, [{ field: 'period', message }]);
}

export const monthOf = (iso: string) => iso.slice(0, 7);
export const quarterOf = (iso: string) =>
  `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/** The month and the quarter an instant falls in: every event is counted in both. */
export const periodsContaining = (iso: string): [string, string] => [monthOf(iso), quarterOf(iso)];

/** The period just before, for the comparison column. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const before = new Date(new Date(period.from).getTime() - 1).toISOString();
  return parseReportPeriod(period.kind === 'month' ? monthOf(before) : quarterOf(before));
}

/** What the monthly schedule reports at `now`: last month, and on the first month of a quarter, last quarter. */
export function periodsDueAt(now: Date): string[] {
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString();
  const due = [monthOf(lastMonth)];
  if (now.getUTCMonth() % 3 === 0) due.push(quarterOf(lastMonth));
  return due;
}

/** One thing that happened, as the reports count it. */
export type ReportEvent =
  | {
      type: 'issued';
      certificateNumber: string;
      courseId: string;
      participantId: string;
      approvedAt: string;
      issuedAt: string;
      /** The approval's deadline (approvedAt + the course's issue deadline), when it has one. */
      issueBy?: string;
    }
  | {
      type: 'not-eligible';
      approvalId: string;
      courseId: string;
      at: string;
      missing: UnmetRequirement['code'][];
      /** Which list of missing requirements (the same as the email's once-only key): a new list counts again. */
      listKey: string;
    }
  | { type: 'failed'; approvalId: string; courseId: string; at: string; reason: string }
  | { type: 'retried'; executionName: string; courseId: string; at: string }
  | { type: 'revoked'; certificateNumber: string; courseId: string; at: string }
  | { type: 'corrected'; certificateNumber: string; courseId: string; at: string }
  | {
      type: 'mail';
      messageId: string;
      outcome: 'delivered' | 'bounced' | 'complained';
      /** Absent for mail about no certificate (a not-eligible email): counted in the total only. */
      courseId?: string;
      at: string;
    }
  /** Counted, never linked to a person: no id, no marker, nothing about who looked. */
  | { type: 'engagement'; what: 'view' | 'download' | 'linkedin-share'; courseId: string; at: string };

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The event's deterministic id: recording it again (a retried step, a replayed mail event) counts nothing
 * more. Engagement has none: a page view is not retried by anything, and a marker per view would keep a
 * record of each look.
 */
export function reportEventIdOf(event: ReportEvent): string | undefined {
  switch (event.type) {
    case 'issued':
      return `issued#${event.certificateNumber}`;
    case 'not-eligible':
      return `not-eligible#${event.approvalId}#${event.listKey}`;
    case 'failed':
      return `failed#${event.approvalId}#${shortHash(event.reason)}`;
    case 'retried':
      return `retried#${event.executionName}`;
    case 'revoked':
      return `revoked#${event.certificateNumber}`;
    case 'corrected':
      return `corrected#${event.certificateNumber}`;
    case 'mail':
      return `mail#${event.messageId}#${event.outcome}`;
    case 'engagement':
      return undefined;
  }
}

export const reportEventTimeOf = (event: ReportEvent) =>
  event.type === 'issued' ? event.issuedAt : event.at;

/**
 * Time from approval to certificate is kept as a histogram: bucket 0 is under a second, bucket i ≥ 1
 * holds [2^((i-1)/4), 2^(i/4)) seconds. Four buckets per doubling: a percentile read back as the bucket's
 * geometric middle is within 2^(1/8) − 1 ≈ 9 % of the true value.
 */
export const TIME_BUCKETS_PER_DOUBLING = 4;
export const PERCENTILE_RELATIVE_PRECISION = 2 ** (1 / (2 * TIME_BUCKETS_PER_DOUBLING)) - 1;

export const timeBucketOf = (seconds: number) =>
  seconds < 1 ? 0 : 1 + Math.floor(TIME_BUCKETS_PER_DOUBLING * Math.log2(seconds));

const bucketMiddleSeconds = (bucket: number) =>
  bucket === 0 ? 0.5 : 2 ** ((bucket - 0.5) / TIME_BUCKETS_PER_DOUBLING);

const TIME_BUCKET_PREFIX = 'ttc_';
const MISSING_PREFIX = 'missing_';

/** The counters an event adds to, in every scope (course and total) of both its periods. */
export function counterIncrementsOf(event: ReportEvent): Record<string, number> {
  switch (event.type) {
    case 'issued': {
      const seconds = Math.max(0, (Date.parse(event.issuedAt) - Date.parse(event.approvedAt)) / 1000);
      return {
        issued: 1,
        [`${TIME_BUCKET_PREFIX}${timeBucketOf(seconds)}`]: 1,
        ...(event.issueBy
          ? { issuedWithDeadline: 1, issuedWithinDeadline: event.issuedAt <= event.issueBy ? 1 : 0 }
          : {}),
      };
    }
    case 'not-eligible':
      return {
        notEligible: 1,
        ...Object.fromEntries([...new Set(event.missing)].map((code) => [`${MISSING_PREFIX}${code}`, 1])),
      };
    case 'failed':
      return { failed: 1 };
    case 'retried':
      return { retried: 1 };
    case 'revoked':
      return { revoked: 1 };
    case 'corrected':
      return { corrected: 1 };
    case 'mail':
      return { [`mail_${event.outcome}`]: 1 };
    case 'engagement':
      return {
        [event.what === 'view' ? 'views' : event.what === 'download' ? 'downloads' : 'linkedInShares']: 1,
      };
  }
}

/**
 * Unique recipients: an issued event names its participant by a hash only, kept in a put-if-absent marker
 * per period and scope, so each participant counts once per period however many certificates they got.
 */
export const recipientHashOf = (event: ReportEvent) =>
  event.type === 'issued' ? shortHash(`report-recipient:${event.participantId}`) : undefined;

/** The counters of one scope of one period, as the ledger holds them. */
export interface PeriodCounters {
  /** A course id, or undefined for the total. */
  courseId?: string;
  counters: Record<string, number>;
}

export interface ReportFigures {
  certificatesIssued: number;
  uniqueRecipients: number;
  /** Approval to certificate, from the histogram (see PERCENTILE_RELATIVE_PRECISION); null when none issued. */
  timeToCertificateSeconds: { p50: number | null; p95: number | null };
  /** Issued within the course's deadline (approval.issueBy), of those that had one; null when none had. */
  withinDeadline: { issued: number; withDeadline: number; share: number | null };
  notEligible: { approvals: number; byMissingRequirement: Record<string, number> };
  failures: number;
  retries: number;
  revocations: number;
  corrections: number;
  email: { delivered: number; bounced: number; complained: number };
  engagement: { verificationPageViews: number; pdfDownloads: number; linkedInShares: number };
}

function percentileOf(histogram: [number, number][], total: number, p: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const [bucket, count] of histogram) {
    seen += count;
    if (seen >= rank) return Math.round(bucketMiddleSeconds(bucket));
  }
  return null;
}

/** The figures of one scope from its counters (all zero for a scope with no events). */
export function figuresOf(counters: Record<string, number> = {}): ReportFigures {
  const count = (name: string) => counters[name] ?? 0;
  const histogram = Object.entries(counters)
    .filter(([name, value]) => name.startsWith(TIME_BUCKET_PREFIX) && value > 0)
    .map(([name, value]) => [Number(name.slice(TIME_BUCKET_PREFIX.length)), value] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const timed = histogram.reduce((sum, [, value]) => sum + value, 0);
  const withDeadline = count('issuedWithDeadline');
  const within = count('issuedWithinDeadline');
  return {
    certificatesIssued: count('issued'),
    uniqueRecipients: count('uniqueRecipients'),
    timeToCertificateSeconds: {
      p50: percentileOf(histogram, timed, 0.5),
      p95: percentileOf(histogram, timed, 0.95),
    },
    withinDeadline: {
      issued: within,
      withDeadline,
      share: withDeadline > 0 ? Math.round((within / withDeadline) * 1000) / 1000 : null,
    },
    notEligible: {
      approvals: count('notEligible'),
      byMissingRequirement: Object.fromEntries(
        Object.entries(counters)
          .filter(([name, value]) => name.startsWith(MISSING_PREFIX) && value > 0)
          .map(([name, value]) => [name.slice(MISSING_PREFIX.length), value])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ),
    },
    failures: count('failed'),
    retries: count('retried'),
    revocations: count('revoked'),
    corrections: count('corrected'),
    email: {
      delivered: count('mail_delivered'),
      bounced: count('mail_bounced'),
      complained: count('mail_complained'),
    },
    engagement: {
      verificationPageViews: count('views'),
      pdfDownloads: count('downloads'),
      linkedInShares: count('linkedInShares'),
    },
  };
}

export interface ReportSection {
  /** Absent for the total. */
  courseId?: string;
  courseTitle?: string;
  current: ReportFigures;
  previous: ReportFigures;
}

export interface PeriodReport {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  generatedAt: string;
  total: ReportSection;
  courses: ReportSection[];
  notes: { timeToCertificate: string; engagement: string };
}

/** Every figure as a flat list of (name, current, previous) rows: what the CSV and the tables show. */
export function figureRows(
  section: ReportSection,
): { figure: string; current: number | null; previous: number | null }[] {
  const rows: { figure: string; current: number | null; previous: number | null }[] = [];
  const add = (figure: string, pick: (figures: ReportFigures) => number | null) =>
    rows.push({ figure, current: pick(section.current), previous: pick(section.previous) });
  add('certificates_issued', (f) => f.certificatesIssued);
  add('unique_recipients', (f) => f.uniqueRecipients);
  add('time_to_certificate_p50_seconds', (f) => f.timeToCertificateSeconds.p50);
  add('time_to_certificate_p95_seconds', (f) => f.timeToCertificateSeconds.p95);
  add('issued_within_deadline_share', (f) => f.withinDeadline.share);
  add('not_eligible_approvals', (f) => f.notEligible.approvals);
  const codes = new Set([
    ...Object.keys(section.current.notEligible.byMissingRequirement),
    ...Object.keys(section.previous.notEligible.byMissingRequirement),
  ]);
  for (const code of [...codes].sort())
    add(`not_eligible_missing_${code}`, (f) => f.notEligible.byMissingRequirement[code] ?? 0);
  add('failures', (f) => f.failures);
  add('retries', (f) => f.retries);
  add('revocations', (f) => f.revocations);
  add('corrections', (f) => f.corrections);
  add('email_delivered', (f) => f.email.delivered);
  add('email_bounced', (f) => f.email.bounced);
  add('email_complained', (f) => f.email.complained);
  add('verification_page_views', (f) => f.engagement.verificationPageViews);
  add('pdf_downloads', (f) => f.engagement.pdfDownloads);
  add('linkedin_shares', (f) => f.engagement.linkedInShares);
  return rows;
}
