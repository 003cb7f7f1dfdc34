import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/core/errors.js';
import { MAX_DISPLAY_NAME_LENGTH, normalizeDisplayName } from '../../functions/core/names.js';

function rejection(raw: string): ValidationError {
  try {
    normalizeDisplayName(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('normalizeDisplayName', () => {
  it('keeps real names of many scripts as they are', () => {
    for (const name of [
      'Zoë Ñúñez-Ångström',
      'Wîllém ê',
      'Nomvula Dlamini-Ngcobo',
      'محمد عبد الله',
      'דוד לוי',
      '王小明',
      '山田太郎',
      "Seán O'Brien",
      'ŉ Naam',
    ]) {
      expect(normalizeDisplayName(name)).toBe(name);
    }
  });

  it('composes decomposed letters (NFC), so the same name is always the same string', () => {
    const decomposed = 'Zoe\u0308 A\u030Angstro\u0308m';
    expect(decomposed).not.toBe('Zoë Ångström');
    expect(normalizeDisplayName(decomposed)).toBe('Zoë Ångström');
  });

  it('removes bidi overrides, isolates and marks that could make a name print reversed', () => {
    expect(normalizeDisplayName('\u202EAlice\u202C')).toBe('Alice');
    expect(normalizeDisplayName('\u2066Bob\u2069 \u200Fdavid\u200E')).toBe('Bob david');
    expect(normalizeDisplayName('\u202A\u202B\u202DCarol\u202C')).toBe('Carol');
  });

  it('removes zero-width characters and the BOM, even between a letter and its accent', () => {
    expect(normalizeDisplayName('\uFEFFJo\u200Bhn\u200C Sm\u200Dith')).toBe('John Smith');
    expect(normalizeDisplayName('Zoe\u200B\u0308')).toBe('Zoë');
  });

  it('collapses whitespace and control characters to single spaces and trims', () => {
    expect(normalizeDisplayName('  Thabo \t\n  Mokoena\u00A0 \u3000Jr  ')).toBe('Thabo Mokoena Jr');
  });

  it('rejects empty and invisible-only names', () => {
    expect(rejection('').issues).toEqual([{ field: 'holderName', message: 'The name is empty.' }]);
    expect(rejection('  \u200B\u202E \t').message).toBe('The name is empty.');
  });

  it('rejects emoji-only, symbol-only and digit-only names with a clear message', () => {
    for (const raw of ['😀', '👩‍👩‍👧‍👦 🎉', '★★★', '12345', '!!!']) {
      expect(rejection(raw).message).toMatch(/no letters/);
    }
  });

  it('rejects names with emoji among letters: no certificate font can print them', () => {
    expect(rejection('Anna 🌸 Smith').message).toMatch(/emoji/);
  });

  it('accepts 200 characters and rejects 201, counting characters rather than UTF-16 units', () => {
    const cjk = '王'.repeat(MAX_DISPLAY_NAME_LENGTH);
    expect(normalizeDisplayName(cjk)).toBe(cjk);
    const astral = '𠀋'.repeat(MAX_DISPLAY_NAME_LENGTH);
    expect(normalizeDisplayName(astral)).toBe(astral);
    expect(rejection('a'.repeat(MAX_DISPLAY_NAME_LENGTH + 1)).message).toMatch(/201 characters/);
  });

  it('names the field it checked', () => {
    try {
      normalizeDisplayName('🙂', 'signatory.name');
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues[0]?.field).toBe('signatory.name');
    }
  });

  it('refuses overlay marks the renderer cannot place, but keeps ordinary combining accents', () => {
    expect(() => normalizeDisplayName('Za\u0336lgo', 'fullName')).toThrow(/overlay marks/);
    expect(() => normalizeDisplayName('A\u0338nna')).toThrow(/overlay marks/);
    expect(normalizeDisplayName('Rene\u0301e')).toBe('Renée');
    expect(normalizeDisplayName('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });
});
