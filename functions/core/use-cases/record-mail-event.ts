import { parseCertificateNumber } from '../certificate-number.js';
import type { Deps } from '../ports.js';
import { countForReports } from './staff-reports.js';

/** A mail event of the configuration set (SES bounce, complaint, reject, ...), as the handler parsed it. */
export interface MailEvent {
  type: 'Bounce' | 'Complaint' | 'Reject' | 'Delivery' | 'Send' | 'DeliveryDelay' | 'RenderingFailure';
  /** The id SES returned when the mail was sent; the certificate's delivery state records it. */
  messageId: string;
  /** The mail's tags, each with its values (SES sends every tag as a list). */
  tags: Record<string, string[]>;
  /** When the event happened, if the event says. */
  at?: string;
  bounce?: { bounceType: string; bounceSubType?: string };
  reject?: { reason?: string };
}

export type MailEventOutcome =
  | { outcome: 'recorded'; certificateNumber: string; error: string }
  /** Not a failure (delivery, send, delay). */
  | { outcome: 'ignored' }
  /** No certificate tag (the not-eligible email), or a tag naming no certificate we hold. */
  | { outcome: 'unmatched' }
  /** About an earlier email of a certificate that has been sent again since. */
  | { outcome: 'stale'; certificateNumber: string };

/** What went wrong, as operators read it on the certificate; none for events that are not failures. */
function failureOf(event: MailEvent): string | undefined {
  switch (event.type) {
    case 'Bounce': {
      const { bounceType = 'Undetermined', bounceSubType } = event.bounce ?? {};
      return `bounced: ${bounceType}${bounceSubType ? `/${bounceSubType}` : ''}`;
    }
    case 'Complaint':
      return 'complaint';
    case 'Reject':
      return `rejected: ${event.reject?.reason ?? 'by SES'}`;
    default:
      return undefined;
  }
}

/**
 * Records a bounced, complained-about or rejected certificate email on the certificate, so operators
 * see which certificates never reached their holder.
 *
 * 1. Ignore events that are not failures.
 * 2. Find the certificate from the mail's `certificate` tag (set when the issuance email is sent).
 * 3. Skip an event about an older email than the one on record (the certificate was sent again since).
 * 4. Set its delivery to failed, with the reason. Recording the same event twice changes nothing more.
 * Deliveries, bounces and complaints of every email are also counted for the staff reports (once per
 * message and outcome), under the certificate's course when the mail names one.
 */
export async function recordMailEvent(
  deps: Pick<Deps, 'certificates' | 'clock' | 'reports'>,
  event: MailEvent,
): Promise<MailEventOutcome> {
  await countMailEvent(deps, event);
  const error = failureOf(event);
  if (!error) return { outcome: 'ignored' };

  const parsed = parseCertificateNumber(event.tags.certificate?.[0] ?? '');
  if (!parsed.ok) return { outcome: 'unmatched' };
  const certificate = await deps.certificates.getCertificate(parsed.canonical);
  if (!certificate) return { outcome: 'unmatched' };

  const recordedMessageId = certificate.delivery?.messageId;
  if (recordedMessageId && recordedMessageId !== event.messageId) {
    return { outcome: 'stale', certificateNumber: certificate.number };
  }
  await deps.certificates.updateCertificate(certificate.number, {
    delivery: {
      status: 'failed',
      at: event.at ?? deps.clock.now().toISOString(),
      messageId: event.messageId,
      error,
    },
  });
  return { outcome: 'recorded', certificateNumber: certificate.number, error };
}

const COUNTED_OUTCOMES = { Delivery: 'delivered', Bounce: 'bounced', Complaint: 'complained' } as const;

async function countMailEvent(deps: Pick<Deps, 'certificates' | 'clock' | 'reports'>, event: MailEvent) {
  const outcome = COUNTED_OUTCOMES[event.type as keyof typeof COUNTED_OUTCOMES];
  if (!outcome) return;
  const parsed = parseCertificateNumber(event.tags.certificate?.[0] ?? '');
  const certificate = parsed.ok ? await deps.certificates.getCertificate(parsed.canonical) : undefined;
  await countForReports(deps, {
    type: 'mail',
    messageId: event.messageId,
    outcome,
    ...(certificate ? { courseId: certificate.courseId } : {}),
    at: event.at ?? deps.clock.now().toISOString(),
  });
}
