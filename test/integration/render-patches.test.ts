import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBundlePlugins } from '../../functions/adapters/render/esbuild-plugin.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import {
  decideRenderPatches,
  type RenderPatchState,
} from '../../templates/certificate/render-patches/index.js';
import { installedVersion, PATCHED_VERSIONS } from '../../templates/certificate/render-patches/versions.js';
import { HARD_NAMES, sampleCertificateInput, sampleDesign } from '../../templates/certificate/samples.js';

/**
 * The speed patches to pdfkit and fontkit (templates/certificate/render-patches) must change how fast a
 * certificate renders, never what it shows: the same certificates rendered in a fresh process with the
 * patches and in one with CERTIFICATE_RENDER_PATCHES=off give the same text (poppler) and the same pixels
 * (poppler's rasteriser at 40 dpi, a tiny tolerance for anti-aliasing of differently written fonts).
 */

const run = promisify(execFile);

const CERTIFICATES: Record<string, CertificateDocumentInput> = {
  classic: sampleCertificateInput({ templateId: 'classic' }),
  modern: sampleCertificateInput({ templateId: 'modern', holderName: HARD_NAMES.long }),
  classicDesign: sampleCertificateInput({ templateId: 'classic', design: sampleDesign() }),
  modernArabic: sampleCertificateInput({
    templateId: 'modern',
    design: sampleDesign(),
    holderName: HARD_NAMES.arabic,
  }),
  classicChinese: sampleCertificateInput({ templateId: 'classic', holderName: HARD_NAMES.chinese }),
};

let dir: string;

/** Renders every certificate in a fresh process with `env`; returns the patch state it ran with. */
async function renderInFreshProcess(label: string, env: Record<string, string>): Promise<RenderPatchState> {
  const out = join(dir, label);
  const script = `
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { ReactPdfCertificateRenderer } = await import(${JSON.stringify(new URL('../../functions/adapters/render/react-pdf-renderer.ts', import.meta.url).href)});
    const { renderPatchState } = await import(${JSON.stringify(new URL('../../templates/certificate/render-patches/index.ts', import.meta.url).href)});
    const renderer = new ReactPdfCertificateRenderer();
    mkdirSync(${JSON.stringify(out)}, { recursive: true });
    for (const [name, certificate] of Object.entries(${JSON.stringify(CERTIFICATES)})) {
      writeFileSync(${JSON.stringify(out)} + '/' + name + '.pdf', await renderer.render(certificate));
    }
    process.stdout.write(JSON.stringify(renderPatchState()));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
  });
  return JSON.parse(stdout) as RenderPatchState;
}

async function text(path: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout;
}

/** The page as 8-bit grey pixels at 40 dpi (PGM: a text header, then one byte a pixel). */
async function pixels(path: string): Promise<{ width: number; height: number; data: Buffer }> {
  const prefix = path.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-r', '40', '-gray', '-singlefile', path, prefix]);
  const file = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`not a PGM: ${prefix}.pgm`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: file.subarray(header[0].length) };
}

let patched: RenderPatchState;
let unpatched: RenderPatchState;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'render-patches-'));
  [patched, unpatched] = await Promise.all([
    renderInFreshProcess('patched', {}),
    renderInFreshProcess('unpatched', { CERTIFICATE_RENDER_PATCHES: 'off' }),
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the render patches', () => {
  it('go in with the installed pdfkit and fontkit, and stay out when switched off', () => {
    expect(patched.libraries.pdfkit).toMatchObject({ patched: true, installed: PATCHED_VERSIONS.pdfkit });
    expect(patched.libraries.fontkit).toMatchObject({ patched: true, installed: PATCHED_VERSIONS.fontkit });
    expect(unpatched.enabled).toBe(false);
    expect(unpatched.libraries.pdfkit.patched).toBe(false);
    expect(unpatched.libraries.fontkit.patched).toBe(false);
  });

  it.each(Object.keys(CERTIFICATES))(
    'give %s the same text and pixels as the libraries’ own code',
    async (name) => {
      const withPatches = join(dir, 'patched', `${name}.pdf`);
      const without = join(dir, 'unpatched', `${name}.pdf`);
      // Different bytes (our subsetter writes the fonts differently), or the comparison would prove nothing.
      expect(readFileSync(withPatches).equals(readFileSync(without))).toBe(false);
      expect(await text(withPatches)).toBe(await text(without));
      const a = await pixels(withPatches);
      const b = await pixels(without);
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      let differing = 0;
      for (let index = 0; index < a.data.length; index += 1) {
        if (Math.abs((a.data[index] as number) - (b.data[index] as number)) > 24) differing += 1;
      }
      expect(differing / a.data.length).toBeLessThan(0.001);
    },
  );

  it('stay out of a library whose installed version is not the one they were written for, with a warning', () => {
    const warnings: string[] = [];
    const state = decideRenderPatches(
      {},
      (library) => (library === 'fontkit' ? '2.1.0' : PATCHED_VERSIONS.pdfkit),
      (message) => warnings.push(message),
    );
    expect(state.libraries.pdfkit.patched).toBe(true);
    expect(state.libraries.fontkit).toMatchObject({ patched: false, installed: '2.1.0' });
    expect(warnings).toEqual([
      expect.stringContaining('fontkit left unpatched (written for fontkit 2.0.4, found 2.1.0)'),
    ]);
    const unknown = decideRenderPatches(
      {},
      () => undefined,
      () => {},
    );
    expect(unknown.libraries.pdfkit.reason).toContain('an unknown version');
  });

  it('read the versions of the copies react-pdf loads, which the lock file pins', () => {
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    for (const library of ['pdfkit', 'fontkit'] as const) {
      expect(installedVersion(library)).toBe(PATCHED_VERSIONS[library]);
      expect(lock.packages[`node_modules/${library}`]?.version).toBe(PATCHED_VERSIONS[library]);
    }
  });

  it('find the versions inside the render bundle, which has no node_modules to read them from', async () => {
    const outfile = join(dir, 'bundle', 'render.mjs');
    await build({
      entryPoints: [new URL('../../functions/adapters/render/render-entry.ts', import.meta.url).pathname],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      plugins: renderBundlePlugins(),
      logLevel: 'warning',
    });
    const script = `const { renderPatchState } = await import(${JSON.stringify(pathToFileURL(outfile).href)});
      process.stdout.write(JSON.stringify(renderPatchState()));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    const state = JSON.parse(stdout) as RenderPatchState;
    expect(state.libraries.pdfkit).toEqual({ patched: true, installed: PATCHED_VERSIONS.pdfkit });
    expect(state.libraries.fontkit).toEqual({ patched: true, installed: PATCHED_VERSIONS.fontkit });
  });
});
