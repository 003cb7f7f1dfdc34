import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReactPdfCertificateRenderer } from '../../functions/adapters/render/react-pdf-renderer.js';
import { formatCertificateNumber } from '../../functions/core/certificate-number.js';
import { ValidationError } from '../../functions/core/errors.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import { sampleLogoPng } from '../../templates/assets/sample-images.js';
import { brand } from '../../templates/certificate/brand.js';
import { contrastOnWhite, resolveDesign } from '../../templates/certificate/design.js';
import {
  LONG_COURSE_TITLE,
  LONG_NAME,
  HARD_NAMES as SAMPLE_HARD_NAMES,
  SAMPLE_NUMBER,
  sampleCertificateInput,
  sampleDesign,
} from '../../templates/certificate/samples.js';

/**
 * The real renderer, checked with the tools a reader's software would use: qpdf (structure), poppler
 * (text, fonts, rasterising) and zbar (the QR code as a phone would scan it).
 * Debian: qpdf, poppler-utils, zbar-tools, fonts-noto-core, fonts-dejavu-core, fonts-droid-fallback,
 * fonts-urw-base35.
 */

const run = promisify(execFile);
const TEMPLATES = ['classic', 'modern'] as const;
const NUMBER = SAMPLE_NUMBER;
const LONG_COURSE = LONG_COURSE_TITLE;
const HARD_NAMES = Object.values(SAMPLE_HARD_NAMES);
const input = sampleCertificateInput;

/** What pdftotext gives, made comparable: poppler wraps right-to-left text in bidi embeddings. */
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOGO = sampleLogoPng();
const DESIGN = sampleDesign();

let dir: string;
let renderer: ReactPdfCertificateRenderer;
let fileCount = 0;

async function renderToFile(certificate: CertificateDocumentInput, target = renderer): Promise<string> {
  const pdf = await target.render(certificate);
  const path = join(dir, `certificate-${fileCount++}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

async function text(path: string): Promise<string> {
  return comparable((await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout);
}

async function fonts(path: string): Promise<{ name: string; embedded: string }[]> {
  const { stdout } = await run('pdffonts', [path]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the fifth column from the end.
      return { name: columns[0] as string, embedded: columns[columns.length - 5] as string };
    });
}

/** Every colour the page paints with (fill and stroke operators), as #RRGGBB. */
async function paintColours(path: string): Promise<Set<string>> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', path, '-'], {
    encoding: 'latin1',
    maxBuffer: 16 * 1024 * 1024,
  });
  const colours = new Set<string>();
  for (const match of stdout.matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG|sc|SC|scn|SCN)$/gm)) {
    const hex = match
      .slice(1, 4)
      .map((value) =>
        Math.round(Number(value) * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('');
    colours.add(`#${hex.toUpperCase()}`);
  }
  return colours;
}

interface ListedImage {
  type: string;
  width: number;
  height: number;
}

/** pdfimages -list: each image and soft mask on the page. */
async function images(path: string): Promise<ListedImage[]> {
  const { stdout } = await run('pdfimages', ['-list', path]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const [, , type, width, height] = line.trim().split(/\s+/);
      return { type: type as string, width: Number(width), height: Number(height) };
    });
}

async function info(path: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', path]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'render-test-'));
  renderer = new ReactPdfCertificateRenderer();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(TEMPLATES)('the %s template', (templateId) => {
  it.each(HARD_NAMES)(
    'prints %s as real, embedded, extractable text on one valid page',
    async (holderName) => {
      const path = await renderToFile(input({ holderName, templateId }));

      const check = await run('qpdf', ['--check', path]);
      expect(check.stdout).toContain('No syntax or stream encoding errors found');

      const extracted = await text(path);
      expect(extracted).toContain(comparable(holderName));
      expect(extracted).toContain('Project Management Fundamentals');
      expect(extracted).toContain(formatCertificateNumber(NUMBER));
      expect(extracted).toContain('12 March 2025');

      const used = await fonts(path);
      expect(used.length).toBeGreaterThan(0);
      for (const font of used) expect(font, font.name).toMatchObject({ embedded: 'yes' });

      expect((await info(path)).Pages).toBe('1');
    },
  );

  it('fits a very long name and course title on its one page, wrapped, not clipped', async () => {
    const path = await renderToFile(
      input({
        holderName: LONG_NAME,
        courseTitle: LONG_COURSE,
        courseDescription: 'A'.repeat(20),
        templateId,
      }),
    );
    const extracted = await text(path);
    expect(extracted).toContain(LONG_NAME);
    expect(extracted).toContain(LONG_COURSE);
    expect((await info(path)).Pages).toBe('1');
    // Text outside the page box would be dropped by pdftotext's cropping; the footer must be there too.
    expect(extracted).toContain(formatCertificateNumber(NUMBER));
  });

  it('carries a QR code that scans to the verification URL', async () => {
    const path = await renderToFile(input({ templateId }));
    const image = join(dir, `qr-${templateId}`);
    await run('pdftoppm', ['-png', '-gray', '-r', '110', '-singlefile', path, image]);
    const { stdout } = await run('zbarimg', ['-q', '--raw', `${image}.png`]);
    expect(stdout.trim()).toBe(`https://verify.saypro.online/verify/${NUMBER}`);
  });

  it('renders the same input to the same bytes, and different input to different bytes', async () => {
    const certificate = input({ templateId });
    const first = await renderer.render(certificate);
    const second = await new ReactPdfCertificateRenderer().render(certificate);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const other = await renderer.render({ ...certificate, holderName: 'Zoë Ñúñez-Ångstrom' });
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });
});

describe('the renderer', () => {
  it('renders the same bytes in a fresh process as in one that rendered many other certificates', async () => {
    // fontkit caches glyphs and layouts per process, and pdfkit's image work is kept per process: what
    // earlier documents did must not leak into later ones.
    const certificates = [
      input({ holderName: 'Ångström Ñúñez Alejandra Ávila', templateId: 'modern' }),
      input({ holderName: 'Zoë Ñúñez-Ångström', templateId: 'classic', design: DESIGN }),
    ];
    await renderer.render(certificates[1] as CertificateDocumentInput);
    const here = await Promise.all(certificates.map((certificate) => renderer.render(certificate)));
    const script = `
      const { ReactPdfCertificateRenderer } = await import(${JSON.stringify(new URL('../../functions/adapters/render/react-pdf-renderer.ts', import.meta.url).href)});
      const renderer = new ReactPdfCertificateRenderer();
      const pdfs = [];
      for (const certificate of ${JSON.stringify(certificates)}) pdfs.push(Buffer.from(await renderer.render(certificate)).toString('base64'));
      process.stdout.write(pdfs.join(' '));`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const fresh = stdout.split(' ');
    expect(fresh).toHaveLength(2);
    fresh.forEach((pdf, index) => {
      expect(
        Buffer.from(pdf, 'base64').equals(Buffer.from(here[index] as Uint8Array)),
        `certificate ${index}`,
      ).toBe(true);
    });
  });

  it('writes document metadata from the input: title, author, subject, language, creation date', async () => {
    const path = await renderToFile(input());
    const meta = await info(path);
    expect(meta.Title).toBe('Certificate of Completion: Project Management Fundamentals');
    expect(meta.Author).toBe('SayPro');
    expect(meta.Subject).toContain('Zoë Ñúñez-Ångström');
    expect(meta.Subject).toContain(formatCertificateNumber(NUMBER));
    expect(meta.CreationDate).toMatch(/Mar 12 09:30:00 2025/);
    const catalog = (await run('qpdf', ['--show-object=trailer', '--filtered-stream-data', path])).stdout;
    expect(catalog).toContain('/Root');
    const { stdout: raw } = await run('qpdf', ['--qdf', '--object-streams=disable', path, '-']);
    expect(raw).toMatch(/\/Lang \(en-ZA\)/);
  });

  it('uses the default design for an unknown template id', async () => {
    const unknown = await renderer.render(input({ templateId: 'no-such-design' }));
    const classic = await renderer.render(input({ templateId: 'classic' }));
    const modern = await renderer.render(input({ templateId: 'modern' }));
    expect(Buffer.from(unknown).equals(Buffer.from(classic))).toBe(true);
    expect(Buffer.from(unknown).equals(Buffer.from(modern))).toBe(false);
  });

  it('renders US Letter when asked', async () => {
    const letter = new ReactPdfCertificateRenderer({ pageSize: 'LETTER' });
    for (const templateId of TEMPLATES) {
      const path = await renderToFile(input({ templateId, holderName: LONG_NAME }), letter);
      expect((await info(path))['Page size']).toMatch(/^792 x 612 pts/);
      expect(await text(path)).toContain(LONG_NAME);
    }
    const a4 = await renderToFile(input());
    expect((await info(a4))['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
  });

  it('strips bidi overrides and zero-width characters from the printed name', async () => {
    const path = await renderToFile(input({ holderName: '\u202EZoë\u202C Ñúñez\u200B-Ångström' }));
    expect(await text(path)).toContain('Zoë Ñúñez-Ångström');
  });

  it('refuses an emoji-only name with a validation error', async () => {
    await expect(renderer.render(input({ holderName: '😀🎓' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(renderer.render(input({ holderName: '😀🎓' }))).rejects.toThrow(/no letters/);
  });
});

describe('a course design', () => {
  it('sets the page size, overriding the renderer default', async () => {
    const letter = await renderToFile(input({ design: { pageSize: 'LETTER' } }));
    expect((await info(letter))['Page size']).toMatch(/^792 x 612 pts/);
    const a4 = await renderToFile(
      input({ design: { pageSize: 'A4' } }),
      new ReactPdfCertificateRenderer({ pageSize: 'LETTER' }),
    );
    expect((await info(a4))['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
  });

  it.each(TEMPLATES)(
    'paints the %s template in the course colours instead of navy and gold',
    async (templateId) => {
      const standard = await paintColours(await renderToFile(input({ templateId })));
      expect(standard).toContain(brand.navy);
      expect(standard).toContain(brand.gold);

      // SayPro's own logo keeps SayPro's colours; with the course's logo, nothing navy or gold is left.
      const colours = { primaryColour: '#0f6e6a', accentColour: '#C8553D' };
      const recoloured = await paintColours(await renderToFile(input({ templateId, design: colours })));
      expect(recoloured).toContain('#0F6E6A');
      expect(recoloured).toContain('#C8553D');
      const custom = await paintColours(await renderToFile(input({ templateId, design: DESIGN })));
      expect(custom).toContain('#0F6E6A');
      expect(custom).toContain('#C8553D');
      expect(custom).not.toContain(brand.navy);
      expect(custom).not.toContain(brand.gold);
    },
  );

  it('keeps text readable when the primary colour is too light for it', async () => {
    const pale = '#F2D530';
    expect(contrastOnWhite(pale)).toBeLessThan(4.5);
    const { palette } = resolveDesign({ primaryColour: pale });
    expect(palette).toMatchObject({ primary: pale, primaryText: brand.ink });
    expect(resolveDesign({ primaryColour: '#0F6E6A' }).palette.primaryText).toBe('#0F6E6A');

    // The modern design draws its spine in the primary colour and the name in the text colour.
    const path = await renderToFile(input({ templateId: 'modern', design: { primaryColour: pale } }));
    const colours = await paintColours(path);
    expect(colours).toContain(pale);
    expect(colours).toContain(brand.ink);
    expect(await text(path)).toContain('Zoë Ñúñez-Ångström');
  });

  it.each(TEMPLATES)(
    'draws the course logo and signature image in the %s template, in a valid PDF',
    async (templateId) => {
      const path = await renderToFile(input({ templateId, design: DESIGN }));
      const check = await run('qpdf', ['--check', path]);
      expect(check.stdout).toContain('No syntax or stream encoding errors found');
      const listed = await images(path);
      expect(listed).toEqual(
        expect.arrayContaining([
          { type: 'image', width: 360, height: 120 },
          { type: 'smask', width: 360, height: 120 },
          { type: 'image', width: 480, height: 140 },
          { type: 'smask', width: 480, height: 140 },
        ]),
      );
      expect(listed).toHaveLength(4);
      const extracted = await text(path);
      expect(extracted).toContain('Issued by SayPro');
      expect(extracted).toContain('Lindiwe Mokoena');
      expect((await info(path)).Pages).toBe('1');
    },
  );

  it('still fits a very long name and course title with a logo on Letter paper', async () => {
    const path = await renderToFile(
      input({ holderName: LONG_NAME, courseTitle: LONG_COURSE, design: { ...DESIGN, pageSize: 'LETTER' } }),
    );
    const extracted = await text(path);
    expect(extracted).toContain(LONG_NAME);
    expect(extracted).toContain(formatCertificateNumber(NUMBER));
    expect((await info(path)).Pages).toBe('1');
  });

  it('falls back to the SayPro logo and drawn signature when an image is not a readable PNG', async () => {
    const truncated = LOGO.subarray(0, LOGO.length - 30).toString('base64');
    const path = await renderToFile(
      input({ design: { logoPngBase64: truncated, signatureImagePngBase64: 'iVBORw0KGgoAAAA=' } }),
    );
    expect(await images(path)).toEqual([]);
    expect(await text(path)).not.toContain('Issued by SayPro');
  });

  it('renders the same design to the same bytes', async () => {
    const certificate = input({ templateId: 'modern', design: DESIGN });
    const first = await renderer.render(certificate);
    const second = await new ReactPdfCertificateRenderer().render(structuredClone(certificate));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
