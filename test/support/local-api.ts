import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { CONSENT_WORDING, type ConsentState } from '../../functions/core/consent.js';
import type { LocalStack } from '../../functions/local/local-stack.js';

const runFile = promisify(execFile);

/**
 * fetch, sending the same request again while the API answers 503 with Retry-After: the API saying "busy
 * for a moment" (DynamoDB Local on a loaded machine), which a well-behaved client retries.
 */
export async function fetchRetryingBusy(url: string, init: RequestInit): Promise<Response> {
  let response = await fetch(url, init);
  for (let attempt = 1; response.status === 503 && attempt <= 5; attempt += 1) {
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    response = await fetch(url, init);
  }
  return response;
}

/** Small HTTP helpers for tests that drive the local stack the way a user or integration would. */
export function apiClient(stack: LocalStack) {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetchRetryingBusy(`${stack.url}${path}`, {
      method,
      redirect: 'manual',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKey, ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  /** PUTs through the operator API as staff would, failing loudly when the API refuses. */
  const put = async (path: string, body: unknown) => {
    const response = await request('PUT', path, body);
    if (response.status !== 200) throw new Error(`PUT ${path} answered ${response.status}: ${response.text}`);
    return response.json;
  };
  /**
   * A participant and their progress in one course. Staff enter the consent the participant gave on
   * the enrolment form: the participant's own, or else to their name on the certificate.
   */
  const putParticipantAndProgress = async (
    participant: { participantId: string; consents?: ConsentState },
    progress: { courseId: string; participantId: string },
  ) => {
    const choices = participant.consents
      ? Object.fromEntries(
          Object.values(participant.consents).map((decision) => [
            CONSENT_WORDING[decision.purpose].field,
            decision.granted,
          ]),
        )
      : { nameOnCertificate: true };
    await put(`/operator/participants/${participant.participantId}`, {
      ...participant,
      consent: { ...choices, channel: 'paper-form', recordedBy: 'test support' },
    });
    await put(`/operator/progress/${progress.participantId}/${progress.courseId}`, progress);
  };
  /** Polls an approval until it leaves the in-progress states (or the deadline passes). */
  const settledApproval = async (approvalId: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { json } = await request('GET', `/operator/approvals/${approvalId}`);
      const settled = ['issued', 'not_eligible', 'awaiting_consent', 'failed', 'rejected'].includes(
        json?.status,
      );
      const delivered = json?.status !== 'issued' || ['sent', 'failed'].includes(json?.certificate?.delivery);
      if (settled && delivered) return json;
      if (Date.now() > deadline)
        throw new Error(`approval ${approvalId} did not settle: ${JSON.stringify(json)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /**
   * Approves a participant's completion of a course, as staff would (POST /approvals), failing loudly
   * unless the API accepted it (202). Returns the approval id.
   */
  const approve = async (participantId: string, courseId: string): Promise<string> => {
    const approval = await request('POST', '/approvals', {
      participantId,
      courseId,
      approvedBy: 'staff@saypro.online',
    });
    if (approval.status !== 202)
      throw new Error(`POST /approvals answered ${approval.status}: ${approval.text}`);
    return approval.json.approvalId;
  };
  /** Approves (as approve does) and waits until the approval settles; returns the settled approval. */
  const approveAndSettle = async (participantId: string, courseId: string, timeoutMs = 60_000) =>
    settledApproval(await approve(participantId, courseId), timeoutMs);
  return {
    request,
    putCourse: (course: { courseId: string }) => put(`/operator/courses/${course.courseId}`, course),
    putParticipant: putParticipantAndProgress,
    settledApproval,
    approve,
    approveAndSettle,
    /**
     * Issues one certificate of a course with no requirements to a new participant (named after their
     * id), as staff would: enter them and their progress, approve, wait until it is issued and emailed.
     * Returns the certificate's number as printed.
     */
    async issueTo(courseId: string, person: string, consentToPublicName: boolean) {
      await putParticipantAndProgress(
        {
          participantId: person,
          fullName: `Person ${person}`,
          email: `${person}@example.org`,
          consentToPublicName,
        } as never,
        {
          participantId: person,
          courseId,
          completedModuleIds: [],
          quizScores: {},
          peerReviewPassed: false,
          completedAt: '2026-11-20T10:00:00.000Z',
        } as never,
      );
      const settled = await approveAndSettle(person, courseId);
      if (settled.status !== 'issued') throw new Error(`approval not issued: ${JSON.stringify(settled)}`);
      return formatCertificateNumber(settled.certificate.number.replace(/-/g, ''));
    },
  };
}

export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

export async function mailbox(stack: LocalStack): Promise<StoredMail[]> {
  const response = await fetch(`${stack.mailboxUrl}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

/** Runs `certs …` as an operator would, against a test's stack; never throws, returns the exit code. */
export function certsCli(stack: LocalStack) {
  return async (...args: string[]) => {
    try {
      const { stdout, stderr } = await runFile('node', ['bin/certs.mjs', ...args], {
        env: { ...process.env, CERTS_API_URL: stack.url, CERTS_API_KEY: stack.apiKey },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
}
