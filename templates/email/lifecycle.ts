/** The emails around a certificate's life after issue: corrected, revoked, about to expire; and enrolment before it. */
import type {
  CertificateCorrectedNotice,
  CertificateRevokedNotice,
  ConsentRequestNotice,
  EnrolledNotice,
  ExpiryReminderNotice,
} from '../../functions/core/notices.js';
import { translator } from '../i18n/index.js';
import { requirementLabel } from '../i18n/requirements.js';
import { composeEmail } from './compose.js';
import type { RenderedEmail } from './issued.js';

/** The requirements are worded here from the data the core sends with them (requirementFacts). */
export function renderEnrolledEmail(notice: EnrolledNotice): RenderedEmail {
  const tr = translator(notice.locale);
  const course = { course: notice.courseTitle };
  const worded = notice.requirementFacts?.length
    ? notice.requirementFacts.map((fact) => requirementLabel(tr, fact))
    : notice.requirements;
  const requirements = worded.length > 0 ? worded : [tr.t('email.enrolled.requirementFallback')];
  const days = (count: number) => tr.t('email.days', { count });
  const howIssued = tr.t('email.enrolled.howIssued', { days: days(notice.issueDeadlineDays) });
  return composeEmail(
    notice,
    {
      subject: tr.t('email.enrolled.subject', course),
      heading: tr.t('email.enrolled.heading'),
      preheader: tr.t('email.enrolled.preheader', course),
      blocks: [
        {
          p: `${tr.t('email.enrolled.intro', course)}${notice.courseDescription ? ` ${notice.courseDescription}` : ''}`,
        },
        { h2: tr.t('email.enrolled.whatEarns') },
        { list: requirements },
        {
          p: notice.validityDays
            ? `${howIssued} ${tr.t('email.enrolled.validity', { days: days(notice.validityDays) })}`
            : howIssued,
        },
        { button: tr.t('email.enrolled.button'), href: notice.participantPageUrl },
        { p: tr.t('email.enrolled.ticks', { support: notice.supportAddress }) },
      ],
    },
    tr,
  );
}

export function renderCorrectedEmail(notice: CertificateCorrectedNotice): RenderedEmail {
  const tr = translator(notice.locale);
  return composeEmail(
    notice,
    {
      subject: tr.t('email.corrected.subject', { course: notice.courseTitle }),
      heading: tr.t('email.corrected.heading'),
      preheader: tr.t('email.corrected.preheader', { number: notice.replacesNumber }),
      blocks: [
        { p: tr.t('email.corrected.body', { course: notice.courseTitle, number: notice.replacesNumber }) },
        {
          fact: tr.t('email.corrected.reason'),
          value: notice.reason || tr.t('email.corrected.reasonFallback'),
        },
        { fact: tr.t('email.corrected.newNumber'), value: notice.certificateNumber },
        ...(notice.expiresAt
          ? [{ fact: tr.t('email.fact.validUntil'), value: tr.date(notice.expiresAt) }]
          : []),
        { button: tr.t('email.corrected.button'), href: notice.downloadUrl },
        { p: tr.t('email.corrected.linkWorksUntil', { date: tr.date(notice.downloadLinkExpiresAt) }) },
        { p: tr.t('email.verificationPage', { url: notice.verificationUrl }) },
      ],
    },
    tr,
  );
}

export function renderRevokedEmail(notice: CertificateRevokedNotice): RenderedEmail {
  const tr = translator(notice.locale);
  const facts = { course: notice.courseTitle, number: notice.certificateNumber };
  return composeEmail(
    notice,
    {
      subject: tr.t('email.revoked.subject', facts),
      heading: tr.t('email.revoked.heading'),
      preheader: tr.t('email.revoked.preheader', facts),
      blocks: [
        { p: tr.t('email.revoked.body', { ...facts, date: tr.date(notice.revokedAt) }) },
        { fact: tr.t('email.fact.reason'), value: notice.reason },
        { p: tr.t('email.revoked.mistake', { support: notice.supportAddress }) },
        { p: tr.t('email.verificationPage', { url: notice.verificationUrl }) },
      ],
    },
    tr,
  );
}

export function renderExpiryReminderEmail(notice: ExpiryReminderNotice): RenderedEmail {
  const tr = translator(notice.locale);
  const on = tr.date(notice.expiresAt);
  const today = notice.stage === 'today';
  const facts = { course: notice.courseTitle, number: notice.certificateNumber, date: on };
  return composeEmail(
    notice,
    {
      subject: tr.t(today ? 'email.expiry.subjectToday' : 'email.expiry.subjectSoon', facts),
      heading: tr.t(today ? 'email.expiry.headingToday' : 'email.expiry.headingSoon'),
      preheader: tr.t('email.expiry.preheader', facts),
      blocks: [
        { p: tr.t(today ? 'email.expiry.bodyToday' : 'email.expiry.bodySoon', facts) },
        { h2: tr.t('email.expiry.howToRenew') },
        { p: tr.t('email.expiry.renewing') },
        { button: tr.t('email.expiry.button'), href: notice.renewalUrl },
        { p: tr.t('email.expiry.questions', { support: notice.supportAddress }) },
      ],
    },
    tr,
  );
}

/**
 * The consent asked for is quoted in the wording the participant's page shows and the record keeps
 * (functions/core/consent.ts, English): a translation there would have to be recorded too.
 */
export function renderConsentRequestEmail(notice: ConsentRequestNotice): RenderedEmail {
  const tr = translator(notice.locale);
  return composeEmail(
    notice,
    {
      subject: tr.t('email.consent.subject', { course: notice.courseTitle }),
      heading: tr.t('email.consent.heading'),
      preheader: tr.t('email.consent.preheader'),
      blocks: [
        { p: tr.t('email.consent.body', { course: notice.courseTitle }) },
        { h2: notice.consentTitle },
        { p: `“${notice.consentText}”` },
        { button: tr.t('email.consent.button'), href: `${notice.participantPageUrl}#consent` },
        { p: tr.t('email.consent.after') },
      ],
    },
    tr,
  );
}
