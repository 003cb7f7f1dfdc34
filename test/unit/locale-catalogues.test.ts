import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../functions/core/locales.js';
import type { Catalogue, MessageKey } from '../../templates/i18n/catalogue.js';
import {
  catalogueProblems,
  messageArguments,
  sampleArguments,
  untranslated,
} from '../../templates/i18n/check.js';
import { en } from '../../templates/i18n/en.js';
import { catalogues, negotiateLocale, pageLocale, translator } from '../../templates/i18n/index.js';

/** Messages that read the same in a language as in English (punctuation patterns, a shared word). */
const SAME_BY_NATURE: Record<string, MessageKey[]> = {
  af: ['email.labelled', 'feedback.scaleHint', 'me.row.status', 'requirement.module'],
  zu: ['email.labelled', 'feedback.scaleHint'],
  fr: ['feedback.scaleHint', 'verify.row.signature'],
  ar: ['email.labelled', 'me.linkForm.placeholder'],
};

describe('the message catalogues', () => {
  it('exist for every locale the core accepts, and no other', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    for (const locale of SUPPORTED_LOCALES) expect(catalogues[locale].locale).toBe(locale);
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every key of English, no other, and each message formats with the same arguments',
    (locale) => {
      expect(catalogueProblems(catalogues[locale])).toEqual([]);
    },
  );

  it('English itself formats every message with sample arguments', () => {
    expect(catalogueProblems(en)).toEqual([]);
    for (const key of Object.keys(en.messages) as MessageKey[]) {
      const args = sampleArguments(messageArguments(en.messages[key]));
      expect(translator('en').t(key, args)).not.toMatch(/[{}]/);
    }
  });

  it('fails on a missing key, an unknown key, a dropped argument and a broken message', () => {
    const { 'verify.check': _dropped, ...rest } = catalogues.fr.messages;
    const broken = {
      ...catalogues.fr,
      messages: {
        ...rest,
        'verify.extra': 'En trop',
        'email.issued.subject': 'Votre certificat SayPro',
        'email.days': '{count, plural, one {# jour}',
      },
    } as unknown as Catalogue;
    const problems = catalogueProblems(broken);
    expect(problems).toContain('fr: missing verify.check');
    expect(problems).toContain('fr: unknown verify.extra');
    expect(problems.some((problem) => problem.startsWith('fr: email.issued.subject uses {}'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('fr: email.days does not format'))).toBe(true);
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    '%s leaves no English message untranslated unless it reads the same by nature',
    (locale) => {
      expect(untranslated(catalogues[locale], SAME_BY_NATURE[locale])).toEqual([]);
    },
  );

  it('keeps a translator’s note only for keys that exist', () => {
    for (const catalogue of Object.values(catalogues) as Catalogue[])
      for (const key of Object.keys(catalogue.notes ?? {})) expect(en.messages).toHaveProperty([key]);
  });
});

describe('plurals and dates', () => {
  it('follow each language’s plural rules', () => {
    expect(translator('en').t('email.days', { count: 1 })).toBe('1 day');
    expect(translator('en').t('email.days', { count: 14 })).toBe('14 days');
    expect(translator('fr').t('email.days', { count: 1 })).toBe('1 jour');
    expect(translator('fr').t('email.days', { count: 14 })).toBe('14 jours');
    expect(translator('af').t('email.days', { count: 7 })).toBe('7 dae');
    expect(translator('zu').t('email.days', { count: 1 })).toBe('usuku olulodwa');
    // Arabic: one, two, few (3–10) and many (11–99) are different words.
    expect(translator('ar').t('email.days', { count: 1 })).toBe('يوم واحد');
    expect(translator('ar').t('email.days', { count: 2 })).toBe('يومين');
    expect(translator('ar').t('email.days', { count: 7 })).toBe('7 أيام');
    expect(translator('ar').t('email.days', { count: 14 })).toBe('14 يومًا');
  });

  it('spell dates out in the language, in UTC, with Western digits', () => {
    const date = '2025-03-12T23:30:00Z';
    expect(translator('en').date(date)).toBe('12 March 2025');
    expect(translator('af').date(date)).toBe('12 Maart 2025');
    expect(translator('fr').date(date)).toBe('12 mars 2025');
    expect(translator('ar').date(date)).toBe('12 مارس 2025');
    expect(translator('zu').date(date)).toContain('Mashi');
    expect(() => translator('fr').date('not a date')).toThrow('Not a date');
  });

  it('falls back to English for a locale it does not know', () => {
    expect(translator('xx').locale).toBe('en');
    expect(translator(undefined).t('verify.check')).toBe('Check');
  });

  it('escapes the message but not the markup put into it', () => {
    const html = translator('fr').html('verify.currentVersionIs', {}, { link: '<a href="/x">X</a>' });
    expect(html).toBe('La version actuelle est <a href="/x">X</a>.');
    expect(translator('en').html('email.dear', { name: '<b>Zoë</b>' })).toBe('Dear &lt;b&gt;Zoë&lt;/b&gt;,');
  });
});

describe('choosing a page language', () => {
  it('follows Accept-Language by q-value, region subtags included', () => {
    expect(negotiateLocale('fr-CA;q=0.8, ar;q=0.9')).toBe('ar');
    expect(negotiateLocale('de-DE, fr-FR;q=0.7, en;q=0.5')).toBe('fr');
    expect(negotiateLocale('zu-ZA')).toBe('zu');
    expect(negotiateLocale('AF')).toBe('af');
    expect(negotiateLocale('ar;q=0, fr;q=0.1')).toBe('fr');
    expect(negotiateLocale('de, *;q=0.1')).toBe('en');
    expect(negotiateLocale('de, es')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('ar;q=abc, fr;q=0.3')).toBe('fr');
  });

  it('lets ?lang= win over the header, when it names a locale SayPro offers', () => {
    expect(pageLocale('zu', 'ar')).toBe('zu');
    expect(pageLocale('de', 'ar')).toBe('ar');
    expect(pageLocale(undefined, undefined)).toBe('en');
  });
});
