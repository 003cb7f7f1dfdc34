import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { apiClient, certsCli } from '../support/local-api.js';

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  type: string;
}

/** A webhook receiver as an integration would run one: answers from a script, 200 once it runs out. */
async function startReceiver(script: number[] = []) {
  const received: Received[] = [];
  const answered: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        id: String(request.headers['webhook-id']),
        timestamp: String(request.headers['webhook-timestamp']),
        signature: String(request.headers['webhook-signature']),
        body,
        type: JSON.parse(body).type,
      });
      const status = script.shift() ?? 200;
      answered.push(status);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answered,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Verifies a delivery the way the Standard Webhooks specification tells a receiver to, written afresh here. */
function verifiedWith(secret: string, delivery: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${delivery.id}.${delivery.timestamp}.${delivery.body}`)
    .digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(delivery.timestamp)) < 300;
  return (
    fresh &&
    delivery.signature.split(' ').some((entry) => {
      const [version, mac] = entry.split(',');
      const given = Buffer.from(mac ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    })
  );
}

async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;
let steady: Awaited<ReturnType<typeof startReceiver>>;
let flaky: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  [steady, flaky] = await Promise.all([startReceiver(), startReceiver([500])]);
  // Retries 1 s apart instead of 5 s, 5 min, …, and the outbox drained five times a second.
  stack = await startLocalStack({ webhookRetryScheduleSeconds: [1, 1], webhookSweepMs: 200 });
  api = apiClient(stack);
  certs = certsCli(stack);
  await api.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) await api.putParticipant(participant, progress);
});

afterAll(async () => {
  await stack?.stop();
  await Promise.all([steady?.stop(), flaky?.stop()]);
});

describe('signed webhooks on the local stack', () => {
  let steadyId: string;
  let steadySecret: string;
  let flakyId: string;
  let flakySecret: string;
  let certificateNumber: string;

  it('registers endpoints through the CLI and the API; the secret is shown once', async () => {
    const added = await certs(
      'webhooks',
      'add',
      '--url',
      steady.url,
      '--events',
      'certificate.issued,certificate.revoked',
      '--description',
      'LMS',
    );
    expect(added.code).toBe(0);
    steadyId = /Endpoint (wh_[0-9a-f]+)/.exec(added.stdout)![1]!;
    steadySecret = /(whsec_[A-Za-z0-9+/=]+)/.exec(added.stdout)![1]!;

    const registered = await api.request('POST', '/operator/webhooks', {
      url: flaky.url,
      events: ['certificate.issued'],
    });
    expect(registered.status).toBe(201);
    flakyId = registered.json.endpointId;
    flakySecret = registered.json.secret;

    const refused = await api.request('POST', '/operator/webhooks', {
      url: 'http://example.org/hooks',
      events: ['certificate.issued'],
    });
    expect(refused.status).toBe(400);
    expect(refused.json.issues).toEqual([{ field: 'url', message: expect.stringMatching(/https/) }]);
    const badCli = await certs('webhooks', 'add', '--url', steady.url);
    expect(badCli.code).toBe(2);
    expect(badCli.stderr).toContain('--events');

    const listed = await api.request('GET', '/operator/webhooks');
    expect(listed.json.endpoints.map((endpoint: { status: string }) => endpoint.status)).toEqual([
      'enabled',
      'enabled',
    ]);
    expect(listed.text).not.toContain(steadySecret.slice(6));
    expect(listed.text).not.toContain(flakySecret.slice(6));
  });

  it('delivers certificate.issued once, signed, even when the approval is sent again and replayed', async () => {
    const approval = {
      participantId: 'thandiwe-nkosi',
      courseId: sampleCourse.courseId,
      approvedBy: 'staff',
    };
    const accepted = await api.request('POST', '/approvals', approval);
    const settled = await api.settledApproval(accepted.json.approvalId);
    certificateNumber = settled.certificate.number;
    expect((await api.request('POST', '/approvals', approval)).json.duplicate).toBe(true);
    await stack.workflow.startExecution(`${accepted.json.approvalId}-replay`, accepted.json.approvalId);
    await stack.workflow.drain();

    const delivery = await waitFor('the issued event', () => steady.received[0]);
    expect(verifiedWith(steadySecret, delivery)).toBe(true);
    expect(verifiedWith(flakySecret, delivery)).toBe(false);
    const payload = JSON.parse(delivery.body);
    expect(payload).toEqual({
      type: 'certificate.issued',
      timestamp: expect.any(String),
      data: {
        certificateNumber,
        courseId: sampleCourse.courseId,
        status: 'valid',
        verificationUrl: `${stack.url}/verify/${certificateNumber}`,
        issuedAt: expect.any(String),
      },
    });
    expect(delivery.body).not.toMatch(/Thandiwe|Nkosi|@example/);
    // Enough time for any second delivery to have arrived.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(steady.received.filter((item) => item.type === 'certificate.issued')).toHaveLength(1);
  });

  it('retries a receiver that answered 500 until it answers 200, and logs both attempts', async () => {
    await waitFor('the retried delivery', () => flaky.answered.includes(200));
    expect(flaky.answered).toEqual([500, 200]);
    expect(flaky.received.every((delivery) => verifiedWith(flakySecret, delivery))).toBe(true);
    expect(new Set(flaky.received.map((delivery) => delivery.id)).size).toBe(1);

    // The attempt is recorded just after the receiver answers: read the log until it shows.
    let only: any;
    for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
      const deliveries = await api.request('GET', `/operator/webhooks/${flakyId}/deliveries`);
      expect(deliveries.status).toBe(200);
      only = deliveries.json.deliveries[0];
      if (only?.status !== 'pending') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(only).toMatchObject({ type: 'certificate.issued', status: 'delivered', attemptCount: 2 });
    expect(only.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 200]);
    expect(only.attempts[0].durationMs).toEqual(expect.any(Number));
    const listed = await certs('webhooks', 'list');
    expect(listed.stdout).toContain(`${flakyId}  ENABLED`);
    expect(listed.stdout).toContain('HTTP 500');
  });

  it('tells the endpoint of a revocation', async () => {
    const revoked = await api.request('POST', `/operator/certificates/${certificateNumber}/revocation`, {
      reason: 'Issued in error',
      revokedBy: 'registrar',
    });
    expect(revoked.status).toBe(200);
    const delivery = await waitFor('the revoked event', () =>
      steady.received.find((item) => item.type === 'certificate.revoked'),
    );
    expect(verifiedWith(steadySecret, delivery)).toBe(true);
    expect(JSON.parse(delivery.body).data).toMatchObject({ certificateNumber, status: 'revoked' });
    expect(delivery.body).not.toContain('Issued in error');
    // The flaky endpoint did not subscribe to revocations.
    expect(flaky.received.map((item) => item.type)).toEqual(['certificate.issued', 'certificate.issued']);
  });

  it('replays a delivery on request (the same webhook-id), and removes an endpoint', async () => {
    const { json } = await api.request('GET', `/operator/webhooks/${steadyId}/deliveries`);
    const issued = json.deliveries.find(
      (delivery: { type: string }) => delivery.type === 'certificate.issued',
    );
    const replayed = await certs('webhooks', 'replay', steadyId, issued.deliveryId);
    expect(replayed.code).toBe(0);
    await waitFor('the replayed event', () =>
      steady.received.filter((item) => item.type === 'certificate.issued').length === 2 ? true : undefined,
    );
    const issuedIds = steady.received
      .filter((item) => item.type === 'certificate.issued')
      .map((item) => item.id);
    expect(issuedIds[0]).toBe(issuedIds[1]);

    expect((await certs('webhooks', 'remove', flakyId)).code).toBe(0);
    expect((await api.request('DELETE', `/operator/webhooks/${flakyId}`)).status).toBe(404);
    const unknown = await certs('webhooks', 'deliveries', flakyId);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/does not exist/);
  });
});
