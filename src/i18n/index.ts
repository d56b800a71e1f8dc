// Fluent message bundles, one folder per language under locales/; each domain module keeps
// its own .ftl file there. Vietnamese is the default and the fallback.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export type MessageArgs = Record<string, FluentVariable>;

const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

export function isLocale(value: string | null | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

export class I18n {
  private readonly bundles = new Map<Locale, FluentBundle>();

  constructor(dir = localesDir) {
    for (const locale of locales) {
      // useIsolating off: bidi isolation marks would show as garbage on Zalo and the console.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const folder = path.join(dir, locale);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl')).sort()) {
        const errors = bundle.addResource(new FluentResource(readFileSync(path.join(folder, file), 'utf8')));
        if (errors.length) throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
      }
      this.bundles.set(locale, bundle);
    }
  }

  has(locale: Locale, id: string): boolean {
    return this.bundles.get(locale)!.hasMessage(id);
  }

  /** Message ids of a locale, for completeness checks. */
  ids(locale: Locale): string[] {
    return [...(this.bundles.get(locale) as unknown as { _messages: Map<string, unknown> })._messages.keys()];
  }

  t(locale: Locale, id: string, args?: MessageArgs): string {
    const bundle = this.has(locale, id) ? this.bundles.get(locale)! : this.bundles.get(defaultLocale)!;
    const message = bundle.getMessage(id);
    if (!message?.value) return id;
    // Collecting errors keeps a missing argument from throwing: the text shows `{$name}` instead.
    const errors: Error[] = [];
    return bundle.formatPattern(message.value, args, errors).normalize('NFC');
  }
}
