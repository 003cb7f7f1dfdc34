/**
 * Bulk issuance benchmark on the local stack: one CSV of N approvals through `POST /operator/bulk-jobs`,
 * timed until the job's counts say every row is finished.
 *  - starts the local stack in this process with a temporary data folder (as `npm start` runs it);
 *  - set-up, not measured: a course whose criteria every participant with recorded progress meets, and
 *    that progress for N participants (written to the store directly);
 *  - measured: the upload (the whole file validated, the job created), then every row: the participant
 *    created from the file's name, email and consent columns, the approval recorded, the certificate
 *    rendered, signed, stored and emailed by the issuance workflow;
 *  - prints the upload time, the total time, certificates per second, peak RSS and the final counts, and
 *    one JSON line with the figures.
 * Peak RSS is this node process (API, runner, workflow, renderer and the S3, SES and KMS stand-ins);
 * DynamoDB Local's JVM is a separate process and not included.
 * Usage: npx tsx bench/bulk.ts [rows]   (default 10000; or BULK_BENCH_ROWS)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAverages as loads, operatorCaller } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const N = Number(process.argv[2] ?? process.env.BULK_BENCH_ROWS ?? 10_000);
const COURSE_ID = 'bench-bulk-101';
const participantId = (index: number) => `bulk-bench-${String(index).padStart(6, '0')}`;

async function main() {
  if (!Number.isInteger(N) || N < 1) throw new Error(`rows must be a whole number, got ${process.argv[2]}`);
  const { startLocalStack } = await import('../functions/local/local-stack.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'bulk-bench-'));
  const stack = await startLocalStack({ dataDir });
  const loadAtStart = loads();
  try {
    const call = operatorCaller(stack);

    const course = await call(
      'PUT',
      `/operator/courses/${COURSE_ID}`,
      JSON.stringify({
        courseId: COURSE_ID,
        title: 'Workplace Readiness',
        description: 'Attendance-based: recorded progress qualifies.',
        criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 14 },
        signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
      }),
    );
    if (course.status !== 200) throw new Error(`course set-up answered ${course.status}: ${course.text}`);
    const setupStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < N) {
          const index = next++;
          await stack.deps.progress.putProgress({
            participantId: participantId(index),
            courseId: COURSE_ID,
            completedModuleIds: [],
            quizScores: {},
            peerReviewPassed: false,
            completedAt: '2026-11-20T10:00:00.000Z',
          });
        }
      }),
    );
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const lines = Array.from(
      { length: N },
      (_, index) =>
        `${participantId(index)},${COURSE_ID},bench@saypro.online,1,Bench Participant ${index + 1},${participantId(index)}@example.org,yes`,
    );
    const csv = `participantId,courseId,approvedBy,attempt,name,email,consentNameOnCertificate\n${lines.join('\n')}\n`;

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 250);
    const started = performance.now();
    const upload = await call('POST', '/operator/bulk-jobs', csv, 'text/csv');
    const uploadSeconds = (performance.now() - started) / 1000;
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${upload.text}`);
    const jobId = upload.json.jobId as string;
    let job = upload.json;
    let lastReport = performance.now();
    while (job.state !== 'done') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = (await call('GET', `/operator/bulk-jobs/${jobId}`)).json;
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        const seconds = (performance.now() - started) / 1000;
        const finished = job.total - job.counts.queued;
        console.log(
          `[bulk bench] ${finished}/${N} finished after ${seconds.toFixed(0)} s (${(finished / seconds).toFixed(2)}/s), load ${loads()}`,
        );
      }
    }
    const totalSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

    const figures = {
      rows: N,
      uploadSeconds: Number(uploadSeconds.toFixed(2)),
      totalSeconds: Number(totalSeconds.toFixed(1)),
      certificatesPerSecond: Number((job.counts.issued / totalSeconds).toFixed(2)),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      counts: job.counts,
      setupSeconds: Number(setupSeconds.toFixed(1)),
      cores: availableParallelism(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loads(),
    };
    console.log('');
    console.log(`Bulk issuance, ${N} rows (local stack, one process)`);
    console.log(`  upload and validation       ${figures.uploadSeconds} s`);
    console.log(`  total (upload → all issued) ${figures.totalSeconds} s`);
    console.log(`  certificates per second     ${figures.certificatesPerSecond}`);
    console.log(`  peak RSS (this process)     ${figures.peakRssMb} MB`);
    console.log(
      `  counts                      issued ${job.counts.issued}, not eligible ${job.counts.not_eligible}, failed ${job.counts.failed}, rejected ${job.counts.rejected}`,
    );
    console.log(`  load average                ${figures.loadAverageAtStart} → ${figures.loadAverageAtEnd}`);
    console.log(JSON.stringify(figures));
    if (job.counts.issued !== N) process.exitCode = 1;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
