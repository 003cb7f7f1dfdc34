import { type MessageTag, type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { TransientError } from '../../core/errors.js';
import type { Mailer, OutgoingMail } from '../../core/ports.js';

const THROTTLING_ERRORS = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'LimitExceededException',
]);
/** A connection that failed or was cut: nothing was accepted, so sending again is safe. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
const TIMEOUT_ERRORS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const REJECTION_ERRORS = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException']);

/** Sends mail through SES v2 (or aws-ses-v2-local, which speaks the same API). */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: { from: string; configurationSetName?: string },
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const command = new SendEmailCommand({
      FromEmailAddress: this.options.from,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            Html: { Data: mail.html, Charset: 'UTF-8' },
          },
        },
      },
      EmailTags: toEmailTags(mail.tags),
      ConfigurationSetName: this.options.configurationSetName,
    });
    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await this.client.send(command));
    } catch (error) {
      throw classifySesError(error, mail.to);
    }
    if (!messageId) throw new Error(`SES accepted the mail to ${mail.to} but returned no message id`);
    return { messageId };
  }
}

/** Turns an SES failure into what the workflow decides on: try again later, or give up. */
function classifySesError(error: unknown, to: string): unknown {
  const details = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = details.name ?? '';
  const status = details.$metadata?.httpStatusCode ?? 0;
  const network = NETWORK_ERRORS.has(details.code ?? '') || TIMEOUT_ERRORS.has(name);
  if (THROTTLING_ERRORS.has(name) || status >= 500 || network) {
    return new TransientError(
      `SES is busy or unavailable (${details.code ?? (name || status)}): ${details.message ?? ''}`.trim(),
      {
        cause: error,
      },
    );
  }
  if (REJECTION_ERRORS.has(name)) {
    return new Error(`SES refused to send the mail to ${to} (${name}): ${details.message ?? ''}`.trim(), {
      cause: error,
    });
  }
  return error;
}

const TAG_MAX_LENGTH = 256;

/** SES accepts only [A-Za-z0-9_\-.@] in tag names and values, at most 256 characters. */
export function sanitiseTagPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_\-.@]/g, '_').slice(0, TAG_MAX_LENGTH);
}

function toEmailTags(tags: Record<string, string> | undefined): MessageTag[] | undefined {
  if (!tags) return undefined;
  const emailTags = Object.entries(tags)
    .map(([name, value]) => ({ Name: sanitiseTagPart(name), Value: sanitiseTagPart(value) }))
    // SES rejects empty names and values; such a tag would cost the whole mail.
    .filter((tag) => tag.Name !== '' && tag.Value !== '');
  return emailTags.length > 0 ? emailTags : undefined;
}
