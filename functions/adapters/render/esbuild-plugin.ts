import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';
import {
  installedVersion,
  PINNED_LIBRARIES,
} from '../../../templates/certificate/render-patches/versions.js';

/**
 * Makes pdfkit (under @react-pdf/renderer) bundleable. pdfkit's ESM build loads its standard-font metrics
 * with `createRequire(import.meta.url)('#standard-fonts/Helvetica')`, a runtime require through the package's
 * `imports` map that esbuild cannot see: the bundle then fails at the first render with
 * "Cannot find module '#standard-fonts/Helvetica'". This plugin rewrites that one loader into static imports
 * of the same metric modules, so they are bundled like any other code (about 150 kB, 14 fonts).
 */
export function pdfkitStandardFontsPlugin(): Plugin {
  return {
    name: 'pdfkit-standard-fonts',
    setup(build) {
      build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node)?\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const loader = /const (\w+\$?\w*) = createRequire\(import\.meta\.url\);/.exec(source);
        if (!loader) {
          // A pdfkit version that loads fonts differently: leave it alone and let the build's own checks decide.
          return { contents: source, loader: 'js' };
        }
        const requireName = loader[1] as string;
        const fonts = [
          ...new Set([...source.matchAll(/'#standard-fonts\/(\w+)'/g)].map((m) => m[1] as string)),
        ];
        const imports = fonts.map((font) => `import __stdFont_${font} from './standard-fonts/${font}.mjs';`);
        const table = `const __stdFonts = { ${fonts.map((font) => `'#standard-fonts/${font}': __stdFont_${font}`).join(', ')} };`;
        const contents = `${imports.join('\n')}\n${source.replace(
          loader[0],
          `${table}\nconst ${requireName} = (id) => __stdFonts[id];`,
        )}`;
        return { contents, loader: 'js', resolveDir: args.path.replace(/[\\/][^\\/]+$/, '') };
      });
    },
  };
}

/**
 * Keeps code the certificate renderer never runs out of the bundle, which makes the cold import faster:
 * - brotli (475 kB) is only fontkit's WOFF2 decoder; the certificate fonts are TTF/OTF files;
 * - the English hyphenation patterns are parsed at import, but certificates never hyphenate (the renderer
 *   registers its own hyphenation callback);
 * - @react-pdf/reconciler ships one reconciler per React major; only the installed React's is kept;
 * - @noble/ciphers' AES builds its tables at import, for pdfkit's password protection, which certificates
 *   never use (a signed certificate must open for anyone).
 */
export function renderBundleTrimPlugin(): Plugin {
  return {
    name: 'render-bundle-trim',
    setup(build) {
      build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({
        path: 'brotli-decompress',
        namespace: 'trim',
      }));
      build.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, () => ({
        path: 'noble-aes',
        namespace: 'trim',
      }));
      build.onLoad({ filter: /^noble-aes$/, namespace: 'trim' }, () => ({
        contents:
          "const unsupported = () => { throw new Error('PDF encryption is not supported in the render bundle.'); };\nexport const cbc = unsupported;\nexport const ecb = unsupported;",
        loader: 'js',
      }));
      build.onResolve({ filter: /^@react-pdf\/hyphenate\/en-us$/ }, () => ({
        path: 'hyphenate-en-us',
        namespace: 'trim',
      }));
      build.onLoad({ filter: /^brotli-decompress$/, namespace: 'trim' }, () => ({
        contents:
          "export default function decompress() { throw new Error('WOFF2 fonts are not supported in the render bundle: use TTF or OTF.'); }",
        loader: 'js',
      }));
      build.onLoad({ filter: /^hyphenate-en-us$/, namespace: 'trim' }, () => ({
        contents: 'export const syllables = (word) => [word]; export default syllables;',
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]@react-pdf[\\/]reconciler[\\/]lib[\\/]index\.js$/ }, async (args) => {
        const dir = args.path.replace(/[\\/][^\\/]+$/, '');
        const reactVersion = (createRequire(args.path)('react/package.json') as { version: string }).version;
        const [major = 0, minor = 0] = reactVersion.split('.').map((part) => Number.parseInt(part, 10));
        const file =
          major >= 20 || (major === 19 && minor >= 2)
            ? 'reconciler-33.js'
            : major === 19
              ? 'reconciler-31.js'
              : 'reconciler-23.js';
        return { contents: `export { default } from './${file}';`, loader: 'js', resolveDir: dir };
      });
    },
  };
}

/**
 * Makes the cold import faster. unicode-trie, which fontkit, textkit and linebreak use for Unicode
 * properties, inflates its tables (twice each) with tiny-inflate, a pure-JavaScript inflater, when the
 * module loads: a third of the bundle's import time. Node's zlib produces the same bytes natively.
 * tiny-inflate itself stays for the code that calls it later (fontkit's WOFF decoder).
 */
export function nativeInflatePlugin(): Plugin {
  return {
    name: 'unicode-trie-native-inflate',
    setup(build) {
      build.onLoad({ filter: /[\\/]unicode-trie[\\/]index\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const tinyInflate = "const inflate = require('tiny-inflate');";
        if (!source.includes(tinyInflate)) return { contents: source, loader: 'js' };
        const native = [
          "const { inflateRawSync } = require('node:zlib');",
          // tiny-inflate's contract: fill `dest`, return it (or the part written, when shorter).
          'const inflate = (source, dest) => {',
          '  const out = inflateRawSync(source);',
          '  dest.set(out.subarray(0, dest.length));',
          '  return out.length < dest.length ? dest.slice(0, out.length) : dest;',
          '};',
        ].join('\n');
        return { contents: source.replace(tinyInflate, native), loader: 'js' };
      });
    },
  };
}

const YOGA_FETCH = 'w||"function"!=typeof fetch?Promise.resolve()';

/**
 * Makes the first render faster. yoga-layout (react-pdf's layout engine) carries its WebAssembly as a base64
 * data: URL and, wherever a global `fetch` exists, loads it with `fetch(dataUrl)`. On Node that first
 * `fetch` loads Node's whole fetch implementation (undici) for this alone: tens of milliseconds of the cold
 * first render (issue 13). The loader's own fallback decodes the same base64 in place, so the bundle always
 * takes it: the same bytes reach WebAssembly.instantiate. A yoga-layout build without that line is left as is.
 */
export function yogaWithoutFetchPlugin(): Plugin {
  return {
    name: 'yoga-without-fetch',
    setup(build) {
      build.onLoad(
        { filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
        async (args) => {
          const source = await readFile(args.path, 'utf8');
          return { contents: source.replace(YOGA_FETCH, 'true?Promise.resolve()'), loader: 'js' };
        },
      );
    },
  };
}

const BUNDLED_VERSIONS_MARKER = /const BUNDLED_VERSIONS: [^=]+= null;/;

/**
 * Writes the versions of pdfkit, fontkit and react-pdf's layout and render steps being bundled into templates/certificate/render-patches/versions.ts:
 * the render patches and the tagged renderer check them first, and a bundle has no node_modules to read them from.
 */
export function renderPatchVersionsPlugin(): Plugin {
  return {
    name: 'render-patch-versions',
    setup(build) {
      build.onLoad({ filter: /[\\/]render-patches[\\/]versions\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const versions = Object.fromEntries(
          PINNED_LIBRARIES.map((library) => [library, installedVersion(library) ?? 'unknown']),
        );
        const contents = source.replace(
          BUNDLED_VERSIONS_MARKER,
          `const BUNDLED_VERSIONS: Partial<Record<PinnedLibrary, string>> | null = ${JSON.stringify(versions)};`,
        );
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Every plugin the render bundle needs; pass to esbuild's `plugins` (the CDK render function reuses it). */
export function renderBundlePlugins(): Plugin[] {
  return [
    pdfkitStandardFontsPlugin(),
    renderBundleTrimPlugin(),
    nativeInflatePlugin(),
    yogaWithoutFetchPlugin(),
    renderPatchVersionsPlugin(),
  ];
}
