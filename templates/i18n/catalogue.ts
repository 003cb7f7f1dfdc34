import type { LocaleCode } from '../../functions/core/locales.js';
import type { enMessages } from './en-messages.js';

/** Every message the templates use, named by where it appears. English is the reference catalogue. */
export type MessageKey = keyof typeof enMessages;

/**
 * One locale's wording. `messages` must hold every key of English (a missing or extra key is a type
 * error, and test/unit/locale-catalogues.test.ts checks it again at run time), in ICU MessageFormat.
 */
export interface Catalogue {
  locale: LocaleCode;
  /** BCP 47: lang attributes, Intl formatting and the certificate PDF's /Lang. */
  tag: string;
  /** The language's name in the language itself, for the switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  messages: Record<MessageKey, string>;
  /** Translator's notes: a term chosen with some doubt, or why a wording differs from English. */
  notes?: Partial<Record<MessageKey, string>>;
}
