/**
 * Bundles the render (issue-certificate) function with esbuild and the project's react-pdf plugin, then
 * copies the certificate fonts into `fonts/`. Run in a child process by renderFunctionCode(): CDK's
 * local bundling hook is synchronous and esbuild only runs plugins in its asynchronous API.
 *
 * Usage: node --import tsx lib/bundling/bundle-render-function.ts <entry.ts> <outputDir>
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { PROJECT_ROOT } from '../paths.js';
import { ESM_REQUIRE_BANNER } from './function-bundle.js';

export const RENDER_PLUGIN_MODULE = path.join(
  PROJECT_ROOT,
  'functions',
  'adapters',
  'render',
  'esbuild-plugin.ts',
);
const FONTS_MODULE = path.join(PROJECT_ROOT, 'templates', 'certificate', 'fonts.ts');

function isPlugin(value: unknown): value is esbuild.Plugin {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as esbuild.Plugin).name === 'string' &&
    typeof (value as esbuild.Plugin).setup === 'function'
  );
}

/** `renderBundlePlugins()` of the plugin module; failing that, every plugin (or plugin factory) it exports. */
async function loadRenderPlugins(): Promise<esbuild.Plugin[]> {
  const exports = (await import(pathToFileURL(RENDER_PLUGIN_MODULE).href)) as Record<string, unknown>;
  if (typeof exports.renderBundlePlugins === 'function') {
    return (exports.renderBundlePlugins as () => esbuild.Plugin[])();
  }
  const plugins: esbuild.Plugin[] = [];
  for (const value of Object.values(exports)) {
    if (isPlugin(value)) plugins.push(value);
    else if (typeof value === 'function' && value.length === 0) {
      const made = (value as () => unknown)();
      if (isPlugin(made)) plugins.push(made);
    }
  }
  if (plugins.length === 0) throw new Error(`${RENDER_PLUGIN_MODULE} exports no esbuild plugin`);
  return [...new Map(plugins.map((plugin) => [plugin.name, plugin])).values()];
}

/**
 * Copies every font a render may read (templates/certificate/fonts.ts `certificateFontFiles()`) into a flat
 * folder; the function finds them there through CERTIFICATE_FONT_DIR. A missing file fails the bundle here,
 * not the first render in AWS.
 */
export async function copyCertificateFonts(fontsDir: string): Promise<string[]> {
  const fonts = (await import(pathToFileURL(FONTS_MODULE).href)) as {
    certificateFontFiles(): string[];
    DEBIAN_FONT_ROOT: string;
  };
  const files = fonts
    .certificateFontFiles()
    .map((debianPath) => path.join(fonts.DEBIAN_FONT_ROOT, debianPath));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Certificate fonts missing on this machine (install the Debian font packages): ${missing}`,
    );
  }
  mkdirSync(fontsDir, { recursive: true });
  for (const file of files) copyFileSync(file, path.join(fontsDir, path.basename(file)));
  return files.map((file) => path.basename(file));
}

export async function bundleRenderFunction(entry: string, outputDir: string): Promise<void> {
  await esbuild.build({
    entryPoints: { index: entry },
    outdir: outputDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    conditions: ['node', 'import'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    keepNames: true,
    sourcemap: 'external',
    sourcesContent: false,
    jsx: 'automatic',
    logLevel: 'warning',
    plugins: await loadRenderPlugins(),
  });
  await copyCertificateFonts(path.join(outputDir, 'fonts'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [entry, outputDir] = process.argv.slice(2);
  if (!entry || !outputDir) throw new Error('usage: bundle-render-function.ts <entry> <outputDir>');
  await bundleRenderFunction(entry, outputDir);
}
