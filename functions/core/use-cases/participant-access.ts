import { createHash } from 'node:crypto';
import { formatCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { CONSENT_PURPOSES, CONSENT_WORDING, type ConsentPurpose } from '../consent.js';
import { assessEligibility } from '../eligibility.js';
import type { Approval, Certificate, Course, Participant, UnmetRequirement } from '../model.js';
import type { MissingFact, NoticeContext, RequirementFact } from '../notices.js';
import type { Deps } from '../ports.js';
import { addDays } from './produce-certificate.js';
import { countForReports } from './staff-reports.js';

/** 256 bits: far beyond guessing, and only its hash is stored, so a leaked table opens no page. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashAccessToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a participant's personal page lives; the token is the whole credential. */
export const participantPageUrlOf = (deps: Pick<Deps, 'links'>, token: string) =>
  `${deps.links.verificationBaseUrl}/me/${token}`;

const HELP_PAGE_PATHS = { help: 'help', faq: 'help/faq', privacy: 'privacy' } as const;

/** The public help pages (and the data protection policy) every email and page links to. */
export const helpPageUrlOf = (deps: Pick<Deps, 'links'>, page: keyof typeof HELP_PAGE_PATHS = 'help') =>
  `${deps.links.verificationBaseUrl}/${HELP_PAGE_PATHS[page]}`;

/**
 * Mints a personal link for a participant's page, put in every email they receive.
 *
 * 1. Draw a random 256-bit token.
 * 2. Store only its SHA-256, with the participant and an expiry (`participantLinkTtlDays`).
 * 3. Return the page URL carrying the token.
 */
export async function mintParticipantPageLink(
  deps: Pick<Deps, 'accessTokens' | 'random' | 'clock' | 'links' | 'participantLinkTtlDays'>,
  participantId: string,
): Promise<{ url: string; expiresAt: string }> {
  const token = Buffer.from(deps.random.bytes(TOKEN_BYTES)).toString('base64url');
  const createdAt = deps.clock.now().toISOString();
  const expiresAt = addDays(createdAt, deps.participantLinkTtlDays);
  await deps.accessTokens.addToken({
    tokenHash: hashAccessToken(token),
    participantId,
    createdAt,
    expiresAt,
  });
  return { url: participantPageUrlOf(deps, token), expiresAt };
}

/**
 * The participant a token opens the page of, or undefined for a token that is malformed, unknown,
 * expired or revoked: callers answer all four the same way, so a probe learns nothing.
 */
export async function participantForToken(
  deps: Pick<Deps, 'accessTokens' | 'clock'>,
  token: string,
): Promise<string | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const record = await deps.accessTokens.findToken(hashAccessToken(token));
  if (!record || record.revokedAt) return undefined;
  if (new Date(record.expiresAt).getTime() <= deps.clock.now().getTime()) return undefined;
  return record.participantId;
}

/** Staff revoke every personal link of a participant (a forwarded email, a shared device). */
export async function revokeParticipantLinks(
  deps: Pick<Deps, 'accessTokens' | 'clock'>,
  participantId: string,
): Promise<{ participantId: string; revoked: number }> {
  const revoked = await deps.accessTokens.revokeTokensOf(participantId, deps.clock.now().toISOString());
  return { participantId, revoked };
}

/**
 * What every notice to a participant carries: their address and name, a fresh personal link (minted for
 * this email, so an old email can be revoked without breaking a new one) and the help pages.
 */
/** What a use case needs to tell a participant something once: a fresh link, the ledger, the sender. */
export type NoticeDeps = Pick<
  Deps,
  'accessTokens' | 'random' | 'clock' | 'links' | 'participantLinkTtlDays' | 'claims' | 'notifications'
>;

export async function noticeContextFor(
  deps: Pick<Deps, 'accessTokens' | 'random' | 'clock' | 'links' | 'participantLinkTtlDays'>,
  participant: Pick<Participant, 'participantId' | 'fullName' | 'email' | 'locale'>,
  tags: Record<string, string>,
): Promise<NoticeContext> {
  const { url } = await mintParticipantPageLink(deps, participant.participantId);
  return {
    participantId: participant.participantId,
    to: participant.email,
    recipientName: participant.fullName,
    participantPageUrl: url,
    helpUrl: helpPageUrlOf(deps, 'help'),
    faqUrl: helpPageUrlOf(deps, 'faq'),
    privacyUrl: helpPageUrlOf(deps, 'privacy'),
    supportAddress: deps.links.supportAddress,
    tags,
    ...(participant.locale ? { locale: participant.locale } : {}),
  };
}

export interface PageRequirement {
  label: string;
  met: boolean;
  /** What is still missing, in the words of the eligibility check. */
  missing?: string;
  /** The requirement and what is missing as data, for the page to word in the participant's language. */
  fact?: RequirementFact;
  missingFact?: MissingFact;
}

export interface PageCourse {
  courseId: string;
  title: string;
  eligible: boolean;
  requirements: PageRequirement[];
  /** The latest approval of the participant's work in the course, if staff have approved it. */
  approval?: {
    status: Approval['status'];
    approvedAt: string;
    /** When the certificate is due at the latest (the course's issue deadline after approval). */
    issueBy?: string;
  };
}

export interface PageCertificate {
  number: string;
  courseTitle: string;
  status: Certificate['status'];
  issuedAt: string;
  expiresAt?: string;
  revocationReason?: string;
  supersededBy?: string;
  holderName: string;
  /** The secret that, with the holder's address, proves the signed credential names them. */
  holderProofSecret?: string;
}

/** One consent question on the page: the words shown, and the participant's current answer. */
export interface PageConsent {
  purpose: ConsentPurpose;
  field: string;
  title: string;
  text: string;
  /** Absent: never answered. */
  granted?: boolean;
  at?: string;
}

export interface ParticipantPageView {
  fullName: string;
  consents: PageConsent[];
  courses: PageCourse[];
  certificates: PageCertificate[];
  /** The language the participant chose for their page and emails; absent: English. */
  locale?: string;
}

/** Each requirement of a course, worded for participants, with the unmet entry that would name it. */
function courseRequirements(course: Course) {
  const { requiredModules, quizzes, peerReviewRequired, discussion } = course.criteria;
  return [
    ...requiredModules.map((module) => ({
      fact: { kind: 'module', title: module.title } as RequirementFact,
      label: `Module “${module.title}”`,
      unmetBy: (entry: UnmetRequirement) =>
        entry.code === 'MODULE_NOT_COMPLETED' && entry.moduleId === module.moduleId,
    })),
    ...quizzes.map((quiz) => ({
      fact: { kind: 'quiz', title: quiz.title, passMark: quiz.passMark } as RequirementFact,
      label: `Quiz “${quiz.title}” (pass mark ${quiz.passMark}%)`,
      unmetBy: (entry: UnmetRequirement) =>
        (entry.code === 'QUIZ_NOT_TAKEN' || entry.code === 'QUIZ_BELOW_PASS_MARK') &&
        entry.quizId === quiz.quizId,
    })),
    ...(peerReviewRequired
      ? [
          {
            fact: { kind: 'peer-review' } as RequirementFact,
            label: 'Peer review',
            unmetBy: (entry: UnmetRequirement) => entry.code === 'PEER_REVIEW_MISSING',
          },
        ]
      : []),
    ...(discussion
      ? [
          {
            fact: { kind: 'discussion', minimumPosts: discussion.minimumPosts } as RequirementFact,
            label: `Course discussions (at least ${discussion.minimumPosts} posts)`,
            unmetBy: (entry: UnmetRequirement) => entry.code === 'DISCUSSION_MISSING',
          },
        ]
      : []),
  ];
}

/** What earns a course's certificate, one line each (the enrolment email lists them). */
export const requirementLabelsOf = (course: Course) => courseRequirements(course).map(({ label }) => label);

/** The same as data, for the email to word in the participant's language. */
export const requirementFactsOf = (course: Course) => courseRequirements(course).map(({ fact }) => fact);

/** An unmet requirement as data, with the titles the course gives it. */
export function missingFactOf(course: Course, entry: UnmetRequirement): MissingFact {
  const quiz = (quizId: string) => course.criteria.quizzes.find((q) => q.quizId === quizId)?.title ?? quizId;
  switch (entry.code) {
    case 'MODULE_NOT_COMPLETED':
      return {
        kind: 'module',
        title:
          course.criteria.requiredModules.find((m) => m.moduleId === entry.moduleId)?.title ?? entry.moduleId,
      };
    case 'QUIZ_NOT_TAKEN':
      return { kind: 'quiz-not-taken', title: quiz(entry.quizId), passMark: entry.passMark };
    case 'QUIZ_BELOW_PASS_MARK':
      return {
        kind: 'quiz-below-pass-mark',
        title: quiz(entry.quizId),
        passMark: entry.passMark,
        score: entry.score,
      };
    case 'PEER_REVIEW_MISSING':
      return { kind: 'peer-review' };
    case 'DISCUSSION_MISSING':
      return { kind: 'discussion', minimumPosts: entry.minimumPosts, posts: entry.posts };
    case 'NO_PROGRESS_RECORDED':
      return { kind: 'no-progress', courseTitle: course.title };
  }
}

/** Each requirement of the course, ticked or with what is still missing. */
export function requirementsOf(course: Course, unmet: UnmetRequirement[]): PageRequirement[] {
  // No progress at all: nothing is met yet (the check reports that once, not per requirement).
  const nothingRecorded = unmet.find((entry) => entry.code === 'NO_PROGRESS_RECORDED');
  return courseRequirements(course).map(({ label, unmetBy, fact }) => {
    if (nothingRecorded)
      return {
        label,
        met: false,
        missing: 'Nothing is recorded yet.',
        fact,
        missingFact: missingFactOf(course, nothingRecorded),
      };
    const missing = unmet.find(unmetBy);
    return missing
      ? { label, met: false, missing: missing.message, fact, missingFact: missingFactOf(course, missing) }
      : { label, met: true, fact };
  });
}

/**
 * What a participant's own page shows, for the holder of a valid personal link.
 *
 * 1. Resolve the token to a participant (undefined for anything not a live token: the caller answers 404).
 * 2. List their enrolments, progress and certificates by their own key (no scans).
 * 3. Per course, assess each requirement with the core eligibility check, and find the latest approval
 *    (an index query by participant and course) for when the certificate is due.
 */
export async function viewParticipantPage(
  deps: Pick<
    Deps,
    | 'accessTokens'
    | 'clock'
    | 'participants'
    | 'participantRecords'
    | 'courses'
    | 'certificates'
    | 'approvals'
  >,
  token: string,
): Promise<ParticipantPageView | undefined> {
  const participantId = await participantForToken(deps, token);
  if (!participantId) return undefined;
  const participant = await deps.participants.getParticipant(participantId);
  if (!participant) return undefined;
  const [progress, enrolments, numbers] = await Promise.all([
    deps.participantRecords.listProgressOf(participantId),
    deps.participantRecords.listEnrolmentsOf(participantId),
    deps.participantRecords.listCertificateNumbersOf(participantId),
  ]);
  const progressByCourse = new Map(progress.map((entry) => [entry.courseId, entry]));
  const courseIds = [...new Set([...enrolments.map((entry) => entry.courseId), ...progressByCourse.keys()])];
  const courses: PageCourse[] = [];
  for (const courseId of courseIds) {
    const course = await deps.courses.getCourse(courseId);
    if (!course) continue;
    const { eligible, unmet } = assessEligibility(course, progressByCourse.get(courseId));
    const latest = (await deps.approvals.listApprovalsOfCompletion(participantId, courseId))
      .filter((approval) => approval.status !== 'rejected')
      .sort((a, b) => b.approvedAt.localeCompare(a.approvedAt))[0];
    courses.push({
      courseId: course.courseId,
      title: course.title,
      eligible,
      requirements: requirementsOf(course, unmet),
      ...(latest
        ? {
            approval: {
              status: latest.status,
              approvedAt: latest.approvedAt,
              ...(latest.issueBy ? { issueBy: latest.issueBy } : {}),
            },
          }
        : {}),
    });
  }
  const certificates: PageCertificate[] = [];
  for (const number of numbers) {
    const certificate = await deps.certificates.getCertificate(number);
    if (!certificate || certificate.participantId !== participantId) continue;
    certificates.push({
      number: certificate.number,
      courseTitle: certificate.courseTitle,
      status: certificate.status,
      issuedAt: certificate.issuedAt,
      holderName: certificate.holderName,
      ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
      ...(certificate.revocationReason ? { revocationReason: certificate.revocationReason } : {}),
      ...(certificate.supersededBy ? { supersededBy: certificate.supersededBy } : {}),
      ...(certificate.holderProofSecret ? { holderProofSecret: certificate.holderProofSecret } : {}),
    });
  }
  certificates.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const consents = CONSENT_PURPOSES.map((purpose): PageConsent => {
    const decision = participant.consents?.[purpose];
    return {
      purpose,
      ...CONSENT_WORDING[purpose],
      ...(decision ? { granted: decision.granted, at: decision.at } : {}),
    };
  });
  return {
    fullName: participant.fullName,
    consents,
    courses,
    certificates,
    ...(participant.locale ? { locale: participant.locale } : {}),
  };
}

/**
 * A fresh download for the page's button: a presigned URL valid five minutes, only for the link's own
 * participant and only while the certificate is valid. Undefined otherwise (the caller answers 404).
 */
export async function freshDownloadFor(
  deps: Pick<Deps, 'accessTokens' | 'clock' | 'certificates' | 'documents' | 'reports'>,
  token: string,
  number: string,
): Promise<string | undefined> {
  const participantId = await participantForToken(deps, token);
  if (!participantId) return undefined;
  const certificate = await deps.certificates.getCertificate(number.replace(/-/g, '').toUpperCase());
  if (!certificate || certificate.participantId !== participantId || certificate.status !== 'valid')
    return undefined;
  const fileName = `SayPro-Certificate-${formatCertificateNumber(certificate.number)}.pdf`;
  const url = await deps.documents.temporaryDownloadUrl(certificate.document.key, fileName, 300);
  await countForReports(deps, {
    type: 'engagement',
    what: 'download',
    courseId: certificate.courseId,
    at: deps.clock.now().toISOString(),
  });
  return url;
}

export const emailHashOf = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * A lost link asked for by email address. The answer is the same whether or not the address is known.
 *
 * 1. Look the address up by its hash (no scan); unknown: do nothing.
 * 2. At most one such email per address per hour (a claim keyed by the address hash and the hour).
 * 3. Send a `page-link` notice carrying a freshly minted personal link.
 */
export async function requestPageLink(
  deps: Pick<
    Deps,
    | 'participantRecords'
    | 'participants'
    | 'claims'
    | 'clock'
    | 'random'
    | 'accessTokens'
    | 'links'
    | 'participantLinkTtlDays'
    | 'notifications'
  >,
  email: string,
): Promise<void> {
  const emailHash = emailHashOf(email);
  const participantId = await deps.participantRecords.findParticipantIdByEmailHash(emailHash);
  if (!participantId) return;
  const participant = await deps.participants.getParticipant(participantId);
  if (!participant || participant.email.trim().toLowerCase() !== email.trim().toLowerCase()) return;
  const hour = deps.clock.now().toISOString().slice(0, 13);
  await doOnce(deps, `page-link#${emailHash}#${hour}`, async () => {
    const context = await noticeContextFor(deps, participant, { kind: 'page-link' });
    return deps.notifications.send({ kind: 'page-link', ...context });
  });
}
