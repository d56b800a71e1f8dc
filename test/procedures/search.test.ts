import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCatalogue } from '../../src/procedures/catalogue.js';
import { ProcedureSearch } from '../../src/procedures/search.js';
import { KHAI_SINH, QUESTIONS, UNRELATED } from './questions.js';

let search: ProcedureSearch;
beforeAll(() => {
  search = new ProcedureSearch(loadSeedCatalogue());
});

describe('ProcedureSearch ranking', () => {
  it('has a broad question set covering every procedure', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(120);
    const covered = new Set(QUESTIONS.map(([, code]) => code));
    expect(covered).toEqual(new Set(loadSeedCatalogue().map((p) => p.code)));
  });

  it('finds the expected procedure first for at least 95% of questions', () => {
    const misses = QUESTIONS.filter(([q, code]) => search.search(q)[0]?.code !== code).map(
      ([q, code]) => `${JSON.stringify(q)}: expected ${code}, got ${JSON.stringify(search.search(q, 3))}`,
    );
    const accuracy = 1 - misses.length / QUESTIONS.length;
    console.log(`top-1 accuracy ${(accuracy * 100).toFixed(1)}% over ${QUESTIONS.length} questions`);
    if (misses.length > 0) console.log(`misses:\n${misses.join('\n')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['lam giay khai sinh cho con can gi', KHAI_SINH],
    ['cho em hỏi làm giấy khai sinh cho con thì cần những gì ạ', KHAI_SINH],
    ['khai sihn', KHAI_SINH],
    ['KHAI SINH', KHAI_SINH],
    ['ket hon', '1.000894'],
    ['tam chu', '1.004194'],
    ['thuong tru', '1.004222'],
    ['hooj khaau', '1.004222'],
    ['sổ đỏ', '1.012753'],
    ['giấy độc thân', '1.004873'],
    ['photo công chứng', '2.000815'],
    ['người nhà mất', '1.000656'],
    ['mở quán', 'KD-thanh-lap-ho-kinh-doanh'],
  ])('must pass: %s → %s', (question, code) => {
    expect(search.search(question)[0]?.code).toBe(code);
  });

  it('gives the same answer for NFC, NFD, no diacritics and Telex input', () => {
    const forms = ['đăng ký kết hôn', 'đăng ký kết hôn'.normalize('NFD'), 'dang ky ket hon', 'ddawng kys keets hoon'];
    const results = forms.map((q) => search.search(q));
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it.each(UNRELATED)('returns [] for an unrelated question: %s', (question) => {
    expect(search.search(question)).toEqual([]);
  });

  it('does not let a diacritic-typed word match a different word with the same letters', () => {
    // "đóng thuế" folds like "(hợp) đồng thuê", which is in the contract procedure's aliases.
    expect(search.search('đóng thuế đất')).toEqual([]);
  });

  it('returns at most `limit` hits, best first, with scores in 0–1', () => {
    const hits = search.search('khai sinh', 3);
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatchObject({ code: KHAI_SINH, kind: 'procedure', name: 'Đăng ký khai sinh', score: expect.any(Number) });
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
  });

  it('finds a procedure by its code', () => {
    expect(search.search(' 1.001193 ')).toMatchObject([{ code: KHAI_SINH, name: 'Đăng ký khai sinh', score: 1 }]);
  });

  it('returns [] for empty and filler-only questions', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('cho em hỏi với ạ')).toEqual([]);
  });
});
