import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/core/errors.js';
import {
  correctCertificate,
  revokeCertificate,
} from '../../functions/core/use-cases/certificate-lifecycle.js';
import { checkEligibility } from '../../functions/core/use-cases/check-eligibility.js';
import { sendExpiryReminders } from '../../functions/core/use-cases/expiry-reminders.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { notifyNotEligible } from '../../functions/core/use-cases/notify-not-eligible.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import {
  attemptWebhookDelivery,
  deliverDueWebhooks,
  enableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  publishWebhookEvent,
  registerWebhookEndpoint,
  replayWebhookDelivery,
} from '../../functions/core/use-cases/webhooks.js';
import {
  DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS,
  disableReasonOf,
  nextAttemptAfter,
  signWebhook,
  webhookUrlProblem,
} from '../../functions/core/webhooks.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

describe('the webhook signature', () => {
  it('reproduces the Standard Webhooks specification test vector', () => {
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is keyed by the secret bytes after whsec_, not by the secret text', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const byBytes = createHmac('sha256', Buffer.alloc(32, 7)).update('id.1.{}').digest('base64');
    expect(signWebhook(secret, 'id', 1, '{}')).toBe(`v1,${byBytes}`);
  });
});

describe('the retry schedule', () => {
  it('keeps trying for more than 24 hours, then gives up', () => {
    const total = DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS.reduce((sum, seconds) => sum + seconds, 0);
    expect(total).toBeGreaterThan(24 * 3600);
    const failedAt = new Date('2026-12-01T00:00:00Z');
    expect(nextAttemptAfter(DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS, 1, failedAt)?.toISOString()).toBe(
      '2026-12-01T00:00:05.000Z',
    );
    expect(nextAttemptAfter(DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS, 2, failedAt)?.toISOString()).toBe(
      '2026-12-01T00:05:00.000Z',
    );
    expect(
      nextAttemptAfter(
        DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS,
        DEFAULT_WEBHOOK_RETRY_SCHEDULE_SECONDS.length + 1,
        failedAt,
      ),
    ).toBeUndefined();
  });

  it('disables after three exhausted deliveries in a row, or five days of failures', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    expect(
      disableReasonOf({ exhaustedDeliveries: 2, failingSince: '2026-12-09T00:00:00Z' }, now),
    ).toBeUndefined();
    expect(disableReasonOf({ exhaustedDeliveries: 3 }, now)).toMatch(/3 deliveries/);
    expect(disableReasonOf({ exhaustedDeliveries: 0, failingSince: '2026-12-05T00:00:00Z' }, now)).toMatch(
      /since 2026-12-05/,
    );
  });
});

describe('registering an endpoint', () => {
  it('accepts https and local http only, naming the field', () => {
    expect(webhookUrlProblem('https://example.org/hooks')).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook')).toBeUndefined();
    expect(webhookUrlProblem('http://localhost/hook')).toBeUndefined();
    expect(webhookUrlProblem('http://example.org/hook')).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@example.org/')).toMatch(/password/);
    expect(webhookUrlProblem('not a url')).toMatch(/absolute/);
  });

  it('returns a whsec_ secret once; listings never carry it', async () => {
    const { deps } = inMemoryDeps();
    const created = await registerWebhookEndpoint(deps, {
      url: 'https://lms.example.org/hooks',
      events: ['certificate.issued'],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
    const [listed] = await listWebhookEndpoints(deps);
    expect(listed).toMatchObject({ endpointId: created.endpointId, status: 'enabled' });
    expect(JSON.stringify(await listWebhookEndpoints(deps))).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(await listWebhookDeliveries(deps, created.endpointId))).not.toContain(
      created.secret.slice(6),
    );
  });

  it('refuses plain http to another host and unknown events, field by field', async () => {
    const { deps } = inMemoryDeps();
    const error = await registerWebhookEndpoint(deps, {
      url: 'http://lms.example.org/hooks',
      events: ['certificate.printed'],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field).sort()).toEqual(['events.0', 'url']);
  });
});

describe('publishing and delivering', () => {
  let world: ReturnType<typeof inMemoryDeps>;
  let endpointId: string;
  let secret: string;

  beforeEach(async () => {
    world = inMemoryDeps();
    await world.deps.courses.putCourse(sampleCourse);
    for (const { participant, progress } of sampleParticipants) {
      await world.deps.participants.putParticipant(participant);
      await world.deps.progress.putProgress(progress);
    }
    const created = await registerWebhookEndpoint(world.deps, {
      url: 'https://lms.example.org/hooks',
      events: ['certificate.issued', 'certificate.revoked', 'approval.not_eligible'],
    });
    endpointId = created.endpointId;
    secret = created.secret;
  });

  const issueFor = async (participantId: string) => {
    const { approval } = await recordApproval(world.deps, {
      participantId,
      courseId: sampleCourse.courseId,
      approvedBy: 'staff@saypro.test',
    });
    return issueCertificate(world.deps, approval.approvalId);
  };

  it('queues certificate.issued once however often issuance runs, signed, without names or emails', async () => {
    const { approvalId, certificateNumber } = await issueFor('thandiwe-nkosi');
    await issueCertificate(world.deps, approvalId);
    await issueCertificate(world.deps, approvalId);
    expect(world.state.webhooks.deliveries.size).toBe(1);

    const run = await deliverDueWebhooks(world.deps);
    expect(run).toMatchObject({ attempted: 1, delivered: 1 });
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ attempted: 0 });
    expect(world.state.webhooks.sent).toHaveLength(1);
    const [request] = world.state.webhooks.sent;
    const payload = JSON.parse(request!.body);
    expect(payload).toMatchObject({
      type: 'certificate.issued',
      data: { courseId: sampleCourse.courseId, status: 'valid' },
    });
    expect(payload.data.certificateNumber.replaceAll('-', '')).toBe(certificateNumber);
    expect(request!.body).not.toMatch(/Thandiwe|Nkosi|@example/);
    const {
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    } = request!.headers;
    expect(signature).toBe(signWebhook(secret, id!, Number(timestamp), request!.body));
  });

  it('retries a failed attempt on the schedule, logging each attempt, then delivers', async () => {
    await issueFor('thandiwe-nkosi');
    world.state.webhooks.answers.push(500, new Error('connect ECONNREFUSED'));
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ retriesScheduled: 1 });
    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ attempted: 0 });
    world.clock.current = new Date(world.clock.current.getTime() + 5_000);
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ retriesScheduled: 1 });
    world.clock.current = new Date(world.clock.current.getTime() + 300_000);
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ delivered: 1 });

    const { deliveries, endpoint } = await listWebhookDeliveries(world.deps, endpointId);
    expect(deliveries[0]).toMatchObject({ status: 'delivered', attemptCount: 3 });
    expect(deliveries[0]!.attempts.map((attempt) => attempt.statusCode ?? attempt.error)).toEqual([
      500,
      'Error: connect ECONNREFUSED',
      200,
    ]);
    expect(endpoint).toMatchObject({ status: 'enabled', exhaustedDeliveries: 0 });
    expect(endpoint.recentFailures).toHaveLength(2);
    expect(endpoint.failingSince).toBeUndefined();
    // Every attempt of one event carries the same webhook-id, so receivers can dedupe.
    expect(new Set(world.state.webhooks.sent.map((sent) => sent.headers['webhook-id'])).size).toBe(1);
  });

  it('gives up after the schedule, disables a dead endpoint, and replays once enabled', async () => {
    world.deps.webhookRetryScheduleSeconds = [1];
    world.state.webhooks.answers.push(...Array(6).fill(503));
    for (const participantId of ['thandiwe-nkosi', 'pieter-van-der-merwe', 'amina-yusuf']) {
      await publishWebhookEvent(world.deps, {
        type: 'certificate.issued',
        key: participantId,
        data: { courseId: 'c', status: 'valid' },
      });
      await deliverDueWebhooks(world.deps);
      world.clock.current = new Date(world.clock.current.getTime() + 1_000);
      await deliverDueWebhooks(world.deps);
    }
    const { deliveries, endpoint } = await listWebhookDeliveries(world.deps, endpointId);
    expect(deliveries.map((delivery) => delivery.status)).toEqual(['failed', 'failed', 'failed']);
    expect(endpoint).toMatchObject({ status: 'disabled', exhaustedDeliveries: 3 });
    expect(endpoint.disabledReason).toMatch(/3 deliveries in a row/);

    // A disabled endpoint is sent nothing new, and a replay waits until staff enable it.
    await publishWebhookEvent(world.deps, {
      type: 'certificate.issued',
      key: 'later',
      data: { courseId: 'c', status: 'valid' },
    });
    expect(world.state.webhooks.deliveries.size).toBe(3);
    const failed = deliveries[0]!;
    await expect(replayWebhookDelivery(world.deps, endpointId, failed.deliveryId)).rejects.toThrow(
      /disabled/,
    );
    await enableWebhookEndpoint(world.deps, endpointId);
    await replayWebhookDelivery(world.deps, endpointId, failed.deliveryId);
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ delivered: 1 });
    expect((await world.deps.webhookEndpoints.getDelivery(endpointId, failed.deliveryId))?.attemptCount).toBe(
      3,
    );
  });

  it('never sends one attempt twice when two runs hold the same outbox entry', async () => {
    await issueFor('thandiwe-nkosi');
    const [first, second] = await Promise.all([
      deliverDueWebhooks(world.deps),
      deliverDueWebhooks(world.deps),
    ]);
    expect(first.delivered + second.delivered).toBe(1);
    expect(world.state.webhooks.sent).toHaveLength(1);
  });

  it('tells of a revocation and of a not-eligible assessment with reason codes only', async () => {
    const { certificateNumber } = await issueFor('thandiwe-nkosi');
    await revokeCertificate(world.deps, certificateNumber, {
      reason: 'Issued in error',
      revokedBy: 'registrar',
    });
    const { approval } = await recordApproval(world.deps, {
      participantId: 'amina-yusuf',
      courseId: sampleCourse.courseId,
      approvedBy: 'staff@saypro.test',
    });
    const { reasons } = await checkEligibility(world.deps, approval.approvalId);
    await notifyNotEligible(world.deps, { approvalId: approval.approvalId, reasons });
    await notifyNotEligible(world.deps, { approvalId: approval.approvalId, reasons });
    await deliverDueWebhooks(world.deps);
    const bodies = world.state.webhooks.sent.map((sent) => JSON.parse(sent.body));
    expect(bodies.map((body) => body.type).sort()).toEqual([
      'approval.not_eligible',
      'certificate.issued',
      'certificate.revoked',
    ]);
    const notEligible = bodies.find((body) => body.type === 'approval.not_eligible');
    expect(notEligible.data).toEqual({
      approvalId: approval.approvalId,
      courseId: sampleCourse.courseId,
      status: 'not_eligible',
      reasons: reasons.map((reason) => reason.code),
    });
    expect(JSON.stringify(bodies)).not.toMatch(/Amina|Yusuf|@example|Issued in error/);
  });

  it('tells of a correction (new number, the one it replaces) and of an expiry on its day, once each', async () => {
    await registerWebhookEndpoint(world.deps, {
      url: 'https://hr.example.org/hooks',
      events: ['certificate.corrected', 'certificate.expired'],
    });
    const { certificateNumber } = await issueFor('thandiwe-nkosi');
    const corrected = await correctCertificate(world.deps, certificateNumber, {
      holderName: 'Thandiwe M. Nkosi',
      reason: 'Middle initial missing',
      correctedBy: 'registrar',
    });
    const newNumber = corrected.number.replaceAll('-', '');
    const today = world.clock.current.toISOString();
    await world.deps.certificates.updateCertificate(newNumber, { expiresAt: today });
    await sendExpiryReminders(world.deps);
    await sendExpiryReminders(world.deps);
    await deliverDueWebhooks(world.deps);
    const hr = world.state.webhooks.sent.filter((sent) => sent.url === 'https://hr.example.org/hooks');
    // Both fall due at the same instant, so the outbox may hand them out in either order.
    const bodies = hr.map((sent) => JSON.parse(sent.body)).sort((a, b) => a.type.localeCompare(b.type));
    expect(bodies.map((body) => body.type)).toEqual(['certificate.corrected', 'certificate.expired']);
    expect(bodies[0].data).toMatchObject({
      certificateNumber: corrected.number,
      supersedes: corrected.supersedes,
      status: 'valid',
    });
    expect(bodies[1].data).toMatchObject({
      certificateNumber: corrected.number,
      status: 'expired',
      expiresAt: today,
    });
    expect(JSON.stringify(bodies)).not.toMatch(/Nkosi|Middle initial/);
  });

  it('disables an endpoint that has failed every attempt for five days', async () => {
    world.deps.webhookRetryScheduleSeconds = [3 * 86_400, 3 * 86_400];
    world.state.webhooks.answers.push(500, 500, 500);
    await issueFor('thandiwe-nkosi');
    await deliverDueWebhooks(world.deps);
    world.clock.current = new Date(world.clock.current.getTime() + 3 * 86_400_000);
    await deliverDueWebhooks(world.deps);
    expect((await world.deps.webhookEndpoints.getEndpoint(endpointId))?.status).toBe('enabled');
    world.clock.current = new Date(world.clock.current.getTime() + 3 * 86_400_000);
    await deliverDueWebhooks(world.deps);
    const endpoint = await world.deps.webhookEndpoints.getEndpoint(endpointId);
    expect(endpoint).toMatchObject({ status: 'disabled', exhaustedDeliveries: 1 });
    expect(endpoint?.disabledReason).toMatch(/every attempt has failed since/);
  });

  it('puts a delivery left without its outbox entry back when the event is published again', async () => {
    const { approvalId } = await issueFor('thandiwe-nkosi');
    world.state.webhooks.outbox.clear(); // as if the process died between the two writes
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ attempted: 0 });
    await issueCertificate(world.deps, approvalId);
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ delivered: 1 });
  });

  it('keeps an outbox entry whose attempt another live run holds, so it is not lost if that run dies', async () => {
    await issueFor('thandiwe-nkosi');
    const [entry] = await world.deps.webhookOutbox.listDue(world.clock.current, 10);
    const delivery = [...world.state.webhooks.deliveries.values()][0]!;
    await world.deps.claims.claim(`webhook-attempt#${endpointId}#${delivery.deliveryId}#1`, {
      holder: 'a-run-that-dies',
      now: world.clock.current,
      leaseMs: 60_000,
    });
    expect(await attemptWebhookDelivery(world.deps, entry!)).toBe('busy');
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ attempted: 0 });
    expect(world.state.webhooks.outbox.size).toBe(1);
    world.clock.current = new Date(world.clock.current.getTime() + 61_000);
    expect(await deliverDueWebhooks(world.deps)).toMatchObject({ delivered: 1 });
    expect(world.state.webhooks.sent).toHaveLength(1);
  });
});
