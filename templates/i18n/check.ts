import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue, MessageKey } from './catalogue.js';
import { en } from './en.js';

/**
 * What is wrong with a catalogue, measured against English: keys missing or extra, messages that do not
 * parse or format, and arguments a translation drops or invents (a dropped {course} would print a
 * sentence without the course). The catalogue test runs it on every locale; it is also handy when
 * adding one (docs/locales.md).
 */

/** The arguments a message uses, by name, with whether each is a plural count. */
export function messageArguments(message: string, locale = 'en'): Map<string, 'count' | 'text'> {
  const found = new Map<string, 'count' | 'text'>();
  const walk = (elements: unknown[]) => {
    for (const element of elements as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      // intl-messageformat's AST: 1 argument, 2 number, 6 plural, 5 select; options hold nested messages.
      if (element.type === 1 && element.value && !found.has(element.value)) found.set(element.value, 'text');
      if ((element.type === 2 || element.type === 6) && element.value) found.set(element.value, 'count');
      if (element.type === 5 && element.value && !found.has(element.value)) found.set(element.value, 'text');
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return found;
}

/** Arguments for formatting a message in a test: a recognisable word per text, a few counts. */
export function sampleArguments(
  args: Map<string, 'count' | 'text'>,
  count = 3,
): Record<string, string | number> {
  return Object.fromEntries([...args].map(([name, kind]) => [name, kind === 'count' ? count : `«${name}»`]));
}

export function catalogueProblems(catalogue: Catalogue, reference: Catalogue = en): string[] {
  const problems: string[] = [];
  const keys = Object.keys(reference.messages) as MessageKey[];
  const own = new Set(Object.keys(catalogue.messages));
  for (const key of keys) if (!own.has(key)) problems.push(`${catalogue.locale}: missing ${key}`);
  for (const key of own)
    if (!(key in reference.messages)) problems.push(`${catalogue.locale}: unknown ${key}`);
  for (const key of keys) {
    const message = catalogue.messages[key];
    if (typeof message !== 'string' || message.trim() === '') continue;
    try {
      const expected = messageArguments(reference.messages[key]);
      const actual = messageArguments(message, catalogue.tag);
      const names = (args: Map<string, unknown>) => [...args.keys()].sort().join(', ');
      if (names(expected) !== names(actual))
        problems.push(
          `${catalogue.locale}: ${key} uses {${names(actual)}}, English uses {${names(expected)}}`,
        );
      for (const count of [0, 1, 2, 3, 11, 100]) {
        const args = sampleArguments(expected, count);
        const text = String(new IntlMessageFormat(message, catalogue.tag).format(args as never));
        for (const [name, kind] of expected)
          if (kind === 'text' && !text.includes(String(args[name])))
            problems.push(`${catalogue.locale}: ${key} does not print {${name}}`);
        if (/[{}]/.test(text)) problems.push(`${catalogue.locale}: ${key} leaves a brace: ${text}`);
      }
    } catch (error) {
      problems.push(`${catalogue.locale}: ${key} does not format: ${(error as Error).message}`);
    }
  }
  return [...new Set(problems)];
}

/** Messages a translation left exactly as in English, minus those that are the same by nature. */
export function untranslated(catalogue: Catalogue, sameByNature: readonly MessageKey[] = []): MessageKey[] {
  return (Object.keys(en.messages) as MessageKey[]).filter(
    (key) => catalogue.messages[key] === en.messages[key] && !sameByNature.includes(key),
  );
}
