import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReactPdfCertificateRenderer } from '../../functions/adapters/render/react-pdf-renderer.js';
import { taggedRenderingSupported } from '../../functions/adapters/render/tagged-pdf.js';
import type { CertificateDocumentInput } from '../../functions/core/ports.js';
import { TAGGING_VERSIONS } from '../../templates/certificate/render-patches/versions.js';
import { HARD_NAMES, sampleCertificateInput, sampleDesign } from '../../templates/certificate/samples.js';

/**
 * The certificate as an accessible, tagged PDF, checked with qpdf (the structure tree, as objects) and
 * poppler (tagged, text in content order, pixels): what a screen reader finds, and that tagging changes
 * nothing on the page.
 */

const run = promisify(execFile);

let dir: string;
let count = 0;
const tagged = new ReactPdfCertificateRenderer();
const untagged = new ReactPdfCertificateRenderer({ tagged: false });

async function renderToFile(input: CertificateDocumentInput, renderer = tagged): Promise<string> {
  const path = join(dir, `certificate-${count++}.pdf`);
  writeFileSync(path, await renderer.render(input));
  return path;
}

type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
type PdfDict = Record<string, PdfValue>;

/** Every object of the file, by reference ("12 0 R"), from qpdf's JSON. */
async function objects(path: string): Promise<Map<string, PdfValue>> {
  const { stdout } = await run('qpdf', ['--json', '--json-key=qpdf', path], { maxBuffer: 32 * 1024 * 1024 });
  const [, all] = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: PdfValue }>] }).qpdf;
  const map = new Map<string, PdfValue>();
  for (const [key, entry] of Object.entries(all)) {
    if (key.startsWith('obj:') && entry.value !== undefined) map.set(key.slice(4), entry.value);
  }
  return map;
}

/** qpdf writes text strings as "u:text". */
const textOf = (value: PdfValue | undefined) =>
  typeof value === 'string' ? value.replace(/^u:/, '') : value;

interface Element {
  type: string;
  alt?: string;
  actual?: string;
  mcids: number[];
  bbox?: number[];
}

/** The structure tree's elements in logical order (depth first), with their marked-content ids. */
function structure(all: Map<string, PdfValue>): Element[] {
  const catalog = [...all.values()].find((value) => (value as PdfDict)['/Type'] === '/Catalog') as PdfDict;
  const root = all.get(catalog['/StructTreeRoot'] as string) as PdfDict;
  const elements: Element[] = [];
  const visit = (ref: PdfValue) => {
    const node = (typeof ref === 'string' ? all.get(ref) : ref) as PdfDict;
    const kids = node['/K'];
    const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
    const element: Element = { type: String(node['/S']).slice(1), mcids: [] };
    if (node['/Alt']) element.alt = String(textOf(node['/Alt']));
    if (node['/ActualText']) element.actual = String(textOf(node['/ActualText']));
    const bbox = (node['/A'] as PdfDict | undefined)?.['/BBox'];
    if (Array.isArray(bbox)) element.bbox = bbox as number[];
    elements.push(element);
    for (const kid of list) {
      if (typeof kid === 'number') element.mcids.push(kid);
      else visit(kid);
    }
  };
  for (const kid of root['/K'] as PdfValue[]) visit(kid);
  return elements;
}

/** The page's content stream, decoded. */
async function content(path: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--json', '--json-key=pages', path]);
  const page = (JSON.parse(stdout) as { pages: { contents: string[] }[] }).pages[0] as { contents: string[] };
  const id = (page.contents[0] as string).split(' ')[0] as string;
  const { stdout: stream } = await run('qpdf', [`--show-object=${id}`, '--filtered-stream-data', path], {
    encoding: 'latin1',
    maxBuffer: 32 * 1024 * 1024,
  });
  return stream;
}

const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh']);

/** The content stream's operators with the marked-content nesting they run in. */
function markedOperators(stream: string): { op: string; marks: string[] }[] {
  const tokens = stream
    .replace(/\((?:\\.|[^\\)])*\)/g, ' (s) ')
    .replace(/<[0-9A-Fa-f\s]*>(?!>)/g, ' <h> ')
    .split(/\s+/)
    .filter(Boolean);
  const marks: string[] = [];
  const result: { op: string; marks: string[] }[] = [];
  let lastName = '';
  let depth = 0; // dictionary nesting inside a BDC's operands
  for (const token of tokens) {
    if (token === '<<') depth += 1;
    else if (token === '>>') depth -= 1;
    else if (depth > 0) continue;
    else if (token.startsWith('/')) lastName = token.slice(1);
    else if (token === 'BDC' || token === 'BMC') marks.push(lastName);
    else if (token === 'EMC') marks.pop();
    else if (PAINTING.has(token)) result.push({ op: token, marks: [...marks] });
  }
  return result;
}

async function rawText(path: string): Promise<string> {
  // poppler wraps right-to-left text in bidi embeddings.
  return (await run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'])).stdout
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')
    .replace(/\s+/g, ' ');
}

async function grey(path: string): Promise<Buffer> {
  const prefix = path.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-r', '40', '-gray', '-singlefile', path, prefix]);
  const { readFileSync } = await import('node:fs');
  return readFileSync(`${prefix}.pgm`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'render-tagged-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = {
  classic: sampleCertificateInput({ templateId: 'classic' }),
  modern: sampleCertificateInput({ templateId: 'modern' }),
  'classic with a course design': sampleCertificateInput({ templateId: 'classic', design: sampleDesign() }),
  'modern with a course design and an Arabic name': sampleCertificateInput({
    templateId: 'modern',
    design: sampleDesign(),
    holderName: HARD_NAMES.arabic,
  }),
};

describe.each(Object.entries(CASES))('the %s certificate', (_label, input) => {
  let path: string;
  let all: Map<string, PdfValue>;
  beforeAll(async () => {
    path = await renderToFile(input);
    all = await objects(path);
  });

  it('is tagged, with its language, title and /MarkInfo', async () => {
    const { stdout } = await run('pdfinfo', [path]);
    expect(stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(stdout).toMatch(/^Title:\s+Certificate of Completion: Project Management Fundamentals$/m);
    const catalog = [...all.values()].find((value) => (value as PdfDict)['/Type'] === '/Catalog') as PdfDict;
    expect(textOf(catalog['/Lang'])).toBe('en-ZA');
    expect(all.get(catalog['/MarkInfo'] as string)).toEqual({ '/Marked': true });
    expect(all.get(catalog['/ViewerPreferences'] as string)).toMatchObject({ '/DisplayDocTitle': true });
    expect(catalog['/StructTreeRoot']).toBeDefined();
  });

  it('has a structure tree in reading order: logo, title, name, course, description, facts, signature, QR code', () => {
    const elements = structure(all);
    const types = elements.map((element) => element.type);
    expect(types[0]).toBe('Document');
    expect(types.filter((type) => type === 'H1')).toHaveLength(1);
    expect(types.filter((type) => type === 'H2')).toHaveLength(2);
    const order = (predicate: (element: Element) => boolean) => elements.findIndex(predicate);
    const logo = order((element) => element.type === 'Figure' && /logo/i.test(element.alt ?? ''));
    const title = order((element) => element.type === 'H1');
    const headings = elements.filter((element) => element.type === 'H2');
    const signature = order((element) => element.alt === 'Signature of Lindiwe Mokoena');
    const qr = order((element) => element.type === 'Figure' && (element.alt ?? '').startsWith('QR code'));
    expect(logo).toBeGreaterThan(0);
    expect(title).toBeGreaterThan(logo);
    expect(elements.indexOf(headings[0] as Element)).toBeGreaterThan(title);
    expect(signature).toBeGreaterThan(elements.indexOf(headings[1] as Element));
    expect(qr).toBeGreaterThan(0);
    expect(elements[title]?.actual).toBe('Certificate of Completion');
    // Logical order is content order: marked-content ids rise through the tree.
    const mcids = elements.flatMap((element) => element.mcids);
    expect(mcids.length).toBeGreaterThan(15);
    expect(mcids).toEqual([...mcids].sort((a, b) => a - b));
  });

  it('gives the QR code and the signature alternative text and a bounding box', () => {
    const figures = structure(all).filter((element) => element.type === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([
      expect.stringMatching(/logo/i),
      'Signature of Lindiwe Mokoena',
      `QR code linking to the verification page ${input.verificationUrl}`,
    ]);
    for (const figure of figures) {
      expect(figure.mcids.length).toBeGreaterThan(0);
      const [x1, y1, x2, y2] = figure.bbox as number[];
      expect(x2 as number).toBeGreaterThan(x1 as number);
      expect(y2 as number).toBeGreaterThan(y1 as number);
    }
  });

  it('draws everything inside marked content: text in structure, frames and rules as artifacts', async () => {
    const operators = markedOperators(await content(path));
    expect(operators.length).toBeGreaterThan(20);
    const unmarked = operators.filter((operator) => operator.marks.length === 0);
    expect(unmarked).toEqual([]);
    const text = operators.filter((operator) => operator.op === 'Tj' || operator.op === 'TJ');
    expect(text.length).toBeGreaterThan(10);
    expect(text.filter((operator) => operator.marks.includes('Artifact'))).toEqual([]);
    expect(operators.some((operator) => operator.marks.at(-1) === 'Artifact' && operator.op === 'S')).toBe(
      true,
    );
  });

  it('reads in order: title, name, course, description, date, signatory, number', async () => {
    const text = await rawText(path);
    const at = (part: string) => text.indexOf(part);
    // A right-to-left name comes out word by word in visual order: find its first word wherever it is.
    const name = Math.min(...input.holderName.split(' ').map((word) => at(word)));
    const positions = [
      at(input.templateId === 'modern' ? 'C E R T I F I C A T E O F' : 'Certificate'),
      name,
      at(input.courseTitle),
      at(input.courseDescription),
      at('10 March 2025'),
      at(input.signatory.name),
      at('7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE'),
    ];
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('looks and reads exactly as the untagged PDF', async () => {
    const plain = await renderToFile(input, untagged);
    const { stdout } = await run('pdfinfo', [plain]);
    expect(stdout).toMatch(/^Tagged:\s+no$/m);
    expect(await rawText(path)).toBe(await rawText(plain));
    expect((await grey(path)).equals(await grey(plain))).toBe(true);
  });
});

describe('the tagged renderer', () => {
  it('renders the same bytes for the same input', async () => {
    const input = CASES['classic with a course design'];
    const [a, b] = [await tagged.render(input), await tagged.render(input)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('is used only with the react-pdf and pdfkit versions it was written for, else warns', () => {
    expect(taggedRenderingSupported()).toBe(true);
    const warnings: string[] = [];
    const supported = taggedRenderingSupported(
      (library) => (library === '@react-pdf/render' ? '4.8.0' : TAGGING_VERSIONS[library]),
      (message) => warnings.push(message),
    );
    expect(supported).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('@react-pdf/render 4.8.0 (written for 4.7.0)')]);
  });
});
