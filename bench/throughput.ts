/**
 * Issuance throughput benchmark, end to end on the local stack (the baseline for the scale work).
 *  - starts the local stack in this process with a temporary data folder (as `npm start` runs it, on disk);
 *  - defines a course and N participants with qualifying progress through the operator API;
 *  - POSTs N approvals at concurrency C and reports approvals accepted/s (the API side);
 *  - polls the local mailbox until every certificate email has arrived and reports the time to the last
 *    one, certificates/s end to end and the approval→email latency (POST sent → mail first seen in the
 *    mailbox, polled every 100 ms), p50/p95/max;
 *  - counts certificates (operator API), certificate records, emails and duplicates (mailbox), not logs;
 *  - prints a table, then one JSON line with the figures for later comparison.
 * Peak RSS is this node process (the API, workflow, renderer, S3, SES and KMS stand-ins all run in it);
 * DynamoDB Local's JVM is a separate process and not included.
 * Usage: npx tsx bench/throughput.ts [approvals] [concurrency]
 * Env: THROUGHPUT_N, THROUGHPUT_C (argv wins); THROUGHPUT_TIMEOUT_S bounds the wait for the mail (default 120 + N s);
 * the wait also ends after 30 s without a new certificate email.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// As `npm start` runs: the handlers' INFO lines would otherwise be part of what is measured. Set before
// the logger is imported (the stack is imported below, dynamically, for that reason).
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const N = Number(process.argv[2] ?? process.env.THROUGHPUT_N ?? 300);
const C = Number(process.argv[3] ?? process.env.THROUGHPUT_C ?? 32);
const TIMEOUT_MS = Number(process.env.THROUGHPUT_TIMEOUT_S ?? 120 + N) * 1000;
const STALL_MS = 30_000;
const SETUP_CONCURRENCY = 8;
const MAIL_POLL_MS = 100;
const COURSE_ID = 'bench-throughput-101';

interface MailboxEntry {
  messageId: string;
  at: number;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

const participantId = (index: number) => `bench-${String(index).padStart(5, '0')}`;
const emailOf = (index: number) => `${participantId(index)}@example.org`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const loads = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

/** Runs `task` for 0..count-1 with at most `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

async function main() {
  const { startLocalStack } = await import('../functions/local/local-stack.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'throughput-bench-'));
  const stack = await startLocalStack({ dataDir });
  try {
    const base = stack.url.replace('localhost', '127.0.0.1');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKey },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
    };
    const put = async (path: string, body: unknown) => {
      const response = await call('PUT', path, body);
      if (response.status !== 200)
        throw new Error(`PUT ${path} answered ${response.status}: ${response.text}`);
    };

    // Set-up, not measured: one course, N participants who all meet its criteria.
    const setupStarted = performance.now();
    await put(`/operator/courses/${COURSE_ID}`, {
      courseId: COURSE_ID,
      title: 'Project Management Essentials',
      description: 'Planning, scheduling and delivering projects on time and on budget.',
      criteria: {
        requiredModules: [
          { moduleId: 'm1-scope', title: 'Scope and Stakeholders' },
          { moduleId: 'm2-schedule', title: 'Scheduling and Risk' },
        ],
        quizzes: [{ quizId: 'final-quiz', title: 'Final Assessment', passMark: 70 }],
        peerReviewRequired: true,
        issueDeadlineDays: 7,
      },
      signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
    });
    const completedAt = new Date().toISOString();
    await pool(N, SETUP_CONCURRENCY, async (index) => {
      const id = participantId(index);
      await put(`/operator/participants/${id}`, {
        participantId: id,
        fullName: `Bench Participant ${index + 1}`,
        email: emailOf(index),
        consentToPublicName: true,
        consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'bench' },
      });
      await put(`/operator/progress/${id}/${COURSE_ID}`, {
        participantId: id,
        courseId: COURSE_ID,
        completedModuleIds: ['m1-scope', 'm2-schedule'],
        quizScores: { 'final-quiz': 80 + (index % 20) },
        peerReviewPassed: true,
        completedAt,
      });
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // The mailbox, polled for mail that arrived since the newest seen (its clock has 1 s steps).
    const recipientIndex = new Map(Array.from({ length: N }, (_, index) => [emailOf(index), index]));
    const seen = new Map<string, { index: number; seenAt: number; certificate: boolean }>();
    let newestAt = Math.floor(Date.now() / 1000) - 1;
    const pollMailbox = async () => {
      const response = await fetch(`${stack.mailboxUrl}/store?since=${newestAt}`);
      const { emails } = (await response.json()) as { emails: MailboxEntry[] };
      const now = performance.now();
      for (const mail of emails) {
        newestAt = Math.max(newestAt, mail.at);
        if (seen.has(mail.messageId)) continue;
        const index = mail.destination.to.map((to) => recipientIndex.get(to)).find((i) => i !== undefined);
        if (index === undefined) continue;
        const certificate = /\/download\?token=/.test(mail.body.text ?? '');
        seen.set(mail.messageId, { index, seenAt: now, certificate });
      }
    };
    const certificateMails = () => [...seen.values()].filter((mail) => mail.certificate);
    const recipientsServed = () => new Set(certificateMails().map((mail) => mail.index)).size;

    let polling = true;
    const poller = (async () => {
      while (polling) {
        await pollMailbox().catch((error: Error) => console.error('[mailbox]', error.message));
        await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_MS));
      }
    })();

    // The measured part: N approvals at concurrency C.
    const loadBefore = loads();
    const postedAt: number[] = new Array(N);
    const statuses = new Map<string, number>();
    let lastAnswer = 0;
    const started = performance.now();
    await pool(N, C, async (index) => {
      postedAt[index] = performance.now();
      // A connection the server drops (seen under load: ECONNRESET) is counted, not retried.
      const status = await call('POST', '/approvals', {
        participantId: participantId(index),
        courseId: COURSE_ID,
        approvedBy: 'bench.staff@saypro.online',
      }).then(
        (answer) => String(answer.status),
        (error: Error) =>
          `fetch failed (${(error.cause as { code?: string } | undefined)?.code ?? error.message})`,
      );
      lastAnswer = performance.now();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const accepted = statuses.get('202') ?? 0;
    const postSeconds = (lastAnswer - started) / 1000;

    // Until every accepted approval has its mail, the time limit passes, or no new mail came for a while.
    const deadline = Date.now() + TIMEOUT_MS;
    let served = recipientsServed();
    let lastProgress = Date.now();
    while (served < accepted && Date.now() < deadline && Date.now() - lastProgress < STALL_MS) {
      await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_MS));
      if (recipientsServed() > served) {
        served = recipientsServed();
        lastProgress = Date.now();
      }
    }
    const complete = recipientsServed() >= accepted;
    const lastMail = Math.max(...certificateMails().map((mail) => mail.seenAt));
    const endToEndSeconds = (lastMail - started) / 1000;

    // Counts, once the workflow is quiet: a replayed execution would show as a second certificate or mail.
    await stack.workflow.drain();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    polling = false;
    await poller;
    await pollMailbox();
    const { json: listing } = await call('GET', '/operator/approvals');
    const approvals = (
      listing.approvals as {
        courseId: string;
        status: string;
        certificateNumber?: string;
        reasons?: unknown[];
      }[]
    ).filter((approval) => approval.courseId === COURSE_ID);
    const issued = approvals.filter((approval) => approval.status === 'issued');
    const byStatus: Record<string, number> = {};
    for (const approval of approvals) byStatus[approval.status] = (byStatus[approval.status] ?? 0) + 1;
    // Why approvals failed (the workflow's catch records it), first 100 characters, most frequent first.
    const failures = new Map<string, number>();
    for (const approval of approvals.filter((a) => a.status === 'failed')) {
      const reason = String(approval.reasons?.[0] ?? 'no reason recorded').slice(0, 100);
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
    }
    const numbers = new Set(issued.map((approval) => approval.certificateNumber).filter(Boolean));
    const records = (await stack.deps.certificates.listCertificates()).filter(
      (record) => record.courseId === COURSE_ID,
    );
    const mails = certificateMails();
    const perRecipient = new Map<number, number>();
    for (const mail of mails) perRecipient.set(mail.index, (perRecipient.get(mail.index) ?? 0) + 1);
    const duplicateMails = [...perRecipient.values()].reduce((sum, count) => sum + count - 1, 0);
    const recordsPerParticipant = new Map<string, number>();
    for (const record of records)
      recordsPerParticipant.set(
        record.participantId,
        (recordsPerParticipant.get(record.participantId) ?? 0) + 1,
      );
    const duplicateRecords = [...recordsPerParticipant.values()].reduce((sum, count) => sum + count - 1, 0);
    const otherMails = [...seen.values()].length - mails.length;

    // Latency per approval: POST sent → its first certificate mail seen.
    const firstSeen = new Map<number, number>();
    for (const mail of mails)
      firstSeen.set(mail.index, Math.min(firstSeen.get(mail.index) ?? Infinity, mail.seenAt));
    const latencies = [...firstSeen.entries()]
      .map(([index, seenAt]) => (seenAt - (postedAt[index] as number)) / 1000)
      .sort((a, b) => a - b);

    const figures = {
      bench: 'throughput',
      n: N,
      concurrency: C,
      cores: availableParallelism(),
      acceptedPerSecond: Number((accepted / postSeconds).toFixed(1)),
      postSeconds: Number(postSeconds.toFixed(2)),
      endToEndSeconds: Number(endToEndSeconds.toFixed(2)),
      certificatesPerSecond: Number((mails.length > 0 ? recipientsServed() / endToEndSeconds : 0).toFixed(2)),
      latencySeconds: {
        p50: Number(percentile(latencies, 50).toFixed(2)),
        p95: Number(percentile(latencies, 95).toFixed(2)),
        max: Number((latencies.at(-1) ?? Number.NaN).toFixed(2)),
      },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      counts: {
        accepted,
        answers: Object.fromEntries(statuses),
        approvalStatuses: byStatus,
        failureReasons: Object.fromEntries([...failures].sort((a, b) => b[1] - a[1]).slice(0, 5)),
        issued: issued.length,
        certificateNumbers: numbers.size,
        certificateRecords: records.length,
        emails: mails.length,
        duplicateEmails: duplicateMails,
        duplicateCertificates: duplicateRecords + (issued.length - numbers.size),
        otherEmails: otherMails,
      },
      complete,
      loadAverage: { before: loadBefore, after: loads() },
    };

    const countsOk =
      numbers.size === N &&
      records.length === N &&
      mails.length === N &&
      figures.counts.duplicateCertificates === 0 &&
      duplicateMails === 0;
    const rows: [string, string][] = [
      ['approvals (N), concurrency (C)', `${N}, ${C}`],
      ['set-up (course + participants, not measured)', `${setupSeconds.toFixed(1)} s`],
      [
        'approvals accepted/s (API side)',
        `${figures.acceptedPerSecond} (${accepted} × 202 in ${postSeconds.toFixed(2)} s; answers ${JSON.stringify(Object.fromEntries(statuses))})`,
      ],
      [
        'time until every certificate email is in the mailbox',
        `${endToEndSeconds.toFixed(2)} s${complete ? '' : ` (INCOMPLETE: ${served} of ${accepted})`}`,
      ],
      ['certificates/s end to end', String(figures.certificatesPerSecond)],
      [
        'approval → email latency p50 / p95 / max',
        `${figures.latencySeconds.p50} / ${figures.latencySeconds.p95} / ${figures.latencySeconds.max} s`,
      ],
      ['peak RSS (this node process)', `${figures.peakRssMb} MB`],
      ['certificates (operator API: issued, distinct numbers)', `${issued.length}, ${numbers.size}`],
      ['approval statuses (operator API)', JSON.stringify(byStatus)],
      ['certificate records in the registry', String(records.length)],
      ['certificate emails in the mailbox (other mail)', `${mails.length} (${otherMails})`],
      ['duplicates (certificates, emails)', `${figures.counts.duplicateCertificates}, ${duplicateMails}`],
      ['counts check (certificates = N, emails = N, duplicates 0)', countsOk ? 'ok' : 'MISMATCH'],
      [
        'load average (1, 5, 15 min) before → after',
        `${loadBefore} → ${figures.loadAverage.after} on ${figures.cores} cores`,
      ],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
    for (const [reason, count] of [...failures].sort((a, b) => b[1] - a[1]).slice(0, 5))
      console.log(`  failed ×${count}: ${reason}`);
    console.log(JSON.stringify(figures));
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
