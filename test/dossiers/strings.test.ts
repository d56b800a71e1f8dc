// Message ids written in the code are checked by the compiler (src/i18n/message-ids.ts); the
// ones built from data at run time are checked here: the national-scale levels and the
// registration problems. (The questionnaire's own texts are data, checked in both languages by
// its schema.)
import { describe, expect, it } from 'vitest';
import { I18n, locales } from '../../src/i18n/index.js';
import { nationalLevels } from '../../src/ratings/questionnaire.js';

const problems = ['due_in_past', 'due_not_working_day', 'received_in_future', 'unknown_procedure', 'unknown_commune', 'code_taken', 'link_lost'];

describe('message ids built from data', () => {
  const i18n = new I18n();
  it('exist in both languages', () => {
    const ids = [...problems.map((p) => `dossier-problem-${p}`), ...nationalLevels.map((level) => `rating-level-${level}`)];
    expect(ids.length).toBe(10);
    for (const locale of locales) expect(ids.filter((id) => !i18n.has(locale, id)), locale).toEqual([]);
  });
});
