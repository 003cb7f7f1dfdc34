import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Font } from '@react-pdf/renderer';
import { installPdfkitPatches, patchLoadedFont } from './render-patches/index.js';

/**
 * The certificate's fonts, all from Debian packages (fonts-noto-core, fonts-dejavu-core, fonts-droid-fallback,
 * fonts-urw-base35). Families are listed as stacks: react-pdf picks, code point by code point, the first
 * font in the stack that has the glyph, so a Latin name stays in Noto Serif while Arabic, Hebrew or CJK
 * letters come from the font that has them. A font without the glyph would otherwise fall back to
 * Helvetica and print garbage.
 */

/** Where Debian installs fonts. */
export const DEBIAN_FONT_ROOT = '/usr/share/fonts';

interface FontFile {
  family: string;
  /** Path under /usr/share/fonts on Debian. */
  debianPath: string;
  fontWeight: 400 | 700;
  fontStyle: 'normal' | 'italic';
}

const file = (
  family: string,
  debianPath: string,
  fontWeight: 400 | 700 = 400,
  fontStyle: 'normal' | 'italic' = 'normal',
): FontFile => ({ family, debianPath, fontWeight, fontStyle });

/**
 * Every file the templates may load. Fallback families have no italic or bold of their own: the same
 * file is registered for each style so a stack resolves whatever style the text asks for.
 */
const FONT_FILES: FontFile[] = [
  file('CertSerif', 'truetype/noto/NotoSerif-Regular.ttf'),
  file('CertSerif', 'truetype/noto/NotoSerif-Bold.ttf', 700),
  file('CertSerif', 'truetype/noto/NotoSerif-Italic.ttf', 400, 'italic'),
  file('CertSerif', 'truetype/noto/NotoSerif-BoldItalic.ttf', 700, 'italic'),
  file('CertSans', 'truetype/noto/NotoSans-Regular.ttf'),
  file('CertSans', 'truetype/noto/NotoSans-Bold.ttf', 700),
  ...bothStyles(
    'CertArabic',
    'truetype/noto/NotoNaskhArabic-Regular.ttf',
    'truetype/noto/NotoNaskhArabic-Bold.ttf',
  ),
  ...bothStyles(
    'CertHebrew',
    'truetype/noto/NotoSerifHebrew-Regular.ttf',
    'truetype/noto/NotoSerifHebrew-Bold.ttf',
  ),
  ...bothStyles(
    'CertCjk',
    'truetype/droid/DroidSansFallbackFull.ttf',
    'truetype/droid/DroidSansFallbackFull.ttf',
  ),
  ...bothStyles('CertWide', 'truetype/dejavu/DejaVuSans.ttf', 'truetype/dejavu/DejaVuSans-Bold.ttf'),
];

/** A script face for a signature drawn from the signatory's name; Noto Serif Italic where it is missing. */
const SIGNATURE_FONT = 'opentype/urw-base35/Z003-MediumItalic.otf';
const SIGNATURE_FALLBACK = 'truetype/noto/NotoSerif-Italic.ttf';

function bothStyles(family: string, regular: string, bold: string): FontFile[] {
  return [
    file(family, regular, 400, 'normal'),
    file(family, bold, 700, 'normal'),
    file(family, regular, 400, 'italic'),
    file(family, bold, 700, 'italic'),
  ];
}

/**
 * The faces a text needs: its primary face, then a fallback only for scripts the text contains. Every face
 * in a stack is loaded and consulted per character, so a Latin name gets a one-font stack: faster renders,
 * and no 4 MB CJK font read by a process that never prints CJK.
 */
export type FaceKind = 'serif' | 'sans';

const PRIMARY: Record<FaceKind, string> = { serif: 'CertSerif', sans: 'CertSans' };
const ARABIC = /[\p{Script=Arabic}]/u;
const HEBREW = /[\p{Script=Hebrew}]/u;
const CJK_TEXT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
/** What Noto Serif/Sans cover (Latin, Greek, Cyrillic, common punctuation); anything else goes to DejaVu. */
const PRIMARY_COVERS =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

export function fontStack(kind: FaceKind, text: string): string[] {
  const stack = [PRIMARY[kind]];
  if (ARABIC.test(text)) stack.push('CertArabic');
  if (HEBREW.test(text)) stack.push('CertHebrew');
  if (CJK_TEXT.test(text)) stack.push('CertCjk');
  if (!PRIMARY_COVERS.test(text) || stack.length > 1) stack.push('CertWide');
  return stack;
}

/** Stacks for the templates' fixed wording, which is Latin. */
export const fontStacks = {
  serif: [PRIMARY.serif],
  sans: [PRIMARY.sans],
};

/** The script face signatures are drawn from (as outlines, see templates/assets/signature.tsx). */
export const SIGNATURE_FAMILY = 'CertSignature';

/**
 * Where a font file is read from. CERTIFICATE_FONT_DIR (a flat folder of the same file names, e.g. a Lambda
 * layer or the render bundle's folder) takes precedence over the Debian location.
 */
export function fontPath(debianPath: string, env: Record<string, string | undefined> = process.env): string {
  const dir = env.CERTIFICATE_FONT_DIR;
  return dir ? join(dir, basename(debianPath)) : join(DEBIAN_FONT_ROOT, debianPath);
}

/** The Debian-relative paths of every font file a render may read: what a deployment must ship. */
export function certificateFontFiles(): string[] {
  return [...new Set([...FONT_FILES.map((f) => f.debianPath), SIGNATURE_FONT, SIGNATURE_FALLBACK])];
}

let registered = false;

/**
 * Registers the fonts with react-pdf's process-wide font store, once. Files are read lazily at the first
 * render; a missing file fails here, at start-up, with its path, rather than as a blank certificate later.
 */
export function registerCertificateFonts(env: Record<string, string | undefined> = process.env): void {
  if (registered) return;
  const missing: string[] = [];
  const resolve = (debianPath: string) => {
    const path = fontPath(debianPath, env);
    if (!existsSync(path)) missing.push(path);
    return path;
  };
  const sources = FONT_FILES.map((f) => ({ ...f, src: resolve(f.debianPath) }));
  const signaturePath = fontPath(SIGNATURE_FONT, env);
  const signatureSrc = existsSync(signaturePath) ? signaturePath : resolve(SIGNATURE_FALLBACK);
  if (missing.length > 0) {
    throw new Error(
      `Certificate fonts not found: ${missing.join(', ')}. Install fonts-noto-core, fonts-dejavu-core and ` +
        'fonts-droid-fallback, or set CERTIFICATE_FONT_DIR to a folder holding these files.',
    );
  }
  for (const { family, src, fontWeight, fontStyle } of sources) {
    Font.register({ family, src, fontWeight, fontStyle });
  }
  Font.register({ family: SIGNATURE_FAMILY, src: signatureSrc, fontWeight: 400, fontStyle: 'normal' });
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of family.sources) repairOnLoad(source);
  }
  // Names must never be hyphenated. Only a run too long for any line (or CJK, which has no spaces) may
  // break, between any two characters.
  Font.registerHyphenationCallback(splitForLineBreaking);
  installPdfkitPatches();
  registered = true;
}

/** The part of a fontkit font and glyph that repairOnLoad touches. */
interface GlyphCache {
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null;
}

const REPAIRED = Symbol('certificate-glyph-repair');

/**
 * Works around a fontkit cache bug that corrupts the second certificate a process renders. fontkit keeps one
 * glyph object per glyph id, with the code points of its first use. Embedding a composite glyph (Å is A plus a
 * ring) creates its components with no code points; when a later document lays out a plain "A", textkit
 * finds that cached glyph, counts zero characters for it, and every index after it shifts: words break in
 * the middle and the letter disappears from the text layer. Giving such a glyph the code points of its
 * first real use restores the mapping.
 */
function repairOnLoad(source: { load(): Promise<void>; data: unknown }): void {
  const load = source.load.bind(source);
  source.load = async () => {
    await load();
    const font = source.data as (GlyphCache & { [REPAIRED]?: true }) | null;
    if (!font || font[REPAIRED]) return;
    const getGlyph = font.getGlyph.bind(font);
    font.getGlyph = (id, codePoints = []) => {
      const glyph = getGlyph(id, codePoints);
      if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
      return glyph;
    };
    font[REPAIRED] = true;
    patchLoadedFont(font as unknown as Parameters<typeof patchLoadedFont>[0]);
  };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;
const LONGEST_UNBROKEN_WORD = 24;

/**
 * Break points react-pdf may use inside a word (it adds a hyphen when it does). CJK may break anywhere;
 * a word of letters too long for a line may too. URLs, certificate numbers and hyphenated names are never
 * split: a hyphen added inside them would change what they say. The templates size them to fit instead.
 */
export function splitForLineBreaking(word: string): string[] {
  const chars = [...word];
  if (CJK.test(word) || (chars.length > LONGEST_UNBROKEN_WORD && LETTERS_ONLY.test(word))) return chars;
  return [word];
}
