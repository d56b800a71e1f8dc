// Every message the dossier and rating modules use exists in Vietnamese and in English.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/i18n/index.js';
import { questions } from '../../src/ratings/questions.js';
import { problemMessages } from '../../src/dossiers/external-input.js';

const sources = ['src/dossiers', 'src/ratings'].flatMap((dir) => readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8')));

/** Literals of that shape that are not messages: dialogue names and HMAC labels. */
const notMessages = new Set(['dossier-open', 'dossier-delay', 'rating-token']);

/** Literal ids in the code, plus the ids the code builds from parts. */
function usedIds(): string[] {
  const literal = sources
    .flatMap((s) => [...s.matchAll(/'((?:dossier|rating)-[a-z0-9_-]+)'/g)].map((m) => m[1]))
    .filter((id) => !notMessages.has(id));
  const built = [
    ...['xong', 'tra'].flatMap((n) => [`dossier-cmd-${n}`, `dossier-usage-${n}`]),
    'dossier-done-ok',
    'dossier-returned-ok',
    ...['unknown', 'expired', 'used'].map((p) => `dossier-open-${p}`),
    ...Object.keys(problemMessages).map((p) => `dossier-problem-${p}`),
    ...Object.entries(questions).flatMap(([step, q]) => [`rating-q-${step}`, ...q.values.map((v) => `rating-a-${step}-${v}`)]),
    'rating-q-comment',
  ];
  return [...new Set([...literal, ...built])];
}

describe('dossier and rating strings', () => {
  const i18n = new I18n();
  it('exist in both languages', () => {
    const ids = usedIds();
    expect(ids.length).toBeGreaterThan(80);
    for (const locale of ['vi', 'en'] as const) {
      expect(ids.filter((id) => !i18n.has(locale, id)), locale).toEqual([]);
    }
  });
});
