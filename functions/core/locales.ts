/**
 * The languages SayPro speaks to participants and verifiers. The core only knows their codes (to validate
 * a course's or a participant's choice); the wording lives in templates/i18n, one catalogue per code.
 */
export const SUPPORTED_LOCALES = ['en', 'af', 'zu', 'fr', 'ar'] as const;

export type LocaleCode = (typeof SUPPORTED_LOCALES)[number];

/** What a course or participant without a choice gets. */
export const DEFAULT_LOCALE: LocaleCode = 'en';

export function isSupportedLocale(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
