import { randomBytes } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  generateCertificateNumber,
  parseCertificateNumber,
} from '../../functions/core/certificate-number.js';
import { deliverCertificate } from '../../functions/core/use-cases/deliver-certificate.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { type MailEvent, recordMailEvent } from '../../functions/core/use-cases/record-mail-event.js';
import { createMailEventsHandler } from '../../functions/handlers/mail-events.js';
import { localLambdaContext } from '../../functions/local/lambda-context.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

let world: ReturnType<typeof inMemoryDeps>;
/** The certificate issued and emailed in beforeEach, with the tags and message id its email went out with. */
let emailed: { number: string; tags: Record<string, string[]>; messageId: string };

beforeEach(async () => {
  world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) {
    await world.deps.participants.putParticipant(participant);
    await world.deps.progress.putProgress(progress);
  }
  const { approval } = await recordApproval(world.deps, {
    participantId: 'thandiwe-nkosi',
    courseId: sampleCourse.courseId,
    approvedBy: 'staff@saypro.test',
  });
  const issued = await issueCertificate(world.deps, approval.approvalId);
  await deliverCertificate(world.deps, issued);
  const mail = world.state.sentMail.at(-1)!;
  const delivery = world.state.certificates.get(issued.certificateNumber)!.delivery!;
  emailed = {
    number: issued.certificateNumber,
    // SES hands every tag back as a list of values.
    tags: Object.fromEntries(Object.entries(mail.tags ?? {}).map(([name, value]) => [name, [value]])),
    messageId: delivery.messageId!,
  };
});

const event = (type: MailEvent['type'], extra: Partial<MailEvent> = {}): MailEvent => ({
  type,
  messageId: emailed.messageId,
  tags: emailed.tags,
  ...extra,
});
const deliveryOf = (number: string) => world.state.certificates.get(number)?.delivery;

describe('recordMailEvent', () => {
  it('finds the certificate from the issuance email’s tag and records a bounce on it', async () => {
    expect(deliveryOf(emailed.number)).toMatchObject({ status: 'sent' });
    const result = await recordMailEvent(
      world.deps,
      event('Bounce', {
        at: '2026-11-29T12:05:00.000Z',
        bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail' },
      }),
    );
    expect(result).toEqual({
      outcome: 'recorded',
      certificateNumber: emailed.number,
      error: 'bounced: Permanent/NoEmail',
    });
    expect(deliveryOf(emailed.number)).toEqual({
      status: 'failed',
      at: '2026-11-29T12:05:00.000Z',
      messageId: emailed.messageId,
      error: 'bounced: Permanent/NoEmail',
    });
  });

  it('records a complaint, at the clock’s time when the event carries none', async () => {
    world.clock.current = new Date('2026-11-30T08:00:00.000Z');
    expect(await recordMailEvent(world.deps, event('Complaint'))).toMatchObject({ outcome: 'recorded' });
    expect(deliveryOf(emailed.number)).toMatchObject({
      status: 'failed',
      at: '2026-11-30T08:00:00.000Z',
      error: 'complaint',
    });
  });

  it('records a rejected send with SES’s reason', async () => {
    await recordMailEvent(world.deps, event('Reject', { reject: { reason: 'Bad content' } }));
    expect(deliveryOf(emailed.number)).toMatchObject({ status: 'failed', error: 'rejected: Bad content' });
  });

  it('leaves the certificate alone for events that are not failures', async () => {
    for (const type of ['Send', 'Delivery', 'DeliveryDelay'] as const) {
      expect(await recordMailEvent(world.deps, event(type))).toEqual({ outcome: 'ignored' });
    }
    expect(deliveryOf(emailed.number)).toMatchObject({ status: 'sent' });
  });

  it('matches nothing for mail without a certificate tag or naming an unknown certificate', async () => {
    const bounce = { bounceType: 'Permanent' };
    expect(await recordMailEvent(world.deps, event('Bounce', { tags: {}, bounce }))).toEqual({
      outcome: 'unmatched',
    });
    expect(
      await recordMailEvent(world.deps, event('Bounce', { tags: { certificate: ['not-a-number'] }, bounce })),
    ).toEqual({ outcome: 'unmatched' });
    // A well-formed number (check character and all) that no certificate has.
    const unknown = generateCertificateNumber((length) => new Uint8Array(randomBytes(length)));
    expect(parseCertificateNumber(unknown).ok).toBe(true);
    const result = await recordMailEvent(
      world.deps,
      event('Bounce', { tags: { certificate: [unknown] }, bounce }),
    );
    expect(result.outcome).toBe('unmatched');
    expect(deliveryOf(emailed.number)).toMatchObject({ status: 'sent' });
  });

  it('ignores a late event about an older email than the one on record', async () => {
    const result = await recordMailEvent(world.deps, event('Bounce', { messageId: 'an-earlier-message' }));
    expect(result).toEqual({ outcome: 'stale', certificateNumber: emailed.number });
    expect(deliveryOf(emailed.number)).toMatchObject({ status: 'sent', messageId: emailed.messageId });
  });
});

describe('the mail-events function', () => {
  const snsEvent = (...messages: object[]): SNSEvent =>
    ({
      Records: messages.map((message) => ({
        EventSource: 'aws:sns',
        Sns: { Message: JSON.stringify(message) },
      })),
    }) as unknown as SNSEvent;

  it('records an SES bounce notification on the certificate', async () => {
    const handler = createMailEventsHandler(() => world.deps);
    // The shape SES publishes for a configuration-set event destination (trimmed).
    await handler(
      snsEvent({
        eventType: 'Bounce',
        mail: {
          timestamp: '2026-11-29T12:00:00.000Z',
          messageId: emailed.messageId,
          destination: ['thandiwe.nkosi@example.org'],
          tags: { certificate: [emailed.number], 'ses:configuration-set': ['saypro-certificates-dev-mail'] },
        },
        bounce: {
          bounceType: 'Transient',
          bounceSubType: 'MailboxFull',
          timestamp: '2026-11-29T12:01:30.000Z',
          bouncedRecipients: [{ emailAddress: 'thandiwe.nkosi@example.org' }],
        },
      }),
      localLambdaContext('mail-events'),
    );
    expect(deliveryOf(emailed.number)).toEqual({
      status: 'failed',
      at: '2026-11-29T12:01:30.000Z',
      messageId: emailed.messageId,
      error: 'bounced: Transient/MailboxFull',
    });
  });
});
