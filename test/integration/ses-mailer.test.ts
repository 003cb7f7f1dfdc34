import { MessageRejected, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { SesMailer } from '../../functions/adapters/aws/ses-mailer.js';
import { TransientError } from '../../functions/core/errors.js';
import { type LocalService, startSesLocal } from '../../functions/local/services.js';

interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

const FROM = 'SayPro Certificates <certificates@saypro.online>';

describe('SesMailer against aws-ses-v2-local', () => {
  let ses: LocalService;
  let client: SESv2Client;
  let mailer: SesMailer;

  beforeAll(async () => {
    ses = await startSesLocal({});
    client = createAwsClients({ region: 'eu-west-1', sesEndpoint: ses.endpoint }).ses;
    mailer = new SesMailer(client, { from: FROM, configurationSetName: 'certificates' });
  });

  afterAll(async () => {
    client?.destroy();
    await ses?.stop();
  });

  async function storedMail(messageId: string): Promise<StoredMail | undefined> {
    const response = await fetch(`${ses.endpoint}/store`);
    expect(response.status).toBe(200);
    const store = (await response.json()) as { emails: StoredMail[] };
    return store.emails.find((mail) => mail.messageId === messageId);
  }

  it('sends a unicode subject with text and HTML bodies, as the mailbox shows', async () => {
    const mail = {
      to: 'thandiwe.nkosi@example.org',
      subject: 'Your certificate — “Project Management” ✓ Zoë',
      text: 'Congratulations, Thandiwe! Download: https://verify.saypro.online/d/abc',
      html: '<p>Congratulations, <strong>Thandiwe</strong>! <a href="https://verify.saypro.online/d/abc">Download</a> — ✓</p>',
      tags: { certificate: 'SP 7K3Q-9M2X/Ω', purpose: 'issuance' },
    };

    const { messageId } = await mailer.send(mail);
    expect(messageId).toMatch(/\S+/);

    const stored = await storedMail(messageId);
    expect(stored).toBeDefined();
    expect(stored?.from).toBe(FROM);
    expect(stored?.destination.to).toEqual(['thandiwe.nkosi@example.org']);
    expect(stored?.subject).toBe(mail.subject);
    expect(stored?.body.html).toBe(mail.html);
    expect(stored?.body.text).toBe(mail.text);
  });

  it('serves the web mailbox at the root URL', async () => {
    const response = await fetch(`${ses.endpoint}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    await response.arrayBuffer();
  });

  it('sends tags with values cut down to the characters SES accepts', async () => {
    const sent: unknown[] = [];
    const recordingClient = new SESv2Client({ region: 'eu-west-1' });
    recordingClient.send = (async (command: { input: unknown }) => {
      sent.push(command.input);
      return { MessageId: 'recorded-1', $metadata: {} };
    }) as unknown as SESv2Client['send'];

    await new SesMailer(recordingClient, { from: FROM }).send({
      to: 'a@example.org',
      subject: 's',
      text: 't',
      html: '<p>h</p>',
      tags: { certificate: 'SP 7K3Q-9M2X/Ω', 'delivery attempt': 'first.try@1', empty: '' },
    });

    expect(sent).toHaveLength(1);
    expect((sent[0] as { EmailTags: unknown }).EmailTags).toEqual([
      { Name: 'certificate', Value: 'SP_7K3Q-9M2X__' },
      { Name: 'delivery_attempt', Value: 'first.try@1' },
    ]);
  });

  // The emulator never throttles or rejects, so these faults come from a stubbed send.
  function mailerFailingWith(error: unknown): SesMailer {
    const failingClient = new SESv2Client({ region: 'eu-west-1' });
    failingClient.send = (async () => {
      throw error;
    }) as unknown as SESv2Client['send'];
    return new SesMailer(failingClient, { from: FROM });
  }
  const someMail = { to: 'a@example.org', subject: 's', text: 't', html: '<p>h</p>' };

  it('reports throttling as a TransientError that keeps the SDK error as its cause', async () => {
    const throttled = new TooManyRequestsException({
      message: 'Too many requests',
      $metadata: { httpStatusCode: 429 },
    });
    const error = await mailerFailingWith(throttled)
      .send(someMail)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).name).toBe('TransientError');
    expect((error as Error).cause).toBe(throttled);
  });

  it('reports an SES server fault as a TransientError', async () => {
    const serverFault = Object.assign(new Error('Service unavailable'), {
      name: 'InternalFailure',
      $fault: 'server',
      $metadata: { httpStatusCode: 503 },
    });
    const error = await mailerFailingWith(serverFault)
      .send(someMail)
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TransientError');
  });

  it('reports a rejected message as a permanent error, not a transient one', async () => {
    const rejected = new MessageRejected({
      message: 'Email address is not verified.',
      $metadata: { httpStatusCode: 400 },
    });
    const error = await mailerFailingWith(rejected)
      .send(someMail)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain('SES refused to send the mail to a@example.org');
    expect((error as Error).message).toContain('Email address is not verified.');
    expect((error as Error).cause).toBe(rejected);
  });
});
