// Answer quality over whole question sets, as the conversation answers them (quality.ts):
// in-catalogue questions get the right card, out-of-scope ones almost never get a wrong card,
// English questions find the right entry. Thresholds come from the issue; misses are printed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueState } from '../../src/procedures/catalogue-service.js';
import { ENGLISH_QUESTIONS } from './english-questions.js';
import { OUT_OF_SCOPE } from './out-of-scope.js';
import { inCatalogueQuality, outOfScopeQuality, rate, seedCatalogue } from './quality.js';
import { QUESTIONS } from './questions.js';

let catalogue: CatalogueState;
beforeAll(() => {
  catalogue = seedCatalogue();
});

describe('answer quality', () => {
  it('answers in-catalogue questions with the right card: ≥ 98% ranked first, ≥ 85% answered at once, none wrong', () => {
    const q = inCatalogueQuality(catalogue, QUESTIONS);
    console.log(
      `in-catalogue: top-1 ${rate.percent(rate.share(q.top1, q.total))}, answered at once ${rate.percent(rate.share(q.direct, q.total))}, ` +
        `answered or offered ${rate.percent(rate.share(q.reached, q.total))}, wrong cards ${q.wrongCards} of ${q.total}`,
    );
    if (q.misses.length) console.log(`not answered at once:\n${q.misses.join('\n')}`);
    expect(rate.share(q.top1, q.total)).toBeGreaterThanOrEqual(0.98);
    expect(rate.share(q.direct, q.total)).toBeGreaterThanOrEqual(0.85);
    expect(rate.share(q.wrongCards, q.total)).toBeLessThanOrEqual(0.01);
  });

  it('answers at most 2% of out-of-scope, ambiguous and missing-procedure questions with a wrong card', () => {
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(120);
    const q = outOfScopeQuality(catalogue, OUT_OF_SCOPE);
    console.log(
      `out of scope: wrong cards ${q.wrongCards} of ${q.total} (${rate.percent(rate.share(q.wrongCards, q.total))}), ` +
        `wrong referrals ${q.wrongReferrals}, right card or referral ${q.right}, asked back / not found / intent ${q.held}`,
    );
    if (q.wrong.length) console.log(`wrong:\n${q.wrong.join('\n')}`);
    expect(rate.share(q.wrongCards, q.total)).toBeLessThanOrEqual(0.02);
  });

  it('finds the right entry first for ≥ 90% of English questions', () => {
    expect(ENGLISH_QUESTIONS.length).toBeGreaterThanOrEqual(60);
    const q = inCatalogueQuality(catalogue, ENGLISH_QUESTIONS);
    console.log(
      `English: top-1 ${rate.percent(rate.share(q.top1, q.total))}, answered at once ${rate.percent(rate.share(q.direct, q.total))} of ${q.total}`,
    );
    if (q.misses.length) console.log(`not answered at once:\n${q.misses.join('\n')}`);
    expect(rate.share(q.top1, q.total)).toBeGreaterThanOrEqual(0.9);
  });
});
