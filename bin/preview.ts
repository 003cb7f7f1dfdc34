/**
 * Renders every certificate template with sample data, hard names included, to PDF and PNG for a look.
 * Usage: npx tsx bin/preview.ts [output folder]   (default: ./preview)
 * Also refreshes docs/images/certificate-<template>.png, and docs/images/certificate-custom-design.png (a
 * course design: colours, logo and signature image, on US Letter). Needs poppler-utils (pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReactPdfCertificateRenderer } from '../functions/adapters/render/react-pdf-renderer.js';
import type { CertificateDocumentInput } from '../functions/core/ports.js';
import { certificateTemplates } from '../templates/certificate/registry.js';
import {
  HARD_NAMES,
  LONG_COURSE_TITLE,
  sampleCertificateInput,
  sampleDesign,
} from '../templates/certificate/samples.js';

const SAMPLES: { slug: string; holderName: string; courseTitle?: string }[] = Object.entries(HARD_NAMES).map(
  ([slug, holderName]) => ({
    slug,
    holderName,
    ...(slug === 'long' ? { courseTitle: LONG_COURSE_TITLE } : {}),
  }),
);

/** A course with its own look: teal and terracotta, a partner logo and a scanned signature, on Letter. */
const CUSTOM_DESIGN = sampleDesign({ pageSize: 'LETTER' });

function sample(holderName: string, templateId: string, courseTitle?: string): CertificateDocumentInput {
  return sampleCertificateInput({
    holderName,
    ...(courseTitle ? { courseTitle } : {}),
    courseDescription:
      'Planning, scheduling and delivering projects on time and on budget: scope, stakeholders, risk and reporting, with a capstone project assessed by peers.',
    templateId,
  });
}

function toPng(pdfPath: string, pngBase: string, dpi: number): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', pdfPath, pngBase]);
  return `${pngBase}.png`;
}

async function main() {
  const outDir = resolve(process.argv[2] ?? 'preview');
  const docsDir = resolve(new URL('../docs/images', import.meta.url).pathname);
  mkdirSync(outDir, { recursive: true });
  mkdirSync(docsDir, { recursive: true });
  for (const pageSize of ['A4', 'LETTER'] as const) {
    const renderer = new ReactPdfCertificateRenderer({ pageSize });
    for (const templateId of Object.keys(certificateTemplates)) {
      for (const { slug, holderName, courseTitle } of SAMPLES) {
        if (pageSize === 'LETTER' && slug !== 'latin' && slug !== 'long') continue;
        const base = join(outDir, `${templateId}-${pageSize.toLowerCase()}-${slug}`);
        const pdf = await renderer.render(sample(holderName, templateId, courseTitle));
        writeFileSync(`${base}.pdf`, pdf);
        const png = toPng(`${base}.pdf`, base, 60);
        console.log(`${png} (${pdf.byteLength} bytes PDF)`);
        if (pageSize === 'A4' && slug === 'latin') {
          const docPng = toPng(`${base}.pdf`, `${base}-docs`, 96);
          copyFileSync(docPng, join(docsDir, `certificate-${templateId}.png`));
        }
      }
    }
  }
  const renderer = new ReactPdfCertificateRenderer();
  for (const templateId of Object.keys(certificateTemplates)) {
    const base = join(outDir, `${templateId}-custom-design`);
    const pdf = await renderer.render({ ...sample('Zoë Ñúñez-Ångström', templateId), design: CUSTOM_DESIGN });
    writeFileSync(`${base}.pdf`, pdf);
    console.log(`${toPng(`${base}.pdf`, base, 60)} (${pdf.byteLength} bytes PDF)`);
    if (templateId === 'classic') {
      copyFileSync(toPng(`${base}.pdf`, `${base}-docs`, 96), join(docsDir, 'certificate-custom-design.png'));
    }
  }
  console.log(`docs images: ${docsDir}/certificate-<template>.png, certificate-custom-design.png`);
}

await main();
