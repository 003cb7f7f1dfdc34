/**
 * Render benchmark. Builds the render bundle the way the issuing Lambda ships it (esbuild, minified,
 * production React, the pdfkit plugin), then:
 *  - cold import: imports the bundle in fresh `node` processes and reports the median time;
 *  - cold first render, in fresh processes, two ways: as a process that renders straight away, and as the
 *    issuing Lambda does (warmUp() in its init phase, functions/handlers/issue-certificate.ts). For each, the
 *    time from process start to the first real PDF (what a cold Lambda pays in all, init included) and the
 *    first render itself (what the first approval waits for once init is done), against the 250 ms target;
 *  - steady state: renders 200 certificates in this process from the bundle and reports first-render time,
 *    p50/p95 per certificate (wall clock, and CPU time, which other processes on a busy machine disturb
 *    less), peak RSS and PDF size; then the same with a course design (colours, logo and signature PNGs);
 *  - the cost of tagging: tagged (the default) and untagged renders, alternating, in the same process.
 * Prints the load average before and after: on a machine with other work running, compare runs with care.
 * Usage: npx tsx bench/render.ts [count]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { renderBundlePlugins } from '../functions/adapters/render/esbuild-plugin.js';
import type { CertificateDesign } from '../functions/core/model.js';
import type { CertificateDocumentInput, CertificateRenderer } from '../functions/core/ports.js';
import { sampleCertificateInput, sampleDesign } from '../templates/certificate/samples.js';
import { loadAverages as loads, percentile } from './support.js';

const COUNT = Number(process.argv[2] ?? 200);
const COLD_RUNS = 5;
/** Issue 13's target for the first render a cold issuing function does. */
const COLD_FIRST_RENDER_TARGET_MS = 250;

const NAMES = [
  'Zoë Ñúñez-Ångström',
  'Nomvula Dlamini-Ngcobo',
  'Wîllém ê van der Merwe',
  'Thabo Mokoena',
  'Lerato Khumalo',
  'Pieter du Plessis',
  'Aisha Abdullahi',
  'Sipho Ndlovu',
];

const DESIGN = sampleDesign();

function sampleInput(index: number, design?: CertificateDesign): CertificateDocumentInput {
  const number = `7KQ2M9XD4T1HZC8BR2PN${String(1000 + (index % 9000)).padStart(4, '0')}`;
  return sampleCertificateInput({
    number,
    holderName: NAMES[index % NAMES.length] as string,
    courseDescription:
      'Planning, scheduling and delivering projects on time and on budget: scope, stakeholders, risk and reporting.',
    templateId: index % 2 === 0 ? 'classic' : 'modern',
    ...(design ? { design } : {}),
  });
}

interface Timings {
  wall: number[];
  cpu: number[];
  bytes: number;
}

/** Renders one certificate and adds its wall time, CPU time and size to `timings`. */
async function timeRender(
  renderer: CertificateRenderer,
  certificate: CertificateDocumentInput,
  timings: Timings,
) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const pdf = await renderer.render(certificate);
  timings.wall.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  timings.cpu.push((used.user + used.system) / 1000);
  timings.bytes += pdf.byteLength;
}

async function renderMany(
  renderer: CertificateRenderer,
  count: number,
  design?: CertificateDesign,
): Promise<Timings> {
  const timings: Timings = { wall: [], cpu: [], bytes: 0 };
  for (let index = 0; index < count; index += 1) {
    const certificate = sampleInput(index, design);
    await timeRender(renderer, certificate, timings);
  }
  return timings;
}

/** Tagged and untagged renders, alternating, so both see the same machine load. */
async function renderTaggedAndUntagged(
  tagged: CertificateRenderer,
  untagged: CertificateRenderer,
  count: number,
): Promise<{ tagged: Timings; untagged: Timings }> {
  const result = {
    tagged: { wall: [], cpu: [], bytes: 0 } as Timings,
    untagged: { wall: [], cpu: [], bytes: 0 } as Timings,
  };
  for (let index = 0; index < count; index += 1) {
    for (const [renderer, timings] of [
      [tagged, result.tagged],
      [untagged, result.untagged],
    ] as const) {
      const certificate = sampleInput(index);
      await timeRender(renderer, certificate, timings);
    }
  }
  return result;
}

/** A fresh process's cold first render: without and with the Lambda's init-phase warm-up. */
interface ColdRun {
  /** Process start to the end of init: the import, plus warmUp() when warming. */
  initMs: number;
  /** The first real certificate's render. */
  firstRenderMs: number;
  /** Process start (node's time origin) to the first real PDF in hand. */
  toFirstPdfMs: number;
  /** CPU time (all threads) of the first render, and of the whole process up to the first PDF. */
  firstRenderCpuMs: number;
  toFirstPdfCpuMs: number;
}

function coldRun(bundleUrl: string, warm: boolean): ColdRun {
  // performance.now() counts from the process's start (its time origin), node's own start-up included.
  const script = `
    const { ReactPdfCertificateRenderer } = await import(${JSON.stringify(bundleUrl)});
    const renderer = new ReactPdfCertificateRenderer();
    ${warm ? 'await renderer.warmUp();' : ''}
    const initMs = performance.now();
    const initCpu = process.cpuUsage();
    await renderer.render(${JSON.stringify(sampleInput(1))});
    const toFirstPdfMs = performance.now();
    const cpu = process.cpuUsage();
    const ms = ({ user, system }) => (user + system) / 1000;
    console.log(JSON.stringify({ initMs, firstRenderMs: toFirstPdfMs - initMs, toFirstPdfMs,
      firstRenderCpuMs: ms(cpu) - ms(initCpu), toFirstPdfCpuMs: ms(cpu) }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(),
  ) as ColdRun;
}

/** The median of each figure over `runs` fresh processes. */
function coldRuns(bundleUrl: string, warm: boolean, runs: number): ColdRun {
  const all = Array.from({ length: runs }, () => coldRun(bundleUrl, warm));
  return {
    initMs: median(all.map((run) => run.initMs)),
    firstRenderMs: median(all.map((run) => run.firstRenderMs)),
    toFirstPdfMs: median(all.map((run) => run.toFirstPdfMs)),
    firstRenderCpuMs: median(all.map((run) => run.firstRenderCpuMs)),
    toFirstPdfCpuMs: median(all.map((run) => run.toFirstPdfCpuMs)),
  };
}

/** p50/p95 after the first 10 renders (warm-up). */
function steadyState({ wall, cpu }: Timings): string {
  const steady = (values: number[]) => values.slice(Math.min(10, values.length - 1)).sort((a, b) => a - b);
  const w = steady(wall);
  const c = steady(cpu);
  return `p50 ${percentile(w, 50).toFixed(1)} ms, p95 ${percentile(w, 95).toFixed(1)} ms (CPU time p50 ${percentile(c, 50).toFixed(1)} ms)`;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function main() {
  const outdir = mkdtempSync(join(tmpdir(), 'render-bundle-'));
  try {
    const outfile = join(outdir, 'render.mjs');
    const started = performance.now();
    await build({
      entryPoints: [new URL('../functions/adapters/render/render-entry.ts', import.meta.url).pathname],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      // CommonJS dependencies require Node built-ins; an ESM bundle needs a `require` for them.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      plugins: renderBundlePlugins(),
      logLevel: 'warning',
    });
    const buildMs = performance.now() - started;
    const bundleBytes = statSync(outfile).size;

    const bundleUrl = pathToFileURL(outfile).href;
    const coldScript = `const t = performance.now(); await import(${JSON.stringify(bundleUrl)}); console.log(performance.now() - t);`;
    const coldMs: number[] = [];
    for (let run = 0; run < COLD_RUNS; run += 1) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', coldScript], {
        encoding: 'utf8',
      });
      coldMs.push(Number(out.trim()));
    }
    const coldPlain = coldRuns(bundleUrl, false, COLD_RUNS);
    const coldWarmed = coldRuns(bundleUrl, true, COLD_RUNS);

    const { ReactPdfCertificateRenderer } = (await import(bundleUrl)) as {
      ReactPdfCertificateRenderer: new (options?: { tagged?: boolean }) => CertificateRenderer;
    };
    const loadBefore = loads();
    const renderer = new ReactPdfCertificateRenderer();
    const plain = await renderMany(renderer, COUNT);
    const designed = await renderMany(renderer, COUNT, DESIGN);
    const tagging = await renderTaggedAndUntagged(
      renderer,
      new ReactPdfCertificateRenderer({ tagged: false }),
      COUNT,
    );
    const fmt = (ms: number) => ms.toFixed(1);
    const target = (ms: number) =>
      `(target < ${COLD_FIRST_RENDER_TARGET_MS} ms: ${ms < COLD_FIRST_RENDER_TARGET_MS ? 'met' : 'NOT met'})`;
    const p50 = (timings: Timings) => median(timings.wall.slice(10));
    const cpu50 = (timings: Timings) => median(timings.cpu.slice(10));

    console.log(`bundle: ${(bundleBytes / 1024 / 1024).toFixed(2)} MB (built in ${fmt(buildMs)} ms)`);
    console.log(`cold import: median ${fmt(median(coldMs))} ms over ${COLD_RUNS} fresh processes`);
    console.log(`cold first render, medians over ${COLD_RUNS} fresh processes each:`);
    console.log(
      `  rendering straight away: first render ${fmt(coldPlain.firstRenderMs)} ms (CPU ${fmt(coldPlain.firstRenderCpuMs)} ms) ${target(coldPlain.firstRenderMs)}; process start to first PDF ${fmt(coldPlain.toFirstPdfMs)} ms (CPU ${fmt(coldPlain.toFirstPdfCpuMs)} ms; import ${fmt(coldPlain.initMs)} ms)`,
    );
    console.log(
      `  as the issuing Lambda, warmUp() in its init phase: first render after init ${fmt(coldWarmed.firstRenderMs)} ms (CPU ${fmt(coldWarmed.firstRenderCpuMs)} ms) ${target(coldWarmed.firstRenderMs)}; process start to first PDF ${fmt(coldWarmed.toFirstPdfMs)} ms (CPU ${fmt(coldWarmed.toFirstPdfCpuMs)} ms; init ${fmt(coldWarmed.initMs)} ms, which a cold start still pays)`,
    );
    console.log(`renders: ${COUNT} in one process, first ${fmt(plain.wall[0] as number)} ms`);
    console.log(`steady state (after 10): ${steadyState(plain)}`);
    console.log(
      `with a course design (colours, logo, signature image): first ${fmt(designed.wall[0] as number)} ms, ${steadyState(designed)}`,
    );
    const taggingMs = p50(tagging.tagged) - p50(tagging.untagged);
    console.log(
      `tagging (${COUNT} each, alternating): tagged p50 ${fmt(p50(tagging.tagged))} ms (CPU ${fmt(cpu50(tagging.tagged))} ms), untagged p50 ${fmt(p50(tagging.untagged))} ms (CPU ${fmt(cpu50(tagging.untagged))} ms): tagging costs ${fmt(taggingMs)} ms wall (${fmt((taggingMs / p50(tagging.untagged)) * 100)} %), ${fmt(cpu50(tagging.tagged) - cpu50(tagging.untagged))} ms CPU (${fmt(((cpu50(tagging.tagged) - cpu50(tagging.untagged)) / cpu50(tagging.untagged)) * 100)} %) and ${((tagging.tagged.bytes - tagging.untagged.bytes) / COUNT / 1024).toFixed(1)} kB per certificate`,
    );
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    console.log(
      `PDF size: ${(plain.bytes / COUNT / 1024).toFixed(1)} kB per certificate, ${(designed.bytes / COUNT / 1024).toFixed(1)} kB with the design`,
    );
    console.log(
      `load average (1, 5, 15 min): ${loadBefore} before, ${loads()} after, on ${availableParallelism()} cores`,
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

await main();
