/**
 * `kill -9` of the whole `npm start` process group in the middle of a batch, then `npm start` again on
 * the same data folder: every approval must end issued exactly once and every certificate emailed
 * exactly once, without an operator. Counted from the stores and the mailbox, not from logs.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { scanTable, startNpmStart } from '../../functions/local/chaos-run.js';
import { freePort, startDynamoDbLocal } from '../../functions/local/services.js';
import { fetchRetryingBusy, type StoredMail } from '../support/local-api.js';

const APPROVALS = 30;
const COURSE = {
  title: 'Crash Course',
  description: 'Kept going through a crash.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 14 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

let dataDir: string;
let running: ChildProcess | undefined;

afterAll(async () => {
  if (running?.pid) killGroup(running.pid);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

const portIsOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Java processes whose command line names this test's data folder. */
async function javaProcessesOf(folder: string) {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (/(^|\/)java\0/.test(commandLine) && commandLine.includes(folder)) found.push(pid);
  }
  return found;
}

/** `npm start` as a user runs it: bin/local.ts in a process group of its own. */
async function startSystem(port: number, mailPort: number) {
  const { child, output } = await startNpmStart(
    {
      PORT: String(port),
      MAIL_PORT: String(mailPort),
      DATA_DIR: dataDir,
      // A short lease, so an email whose sender was killed is taken over within seconds.
      CLAIM_LEASE_SECONDS: '3',
    },
    90_000,
  );
  running = child;
  const apiKey = (await readFile(join(dataDir, 'operator-api-key'), 'utf8')).trim();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetchRetryingBusy(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return { child, call, output };
}

type Call = Awaited<ReturnType<typeof startSystem>>['call'];
/** This test's approvals (the sample programme's are there too). */
const listApprovals = async (call: Call) =>
  (
    (await call('GET', '/operator/approvals')).json.approvals as {
      approvalId: string;
      participantId: string;
      status: string;
      email?: { status: string };
    }[]
  ).filter((approval) => approval.participantId.startsWith('crash-'));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

it('finishes every approval exactly once after kill -9 of the process group mid-batch', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saypro-crash-'));
  const [port, mailPort] = [await freePort(), await freePort()];
  let system = await startSystem(port, mailPort);
  const participants = Array.from({ length: APPROVALS }, (_, index) => `crash-${index}`);
  expect((await system.call('PUT', '/operator/courses/crash-course', COURSE)).status).toBe(200);
  for (const id of participants) {
    const participant = {
      fullName: `Participant ${id}`,
      email: `${id}@example.org`,
      consentToPublicName: true,
      consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'crash test' },
    };
    expect((await system.call('PUT', `/operator/participants/${id}`, participant)).status).toBe(200);
    const progress = {
      completedModuleIds: [],
      quizScores: {},
      peerReviewPassed: false,
      completedAt: '2026-11-20T10:00:00.000Z',
    };
    expect((await system.call('PUT', `/operator/progress/${id}/crash-course`, progress)).status).toBe(200);
  }
  const posted = await Promise.all(
    participants.map((participantId) =>
      system.call('POST', '/approvals', {
        participantId,
        courseId: 'crash-course',
        approvedBy: 'staff@saypro.test',
      }),
    ),
  );
  expect(posted.map((response) => response.status)).toEqual(Array(APPROVALS).fill(202));

  // Mid-batch: some certificates are out, most are not.
  await waitFor(
    async () => (await listApprovals(system.call)).filter((a) => a.status === 'issued').length >= 3,
    60_000,
    'the first certificates',
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${system.output()}`);
  });
  const beforeKill = await listApprovals(system.call);
  killGroup(system.child.pid!);
  await new Promise((resolve) => system.child.once('exit', resolve));
  // Nothing outlives the kill: no API, no mailbox, no DynamoDB Local.
  await waitFor(async () => (await javaProcessesOf(dataDir)).length === 0, 10_000, 'DynamoDB Local to end');
  expect(await portIsOpen(port)).toBe(false);
  expect(await portIsOpen(mailPort)).toBe(false);
  expect(beforeKill.filter((a) => a.status === 'issued' && a.email?.status === 'sent').length).toBeLessThan(
    APPROVALS,
  );

  system = await startSystem(port, mailPort);
  await waitFor(
    async () => {
      const approvals = (await listApprovals(system.call)).filter((a) =>
        a.participantId.startsWith('crash-'),
      );
      return (
        approvals.length === APPROVALS &&
        approvals.every((a) => a.status === 'issued' && a.email?.status === 'sent')
      );
    },
    90_000,
    'every approval to end issued and emailed',
  );
  const mail = (
    (await (await fetch(`http://127.0.0.1:${mailPort}/store`)).json()) as { emails: StoredMail[] }
  ).emails;
  system.child.kill('SIGTERM');
  await new Promise((resolve) => system.child.once('exit', resolve));
  running = undefined;

  // Count from the stores themselves.
  const dynamodb = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    const { documentClient } = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
    const scan = (TableName: string) => scanTable(documentClient, TableName);
    const registry = await scan('saypro-registry');
    const certificates = registry.filter(
      (item) => item.kind === 'certificate' && String(item.participantId).startsWith('crash-'),
    );
    // One certificate per approval: none lost, none twice.
    expect(certificates).toHaveLength(APPROVALS);
    expect(new Set(certificates.map((item) => item.approvalId)).size).toBe(APPROVALS);
    for (const certificate of certificates) {
      const delivery = certificate.delivery as { status: string; messageId: string };
      expect(delivery.status).toBe('sent');
      const claim = registry.find((item) => item.pk === `CLAIM#certificate-email#${certificate.number}`);
      expect(claim).toMatchObject({ state: 'done', outcome: { messageId: delivery.messageId } });
      // Mail sent after the restart is in the mailbox: at most one per certificate, and it is the one recorded.
      const after = mail.filter((message) =>
        message.body.text?.includes(formatCertificateNumber(String(certificate.number))),
      );
      expect(after.length).toBeLessThanOrEqual(1);
      if (after.length === 1) expect(after[0]!.messageId).toBe(delivery.messageId);
    }
  } finally {
    await dynamodb.stop();
  }
}, 240_000);
