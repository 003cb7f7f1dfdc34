/** The part of a fontkit font memoizeLayout touches. */
export interface LayoutFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): unknown;
}

const LAYOUTS_PER_FONT = 4096;

/**
 * Shaping (fontkit's GSUB/GPOS pass) was a fifth of a render, and most of a certificate's text is the same
 * from one certificate to the next: the wording, labels, course, signatory, dates. fontkit's result depends
 * only on its arguments, and textkit copies the positions it scales and never changes the glyph list, so a
 * result can be handed out again. Entries are dropped oldest first past LAYOUTS_PER_FONT.
 */
export function memoizeLayout(font: LayoutFont): void {
  const layout = font.layout.bind(font);
  const results = new Map<string, unknown>();
  font.layout = (text, features, script, language, direction) => {
    const key = `${direction}\u0000${script}\u0000${language}\u0000${JSON.stringify(features ?? null)}\u0000${text}`;
    const cached = results.get(key);
    if (cached !== undefined) return cached;
    const result = layout(text, features, script, language, direction);
    if (results.size >= LAYOUTS_PER_FONT) results.delete(results.keys().next().value as string);
    results.set(key, result);
    return result;
  };
}
