/**
 * What each part of a certificate is, for the tagged PDF (docs/certificate.md, "Accessibility"). react-pdf
 * does not tag; the renderer (functions/adapters/render/tagged-pdf.ts) reads these marks from the laid-out
 * tree and wraps each part's drawing in marked content tied to a structure element.
 *
 * Defaults, so a template only marks what differs: a Text is a paragraph (P); an Svg or Image is decoration
 * (an artifact, skipped by screen readers); a View's own background and borders are artifacts, and its
 * children are tagged one by one. A View marked with a role gathers everything inside it into that one
 * element (a heading set in two lines, a figure made of several drawings).
 */

/** The standard structure types the certificate uses. */
export type StructureRole = 'H1' | 'H2' | 'P' | 'Figure' | 'Artifact';

export interface StructureMark {
  role: StructureRole;
  /** A Figure's alternative text: what a screen reader says instead of the drawing. */
  alt?: string;
  /** What the element says, when its printed text reads badly (letter-spaced capitals, a heading in two lines). */
  actual?: string;
}

/** The prop the marks travel in: react-pdf keeps unknown props on its nodes through layout. */
export const STRUCTURE_PROP = 'certificateStructure';

/** Props that mark an element, spread into a react-pdf element: `<Text {...structure('H1')}>`. */
export function structure(role: StructureRole, options: Omit<StructureMark, 'role'> = {}): object {
  return { [STRUCTURE_PROP]: { role, ...options } satisfies StructureMark };
}

/** The mark on a laid-out node, if any. */
export function structureMark(props: Record<string, unknown> | undefined): StructureMark | undefined {
  const mark = props?.[STRUCTURE_PROP] as StructureMark | undefined;
  return mark && typeof mark.role === 'string' ? mark : undefined;
}
