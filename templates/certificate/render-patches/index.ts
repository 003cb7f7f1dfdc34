import { installFastSubsetter, type SubsettableFont } from './font-subset.js';
import { type LayoutFont, memoizeLayout } from './layout-cache.js';
import { memoizePdfkitPaths, preparePdfkitImage as preparePng } from './pdfkit-cache.js';
import { installedVersion, PATCHED_VERSIONS, type PatchedLibrary } from './versions.js';

/**
 * The speed patches to pdfkit and fontkit internals, in one place (see docs/certificate.md, "Performance"):
 * - pdfkit-cache.ts: SVG path operators kept per path; course PNGs prepared once per process;
 * - layout-cache.ts: fontkit's shaping results kept per font and text;
 * - font-subset.ts: our own TrueType subsetter instead of fontkit's.
 *
 * Each library's patches go in only when the copy react-pdf loads is the exact version they were written for
 * (versions.ts); on any other version they stay out with a warning, and the certificate is rendered by the
 * libraries' own code: slower, never broken. `CERTIFICATE_RENDER_PATCHES=off` keeps them all out (to rule
 * them out when a certificate looks wrong, or to measure what they save). The output is the same either way
 * (test/integration/render-patches.test.ts compares the text and the pixels).
 *
 * Not here: fonts.ts's glyph repair, a fix for a fontkit cache bug that corrupts the second certificate, which
 * must stay on.
 */

export interface RenderPatchState {
  /** False when CERTIFICATE_RENDER_PATCHES is off/false/0/no. */
  enabled: boolean;
  /** Per library: patched, or why not. */
  libraries: Record<PatchedLibrary, { patched: boolean; installed?: string; reason?: string }>;
}

const OFF = new Set(['off', 'false', '0', 'no']);

let state: RenderPatchState | undefined;

/** Decides, once per process, which patches go in: the setting, then each library's installed version. */
export function renderPatchState(env: Record<string, string | undefined> = process.env): RenderPatchState {
  state ??= decideRenderPatches(env, installedVersion, console.warn);
  return state;
}

/** Which patches go in for this setting and these installed versions; warns for each version mismatch. */
export function decideRenderPatches(
  env: Record<string, string | undefined>,
  versionOf: (library: PatchedLibrary) => string | undefined,
  warn: (message: string) => void,
): RenderPatchState {
  const setting = env.CERTIFICATE_RENDER_PATCHES?.trim().toLowerCase();
  const enabled = !(setting && OFF.has(setting));
  const libraries = {} as RenderPatchState['libraries'];
  for (const library of Object.keys(PATCHED_VERSIONS) as PatchedLibrary[]) {
    const installed = versionOf(library);
    const expected = PATCHED_VERSIONS[library];
    const found = installed ? { installed } : {};
    if (!enabled) {
      libraries[library] = { patched: false, ...found, reason: 'switched off' };
    } else if (installed !== expected) {
      const reason = `written for ${library} ${expected}, found ${installed ?? 'an unknown version'}`;
      libraries[library] = { patched: false, ...found, reason };
      warn(
        `certificate render patches: ${library} left unpatched (${reason}); certificates render correctly, only slower.`,
      );
    } else {
      libraries[library] = { patched: true, ...found };
    }
  }
  return { enabled, libraries };
}

/** pdfkit's patches that apply to every document (SVG paths). Call once, before the first render. */
export function installPdfkitPatches(): void {
  if (renderPatchState().libraries.pdfkit.patched) memoizePdfkitPaths();
}

/** Prepares a course PNG so the render embeds it synchronously; without the pdfkit patch, nothing to do. */
export async function preparePdfkitImage(png: Uint8Array): Promise<void> {
  if (renderPatchState().libraries.pdfkit.patched) await preparePng(png);
}

/** fontkit's patches, per font, as each font file is loaded. */
export function patchLoadedFont(font: LayoutFont & SubsettableFont): void {
  if (!renderPatchState().libraries.fontkit.patched) return;
  memoizeLayout(font);
  installFastSubsetter(font);
}
