// Fluent message bundles, one folder per language under locales/; each domain module keeps
// its own .ftl file there. Vietnamese is the default and the fallback. Message ids are typed
// (src/i18n/message-ids.ts, generated from locales/vi): a missing id is a type error, and an id
// missing at run time (one built from data) is logged and shown as itself.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { MessageId } from './message-ids.js';

export type { MessageId };
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export type MessageArgs = Record<string, FluentVariable>;
/** Formats one message in a language already chosen (a person's, or the recipient's of a push). */
export type Translate = (id: MessageId, args?: MessageArgs) => string;

const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

export function isLocale(value: string | null | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

/** Told about an id that no bundle has, so that a gap in the strings shows in the logs. */
export type MissingMessage = (locale: Locale, id: string) => void;

export class I18n {
  private readonly bundles = new Map<Locale, FluentBundle>();

  constructor(
    private readonly onMissing: MissingMessage = () => undefined,
    dir = localesDir,
  ) {
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

  t(locale: Locale, id: MessageId, args?: MessageArgs): string {
    const bundle = this.has(locale, id) ? this.bundles.get(locale)! : this.bundles.get(defaultLocale)!;
    const message = bundle.getMessage(id);
    if (!message?.value) {
      this.onMissing(locale, id);
      return id;
    }
    // Collecting errors keeps a missing argument from throwing: the text shows `{$name}` instead.
    const errors: Error[] = [];
    return bundle.formatPattern(message.value, args, errors).normalize('NFC');
  }

  /** A translator bound to one language. */
  in(locale: Locale): Translate {
    return (id, args) => this.t(locale, id, args);
  }
}
