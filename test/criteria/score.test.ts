// Scoring against the seeded sets: stars, per-criterion floors, recognition, Đồng Nai's bonus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { findSetByKey, type SetInfo } from '../../src/criteria/model.js';
import { scoreCommune, targetPercent } from '../../src/criteria/score.js';
import { FakeClock } from '../../src/shared/clock.js';
import { seedDatabase } from '../../src/db/seed.js';
import { vnInstant } from '../../src/shared/vntime.js';

let app: TestApp;
let bacGiang: SetInfo;
let dongNai: SetInfo;

beforeAll(async () => {
  app = await makeTestApp();
  bacGiang = (await findSetByKey(app.db, 'bac-giang-710-2024'))!;
  dongNai = (await findSetByKey(app.db, 'dong-nai-54-2025'))!;
});
afterAll(async () => {
  await app.close();
});

/** Scores in the set's criterion order. */
const score = (set: SetInfo, points: number[]) => scoreCommune(set, new Map(set.criteria.map((c, i) => [c.id, points[i]])));

describe('seeded sets', () => {
  it('have the published criteria and points', () => {
    expect(bacGiang.criteria.map((c) => [c.code, c.maxPoints])).toEqual([['TC1', 20], ['TC2', 25], ['TC3', 20], ['TC4', 15], ['TC5', 20]]);
    expect(bacGiang.decision).toBe('710/QĐ-UBND');
    expect(bacGiang.criteria[0].evidence).toEqual(['Danh mục tài liệu minh chứng (PDF)', 'Tài liệu minh chứng (PDF)']);
    expect(dongNai.criteria.map((c) => [c.code, c.maxPoints, c.bonus])).toEqual([
      ['TT', 15, false], ['VH', 15, false], ['HL', 20, false], ['CCHC', 50, false], ['SK', 5, true],
    ]);
    expect(dongNai.maxPoints).toBe(100);
  });

  it('make the demo communes follow the Bắc Giang set this year, once', async () => {
    const demo = await makeTestApp({ DEMO_DATA: 'true' }, { clock: new FakeClock(vnInstant('2027-01-05')) });
    try {
      const set = await demo.db.criteriaSet.findUniqueOrThrow({ where: { key: 'bac-giang-710-2024' } });
      const links = await demo.db.communeSet.findMany();
      expect(links.map((l) => [l.year, l.setId])).toEqual(Array(3).fill([2027, set.id]));
      await seedDatabase(demo);
      expect(await demo.db.communeSet.count()).toBe(3);
      expect(await demo.db.criteriaSet.count()).toBe(2);
    } finally {
      await demo.close();
    }
  });
});

describe('Đồng Nai (QĐ 54/2025/QĐ-UBND)', () => {
  it('gives stars at 95, 90, 80 and below 80', () => {
    expect(score(dongNai, [15, 15, 20, 45, 0]).stars).toBe(4); // 95
    expect(score(dongNai, [15, 15, 20, 44.5, 0]).stars).toBe(3); // 94.5
    expect(score(dongNai, [15, 15, 20, 30, 0]).stars).toBe(2); // 80
    expect(score(dongNai, [15, 15, 19, 30, 0])).toMatchObject({ total: 79, stars: 1, recognized: true });
  });

  it('adds initiatives as a bonus on the 100-point scale, capped at 100', () => {
    expect(score(dongNai, [14, 14, 18, 45, 0])).toMatchObject({ total: 91, max: 100, stars: 3 });
    expect(score(dongNai, [14, 14, 18, 45, 5])).toMatchObject({ total: 96, max: 100, stars: 4 });
    expect(score(dongNai, [15, 15, 20, 50, 5])).toMatchObject({ total: 100, max: 100, stars: 4 });
  });
});

describe('Bắc Giang (QĐ 710/QĐ-UBND)', () => {
  it('recognises at 80 points with every criterion at half its maximum', () => {
    expect(score(bacGiang, [16, 20, 16, 12, 16])).toMatchObject({ total: 80, stars: 1, floorsMet: true, recognized: true });
    expect(score(bacGiang, [16, 20, 16, 12, 15.5])).toMatchObject({ total: 79.5, stars: 0, recognized: false });
  });

  it('shows the stars of the total but refuses recognition below a floor', () => {
    expect(score(bacGiang, [20, 25, 20, 7, 20])).toMatchObject({
      total: 92,
      stars: 3,
      floorsMet: false,
      belowFloor: ['TC4'],
      recognized: false,
    });
  });

  it('aims at 60% of communes in 2024 and 100% from 2025', () => {
    expect(targetPercent(bacGiang, 2023)).toBeNull();
    expect(targetPercent(bacGiang, 2024)).toBe(60);
    expect(targetPercent(bacGiang, 2026)).toBe(100);
    expect(targetPercent(dongNai, 2026)).toBeNull();
  });
});
