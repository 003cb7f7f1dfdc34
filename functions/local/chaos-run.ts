/**
 * The chaos run: N approvals through `npm start` while faults are injected at its AWS clients and the
 * whole process group is killed (-9) and started again, then the outcome counted from the stores and
 * the mailbox, never from logs. Used by `npm run chaos` (bin/chaos.ts) and, shorter, by the test suite.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createAwsClients } from '../adapters/aws/clients.js';
import { formatCertificateNumber } from '../core/certificate-number.js';
import { freePort, startDynamoDbLocal, startSesLocal } from './services.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PREFIX = 'chaos-';
const COURSE_ID = 'chaos-course';

export interface ChaosOptions {
  approvals: number;
  concurrency: number;
  /** Share of AWS calls that fail, 0–1. */
  faultRate: number;
  /** How many times the process group is killed with SIGKILL and started again, spread over the run. */
  restarts: number;
  seed: number;
  /** Give up waiting for the system to settle after this long. */
  settleTimeoutMs: number;
  log?: (line: string) => void;
}

export interface ChaosOutcome {
  options: Omit<ChaosOptions, 'log'>;
  seconds: number;
  injected: Record<string, number>;
  restartsDone: number;
  counts: {
    approvals: number;
    issued: number;
    emailed: number;
    duplicateCertificates: number;
    /** Emails a participant got twice for a reason other than a crash at the instant of sending. */
    duplicateEmails: number;
    /**
     * Emails sent again because the process was killed between sending and recording the send (the first
     * copy left within a second or two of a kill): a mail API without an idempotency key cannot rule these
     * out; at most one per email in flight at the kill.
     */
    repeatedAtACrash: number;
    /** Accepted approvals that ended with no certificate and no reason an operator can see. */
    lost: number;
    /** Approvals still in flight, or issued without their email, when the run gave up waiting. */
    stuck: number;
    /** Parked as failed with a reason, for an operator (not lost: visible and retryable). */
    parkedFailed: number;
    /** Of those, approvals whose certificate was issued before a later step was parked. */
    parkedAfterIssue: number;
    notEligible: number;
  };
  failureReasons: Record<string, number>;
  /** True when duplicates, lost and stuck are all zero. */
  ok: boolean;
}

interface ApprovalRow {
  approvalId: string;
  participantId: string;
  status: string;
  email?: { status: string };
  reasons?: unknown[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm start` as a user runs it (bin/local.ts) in a process group of its own, so `kill -9 -<pgid>` ends
 * all of it; resolves once it says it is running. Shared by the chaos run and the crash test.
 */
export async function startNpmStart(env: Record<string, string>, timeoutMs = 120_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    if (output.length < 200_000) output += chunk.toString();
  };
  await new Promise<void>((resolve, reject) => {
    // A start that hangs is killed, so nothing is left running behind a failed test or run.
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`npm start did not come up:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (output.includes('is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', keep);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output.slice(-4000)}`));
    });
  });
  return { child, output: () => output };
}

/** `npm start` with the chaos knobs set. */
async function startSystem(
  dataDir: string,
  port: number,
  mailbox: string,
  options: ChaosOptions,
  run: number,
) {
  const { child } = await startNpmStart({
    PORT: String(port),
    DATA_DIR: dataDir,
    MAILBOX_URL: mailbox,
    CHAOS_FAULT_RATE: String(options.faultRate),
    // Each life of the process draws other faults.
    CHAOS_SEED: String(options.seed + run),
    CHAOS_FAULT_JOURNAL: join(dataDir, 'injected-faults.jsonl'),
    // A short lease, so work whose holder was killed or lost its answer is taken over within seconds.
    CLAIM_LEASE_SECONDS: '5',
  });
  return child;
}

function killGroup(child: ChildProcess | undefined) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Every chaos approval, as the operator API lists it; undefined while the system is down. */
async function listApprovals(call: Caller): Promise<ApprovalRow[] | undefined> {
  const response = await call('GET', '/operator/approvals').catch(() => undefined);
  if (!response || response.status !== 200) return undefined;
  return (response.json.approvals as ApprovalRow[]).filter((row) => row.participantId.startsWith(PREFIX));
}

type Caller = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;

/** An operator call that tries again through faults (5xx) and restarts (connection refused). */
async function untilAnswered(call: Caller, method: string, path: string, body?: unknown) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await call(method, path, body).catch(() => undefined);
    if (response && response.status < 500) return response;
    // 503 (a passing fault) and a refused connection (a restart) are both worth the same request again.
    if (attempt > 600) throw new Error(`${method} ${path} never answered: ${JSON.stringify(response?.json)}`);
    await sleep(Math.min(1000, 50 * 2 ** Math.min(attempt, 5)));
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosOutcome> {
  const log = options.log ?? (() => undefined);
  const startedAt = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'saypro-chaos-'));
  const mailbox = await startSesLocal();
  const port = await freePort();
  let child: ChildProcess | undefined;
  let restartsDone = 0;
  const killedAt: number[] = [];
  try {
    child = await startSystem(dataDir, port, mailbox.endpoint, options, 0);
    const apiKey = (await readFile(join(dataDir, 'operator-api-key'), 'utf8')).trim();
    const call: Caller = async (method, path, body) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let json: unknown = {};
      try {
        json = JSON.parse(text);
      } catch {
        json = { error: text };
      }
      return { status: response.status, json };
    };

    log(`set-up: 1 course, ${options.approvals} participants (faults already on)`);
    await untilAnswered(call, 'PUT', `/operator/courses/${COURSE_ID}`, {
      title: 'Chaos Engineering for Trainers',
      description: 'Kept going through faults and crashes.',
      criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 14 },
      signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
    });
    const ids = Array.from({ length: options.approvals }, (_, index) => `${PREFIX}${index}`);
    const inBatches = async (work: (id: string) => Promise<unknown>) => {
      const queue = [...ids];
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) await work(id);
        }),
      );
    };
    await inBatches(async (id) => {
      await untilAnswered(call, 'PUT', `/operator/participants/${id}`, {
        fullName: `Participant ${id.slice(PREFIX.length)}`,
        email: `${id}@example.org`,
        consentToPublicName: true,
        consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'chaos run' },
      });
      await untilAnswered(call, 'PUT', `/operator/progress/${id}/${COURSE_ID}`, {
        completedModuleIds: [],
        quizScores: {},
        peerReviewPassed: false,
        completedAt: '2026-11-20T10:00:00.000Z',
      });
    });

    // The chaos monkey: kills the process group each time another share of the approvals is issued.
    let posting = true;
    const monkey = (async () => {
      for (let restart = 1; restart <= options.restarts; restart += 1) {
        const threshold = Math.ceil((restart * options.approvals) / (options.restarts + 1));
        for (;;) {
          const rows = await listApprovals(call);
          if (rows && rows.filter((row) => row.status === 'issued').length >= threshold) break;
          if (!posting && Date.now() - startedAt > options.settleTimeoutMs) return;
          await sleep(500);
        }
        log(`kill -9 of the process group (${restart} of ${options.restarts}), then npm start again`);
        killedAt.push(Date.now());
        killGroup(child);
        await new Promise((resolve) => child!.once('exit', resolve));
        child = await startSystem(dataDir, port, mailbox.endpoint, options, restart);
        restartsDone += 1;
      }
    })();

    log(`posting ${options.approvals} approvals at concurrency ${options.concurrency}`);
    await inBatches(async (participantId) => {
      const response = await untilAnswered(call, 'POST', '/approvals', {
        participantId,
        courseId: COURSE_ID,
        approvedBy: 'chaos@saypro.test',
      });
      if (response.status !== 202 && response.status !== 200)
        throw new Error(`approval of ${participantId} refused: ${JSON.stringify(response.json)}`);
    });
    posting = false;
    await monkey;

    log('waiting for every approval to settle');
    const settled = (row: ApprovalRow) =>
      (row.status === 'issued' && row.email?.status === 'sent') ||
      row.status === 'not_eligible' ||
      row.status === 'failed';
    const deadline = Date.now() + options.settleTimeoutMs;
    for (;;) {
      const rows = await listApprovals(call);
      if (rows && rows.length === options.approvals && rows.every(settled)) break;
      if (Date.now() > deadline) {
        log('gave up waiting: what is left counts as stuck');
        break;
      }
      await sleep(1000);
    }
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = undefined;

    const outcome = await countOutcome(dataDir, mailbox.endpoint, options, killedAt);
    const journal = join(dataDir, 'injected-faults.jsonl');
    const injected: Record<string, number> = {};
    if (existsSync(journal)) {
      for (const line of readFileSync(journal, 'utf8').split('\n').filter(Boolean)) {
        const { service, kind } = JSON.parse(line) as { service: string; kind: string };
        injected[`${service} ${kind}`] = (injected[`${service} ${kind}`] ?? 0) + 1;
      }
    }
    const { log: _log, ...shown } = options;
    return {
      options: shown,
      seconds: (Date.now() - startedAt) / 1000,
      injected,
      restartsDone,
      ...outcome,
      ok:
        outcome.counts.duplicateCertificates === 0 &&
        outcome.counts.duplicateEmails === 0 &&
        outcome.counts.lost === 0 &&
        outcome.counts.stuck === 0,
    };
  } finally {
    killGroup(child);
    await mailbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Every item of a table, page by page: for counting outcomes after a run, never on a request path. */
export async function scanTable(documentClient: DynamoDBDocumentClient, TableName: string) {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The outcome from the tables themselves (DynamoDB Local on the run's data folder) and the mailbox. */
async function countOutcome(
  dataDir: string,
  mailboxEndpoint: string,
  options: ChaosOptions,
  killedAt: number[],
) {
  const mail = (
    (await (await fetch(`${mailboxEndpoint}/store`)).json()) as {
      emails: { body: { text?: string }; at: number }[];
    }
  ).emails;
  // The mailbox stamps whole seconds: "at a crash" is a first copy within 3 s before a kill (or 1 s after).
  const nearAKill = (atSeconds: number) =>
    killedAt.some((kill) => atSeconds * 1000 >= kill - 3000 && atSeconds * 1000 <= kill + 1000);
  const dynamodb = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
  try {
    const { documentClient } = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
    const scan = (TableName: string) => scanTable(documentClient, TableName);
    const approvals = (await scan('saypro-approvals')).filter((item) =>
      String(item.participantId).startsWith(PREFIX),
    );
    const certificates = (await scan('saypro-registry')).filter(
      (item) => item.kind === 'certificate' && String(item.participantId).startsWith(PREFIX),
    );
    const certificatesByApproval = new Map<string, string[]>();
    for (const certificate of certificates) {
      const list = certificatesByApproval.get(certificate.approvalId) ?? [];
      list.push(certificate.number);
      certificatesByApproval.set(certificate.approvalId, list);
    }
    const emailsOf = (number: string) =>
      mail.filter((message) => message.body.text?.includes(formatCertificateNumber(number)));

    let issued = 0;
    let emailed = 0;
    let duplicateCertificates = 0;
    let duplicateEmails = 0;
    let repeatedAtACrash = 0;
    let lost = options.approvals - approvals.length;
    let stuck = 0;
    let parkedFailed = 0;
    let parkedAfterIssue = 0;
    let notEligible = 0;
    const failureReasons: Record<string, number> = {};
    for (const approval of approvals) {
      const numbers = certificatesByApproval.get(approval.approvalId) ?? [];
      duplicateCertificates += Math.max(0, numbers.length - 1);
      let emails = 0;
      for (const number of numbers) {
        const copies = emailsOf(number).sort((a, b) => a.at - b.at);
        emails += copies.length;
        if (copies.length > 1) {
          if (nearAKill(copies[0]!.at)) repeatedAtACrash += copies.length - 1;
          else duplicateEmails += copies.length - 1;
        }
      }
      if (numbers.length > 0) issued += 1;
      if (emails > 0) emailed += 1;
      if (approval.status === 'failed') {
        parkedFailed += 1;
        // Issued, then a later step (the email) failed four times: parked with its certificate, retryable.
        if (numbers.length > 0) parkedAfterIssue += 1;
        const reason = String((approval.reasons as string[] | undefined)?.[0] ?? 'no reason').slice(0, 120);
        failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
      } else if (approval.status === 'not_eligible') {
        notEligible += 1;
      } else if (approval.status === 'received' || approval.status === 'processing') {
        stuck += 1;
      } else if (approval.status === 'issued' && emails === 0) {
        stuck += 1;
      } else if (approval.status !== 'issued' && numbers.length === 0) {
        lost += 1;
      }
    }
    return {
      counts: {
        approvals: approvals.length,
        issued,
        emailed,
        duplicateCertificates,
        duplicateEmails,
        repeatedAtACrash,
        lost,
        stuck,
        parkedFailed,
        parkedAfterIssue,
        notEligible,
      },
      failureReasons,
    };
  } finally {
    await dynamodb.stop();
  }
}
