/**
 * Issuance benchmark (`npm run bench:issue`), end to end on the local stack, in two phases:
 *  - burst: N approvals (default 1,000) POSTed at concurrency C; the time until every certificate email is
 *    in the local mailbox gives certificates/s sustained (target: at least 40 on this 2-core machine);
 *  - steady: approvals at a steady R per second (default 5) for S seconds; approval→email latency p50/p95
 *    (target: p95 under 1 s), POST sent → mail first seen in the mailbox, polled every 100 ms.
 * It starts the local stack in this process with a temporary data folder (as `npm start` runs it), with
 * PDFs rendered in worker threads (LOCAL_RENDER_WORKERS, see functions/local/local-stack.ts); with
 * ISSUE_COMPARE=1 the same run is made a second time rendering on the main thread (the "before").
 * Counts certificates (operator API and registry), emails and duplicates (mailbox), not logs, and says
 * where the time went: the main thread's event-loop utilisation, this process's CPU (workers included),
 * DynamoDB Local's JVM CPU, the load average. Prints a table per run, then one JSON line per run.
 * Usage: npx tsx bench/issue.ts [approvals] [concurrency]
 * Env: ISSUE_N, ISSUE_C, ISSUE_RATE (5), ISSUE_STEADY_S (30), ISSUE_COMPARE; ISSUE_TIMEOUT_S bounds each
 * wait for the mail (default 120 + N s); a wait also ends after 30 s without a new certificate email.
 * (`npm run bench:throughput` is this benchmark too: it was the burst phase alone.)
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { Client as SmithyClient } from '@smithy/core/client';
import { loadAverages as loads, operatorCaller, percentile } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// As `npm start` runs: the handlers' INFO lines would otherwise be part of what is measured. Set before
// the logger is imported (the stack is imported below, dynamically, for that reason).
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const N = Number(process.argv[2] ?? process.env.ISSUE_N ?? process.env.THROUGHPUT_N ?? 1000);
const C = Number(process.argv[3] ?? process.env.ISSUE_C ?? process.env.THROUGHPUT_C ?? 32);
const RATE = Number(process.env.ISSUE_RATE ?? 5);
const STEADY_SECONDS = Number(process.env.ISSUE_STEADY_S ?? 30);
const STEADY_N = Math.round(RATE * STEADY_SECONDS);
const TIMEOUT_MS = Number(process.env.ISSUE_TIMEOUT_S ?? process.env.THROUGHPUT_TIMEOUT_S ?? 120 + N) * 1000;
const TARGET_CERTIFICATES_PER_SECOND = 40;
const TARGET_STEADY_P95_S = 1;
const STALL_MS = 30_000;
const SETUP_CONCURRENCY = 8;
const MAIL_POLL_MS = 100;
const COURSE_ID = 'bench-issue-101';

interface MailboxEntry {
  messageId: string;
  at: number;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

const participantId = (index: number) => `bench-${String(index).padStart(5, '0')}`;
const emailOf = (index: number) => `${participantId(index)}@example.org`;

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

/** CPU seconds (user + system) of DynamoDB Local's JVM, a child of this process: where it can be read. */
function jvmCpuSeconds(): number | undefined {
  try {
    const ticks = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
    const lines = execSync('ps -eo pid=,ppid=,comm=').toString().trim().split('\n');
    const rows = lines.map((line) => line.trim().split(/\s+/));
    const descendants = new Set([String(process.pid)]);
    for (let round = 0; round < 4; round += 1)
      for (const [pid, ppid] of rows) if (descendants.has(ppid!)) descendants.add(pid!);
    const java = rows.filter(([pid, , comm]) => descendants.has(pid!) && comm === 'java');
    let total = 0;
    for (const [pid] of java) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(stat[11]) + Number(stat[12])) / ticks;
    }
    return java.length ? total : undefined;
  } catch {
    return undefined;
  }
}

/**
 * AWS SDK requests sent by this process (every SDK client's send), by service: how many requests one
 * certificate costs, which with DynamoDB Local's JVM on the same two cores bounds the rate.
 */
const sdkRequests = new Map<string, number>();
const originalSend = SmithyClient.prototype.send;
SmithyClient.prototype.send = function countedSend(this: SmithyClient<never, never, never, never>, ...args) {
  const service = this.constructor.name.replace(/(Document)?Client$/, '');
  sdkRequests.set(service, (sdkRequests.get(service) ?? 0) + 1);
  // biome-ignore lint/suspicious/noExplicitAny: forwards whatever overload was called.
  return (originalSend as any).apply(this, args);
} as typeof originalSend;
const requestsSnapshot = () => new Map(sdkRequests);
/** Requests per certificate since `before`, by service, e.g. { DynamoDB: 41.2, KMS: 2, … }. */
function requestsPerCertificateSince(before: Map<string, number>, certificates: number) {
  const per: Record<string, number> = {};
  for (const [service, count] of sdkRequests)
    per[service] = Number(((count - (before.get(service) ?? 0)) / certificates).toFixed(1));
  return per;
}

interface Resources {
  eventLoop: ReturnType<typeof nodePerformance.eventLoopUtilization>;
  cpu: NodeJS.CpuUsage;
  jvm: number | undefined;
  at: number;
}
const resourcesNow = (): Resources => ({
  eventLoop: nodePerformance.eventLoopUtilization(),
  cpu: process.cpuUsage(),
  jvm: jvmCpuSeconds(),
  at: performance.now(),
});
/** Where the time of one phase went: the main thread's busy share, CPU seconds per second of wall time. */
function resourcesSince(before: Resources) {
  const now = resourcesNow();
  const wall = (now.at - before.at) / 1000;
  const cpu = process.cpuUsage(before.cpu);
  return {
    mainThreadBusy: Number(
      nodePerformance.eventLoopUtilization(now.eventLoop, before.eventLoop).utilization.toFixed(2),
    ),
    nodeCoresUsed: Number(((cpu.user + cpu.system) / 1e6 / wall).toFixed(2)),
    jvmCoresUsed:
      now.jvm !== undefined && before.jvm !== undefined
        ? Number(((now.jvm - before.jvm) / wall).toFixed(2))
        : null,
  };
}

async function run(renderWorkers: number | undefined) {
  const { startLocalStack } = await import('../functions/local/local-stack.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'issue-bench-'));
  const stack = await startLocalStack({ dataDir, ...(renderWorkers === undefined ? {} : { renderWorkers }) });
  const total = N + STEADY_N;
  try {
    const call = operatorCaller(stack);
    const put = async (path: string, body: unknown) => {
      const response = await call('PUT', path, body);
      if (response.status !== 200)
        throw new Error(`PUT ${path} answered ${response.status}: ${response.text}`);
    };

    // Set-up, not measured: one course, N + steady participants who all meet its criteria.
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
    await pool(total, SETUP_CONCURRENCY, async (index) => {
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
    // One approval through the whole flow first, so no phase pays the first render or cold paths.
    const warm = await call('POST', '/approvals', {
      participantId: participantId(0),
      courseId: COURSE_ID,
      approvedBy: 'bench.staff@saypro.online',
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // The mailbox, polled for mail that arrived since the newest seen (its clock has 1 s steps).
    const recipientIndex = new Map(Array.from({ length: total }, (_, index) => [emailOf(index), index]));
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
    const servedIn = (from: number, to: number) =>
      new Set(
        certificateMails()
          .filter((m) => m.index >= from && m.index < to)
          .map((m) => m.index),
      ).size;

    let polling = true;
    const poller = (async () => {
      while (polling) {
        await pollMailbox().catch((error: Error) => console.error('[mailbox]', error.message));
        await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_MS));
      }
    })();
    // The warm-up approval's email (participant 0) before anything is measured.
    if (warm.status === 202) await waitForMail(() => servedIn(0, 1), 1);

    const postedAt: number[] = new Array(total);
    const statuses = new Map<string, number>();
    const post = async (index: number) => {
      postedAt[index] = performance.now();
      // A connection the server drops (seen under load: ECONNRESET) is counted, not retried.
      const status = await call('POST', '/approvals', {
        participantId: participantId(index),
        courseId: COURSE_ID,
        approvedBy: 'bench.staff@saypro.online',
        // A second attempt: participant 0's first approval was the warm-up.
        ...(index === 0 ? { attempt: 2 } : {}),
      }).then(
        (answer) => String(answer.status),
        (error: Error) =>
          `fetch failed (${(error.cause as { code?: string } | undefined)?.code ?? error.message})`,
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      return status;
    };
    /** Until `served()` reaches `count`, the time limit passes, or no new mail came for a while. */
    async function waitForMail(served: () => number, count: number) {
      const deadline = Date.now() + TIMEOUT_MS;
      let last = served();
      let lastProgress = Date.now();
      while (served() < count && Date.now() < deadline && Date.now() - lastProgress < STALL_MS) {
        await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_MS));
        if (served() > last) {
          last = served();
          lastProgress = Date.now();
        }
      }
      return served() >= count;
    }
    const latenciesIn = (from: number, to: number) => {
      const firstSeen = new Map<number, number>();
      for (const mail of certificateMails())
        if (mail.index >= from && mail.index < to)
          firstSeen.set(mail.index, Math.min(firstSeen.get(mail.index) ?? Infinity, mail.seenAt));
      return [...firstSeen.entries()]
        .map(([index, seenAt]) => (seenAt - (postedAt[index] as number)) / 1000)
        .sort((a, b) => a - b);
    };

    // Phase 1, burst: N approvals at concurrency C.
    const loadBefore = loads();
    const burstResources = resourcesNow();
    const burstRequests = requestsSnapshot();
    const burstStarted = performance.now();
    let lastAnswer = 0;
    await pool(N, C, async (index) => {
      await post(index);
      lastAnswer = performance.now();
    });
    const postSeconds = (lastAnswer - burstStarted) / 1000;
    const burstComplete = await waitForMail(() => servedIn(0, N), N);
    const burstLastMail = Math.max(
      ...certificateMails()
        .filter((m) => m.index < N)
        .map((m) => m.seenAt),
    );
    const burstSeconds = (burstLastMail - burstStarted) / 1000;
    const burstUse = resourcesSince(burstResources);
    // CPU per certificate, this process (workers included) and the JVM together: with every part of the
    // stack on the same cores, cores ÷ CPU per certificate is the most this machine could sustain.
    const cpuMsPerCertificate = Math.round(
      ((burstUse.nodeCoresUsed + (burstUse.jvmCoresUsed ?? 0)) * burstSeconds * 1000) / servedIn(0, N),
    );
    const jvmMsPerCertificate =
      burstUse.jvmCoresUsed === null
        ? null
        : Math.round((burstUse.jvmCoresUsed * burstSeconds * 1000) / servedIn(0, N));
    const burst = {
      certificatesPerSecond: Number((servedIn(0, N) / burstSeconds).toFixed(2)),
      seconds: Number(burstSeconds.toFixed(2)),
      acceptedPerSecond: Number((N / postSeconds).toFixed(1)),
      complete: burstComplete,
      resources: burstUse,
      cpuMsPerCertificate,
      jvmMsPerCertificate,
      ceilingCertificatesPerSecond: Number(
        ((availableParallelism() * 1000) / cpuMsPerCertificate).toFixed(1),
      ),
      sdkRequestsPerCertificate: requestsPerCertificateSince(burstRequests, servedIn(0, N)),
    };
    await stack.workflow.drain();

    // Phase 2, steady: one approval every 1/R s, each POST not waiting for the one before.
    const steadyResources = resourcesNow();
    const steadyStarted = performance.now();
    const posts: Promise<string>[] = [];
    for (let k = 0; k < STEADY_N; k += 1) {
      const due = steadyStarted + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      posts.push(post(N + k));
    }
    await Promise.all(posts);
    const steadyComplete = await waitForMail(() => servedIn(N, total), STEADY_N);
    const steadyLatencies = latenciesIn(N, total);
    const steady = {
      rate: RATE,
      approvals: STEADY_N,
      latencySeconds: {
        p50: Number(percentile(steadyLatencies, 50).toFixed(2)),
        p95: Number(percentile(steadyLatencies, 95).toFixed(2)),
        max: Number((steadyLatencies.at(-1) ?? Number.NaN).toFixed(2)),
      },
      complete: steadyComplete,
      resources: resourcesSince(steadyResources),
    };

    // Counts, once the workflow is quiet: a replayed execution would show as a second certificate or mail.
    await stack.workflow.drain();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    polling = false;
    await poller;
    await pollMailbox();
    const { json: listing } = await call('GET', '/operator/approvals?status=issued');
    const issued = (listing.approvals as { courseId: string; certificateNumber?: string }[]).filter(
      (approval) => approval.courseId === COURSE_ID,
    );
    const { json: failedListing } = await call('GET', '/operator/approvals?status=failed');
    const failures = new Map<string, number>();
    for (const approval of failedListing.approvals as { reasons?: unknown[] }[]) {
      const reason = String(approval.reasons?.[0] ?? 'no reason recorded').slice(0, 100);
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
    }
    const numbers = new Set(issued.map((approval) => approval.certificateNumber).filter(Boolean));
    // A scan, here only: the benchmark counts what the registry holds, outside any request.
    const records = (await stack.deps.certificates.listCertificates()).filter(
      (record) => record.courseId === COURSE_ID,
    );
    const mails = certificateMails();
    const perRecipient = new Map<number, number>();
    for (const mail of mails) perRecipient.set(mail.index, (perRecipient.get(mail.index) ?? 0) + 1);
    // Participant 0 has two approvals (the warm-up and the burst's), so two emails.
    const duplicateMails = [...perRecipient.entries()].reduce(
      (sum, [index, count]) => sum + count - (index === 0 ? 2 : 1),
      0,
    );
    const expected = total + 1;
    const countsOk =
      numbers.size === expected &&
      records.length === expected &&
      mails.length === expected &&
      duplicateMails === 0 &&
      issued.length === numbers.size;

    const figures = {
      bench: 'issue',
      renderWorkers: renderWorkers ?? 'default',
      n: N,
      concurrency: C,
      cores: availableParallelism(),
      setupSeconds: Number(setupSeconds.toFixed(1)),
      burst,
      steady,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      counts: {
        answers: Object.fromEntries(statuses),
        issued: issued.length,
        certificateNumbers: numbers.size,
        certificateRecords: records.length,
        emails: mails.length,
        duplicateEmails: duplicateMails,
        failureReasons: Object.fromEntries(failures),
      },
      countsOk,
      loadAverage: { before: loadBefore, after: loads() },
    };
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    const rows: [string, string][] = [
      ['render workers', String(renderWorkers ?? 'default (LOCAL_RENDER_WORKERS or cores - 1)')],
      ['set-up (course, participants, one warm-up approval; not measured)', `${figures.setupSeconds} s`],
      [
        `burst: ${N} approvals at concurrency ${C}, time to the last email`,
        `${burst.seconds} s${burstComplete ? '' : ` (INCOMPLETE: ${servedIn(0, N)} of ${N})`}`,
      ],
      [
        'burst: certificates/s sustained (target ≥ 40)',
        `${burst.certificatesPerSecond}: ${verdict(burst.certificatesPerSecond >= TARGET_CERTIFICATES_PER_SECOND)}`,
      ],
      ['burst: approvals accepted/s (API side)', String(burst.acceptedPerSecond)],
      [
        'burst: main thread busy, node cores used, JVM cores used',
        `${burst.resources.mainThreadBusy}, ${burst.resources.nodeCoresUsed}, ${burst.resources.jvmCoresUsed ?? 'n/a'}`,
      ],
      [
        "burst: CPU per certificate, all of it (of which DynamoDB Local's JVM)",
        `${burst.cpuMsPerCertificate} ms (${burst.jvmMsPerCertificate ?? 'n/a'} ms); at that cost ${figures.cores} cores sustain at most ${burst.ceilingCertificatesPerSecond}/s`,
      ],
      [
        'burst: AWS SDK requests per certificate, by service',
        Object.entries(burst.sdkRequestsPerCertificate)
          .map(([service, count]) => `${service} ${count}`)
          .join(', '),
      ],
      [
        `steady: ${STEADY_N} approvals at ${RATE}/s, approval→email p50 / p95 / max (target p95 < 1 s)`,
        `${steady.latencySeconds.p50} / ${steady.latencySeconds.p95} / ${steady.latencySeconds.max} s: ${verdict(steady.latencySeconds.p95 < TARGET_STEADY_P95_S)}${steadyComplete ? '' : ' (INCOMPLETE)'}`,
      ],
      [
        'steady: main thread busy, node cores used, JVM cores used',
        `${steady.resources.mainThreadBusy}, ${steady.resources.nodeCoresUsed}, ${steady.resources.jvmCoresUsed ?? 'n/a'}`,
      ],
      ['peak RSS (this node process, workers included)', `${figures.peakRssMb} MB`],
      [
        'certificates issued / numbers / records / emails / duplicate emails',
        `${issued.length} / ${numbers.size} / ${records.length} / ${mails.length} / ${duplicateMails}`,
      ],
      [`counts check (each = ${expected}, duplicates 0)`, countsOk ? 'ok' : 'MISMATCH'],
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
    return figures;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const after = await run(undefined);
if (process.env.ISSUE_COMPARE) {
  console.log('\n-- the same run, rendering on the main thread (the before) --');
  const before = await run(0);
  console.log(
    `worker threads vs main thread: ${after.burst.certificatesPerSecond} vs ${before.burst.certificatesPerSecond} certificates/s, steady p95 ${after.steady.latencySeconds.p95} vs ${before.steady.latencySeconds.p95} s`,
  );
}
