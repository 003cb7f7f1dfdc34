import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import * as z from 'zod';
import type { Deps } from '../core/ports.js';
import { type MailEvent, recordMailEvent } from '../core/use-cases/record-mail-event.js';
import { lambdaDeps } from '../wiring/deps.js';
import { logger } from '../wiring/logger.js';

/**
 * SES configuration-set events (bounce, complaint, reject) arriving through SNS, recorded on the
 * certificate's delivery state (found by the mail's tags) so an operator sees which certificates never
 * reached their holder.
 */
const sesMailEvent = z.object({
  eventType: z.enum([
    'Bounce',
    'Complaint',
    'Reject',
    'Delivery',
    'Send',
    'DeliveryDelay',
    'RenderingFailure',
  ]),
  mail: z.object({
    messageId: z.string(),
    timestamp: z.string().optional(),
    tags: z.record(z.string(), z.array(z.string())).default({}),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z
    .object({ complaintFeedbackType: z.string().optional(), timestamp: z.string().optional() })
    .optional(),
  reject: z.object({ reason: z.string().optional() }).optional(),
});

export type SesMailEvent = z.infer<typeof sesMailEvent>;

export function parseMailEvents(event: SNSEvent): SesMailEvent[] {
  return event.Records.map((record) => sesMailEvent.parse(JSON.parse(record.Sns.Message)));
}

export function toMailEvent(mail: SesMailEvent): MailEvent {
  const at = mail.bounce?.timestamp ?? mail.complaint?.timestamp;
  return {
    type: mail.eventType,
    messageId: mail.mail.messageId,
    tags: mail.mail.tags,
    ...(at ? { at: new Date(at).toISOString() } : {}),
    ...(mail.bounce ? { bounce: mail.bounce } : {}),
    ...(mail.reject ? { reject: mail.reject } : {}),
  };
}

export const createMailEventsHandler = (deps: () => Pick<Deps, 'certificates' | 'clock' | 'reports'>) =>
  middy<SNSEvent, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      // A failed update throws, and Lambda retries the SNS delivery; recording twice is harmless.
      for (const mail of parseMailEvents(event)) {
        const result = await recordMailEvent(deps(), toMailEvent(mail));
        // Recipient addresses stay out of the logs; the tags name the certificate.
        logger.warn('mail event', {
          event: `mail.${mail.eventType.toLowerCase()}`,
          outcome: result.outcome,
          messageId: mail.mail.messageId,
          tags: mail.mail.tags,
          bounceType: mail.bounce?.bounceType,
          bounceSubType: mail.bounce?.bounceSubType,
          complaintFeedbackType: mail.complaint?.complaintFeedbackType,
          rejectReason: mail.reject?.reason,
        });
      }
    });

export const handler = createMailEventsHandler(lambdaDeps);
