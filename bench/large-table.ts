/**
 * Large-table benchmark (`npm run bench:large-table`; not in `npm run bench`: a million certificates take
 * longer than the whole chain). Does the size of the registry change verification or the JWKS?
 *  - starts the local stack with a temporary data folder (DynamoDB Local on disk, as `npm start`), issues
 *    one real certificate through the API (course, participant, approval, workflow, KMS signature);
 *  - writes 1,000 certificates straight into DynamoDB Local with BatchWriteItem, cloned from the real
 *    record in the shape the certificate store writes (the certificate, its completion, document and
 *    participant items), and measures p50/p95 of: `GET /certificates/<real number>` (the cached path a
 *    verifier hitting one certificate sees), `GET /certificates/<sample number>` once per sample number
 *    (every one a DynamoDB read), and `GET /.well-known/jwks.json`;
 *  - tops the table up to N certificates (default 1,000,000) with parallel BatchWriteItem, timed, and
 *    measures the same again; prints both, the ratio, and the target (within 10%).
 * The load comes from this process (fetch, concurrency 4), as verify.ts does not: it compares two tables
 * under the same load, not the server against a bare one.
 * Usage: npx tsx bench/large-table.ts [certificates]
 * Env: LARGE_TABLE_N, LARGE_TABLE_WRITERS (16), LARGE_TABLE_IN_MEMORY=1 (DynamoDB Local in memory),
 * LARGE_TABLE_SETTLE_S (30: the pause between the writes and the second measurement)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { loadAverages as loads, operatorCaller, percentile } from './support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.VERIFY_RATE_LIMIT_PER_MINUTE = '0';

const N = Number(process.argv[2] ?? process.env.LARGE_TABLE_N ?? 1_000_000);
const WRITERS = Number(process.env.LARGE_TABLE_WRITERS ?? 16);
const SAMPLE = 1_000;
const REQUESTS = 2_000;
const CONCURRENCY = 4;
const TARGET_RATIO = 1.1;
const SETTLE_SECONDS = Number(process.env.LARGE_TABLE_SETTLE_S ?? 30);
const REGISTRY = 'saypro-registry';

async function main() {
  const { startLocalStack } = await import('../functions/local/local-stack.js');
  const { generateCertificateNumber } = await import('../functions/core/certificate-number.js');
  // On disk by default, as `npm start` keeps it (LARGE_TABLE_IN_MEMORY=1: DynamoDB Local's -inMemory).
  const onDisk = !process.env.LARGE_TABLE_IN_MEMORY;
  const dataDir = mkdtempSync(join(tmpdir(), 'large-table-bench-'));
  const stack = await startLocalStack({
    ...(onDisk ? { dataDir } : {}),
    recoverySweepMs: 0,
    reminderSweepMs: 0,
    retentionSweepMs: 0,
    webhookSweepMs: 0,
  });
  try {
    const base = stack.url.replace('localhost', '127.0.0.1');
    const call = operatorCaller(stack);
    await call('PUT', '/operator/courses/large-table', {
      courseId: 'large-table',
      title: 'Reading a Large Table',
      description: 'One real certificate among many.',
      criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
      signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
    });
    await call('PUT', '/operator/participants/real', {
      participantId: 'real',
      fullName: 'Kea Mokoena',
      email: 'kea@example.org',
      consentToPublicName: true,
      consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'bench' },
    });
    await call('PUT', '/operator/progress/real/large-table', {
      participantId: 'real',
      courseId: 'large-table',
      completedModuleIds: [],
      quizScores: {},
    });
    const approval = await call('POST', '/approvals', {
      participantId: 'real',
      courseId: 'large-table',
      approvedBy: 'bench.staff@saypro.online',
    });
    let number: string | undefined;
    for (let tries = 0; tries < 600 && !number; tries += 1) {
      const status = await call('GET', `/operator/approvals/${approval.json.approvalId}`);
      if (status.json?.status === 'issued') number = status.json.certificateNumber;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!number) throw new Error('the real certificate was not issued within a minute');
    await stack.workflow.drain();

    const client =
      stack.deps &&
      (await import('../functions/adapters/aws/clients.js')).createAwsClients({
        region: 'eu-west-1',
        dynamodbEndpoint: stack.endpoints.dynamodb,
      }).documentClient;
    const { Item: real } = await client.send(
      new GetCommand({ TableName: REGISTRY, Key: { pk: `CERTIFICATE#${number}`, sk: 'CERTIFICATE' } }),
    );
    if (!real) throw new Error('the real certificate record is missing');

    /** The items the certificate store writes for one certificate, cloned from the real one. */
    const itemsOf = (index: number) => {
      const clone = generateCertificateNumber((length) => new Uint8Array(randomBytes(length)));
      const participantId = `bulk-${index}`;
      const completionKey = `${participantId}#large-table#1`;
      const sha256Hex = randomBytes(32).toString('hex');
      return {
        number: clone,
        items: [
          {
            ...real,
            pk: `CERTIFICATE#${clone}`,
            sk: 'CERTIFICATE',
            number: clone,
            participantId,
            completionKey,
            approvalId: `bulk-approval-${index}`,
            holderName: `Bulk Holder ${index}`,
            document: { ...(real.document as object), sha256Hex },
          },
          {
            pk: `COMPLETION#${completionKey}`,
            sk: 'COMPLETION',
            kind: 'completion',
            certificateNumber: clone,
          },
          { pk: `DOCUMENT#${sha256Hex}`, sk: 'DOCUMENT', kind: 'document', certificateNumber: clone },
          {
            pk: `PARTICIPANT#${participantId}`,
            sk: `CERTIFICATE#${clone}`,
            kind: 'participant-certificate',
            certificateNumber: clone,
          },
        ],
      };
    };

    /** Writes certificates [from, to) with WRITERS parallel BatchWriteItem loops; returns sample numbers. */
    const write = async (from: number, to: number) => {
      const numbers: string[] = [];
      let next = from;
      let lastReport = Date.now();
      const started = performance.now();
      const writer = async () => {
        while (next < to) {
          const batch: Record<string, unknown>[] = [];
          // 25 items a request: 6 certificates (24 items) at a time.
          for (let k = 0; k < 6 && next < to; k += 1) {
            const { number: written, items } = itemsOf(next);
            if (numbers.length < SAMPLE) numbers.push(written);
            next += 1;
            batch.push(...items);
          }
          let requests: Record<string, unknown>[] | undefined = batch.map((Item) => ({
            PutRequest: { Item },
          }));
          for (let round = 0; requests?.length; round += 1) {
            if (round > 0)
              await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** round)));
            const { UnprocessedItems } = await client.send(
              new BatchWriteCommand({ RequestItems: { [REGISTRY]: requests as never } }),
            );
            requests = UnprocessedItems?.[REGISTRY] as Record<string, unknown>[] | undefined;
          }
          if (Date.now() - lastReport > 30_000) {
            lastReport = Date.now();
            const rate = (next - from) / ((performance.now() - started) / 1000);
            console.log(`  … ${next} certificates written, ${rate.toFixed(0)}/s, load ${loads()}`);
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writer));
      return { numbers, seconds: (performance.now() - started) / 1000 };
    };

    const timed = async (paths: string[]) => {
      const latencies: number[] = [];
      let next = 0;
      let failures = 0;
      const worker = async () => {
        while (next < paths.length) {
          const path = paths[next]!;
          next += 1;
          const started = performance.now();
          const response = await fetch(`${base}${path}`);
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          if (response.status !== 200) failures += 1;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      latencies.sort((a, b) => a - b);
      return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), failures };
    };
    const measureOnce = async (sample: string[]) => ({
      verifyOne: await timed(Array.from({ length: REQUESTS }, () => `/certificates/${number}`)),
      verifyMany: await timed(sample.map((n) => `/certificates/${n}`)),
      jwks: await timed(Array.from({ length: REQUESTS }, () => '/.well-known/jwks.json')),
    });
    // Each measurement is taken twice and the second kept: the first pass warms both JITs (node's and
    // DynamoDB Local's JVM) and the table's pages. Without it the small table, measured right after
    // start-up, came out slower than the large one (p95 ratios of 0.3-0.4), which says nothing of size.
    const measure = async (sample: string[]) => {
      await measureOnce(sample);
      return measureOnce(sample);
    };

    const small = await write(0, SAMPLE);
    const before = await measure(small.numbers);
    console.log(`small table (${SAMPLE + 1} certificates) measured; writing up to ${N}, load ${loads()}`);
    const large = await write(SAMPLE, N);
    const perSecond = (N - SAMPLE) / large.seconds;
    // Past the records' one-second read cache, so each sample number is read from the table again, and
    // time for DynamoDB Local and this process to finish with the writes (LARGE_TABLE_SETTLE_S, default 30).
    await new Promise((resolve) => setTimeout(resolve, Math.max(1.5, SETTLE_SECONDS) * 1000));
    const after = await measure(small.numbers);

    const rows: [string, string][] = [
      [
        `written: ${N - SAMPLE} certificates (${4 * (N - SAMPLE)} items)`,
        `${large.seconds.toFixed(0)} s, ${perSecond.toFixed(0)} certificates/s; 1,000,000 at this rate: ${(1_000_000 / perSecond / 60).toFixed(0)} min`,
      ],
    ];
    const routes = [
      ['verifyOne', 'GET /certificates/<one number> (cached record)'],
      ['verifyMany', `GET /certificates/<${SAMPLE} numbers, each once> (a table read each)`],
      ['jwks', 'GET /.well-known/jwks.json'],
    ] as const;
    const ratios: Record<string, number> = {};
    for (const [key, label] of routes) {
      const ratio = after[key].p95 / before[key].p95;
      ratios[key] = Number(ratio.toFixed(2));
      rows.push([
        `${label} p50 / p95, ${SAMPLE + 1} → ${N + 1} certificates`,
        `${before[key].p50.toFixed(2)} / ${before[key].p95.toFixed(2)} ms → ${after[key].p50.toFixed(2)} / ${after[key].p95.toFixed(2)} ms; p95 ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT MET'})${after[key].failures + before[key].failures ? `; ${after[key].failures + before[key].failures} non-200` : ''}`,
      ]);
    }
    rows.push(['DynamoDB Local', onDisk ? 'on disk (a data folder, as npm start)' : 'in memory']);
    rows.push(['load average (1, 5, 15 min) at the end', `${loads()} (2 cores)`]);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
    console.log(
      JSON.stringify({
        bench: 'large-table',
        n: N,
        writeSeconds: Number(large.seconds.toFixed(1)),
        certificatesPerSecondWritten: Number(perSecond.toFixed(0)),
        before,
        after,
        p95Ratios: ratios,
      }),
    );
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
