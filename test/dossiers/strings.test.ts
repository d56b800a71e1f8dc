// Message ids written in the code are checked by the compiler (src/i18n/message-ids.ts); the
// ones built from data at run time are checked here: the rating questions' answers and the
// registration problems.
import { describe, expect, it } from 'vitest';
import { I18n, locales } from '../../src/i18n/index.js';
import { questions } from '../../src/ratings/questions.js';

const problems = ['due_in_past', 'due_not_working_day', 'received_in_future', 'unknown_procedure', 'unknown_commune', 'code_taken', 'link_lost'];

describe('message ids built from data', () => {
  const i18n = new I18n();
  it('exist in both languages', () => {
    const ids = [
      ...problems.map((p) => `dossier-problem-${p}`),
      ...Object.entries(questions).flatMap(([step, q]) => [`rating-q-${step}`, ...q.values.map((v) => `rating-a-${step}-${v}`)]),
    ];
    expect(ids.length).toBeGreaterThan(25);
    for (const locale of locales) expect(ids.filter((id) => !i18n.has(locale, id)), locale).toEqual([]);
  });
});
