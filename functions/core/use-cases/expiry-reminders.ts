import { formatCertificateNumber } from '../certificate-number.js';
import { doOnce } from '../claims.js';
import { hasConsented } from '../consent.js';
import type { Certificate } from '../model.js';
import type { Deps } from '../ports.js';
import { helpPageUrlOf, type NoticeDeps, noticeContextFor } from './participant-access.js';
import { addDays } from './produce-certificate.js';
import { certificateExpiredEvent, publishWebhookEvent, type WebhookPublishDeps } from './webhooks.js';

/** When holders are reminded, in days before the expiry day. */
export const EXPIRY_REMINDER_STAGES = [
  { stage: 'soon', daysBefore: 60 },
  { stage: 'today', daysBefore: 0 },
] as const;

/**
 * How many days back a run also looks, so a job that did not run for a few days (an outage, a machine
 * that was off) still sends what fell due meanwhile, rather than skipping it.
 */
const CATCH_UP_DAYS = 7;

/** The once-only key of one reminder of one certificate. */
export const expiryReminderClaimKey = (number: string, stage: 'soon' | 'today') =>
  `expiry-reminder#${number}#${stage}`;

export interface ExpiryReminderRun {
  /** Reminders sent by this run, by stage. */
  sent: { soon: number; today: number };
  /** Reminders already sent (or being sent) by an earlier run. */
  alreadySent: number;
  /** Certificates skipped because they are revoked or replaced (the replacement is reminded instead). */
  skipped: number;
  /** Reminders not sent because the holder has not agreed to reminders (or withdrew). */
  withoutConsent: number;
  failed: { number: string; stage: string; error: string }[];
}

/**
 * Reminds holders that a certificate expires: 60 days before, and on the day. Run daily (an
 * EventBridge schedule in AWS, a timer on `npm start`); any number of runs send each reminder once.
 *
 * 1. For each stage, list the certificates whose expiry day is the stage's day, or up to a week before it
 *    (one key query per day on the `EXPIRY#<day>` pointers, never a scan).
 * 2. Skip certificates that are no longer valid, and holders who have not agreed to reminders.
 * 3. Send each reminder through the claim ledger; a failure is reported and the next run tries again.
 * 4. On the expiry day (or a catch-up run after it), queue the `certificate.expired` webhook, once per
 *    certificate whatever the holder's consent to reminders (the webhook tells systems, not people).
 */
export async function sendExpiryReminders(
  deps: Pick<Deps, 'certificates' | 'participants' | 'courses'> & NoticeDeps & WebhookPublishDeps,
): Promise<ExpiryReminderRun> {
  const run: ExpiryReminderRun = {
    sent: { soon: 0, today: 0 },
    alreadySent: 0,
    skipped: 0,
    withoutConsent: 0,
    failed: [],
  };
  const now = deps.clock.now().toISOString();
  for (const { stage, daysBefore } of EXPIRY_REMINDER_STAGES) {
    for (let back = CATCH_UP_DAYS; back >= 0; back -= 1) {
      const day = addDays(now, daysBefore - back).slice(0, 10);
      for (const number of await deps.certificates.listNumbersExpiringOn(day)) {
        const certificate = await deps.certificates.getCertificate(number);
        // An expired certificate is past its 60-day reminder; only the on-the-day one still applies.
        // An erased holder is never written to again, whatever their certificate's dates.
        if (certificate?.status !== 'valid' || !certificate.expiresAt || certificate.holderErasedAt) {
          run.skipped += 1;
          continue;
        }
        if (stage === 'today') {
          await publishWebhookEvent(deps, certificateExpiredEvent(deps, certificate)).catch((error) =>
            run.failed.push({ number, stage: 'expired-webhook', error: String(error) }),
          );
        }
        try {
          const outcome = await remind(deps, certificate, stage);
          if (outcome === 'sent') run.sent[stage] += 1;
          else if (outcome === 'without-consent') run.withoutConsent += 1;
          else run.alreadySent += 1;
        } catch (error) {
          run.failed.push({ number, stage, error: String(error) });
        }
      }
    }
  }
  return run;
}

async function remind(
  deps: Pick<Deps, 'participants' | 'courses'> & NoticeDeps,
  certificate: Certificate,
  stage: 'soon' | 'today',
): Promise<'sent' | 'already-sent' | 'without-consent'> {
  const [participant, course] = await Promise.all([
    deps.participants.getParticipant(certificate.participantId),
    deps.courses.getCourse(certificate.courseId),
  ]);
  if (!participant) return 'already-sent';
  // Read per reminder, so a withdrawal stops the very next one.
  if (!hasConsented(participant.consents, 'surveys-and-reminders')) return 'without-consent';
  const sent = await doOnce(deps, expiryReminderClaimKey(certificate.number, stage), async () =>
    deps.notifications.send({
      kind: 'expiry-reminder',
      stage,
      ...(await noticeContextFor(deps, participant, { certificate: certificate.number, reminder: stage })),
      recipientName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      certificateNumber: formatCertificateNumber(certificate.number),
      expiresAt: certificate.expiresAt as string,
      renewalUrl: course?.renewalUrl ?? `${helpPageUrlOf(deps, 'help')}#renewal`,
    }),
  );
  return sent.done ? 'sent' : 'already-sent';
}
