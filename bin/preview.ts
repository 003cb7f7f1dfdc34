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
import type { CertificateDesign } from '../functions/core/model.js';
import type { CertificateDocumentInput } from '../functions/core/ports.js';
import { sampleLogoPng, sampleSignaturePng } from '../templates/assets/sample-images.js';
import { certificateTemplates } from '../templates/certificate/registry.js';

const SAMPLES: { slug: string; holderName: string; courseTitle?: string }[] = [
  { slug: 'latin', holderName: 'Zoë Ñúñez-Ångström' },
  { slug: 'afrikaans', holderName: 'Wîllém ê van der Merwe' },
  { slug: 'isizulu', holderName: 'Nomvula Dlamini-Ngcobo' },
  { slug: 'arabic', holderName: 'محمد عبد الله' },
  { slug: 'hebrew', holderName: 'דוד לוי' },
  { slug: 'chinese', holderName: '王小明' },
  { slug: 'japanese', holderName: '山田太郎' },
  {
    slug: 'long',
    holderName:
      'Maria Fernanda Guadalupe Alejandra Concepción de los Ángeles Rodríguez-Villanueva y Montenegro-Santisteban de la Torre',
    courseTitle:
      'Advanced Certificate in Monitoring, Evaluation, Accountability and Learning for Community Development Programmes in Southern Africa',
  },
];

const NUMBER = '7KQ2M9XD4T1HZC8BR2PN6WQE';

/** A course with its own look: teal and terracotta, a partner logo and a scanned signature, on Letter. */
const CUSTOM_DESIGN: CertificateDesign = {
  pageSize: 'LETTER',
  primaryColour: '#0F6E6A',
  accentColour: '#C8553D',
  logoPngBase64: sampleLogoPng().toString('base64'),
  signatureImagePngBase64: sampleSignaturePng().toString('base64'),
};

function sample(holderName: string, templateId: string, courseTitle?: string): CertificateDocumentInput {
  return {
    number: NUMBER,
    holderName,
    courseTitle: courseTitle ?? 'Project Management Fundamentals',
    courseDescription:
      'Planning, scheduling and delivering projects on time and on budget: scope, stakeholders, risk and reporting, with a capstone project assessed by peers.',
    completedAt: '2025-03-10T12:00:00Z',
    issuedAt: '2025-03-12T09:30:00Z',
    signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
    verificationUrl: `https://verify.saypro.online/verify/${NUMBER}`,
    templateId,
  };
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
