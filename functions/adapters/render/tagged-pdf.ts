import layoutDocument from '@react-pdf/layout';
import renderLaidOut from '@react-pdf/render';
import { Font, pdf } from '@react-pdf/renderer';
import PDFDocument from 'pdfkit';
import type { ReactElement } from 'react';
import {
  installedVersion,
  TAGGING_VERSIONS,
} from '../../../templates/certificate/render-patches/versions.js';
import { type StructureMark, structureMark } from '../../../templates/certificate/structure.js';

/**
 * Renders a react-pdf document as a tagged PDF: a structure tree (headings, paragraphs, figures with
 * alternative text), decoration marked as artifacts, /MarkInfo /Marked true, the document language and a
 * title shown in the window bar. react-pdf draws everything untagged, so this does its last step itself:
 *
 * react-pdf lays the document out (@react-pdf/layout) and draws the laid-out tree (@react-pdf/render) onto a
 * pdfkit document. Here the same two steps run with a pdfkit document created `tagged`, and the tree is
 * walked here instead of in one piece: each part (a Text, an Svg, an Image, a View's own background and
 * borders) is drawn by react-pdf's own renderer, as a one-node document, between the marked-content
 * operators of its structure element (templates/certificate/structure.ts says which). Positions are the
 * same translations react-pdf applies, so the page looks exactly as untagged (the tests compare pixels).
 *
 * A View whose drawing needs more than a translation (overflow: hidden clips, transforms) is drawn whole,
 * as one part, since the clip or transform would have to be applied around each child.
 */

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface LaidOutNode {
  type: string;
  box?: Box;
  style?: Record<string, unknown>;
  props?: Record<string, unknown>;
  children?: LaidOutNode[];
}

/** The parts of pdfkit's tagging API used here (pdfkit 0.20). */
interface StructElement {
  add(child: StructElement | StructContent): StructElement;
  end(): void;
}
type StructContent = object;
interface TaggedContext {
  addPage: (...args: unknown[]) => TaggedContext;
  end: () => void;
  save(): TaggedContext;
  restore(): TaggedContext;
  translate(x: number, y: number): TaggedContext;
  markContent(tag: string, options?: Record<string, unknown> | null): TaggedContext;
  markStructureContent(tag: string, options?: Record<string, unknown>): StructContent;
  endMarkedContent(): TaggedContext;
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): TaggedContext;
  on(event: string, listener: (chunk?: Buffer) => void): void;
  _root: { data: Record<string, unknown> };
}

/** Styles by which a View paints something of its own: decoration, so an artifact. */
const DECORATION_STYLES = [
  'backgroundColor',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
] as const;

function hasDecoration(node: LaidOutNode): boolean {
  return DECORATION_STYLES.some((key) => {
    const value = node.style?.[key];
    return typeof value === 'number' ? value > 0 : Boolean(value);
  });
}

/** Whether react-pdf would do more than translate before drawing this node's children. */
function needsWholeDrawing(node: LaidOutNode): boolean {
  return node.style?.overflow === 'hidden' || Boolean(node.style?.transform) || Boolean(node.props?.id);
}

class TaggedWalk {
  private readonly root: StructElement;
  private x = 0;
  private y = 0;

  constructor(private readonly ctx: TaggedContext) {
    this.root = ctx.struct('Document');
    ctx.addStructure(this.root);
  }

  /** Draws `node` (and what it holds) with react-pdf's renderer, as the only node of a document. */
  private draw(node: LaidOutNode): void {
    const end = this.ctx.end;
    this.ctx.end = () => {};
    try {
      renderLaidOut(this.ctx as never, { type: 'DOCUMENT', children: [node] } as never);
    } finally {
      this.ctx.end = end;
    }
  }

  private artifact(node: LaidOutNode): void {
    this.ctx.markContent('Artifact');
    this.draw(node);
    this.ctx.endMarkedContent();
  }

  private content(element: StructElement, role: string, node: LaidOutNode): void {
    const marked = this.ctx.markStructureContent(role);
    this.draw(node);
    this.ctx.endMarkedContent();
    element.add(marked);
  }

  private element(mark: StructureMark, node: LaidOutNode, parent: StructElement): StructElement {
    const options: Record<string, unknown> = {};
    if (mark.alt) options.alt = mark.alt;
    if (mark.actual) options.actual = mark.actual;
    if (mark.role === 'Figure' && node.box) {
      const { left, top, width, height } = node.box;
      options.bbox = [this.x + left, this.y + top, this.x + left + width, this.y + top + height];
    }
    const element = this.ctx.struct(mark.role, options);
    parent.add(element);
    return element;
  }

  page(page: LaidOutNode): void {
    // react-pdf adds the page and paints its background in one step: open the artifact as the page opens.
    const addPage = this.ctx.addPage;
    this.ctx.addPage = (...args: unknown[]) => {
      const result = addPage.apply(this.ctx, args);
      this.ctx.markContent('Artifact');
      return result;
    };
    try {
      this.draw({ ...page, children: [] });
    } finally {
      this.ctx.addPage = addPage;
    }
    this.ctx.endMarkedContent();
    this.children(page, this.root, undefined);
  }

  private children(
    node: LaidOutNode,
    parent: StructElement,
    into: { element: StructElement; role: string } | undefined,
  ) {
    const { left = 0, top = 0 } = node.box ?? {};
    this.ctx.save();
    this.ctx.translate(left, top);
    this.x += left;
    this.y += top;
    for (const child of node.children ?? []) this.node(child, parent, into);
    this.x -= left;
    this.y -= top;
    this.ctx.restore();
  }

  private node(
    node: LaidOutNode,
    parent: StructElement,
    into: { element: StructElement; role: string } | undefined,
  ): void {
    const mark = structureMark(node.props);
    if (mark?.role === 'Artifact' && !into) {
      this.artifact(node);
      return;
    }
    if (node.type === 'VIEW' && !needsWholeDrawing(node)) {
      if (hasDecoration(node)) this.artifact({ ...node, children: [] });
      if (mark && !into) {
        const element = this.element(mark, node, parent);
        this.children(node, parent, { element, role: mark.role });
        element.end();
      } else {
        this.children(node, parent, into);
      }
      return;
    }
    if (into) {
      this.content(into.element, into.role, node);
      return;
    }
    if (mark || node.type === 'TEXT') {
      const element = this.element(mark ?? { role: 'P' }, node, parent);
      this.content(element, mark?.role ?? 'P', node);
      element.end();
      return;
    }
    this.artifact(node);
  }

  finish(): void {
    this.root.end();
  }
}

/** The react-pdf document as a tagged PDF, with the same look, metadata and determinism as renderToBuffer. */
export async function renderTaggedPdf(document: ReactElement): Promise<Buffer> {
  const container = (pdf(document as never) as unknown as { container: { document: LaidOutNode } }).container;
  const documentNode = container.document;
  const props = (documentNode.props ?? {}) as Record<string, unknown>;
  const info = Object.fromEntries(
    Object.entries({
      Title: props.title,
      Author: props.author,
      Subject: props.subject,
      Keywords: props.keywords,
      Creator: props.creator ?? 'react-pdf',
      Producer: props.producer ?? 'react-pdf',
      CreationDate: props.creationDate,
      ModificationDate: props.modificationDate,
    }).filter(([, value]) => value !== undefined),
  );
  // The options react-pdf passes (react-pdf 4.9's pdf()), plus tagging; PDF 1.7 for the structure types.
  const ctx = new PDFDocument({
    compress: true,
    pdfVersion: '1.7',
    lang: props.language,
    displayTitle: true,
    autoFirstPage: false,
    tagged: true,
    info,
  } as never) as unknown as TaggedContext;
  const laidOut = (await (
    layoutDocument as unknown as (node: unknown, fonts: unknown) => Promise<LaidOutNode>
  )(documentNode, Font)) as LaidOutNode;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    ctx.on('data', (chunk) => chunks.push(chunk as Buffer));
    ctx.on('end', () => resolve(Buffer.concat(chunks)));
    ctx.on('error', reject as never);
  });
  const walk = new TaggedWalk(ctx);
  for (const page of laidOut.children ?? []) walk.page(page);
  walk.finish();
  ctx.end();
  return done;
}

let supported: boolean | undefined;

/**
 * Whether the installed react-pdf layout and render steps and pdfkit are the versions the walk above was
 * written for. On others the renderer falls back to react-pdf's own untagged output, with a warning: an
 * untagged certificate is still a correct certificate, a wrongly drawn one is not.
 */
export function taggedRenderingSupported(
  versionOf: (library: keyof typeof TAGGING_VERSIONS) => string | undefined = installedVersion,
  warn: (message: string) => void = console.warn,
): boolean {
  if (supported !== undefined && versionOf === installedVersion) return supported;
  const mismatches = (Object.keys(TAGGING_VERSIONS) as (keyof typeof TAGGING_VERSIONS)[])
    .filter((library) => versionOf(library) !== TAGGING_VERSIONS[library])
    .map(
      (library) => `${library} ${versionOf(library) ?? 'unknown'} (written for ${TAGGING_VERSIONS[library]})`,
    );
  if (mismatches.length > 0) {
    warn(`certificate PDFs will not be tagged: ${mismatches.join(', ')}; they render untagged instead.`);
  }
  const result = mismatches.length === 0;
  if (versionOf === installedVersion) supported = result;
  return result;
}
