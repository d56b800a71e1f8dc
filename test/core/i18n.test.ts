import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { I18n, type MessageId } from '../../src/i18n/index.js';
import { localeProblems, readLocale } from '../../scripts/i18n-messages.js';

describe('locales', () => {
  it('English and Vietnamese have exactly the same messages, with the same variables', () => {
    expect(localeProblems()).toEqual([]);
    expect(readLocale('vi').size).toBeGreaterThan(20);
  });

  it('every locale file is NFC (one form for each Vietnamese letter)', () => {
    for (const locale of ['vi', 'en']) {
      const dir = path.join('locales', locale);
      for (const file of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        expect(text === text.normalize('NFC'), `${locale}/${file}`).toBe(true);
      }
    }
  });

  it('falls back to Vietnamese, then to the id, and reports the missing id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-locales-'));
    for (const locale of ['vi', 'en']) mkdirSync(path.join(dir, locale));
    writeFileSync(path.join(dir, 'vi', 'core.ftl'), 'cancelled = Đã hủy.\nonly-vi = Chỉ tiếng Việt.\n');
    writeFileSync(path.join(dir, 'en', 'core.ftl'), 'cancelled = Cancelled.\n');
    const missing: string[] = [];
    const i18n = new I18n((locale, id) => missing.push(`${locale}:${id}`), dir);
    expect(i18n.t('en', 'cancelled')).toBe('Cancelled.');
    expect(i18n.t('en', 'only-vi' as MessageId)).toBe('Chỉ tiếng Việt.');
    // An id built from data that no bundle has: shown as itself, and reported.
    expect(i18n.t('en', 'no-such-message' as MessageId)).toBe('no-such-message');
    expect(missing).toEqual(['en:no-such-message']);
  });

  it('formats the bundled strings', () => {
    expect(new I18n().t('vi', 'cancelled')).toBe('Đã hủy thao tác đang làm dở.');
  });
});
