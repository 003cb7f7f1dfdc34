import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatCertificateNumber,
  generateCertificateNumber,
  parseCertificateNumber,
} from '../../functions/core/certificate-number.js';

const random = (length: number) => new Uint8Array(randomBytes(length));

describe('certificate numbers', () => {
  it('are 24 Crockford base32 characters shown in six groups of four', () => {
    const number = generateCertificateNumber(random);
    expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    expect(formatCertificateNumber(number)).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('carry at least 96 random bits: 2,000 draws never collide and use every character position', () => {
    const numbers = new Set(Array.from({ length: 2000 }, () => generateCertificateNumber(random)));
    expect(numbers.size).toBe(2000);
    const firstCharacters = new Set([...numbers].map((number) => number[0]));
    expect(firstCharacters.size).toBeGreaterThan(20);
  });

  it('are not a counter or timestamp: the same random bytes give the same number, others differ', () => {
    const fixed = () => new Uint8Array(15).fill(7);
    expect(generateCertificateNumber(fixed)).toBe(generateCertificateNumber(fixed));
    expect(generateCertificateNumber(random)).not.toBe(generateCertificateNumber(random));
  });

  it('read back forgivingly: case, spaces, dashes, O for 0 and I/L for 1', () => {
    const number = generateCertificateNumber(random);
    const typed = formatCertificateNumber(number)
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, 'l')
      .replace(/-/g, ' ');
    expect(parseCertificateNumber(typed)).toEqual({ ok: true, canonical: number });
    expect(parseCertificateNumber(` ${number.slice(0, 10)}-${number.slice(10)} `)).toEqual({
      ok: true,
      canonical: number,
    });
  });

  it('catch every single mistyped character with the check character', () => {
    const number = generateCertificateNumber(random);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let position = 0; position < number.length; position += 1) {
      for (const replacement of alphabet) {
        if (replacement === number[position]) continue;
        const typo = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(parseCertificateNumber(typo).ok).toBe(false);
      }
    }
  });

  it('catch swapped neighbours in most cases', () => {
    let caught = 0;
    let swaps = 0;
    for (let draw = 0; draw < 50; draw += 1) {
      const number = generateCertificateNumber(random);
      for (let position = 0; position < number.length - 1; position += 1) {
        if (number[position] === number[position + 1]) continue;
        swaps += 1;
        const swapped =
          number.slice(0, position) + number[position + 1] + number[position] + number.slice(position + 2);
        if (!parseCertificateNumber(swapped).ok) caught += 1;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it('explain why malformed input is not a number', () => {
    expect(parseCertificateNumber('')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('24 characters'),
    });
    expect(parseCertificateNumber('ABCD-EFGH-JKMN-PQRS-TVWX-YZU!')).toMatchObject({ ok: false });
    expect(parseCertificateNumber('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('except I, L, O, U'),
    });
  });
});
