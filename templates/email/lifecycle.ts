/** The emails around a certificate's life after issue: corrected, revoked, about to expire; and enrolment before it. */
import type {
  CertificateCorrectedNotice,
  CertificateRevokedNotice,
  ConsentRequestNotice,
  EnrolledNotice,
  ExpiryReminderNotice,
} from '../../functions/core/notices.js';
import { formatLongDate } from '../text.js';
import { composeEmail } from './compose.js';
import type { RenderedEmail } from './issued.js';

const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);

export function renderEnrolledEmail(notice: EnrolledNotice): RenderedEmail {
  const requirements =
    notice.requirements.length > 0 ? notice.requirements : ['Staff approval of your work in the course.'];
  return composeEmail(notice, {
    subject: `Welcome to ${notice.courseTitle}: how to earn your SayPro certificate`,
    heading: 'Welcome to your course',
    preheader: `What earns the certificate for ${notice.courseTitle}, and where to follow your progress.`,
    blocks: [
      {
        p: `You are enrolled in ${notice.courseTitle}.${notice.courseDescription ? ` ${notice.courseDescription}` : ''}`,
      },
      { h2: 'What earns the certificate' },
      { list: requirements },
      {
        p: `Once these are recorded and staff approve your work, your certificate is issued and emailed to you automatically, usually within minutes and at the latest ${days(notice.issueDeadlineDays)} after approval.${
          notice.validityDays
            ? ` It is valid for ${days(notice.validityDays)} from issue; we remind you before it expires.`
            : ''
        }`,
      },
      { button: 'Follow your progress', href: notice.participantPageUrl },
      {
        p: `Your page ticks off each requirement as it is recorded. If something there looks wrong, reply to this email or write to ${notice.supportAddress}.`,
      },
    ],
  });
}

export function renderCorrectedEmail(notice: CertificateCorrectedNotice): RenderedEmail {
  return composeEmail(notice, {
    subject: `Your corrected SayPro certificate: ${notice.courseTitle}`,
    heading: 'Your corrected certificate',
    preheader: `A corrected certificate replaces ${notice.replacesNumber}.`,
    blocks: [
      {
        p: `We have corrected your certificate for ${notice.courseTitle}. The corrected certificate replaces number ${notice.replacesNumber}, which now shows to verifiers as replaced and points to the new one.`,
      },
      { fact: 'Reason for the correction', value: notice.reason || 'a detail on the certificate was wrong' },
      { fact: 'New certificate number', value: notice.certificateNumber },
      ...(notice.expiresAt ? [{ fact: 'Valid until', value: formatLongDate(notice.expiresAt) }] : []),
      { button: 'Download the corrected certificate', href: notice.downloadUrl },
      {
        p: `This link works until ${formatLongDate(notice.downloadLinkExpiresAt)}; your page gives a fresh one at any time. Please share the corrected certificate from now on; anyone checking the old number is sent to it.`,
      },
      { p: `Verification page: ${notice.verificationUrl}` },
    ],
  });
}

export function renderRevokedEmail(notice: CertificateRevokedNotice): RenderedEmail {
  return composeEmail(notice, {
    subject: `Your SayPro certificate ${notice.certificateNumber} has been revoked`,
    heading: 'Your certificate has been revoked',
    preheader: `Certificate ${notice.certificateNumber} for ${notice.courseTitle} is no longer valid.`,
    blocks: [
      {
        p: `Your certificate for ${notice.courseTitle} (number ${notice.certificateNumber}) was revoked on ${formatLongDate(notice.revokedAt)}. Anyone who checks it from now on is told it is revoked.`,
      },
      { fact: 'Reason', value: notice.reason },
      {
        p: `If you believe this is a mistake, reply to this email or write to ${notice.supportAddress} with the certificate number.`,
      },
      { p: `Verification page: ${notice.verificationUrl}` },
    ],
  });
}

export function renderExpiryReminderEmail(notice: ExpiryReminderNotice): RenderedEmail {
  const on = formatLongDate(notice.expiresAt);
  const today = notice.stage === 'today';
  return composeEmail(notice, {
    subject: today
      ? `Your SayPro certificate for ${notice.courseTitle} expires today`
      : `Your SayPro certificate for ${notice.courseTitle} expires on ${on}`,
    heading: today ? 'Your certificate expires today' : 'Your certificate expires soon',
    preheader: `Certificate ${notice.certificateNumber} is valid until ${on}.`,
    blocks: [
      {
        p: today
          ? `Your certificate for ${notice.courseTitle} (number ${notice.certificateNumber}) reaches its expiry date today, ${on}. From then on, verifiers see it as expired.`
          : `Your certificate for ${notice.courseTitle} (number ${notice.certificateNumber}) is valid until ${on}. After that, verifiers see it as expired.`,
      },
      { h2: 'How to renew it' },
      {
        p: 'Renewing means meeting the course requirements again; a new certificate is then issued and emailed to you automatically, with a new expiry date.',
      },
      { button: 'How to renew', href: notice.renewalUrl },
      { p: `Questions? Reply to this email or write to ${notice.supportAddress}.` },
    ],
  });
}

export function renderConsentRequestEmail(notice: ConsentRequestNotice): RenderedEmail {
  return composeEmail(notice, {
    subject: `Your SayPro certificate for ${notice.courseTitle} is ready: one choice needed`,
    heading: 'Your certificate is ready to issue',
    preheader: 'We need your agreement to print your name on it.',
    blocks: [
      {
        p: `You have met everything ${notice.courseTitle} asks for, and your work is approved. Before we issue your certificate we need your agreement to print your name on it:`,
      },
      { h2: notice.consentTitle },
      { p: `“${notice.consentText}”` },
      { button: 'Give or refuse your agreement', href: `${notice.participantPageUrl}#consent` },
      {
        p: 'Once you agree on your page, the certificate is issued and emailed to you within minutes; nothing else is needed. Your page also lets you choose whether verifiers see your name, and whether we may send you surveys and reminders. You can change any of these later.',
      },
    ],
  });
}
