import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/i18n/index.js';

describe('locales', () => {
  const i18n = new I18n();

  it('English and Vietnamese have exactly the same messages', () => {
    const vi = new Set(i18n.ids('vi'));
    const en = new Set(i18n.ids('en'));
    expect([...vi].filter((id) => !en.has(id))).toEqual([]);
    expect([...en].filter((id) => !vi.has(id))).toEqual([]);
    expect(vi.size).toBeGreaterThan(20);
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

  it('falls back to Vietnamese, then to the id', () => {
    expect(i18n.t('en', 'no-such-message')).toBe('no-such-message');
    expect(i18n.t('vi', 'cancelled')).toBe('Đã hủy thao tác đang làm dở.');
  });
});
