import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, isSupportedLocale, type LocaleCode } from '../../functions/core/locales.js';
import { escapeHtml } from '../text.js';
import { af } from './af.js';
import { ar } from './ar.js';
import type { Catalogue, MessageKey } from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { zu } from './zu.js';

/**
 * Everything a participant or verifier reads, in their language: one catalogue per locale (ICU
 * MessageFormat, so plurals and argument order are the translator's), dates through Intl.DateTimeFormat.
 * The core knows only the locale codes (functions/core/locales.ts); it never imports this.
 */

export type { LocaleCode } from '../../functions/core/locales.js';
export type { Catalogue, MessageKey } from './catalogue.js';

export const catalogues: Readonly<Record<LocaleCode, Catalogue>> = { en, af, zu, fr, ar };

export type Direction = 'ltr' | 'rtl';

export interface Translator {
  locale: LocaleCode;
  /** BCP 47 tag for lang attributes, Intl and the PDF's /Lang. */
  tag: string;
  dir: Direction;
  /** The message with its arguments, as plain text (escape it for HTML). */
  t(key: MessageKey, args?: Record<string, string | number>): string;
  /**
   * The message as HTML: the text escaped, and each `markup` argument (trusted HTML, e.g. a link) put in
   * its place afterwards, so a translator can move the link within the sentence.
   */
  html(key: MessageKey, args?: Record<string, string | number>, markup?: Record<string, string>): string;
  /** "12 March 2025", "12 mars 2025", "12 مارس 2025": day, month spelled out, year; in UTC. */
  date(iso: string): string;
}

const formats = new Map<string, IntlMessageFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function format(catalogue: Catalogue, key: MessageKey, args: Record<string, unknown> = {}): string {
  // A key missing at run time (a catalogue built outside the type checker) reads in English rather than
  // failing a participant's email; the catalogue test fails on it first.
  const source = catalogue.messages[key] ?? en.messages[key];
  const cacheKey = `${catalogue.locale}\u0000${key}`;
  let compiled = formats.get(cacheKey);
  if (!compiled) {
    compiled = new IntlMessageFormat(source, catalogue.tag);
    formats.set(cacheKey, compiled);
  }
  return String(compiled.format(args as never));
}

/** The locale for a stored choice: a supported code, else English. */
export function resolveLocale(locale: string | undefined): LocaleCode {
  return isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
}

export function translator(locale?: string): Translator {
  const catalogue = catalogues[resolveLocale(locale)];
  return {
    locale: catalogue.locale,
    tag: catalogue.tag,
    dir: catalogue.dir,
    t: (key, args) => format(catalogue, key, args),
    html(key, args = {}, markup = {}) {
      // Private-use characters mark where the markup goes: escaping leaves them, no message contains them.
      const slots = Object.keys(markup);
      const placeholders = Object.fromEntries(slots.map((slot, index) => [slot, `\uE000${index}\uE001`]));
      return escapeHtml(format(catalogue, key, { ...args, ...placeholders })).replace(
        /\uE000(\d+)\uE001/g,
        (_, index: string) => markup[slots[Number(index)] as string] as string,
      );
    },
    date(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${iso}`);
      let formatter = dateFormats.get(catalogue.tag);
      if (!formatter) {
        // Western digits in every locale, so a date reads the same on the certificate and in the record.
        formatter = new Intl.DateTimeFormat(catalogue.tag, {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
          numberingSystem: 'latn',
        });
        dateFormats.set(catalogue.tag, formatter);
      }
      return formatter.format(date);
    },
  };
}

/**
 * The best supported locale for an Accept-Language header (RFC 9110: q-values, `*`, region subtags):
 * `fr-CA;q=0.8, ar` gives ar; nothing supported gives English.
 */
export function negotiateLocale(acceptLanguage: string | undefined): LocaleCode {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => /^q=/i.test(param));
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.range && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { range } of ranges) {
    if (range === '*') return DEFAULT_LOCALE;
    const primary = range.split('-')[0];
    if (isSupportedLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** The locale a public page is shown in: `?lang=` when it names a supported one, else Accept-Language. */
export function pageLocale(query: string | undefined, acceptLanguage: string | undefined): LocaleCode {
  return isSupportedLocale(query) ? query : negotiateLocale(acceptLanguage);
}

/** `lang` and `dir` for an <html> element. */
export function htmlLangAttributes(tr: Pick<Translator, 'tag' | 'dir'>): string {
  return `lang="${tr.tag}" dir="${tr.dir}"`;
}

/**
 * The language switcher: one link per locale, each named in its own language (and marked with its own
 * lang, so a screen reader says "Français" in French), the current one marked. No script: plain links.
 */
export function languageSwitcher(current: LocaleCode, hrefFor: (locale: LocaleCode) => string): string {
  const tr = translator(current);
  const links = (Object.values(catalogues) as Catalogue[]).map((catalogue) =>
    catalogue.locale === current
      ? `<a href="${escapeHtml(hrefFor(catalogue.locale))}" lang="${catalogue.tag}" hreflang="${catalogue.tag}" aria-current="true"><strong>${escapeHtml(catalogue.name)}</strong></a>`
      : `<a href="${escapeHtml(hrefFor(catalogue.locale))}" lang="${catalogue.tag}" hreflang="${catalogue.tag}">${escapeHtml(catalogue.name)}</a>`,
  );
  return `<nav class="languages" aria-label="${escapeHtml(tr.t('page.language'))}">${links.join(' · ')}</nav>`;
}
