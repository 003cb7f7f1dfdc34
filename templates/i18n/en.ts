import type { Catalogue } from './catalogue.js';
import { enMessages } from './en-messages.js';

// The English wording lives in en-messages.ts, which imports nothing, so the Catalogue type can name its
// keys without a loop between the two files.
export { enMessages };

export const en: Catalogue = {
  locale: 'en',
  tag: 'en-ZA',
  name: 'English',
  dir: 'ltr',
  messages: enMessages,
};
