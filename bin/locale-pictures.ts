/**
 * Renders the sample certificate of every locale (templates/certificate/samples.ts, LOCALE_SAMPLES) to a
 * small PNG for docs/locales.md: docs/images/certificate-<locale>.png, and the Arabic one in the modern
 * design too (certificate-ar-modern.png), to show the mirrored layout. Needs poppler-utils (pdftoppm).
 * Usage: npx tsx bin/locale-pictures.ts [PDF folder]   (default: ./preview/locales)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReactPdfCertificateRenderer } from '../functions/adapters/render/react-pdf-renderer.js';
import { SUPPORTED_LOCALES } from '../functions/core/locales.js';
import { sampleLocaleInput } from '../templates/certificate/samples.js';

/** Small on purpose: the pictures show layout and wording, and live in the repository. */
const DPI = 50;

async function main() {
  const outDir = resolve(process.argv[2] ?? 'preview/locales');
  const docsDir = resolve(new URL('../docs/images', import.meta.url).pathname);
  mkdirSync(outDir, { recursive: true });
  mkdirSync(docsDir, { recursive: true });
  const renderer = new ReactPdfCertificateRenderer();
  const pictures = [
    ...SUPPORTED_LOCALES.map((locale) => ({ locale, templateId: 'classic', name: `certificate-${locale}` })),
    { locale: 'ar' as const, templateId: 'modern', name: 'certificate-ar-modern' },
  ];
  for (const { locale, templateId, name } of pictures) {
    const pdf = await renderer.render(
      sampleLocaleInput(locale, { templateId, expiresAt: '2027-03-12T09:30:00Z' }),
    );
    const base = join(outDir, name);
    writeFileSync(`${base}.pdf`, pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-singlefile', `${base}.pdf`, base]);
    copyFileSync(`${base}.png`, join(docsDir, `${name}.png`));
    console.log(`docs/images/${name}.png (${pdf.byteLength} bytes PDF)`);
  }
}

await main();
