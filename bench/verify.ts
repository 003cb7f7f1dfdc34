/**
 * Verification benchmark.
 *  - throughput: starts the local stack in memory (public rate limit off), issues the sample programme's
 *    certificates, then loads `GET /certificates/<number>` from a second node process (keep-alive agent,
 *    fixed request count and concurrency, bounded in time) and reports requests/s and p50/p99 latency;
 *    then loads a bare node:http server answering the same JSON from memory the same way, and prints the
 *    ratio (target: the project at least a quarter of the bare server);
 *  - bundle: builds the public-api function exactly as CDK does (lib/bundling/function-bundle.ts) and
 *    reports its size and the median cold import time over fresh `node` processes.
 * Usage: npx tsx bench/verify.ts [requests] [concurrency]
 * Env: VERIFY_BENCH_PROFILE=1 writes a CPU profile of the server process (the API bridge and handler).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { functionBuildOptions } from '../lib/bundling/function-bundle.js';
import { PROJECT_ROOT } from '../lib/paths.js';

// Read when the local stack builds its public handler: 0 switches the per-client limit off, or one
// client (this benchmark) would be refused after 300 requests a minute.
process.env.VERIFY_RATE_LIMIT_PER_MINUTE = '0';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// As `npm start` means to: the handlers' INFO lines would otherwise be part of what is measured. Set
// before the logger is imported: Powertools resets a level set with setLogLevel() on warm invocations.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const REQUESTS = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const WARMUP_REQUESTS = 1_000;
const LOAD_TIME_LIMIT_MS = 120_000;
const COLD_RUNS = 5;
const TARGETS = { requestsPerSecond: 2_000, p99Ms: 15, bundleKb: 300, shareOfBareServer: 0.25 };

/** The load generator, run in its own process so it does not share the server's event loop. */
const LOAD_SCRIPT = `
import http from 'node:http';
const [url, total, concurrency, warmup, limitMs] = [process.argv[2], ...process.argv.slice(3).map(Number)];
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = () => new Promise((resolve, reject) => {
  const started = process.hrtime.bigint();
  http.get(url, { agent }, (response) => {
    response.resume();
    response.on('end', () => resolve({ status: response.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    response.on('error', reject);
  }).on('error', reject);
});
async function run(count, latencies, deadline) {
  let next = 0, failures = 0;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      next += 1;
      const { status, ms } = await get();
      if (status !== 200) failures += 1;
      latencies?.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { done: next, failures };
}
await run(warmup, undefined, Date.now() + limitMs);
const latencies = [];
const started = performance.now();
const { done, failures } = await run(total, latencies, Date.now() + limitMs);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
process.stdout.write(JSON.stringify({ done, failures, seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) }));
agent.destroy();
`;

interface LoadResult {
  done: number;
  failures: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

function runLoad(url: string, scriptFile: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        scriptFile,
        url,
        String(REQUESTS),
        String(CONCURRENCY),
        String(WARMUP_REQUESTS),
        String(LOAD_TIME_LIMIT_MS),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill(), LOAD_TIME_LIMIT_MS * 2 + 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(output) as LoadResult);
      else reject(new Error(`load generator exited with ${code}`));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function measureThroughput(workDir: string): Promise<void> {
  const { startLocalStack } = await import('../functions/local/local-stack.js');
  const { loadSampleProgramme } = await import('../functions/local/sample-programme.js');

  const stack = await startLocalStack();
  try {
    await loadSampleProgramme(stack.deps);
    const number = await waitFor('an issued certificate', async () => {
      const approvals = await stack.deps.approvals.listApprovals();
      const settled = approvals.every((approval) => !['received', 'processing'].includes(approval.status));
      return settled
        ? approvals.find((approval) => approval.certificateNumber)?.certificateNumber
        : undefined;
    });
    await stack.workflow.drain();
    const { formatCertificateNumber } = await import('../functions/core/certificate-number.js');
    const url = `${stack.url.replace('localhost', '127.0.0.1')}/certificates/${formatCertificateNumber(number)}`;
    const check = await fetch(url);
    const answer = await check.text();
    const view = JSON.parse(answer) as { status?: string; signature?: { valid?: boolean } };
    if (check.status !== 200 || view.signature?.valid !== true) {
      throw new Error(`GET ${url} answered ${check.status} ${JSON.stringify(view)}`);
    }

    const scriptFile = join(workDir, 'load.mjs');
    writeFileSync(scriptFile, LOAD_SCRIPT);
    const profiling = process.env.VERIFY_BENCH_PROFILE === '1';
    const session = profiling ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const result = await runLoad(url, scriptFile);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      const file = join(PROJECT_ROOT, 'verify-bench.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`cpu profile of the server process: ${file}`);
      printHotspots(profile);
    }

    const perSecond = result.done / result.seconds;
    const complete = result.done === REQUESTS ? '' : `, stopped at the ${LOAD_TIME_LIMIT_MS / 1000} s limit`;
    console.log(
      `verify: ${perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms ` +
        `(${result.done} requests, concurrency ${CONCURRENCY}${complete})`,
    );
    console.log(`verify: max ${result.max.toFixed(1)} ms, ${result.failures} non-200 answers`);
    const met = perSecond >= TARGETS.requestsPerSecond && result.p99 < TARGETS.p99Ms && result.failures === 0;
    console.log(
      `verify target (≥ ${TARGETS.requestsPerSecond} req/s, p99 < ${TARGETS.p99Ms} ms): ${met ? 'met' : 'NOT met'}`,
    );

    // The same answer from memory by a bare node:http server in this process, loaded the same way: what
    // the machine can do at all, so the figure above reads as a share of it rather than in the abstract.
    const bare = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(answer),
      });
      response.end(answer);
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = bare.address() as AddressInfo;
      const baseline = await runLoad(`http://127.0.0.1:${port}/certificates/x`, scriptFile);
      const barePerSecond = baseline.done / baseline.seconds;
      const ratio = perSecond / barePerSecond;
      console.log(
        `bare node:http, same JSON from memory: ${barePerSecond.toFixed(0)} req/s, p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms`,
      );
      console.log(
        `verify / bare: ${ratio.toFixed(2)} (target ≥ ${TARGETS.shareOfBareServer}): ${ratio >= TARGETS.shareOfBareServer ? 'met' : 'NOT met'}`,
      );
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  } finally {
    await stack.stop();
  }
}

/** The functions where the server process spent its samples (self time), for the report. */
function printHotspots(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
}): void {
  const counts = new Map<number, number>();
  for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = profile.samples?.length ?? 0;
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/node_modules\//, '').replace(`file://${PROJECT_ROOT}/`, '');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + (counts.get(node.id) ?? 0));
  }
  const top = [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [frame, samples] of top) console.log(`  ${((100 * samples) / total).toFixed(1)}%  ${frame}`);
}

async function measureBundle(): Promise<void> {
  // Inside the project, so the import resolves like in Lambda (nothing external) but node finds node: builtins.
  const outdir = join(PROJECT_ROOT, 'node_modules', '.cache', 'bench-verify');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'index.mjs');
  await build(functionBuildOptions(join(PROJECT_ROOT, 'functions', 'handlers', 'public-api.ts'), outfile));
  const kb = statSync(outfile).size / 1024;
  if (/pdfkit|@react-pdf/.test(readFileSync(outfile, 'utf8')))
    throw new Error('react-pdf is in the public-api bundle');

  const times: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const printed = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const started = performance.now(); const m = await import(${JSON.stringify(outfile)});` +
          `if (typeof m.handler !== 'function') process.exit(3); console.log(performance.now() - started);`,
      ],
      { encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
    );
    times.push(Number(printed.trim()));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`verify bundle: ${kb.toFixed(0)} KB minified (public-api, as CDK builds it), no react-pdf`);
  console.log(
    `verify bundle: cold import ${median.toFixed(0)} ms (median of ${COLD_RUNS} fresh node processes)`,
  );
  console.log(
    `verify bundle target (< ${TARGETS.bundleKb} KB): ${kb < TARGETS.bundleKb ? 'met' : 'NOT met'}`,
  );
  rmSync(outdir, { recursive: true, force: true });
}

const workDir = mkdtempSync(join(tmpdir(), 'verify-bench-'));
try {
  await measureThroughput(workDir);
  await measureBundle();
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
