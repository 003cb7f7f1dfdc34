import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The exact versions the render patches were written against. The patches reach into private parts of
 * pdfkit and fontkit (prototype methods, internal tables), which any release may change; on any other
 * version they stay off, and the certificate renders through the libraries' own code, only slower.
 * package-lock.json pins both at these versions (react-pdf brings them in).
 */
export const PATCHED_VERSIONS = { pdfkit: '0.20.1', fontkit: '2.0.4' } as const;

export type PatchedLibrary = keyof typeof PATCHED_VERSIONS;

/**
 * The versions the tagged renderer (functions/adapters/render/tagged-pdf.ts) was written against: it runs
 * react-pdf's layout and render steps itself, node by node, and uses pdfkit's tagging API.
 */
export const TAGGING_VERSIONS = {
  '@react-pdf/layout': '5.2.0',
  '@react-pdf/render': '4.7.0',
  pdfkit: '0.20.1',
} as const;

export type PinnedLibrary = PatchedLibrary | keyof typeof TAGGING_VERSIONS;

/**
 * The versions the render bundle was built with, written in by the bundle's esbuild plugin
 * (`renderPatchVersionsPlugin`): a bundle has no node_modules to read them from. Outside a bundle: null.
 */
const BUNDLED_VERSIONS: Partial<Record<PinnedLibrary, string>> | null = null;

/** Whom each library is loaded by: the copy react-pdf renders with, which is the copy the patches touch. */
const LOADED_BY: Record<PinnedLibrary, string> = {
  pdfkit: '@react-pdf/renderer',
  fontkit: '@react-pdf/font',
  '@react-pdf/layout': '@react-pdf/renderer',
  '@react-pdf/render': '@react-pdf/renderer',
};

/** Every library whose version is checked at runtime. */
export const PINNED_LIBRARIES = Object.keys(LOADED_BY) as PinnedLibrary[];

/** The version of the copy of `library` react-pdf loads, or undefined when it cannot be found. */
export function installedVersion(library: PinnedLibrary): string | undefined {
  const bundled = BUNDLED_VERSIONS?.[library];
  if (bundled) return bundled;
  try {
    const fromHere = createRequire(import.meta.url);
    const owner = fromHere.resolve(LOADED_BY[library]);
    return packageVersion(createRequire(owner).resolve(library), library);
  } catch {
    return undefined;
  }
}

/** Walks up from a module file to the package.json named `name` (exports maps hide it from require). */
export function packageVersion(modulePath: string, name: string): string | undefined {
  let dir = dirname(modulePath);
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name) return manifest.version;
    } catch {
      // No package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
