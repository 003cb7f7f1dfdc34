import { Font, Image, Path, Svg, Text } from '@react-pdf/renderer';
import { brand } from '../certificate/brand.js';
import { type DesignImage, fitImage } from '../certificate/design.js';
import { fontStack, SIGNATURE_FAMILY } from '../certificate/fonts.js';
import { fitFontSize } from '../certificate/layout.js';

/**
 * The signatory's signature when no image is on file: the name drawn in a script face, in ink colour.
 * It is drawn as outlines, like a scanned signature would be an image: it is artwork rather than text (the
 * printed name below it is the text), and outlines cost no embedded font, which keeps each render fast.
 * It is a facsimile, not the proof: the proof is the KMS signature bound to the PDF.
 */
export interface SignatureArt {
  /** SVG path in font units, y pointing down, origin at the left of the ascender line. */
  d: string;
  width: number;
  height: number;
}

/** The part of a fontkit font this module uses. */
interface OutlineFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): {
    glyphs: {
      path: { scale(x: number, y: number): { translate(x: number, y: number): { toSVG(): string } } };
    }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

const MAX_CACHED = 64;
const cache = new Map<string, SignatureArt | undefined>();

/**
 * Outlines of `name` in the signature face, or undefined when the face lacks one of its letters (it covers
 * Latin only): the template then sets the name in the italic text stack instead. Cached per name: a
 * process renders many certificates for few signatories.
 */
export async function signatureArt(name: string): Promise<SignatureArt | undefined> {
  if (cache.has(name)) return cache.get(name);
  const art = await drawSignature(name);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(name, art);
  return art;
}

async function drawSignature(name: string): Promise<SignatureArt | undefined> {
  const source = Font.getFont({ fontFamily: SIGNATURE_FAMILY, fontStyle: 'normal', fontWeight: 400 });
  await source.load();
  const font = source.data as unknown as OutlineFont | null;
  if (!font) return undefined;
  for (const char of name) {
    if (char !== ' ' && !font.hasGlyphForCodePoint(char.codePointAt(0) as number)) return undefined;
  }
  const run = font.layout(name);
  let x = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index];
    if (!position) return;
    const svg = glyph.path
      .scale(1, -1)
      .translate(x + position.xOffset, font.ascent - position.yOffset)
      .toSVG();
    parts.push(svg.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(Math.round(Number(n)))));
    x += position.xAdvance;
  });
  // A script face's swashes reach past its advance widths: leave room on the right.
  const width = Math.ceil(x + font.unitsPerEm * 0.15);
  return { d: parts.join(''), width, height: Math.ceil(font.ascent - font.descent) };
}

/**
 * The signature above the signatory's line, at most `width` wide and `height` points tall: the course's
 * scanned signature when it has one (fitted, proportions kept), else the drawn one (ascender to descender).
 */
export function Signature({
  name,
  art,
  image,
  width,
  height = 34,
}: {
  name: string;
  art: SignatureArt | undefined;
  image?: DesignImage | undefined;
  width: number;
  height?: number;
}) {
  if (image) {
    const size = fitImage(image, { width, height });
    return <Image src={image.uri} style={{ width: size.width, height: size.height }} />;
  }
  if (!art) {
    const fontSize = fitFontSize(name, { width, maxSize: 20, minSize: 10, maxLines: 1, emPerChar: 0.5 });
    return (
      <Text
        style={{
          fontFamily: fontStack('serif', name),
          fontStyle: 'italic',
          fontSize,
          color: brand.signatureInk,
          textAlign: 'center',
          lineHeight: 1.3,
        }}
      >
        {name}
      </Text>
    );
  }
  const scale = Math.min(height / art.height, width / art.width);
  return (
    <Svg width={art.width * scale} height={art.height * scale} viewBox={`0 0 ${art.width} ${art.height}`}>
      <Path d={art.d} fill={brand.signatureInk} />
    </Svg>
  );
}
