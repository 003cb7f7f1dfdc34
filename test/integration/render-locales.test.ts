import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReactPdfCertificateRenderer } from '../../functions/adapters/render/react-pdf-renderer.js';
import type { LocaleCode } from '../../functions/core/locales.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import { sampleLocaleInput } from '../../templates/certificate/samples.js';
import { PAGE_POINTS } from '../../templates/certificate/types.js';

/**
 * Certificates in the course's language: the wording and dates in it, the PDF's /Lang and title, and for
 * Arabic a layout mirrored right to left, checked by where poppler finds the text and the QR code.
 */

const run = promisify(execFile);
const A4 = PAGE_POINTS.A4;
let dir: string;
const renderer = new ReactPdfCertificateRenderer();

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

async function render(input: CertificateDocumentInput, name: string) {
  const path = join(dir, `${name}.pdf`);
  const pdf = await renderer.render(input);
  writeFileSync(path, pdf);
  const { stdout } = await run('pdftotext', ['-bbox', path, '-']);
  const words = [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    ),
  ].map(([, xMin, yMin, xMax, text]) => ({
    text: text as string,
    xMin: Number(xMin),
    xMax: Number(xMax),
    yMin: Number(yMin),
  }));
  const info = (await run('pdfinfo', [path])).stdout;
  const struct = (await run('pdfinfo', ['-struct', path])).stdout;
  // The figures' boxes, in PDF space (origin bottom left); the QR code is the last figure.
  const figures = [...struct.matchAll(/\/BBox \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/g)].map((match) =>
    match.slice(1, 5).map(Number),
  );
  return { pdf: Buffer.from(pdf), words, info, struct, figures };
}

/** The words on the line whose top is nearest `y`. */
const lineAt = (words: Word[], y: number) => words.filter((word) => Math.abs(word.yMin - y) < 1);
const right = (words: Word[]) => Math.max(...words.map((word) => word.xMax));
const left = (words: Word[]) => Math.min(...words.map((word) => word.xMin));
const years = (words: Word[]) => words.filter((word) => word.text === '2025' || word.text === '2027');

const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'render-locales-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('an Arabic certificate (classic design)', () => {
  let ar: Awaited<ReturnType<typeof render>>;
  let en: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    const expiresAt = '2027-03-12T09:30:00Z';
    ar = await render(sampleLocaleInput('ar', { expiresAt }), 'ar-classic');
    en = await render(sampleLocaleInput('en', { expiresAt }), 'en-classic');
  });

  it('says its language is Arabic, with an Arabic title', () => {
    expect(ar.pdf.toString('latin1')).toMatch(/\/Lang \(ar\)/);
    expect(ar.info).toMatch(/^Title:\s+شهادة إتمام: أساسيات إدارة المشاريع$/m);
    expect(ar.info).toMatch(/^Tagged:\s+yes$/m);
    expect(en.pdf.toString('latin1')).toMatch(/\/Lang \(en-ZA\)/);
  });

  it('prints Arabic dates and keeps the QR code’s alternative text in Arabic', () => {
    expect(ar.words.some((word) => word.text.includes('سرام'))).toBe(true); // مارس, as poppler copies it
    // The start of the alternative text only: pdfkit escapes the ")" byte inside ة (U+0629) further on.
    expect(ar.pdf.includes(utf16('رمز QR يؤدي'))).toBe(true);
    expect(en.words.map((word) => word.text)).toContain('March');
  });

  it('puts the dates on the right and the QR code on the left, mirrored from English', () => {
    const arYears = years(ar.words);
    const enYears = years(en.words);
    expect(arYears).toHaveLength(3);
    expect(enYears).toHaveLength(3);
    for (const word of arYears) expect(word.xMin).toBeGreaterThan(A4.width * 0.66);
    for (const word of enYears) expect(word.xMax).toBeLessThan(A4.width * 0.34);
    const [arQrLeft, , arQrRight] = ar.figures.at(-1)!;
    const [enQrLeft] = en.figures.at(-1)!;
    expect(arQrRight!).toBeLessThan(A4.width * 0.34);
    expect(enQrLeft!).toBeGreaterThan(A4.width * 0.66);
    expect(arQrLeft!).toBeGreaterThan(0);
  });

  it('aligns each date with its label on the right edge, as English aligns them on the left', () => {
    // The label is the line just above each date, in the same column.
    const edges = (words: Word[], inColumn: (word: Word) => boolean, edge: (line: Word[]) => number) =>
      years(words).map((year) => {
        const column = words.filter(inColumn);
        const labelTop = Math.max(
          ...column.filter((word) => word.yMin < year.yMin - 3).map((word) => word.yMin),
        );
        return [edge(lineAt(column, year.yMin)), edge(lineAt(column, labelTop))] as const;
      });
    const arEdges = edges(ar.words, (word) => word.xMin > A4.width * 0.66, right);
    const enEdges = edges(en.words, (word) => word.xMax < A4.width * 0.34, left);
    expect(arEdges).toHaveLength(3);
    for (const [date, label] of arEdges) expect(Math.abs(date - label)).toBeLessThan(1.5);
    for (const [date, label] of enEdges) expect(Math.abs(date - label)).toBeLessThan(1.5);
    // Flush with the text column's right edge (side margin 72 pt).
    for (const [date] of arEdges) expect(date).toBeGreaterThan(A4.width - 72 - 3);
  });
});

describe('an Arabic certificate (modern design)', () => {
  it('sets the name and course flush right, the spine on the right edge', async () => {
    const ar = await render(sampleLocaleInput('ar', { templateId: 'modern' }), 'ar-modern');
    const en = await render(sampleLocaleInput('en', { templateId: 'modern' }), 'en-modern');
    const courseWords = (words: Word[], text: string) =>
      lineAt(words, words.find((word) => word.text === text)!.yMin);
    // The modern design's text column runs from 78 pt to 56 pt from the edges; mirrored for Arabic.
    expect(right(courseWords(ar.words, 'عيراشملا'))).toBeGreaterThan(A4.width - 78 - 3);
    expect(left(courseWords(en.words, 'Project'))).toBeLessThan(78 + 3);
    const [qrLeft] = ar.figures.at(-1)!;
    expect(qrLeft!).toBeLessThan(A4.width / 3);
  });
});

describe('certificates in the other languages', () => {
  const expected: Record<Exclude<LocaleCode, 'ar'>, { lang: string; words: string[] }> = {
    en: { lang: 'en-ZA', words: ['Certificate', 'March'] },
    af: { lang: 'af-ZA', words: ['Sertifikaat', 'Maart', 'voltooi'] },
    zu: { lang: 'zu-ZA', words: ['Isitifiketi', 'Mashi', 'ngempumelelo'] },
    fr: { lang: 'fr', words: ['Certificat', 'mars', 'formation'] },
  };
  it.each(Object.entries(expected))(
    '%s: wording, dates and /Lang in the language',
    async (locale, { lang, words }) => {
      const {
        pdf,
        words: printed,
        info,
      } = await render(sampleLocaleInput(locale as LocaleCode), `${locale}-classic`);
      expect(pdf.toString('latin1')).toContain(`/Lang (${lang})`);
      const texts = printed.map((word) => word.text);
      for (const word of words) expect(texts).toContain(word);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      // Left to right: the dates column stays on the left.
      for (const year of years(printed)) expect(year.xMax).toBeLessThan(A4.width * 0.34);
    },
  );
});
