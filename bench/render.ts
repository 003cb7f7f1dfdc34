/**
 * Render benchmark. Builds the render bundle the way the issuing Lambda ships it (esbuild, minified,
 * production React, the pdfkit plugin), then:
 *  - cold import: imports the bundle in fresh `node` processes and reports the median time;
 *  - steady state: renders 200 certificates in this process from the bundle and reports first-render time,
 *    p50/p95 per certificate (wall clock, and CPU time, which other processes on a busy machine disturb
 *    less), peak RSS and PDF size; then the same with a course design (colours, logo and signature PNGs).
 * Prints the load average before and after: on a machine with other work running, compare runs with care.
 * Usage: npx tsx bench/render.ts [count]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { renderBundlePlugins } from '../functions/adapters/render/esbuild-plugin.js';
import type { CertificateDesign } from '../functions/core/model.js';
import type { CertificateDocumentInput, CertificateRenderer } from '../functions/core/ports.js';
import { sampleCertificateInput, sampleDesign } from '../templates/certificate/samples.js';

const COUNT = Number(process.argv[2] ?? 200);
const COLD_RUNS = 5;

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

async function renderMany(
  renderer: CertificateRenderer,
  count: number,
  design?: CertificateDesign,
): Promise<Timings> {
  const timings: Timings = { wall: [], cpu: [], bytes: 0 };
  for (let index = 0; index < count; index += 1) {
    const certificate = sampleInput(index, design);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const pdf = await renderer.render(certificate);
    timings.wall.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    timings.cpu.push((used.user + used.system) / 1000);
    timings.bytes += pdf.byteLength;
  }
  return timings;
}

/** p50/p95 after the first 10 renders (warm-up). */
function steadyState({ wall, cpu }: Timings): string {
  const steady = (values: number[]) => values.slice(Math.min(10, values.length - 1)).sort((a, b) => a - b);
  const w = steady(wall);
  const c = steady(cpu);
  return `p50 ${percentile(w, 50).toFixed(1)} ms, p95 ${percentile(w, 95).toFixed(1)} ms (CPU time p50 ${percentile(c, 50).toFixed(1)} ms)`;
}

const loads = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
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
    const firstRenderScript = `
      const { ReactPdfCertificateRenderer } = await import(${JSON.stringify(bundleUrl)});
      const t = performance.now();
      await new ReactPdfCertificateRenderer().render(${JSON.stringify(sampleInput(0))});
      console.log(performance.now() - t);`;
    const coldFirstRenderMs = Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', firstRenderScript], {
        encoding: 'utf8',
      }).trim(),
    );

    const { ReactPdfCertificateRenderer } = (await import(bundleUrl)) as {
      ReactPdfCertificateRenderer: new () => CertificateRenderer;
    };
    const loadBefore = loads();
    const renderer = new ReactPdfCertificateRenderer();
    const plain = await renderMany(renderer, COUNT);
    const designed = await renderMany(renderer, COUNT, DESIGN);
    const fmt = (ms: number) => ms.toFixed(1);

    console.log(`bundle: ${(bundleBytes / 1024 / 1024).toFixed(2)} MB (built in ${fmt(buildMs)} ms)`);
    console.log(`cold import: median ${fmt(median(coldMs))} ms over ${COLD_RUNS} fresh processes`);
    console.log(`cold first render (fresh process, fonts read): ${fmt(coldFirstRenderMs)} ms`);
    console.log(`renders: ${COUNT} in one process, first ${fmt(plain.wall[0] as number)} ms`);
    console.log(`steady state (after 10): ${steadyState(plain)}`);
    console.log(
      `with a course design (colours, logo, signature image): first ${fmt(designed.wall[0] as number)} ms, ${steadyState(designed)}`,
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
