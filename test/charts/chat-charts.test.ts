// /tiendo, /xephang and /hailong send a PNG chart with their text. Each picture is decoded and
// measured: phone-sized, not blank, and its bars read back from the pixels show the numbers of
// the seeded reports and ratings.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/types.js';
import { colors } from '../../src/charts/specs.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { makeProvince, report, type Province } from '../criteria/fixture.js';
import { expectSaid, said } from '../support/conversation.js';
import { barShares, countColour, decodePng, expectPhoneChart, expectShares } from '../support/png.js';

const OUTPUT = path.resolve('test-output/charts');
let p: Province;
let serial = 0;

type Level = 'very_satisfied' | 'satisfied' | 'unsatisfied';

/** A dossier returned on the day, rated at the level (or not rated). */
async function returnedDossier(commune: string, day: string, outcome: 'early' | 'on_time' | 'late', level?: Level): Promise<void> {
  const { db } = p.app;
  const procedure = await db.procedure.findFirstOrThrow();
  serial++;
  const returnedAt = vnInstant(day, '10:00');
  const dossier = await db.dossier.create({
    data: {
      code: `HS-C${serial}`,
      communeId: p.communeId[commune],
      procedureId: procedure.id,
      receivedAt: vnInstant(day, '08:00'),
      dueAt: returnedAt,
      status: 'returned',
      returnedAt,
      outcome,
      ratingTokenHash: `chart-token-${serial}`,
      shortCodeHash: `chart-short-${serial}`,
      tokenExpiresAt: vnInstant('2027-01-31'),
    },
  });
  if (!level) return;
  await db.rating.create({
    data: {
      dossierId: dossier.id,
      accountId: p.citizen.id,
      questionnaire: 'mot-cua-2025',
      answers: JSON.stringify({ overall: level, timeliness: 'on_time', attitude: 'polite', guidance: 'clear', extra: 'no' }),
      level,
      askedExtra: false,
    },
  });
}

async function ask(user: string, text: string): Promise<Reply> {
  const replies = await p.app.conversation.handle({ channel: 'console', userId: user, text });
  expect(replies).toHaveLength(1);
  return replies[0];
}

/** Decodes and checks the reply's picture; a copy goes to test-output/charts/ for people to look at. */
function pictureOf(reply: Reply) {
  expect(reply.image, 'the reply carries a picture').toBeDefined();
  const bytes = Buffer.from(reply.image!.base64, 'base64');
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(path.join(OUTPUT, reply.image!.filename), bytes);
  const png = decodePng(bytes);
  expectPhoneChart(png, bytes.length);
  return png;
}

beforeAll(async () => {
  p = await makeProvince(vnInstant('2026-11-20', '09:00'));
  for (const [code, score] of [['TC1', 18], ['TC2', 22], ['TC3', 17], ['TC4', 13], ['TC5', 18]] as const) {
    await report(p, 'BG-A', code, '2026-11', 'done', score);
  }
  // TC4 below its floor (50% of 15 = 7.5): drawn in red.
  for (const [code, score] of [['TC1', 10], ['TC2', 20], ['TC3', 10], ['TC4', 6], ['TC5', 10]] as const) {
    await report(p, 'BG-B', code, '2026-10', 'in_progress', score);
  }
  await report(p, 'BG-C', 'TC2', '2026-11', 'done', 25);

  // November in BG-A: 2 very satisfied, 2 satisfied, 1 not satisfied, 1 unrated.
  for (const level of ['very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'unsatisfied'] as const) {
    await returnedDossier('BG-A', '2026-11-10', 'on_time', level);
  }
  await returnedDossier('BG-A', '2026-11-12', 'late');
  // Earlier months, for the trend: September all satisfied, October half.
  await returnedDossier('BG-A', '2026-09-15', 'early', 'satisfied');
  await returnedDossier('BG-A', '2026-10-15', 'on_time', 'satisfied');
  await returnedDossier('BG-A', '2026-10-16', 'on_time', 'unsatisfied');
});
afterAll(() => p.app.close());

describe('/tiendo sends a chart of the criteria', () => {
  it("draws each criterion's self-score against its maximum, named after the commune and month", async () => {
    said(p.app).take();
    const reply = await ask('mgr-province', '/tiendo BG-A');
    expectSaid(said(p.app).take(), 'criteria-progress-total', { score: 88, max: 100 });
    expect(reply.image).toMatchObject({
      filename: 'tien-do-bg-a-2026-11.png',
      alt: 'Biểu đồ tiến độ tiêu chí của Xã Thử A, tháng 11/2026: tổng 88/100 điểm, đạt 2 sao.',
    });
    const png = pictureOf(reply);
    // 18/20, 22/25, 17/20, 13/15, 18/20 of the track.
    expectShares(barShares(png, colors.track, [colors.bar, colors.bad]), [90, 88, 85, 86.67, 90]);
    expect(countColour(png, colors.bad)).toBe(0);
    // Reached star levels (1★ 80, 2★ 85) are green, the others grey.
    expect(countColour(png, colors.good)).toBeGreaterThan(1000);
  });

  it('draws a criterion below its floor in red', async () => {
    const png = pictureOf(await ask('mgr-province', '/tiendo BG-B'));
    expectShares(barShares(png, colors.track, [colors.bar, colors.bad]), [50, 80, 50, 40, 50]);
    expect(countColour(png, colors.bad)).toBeGreaterThan(1000);
  });
});

describe('/xephang sends a chart of the ranking', () => {
  it('ranks the communes by total, against the maximum, recognised ones in green', async () => {
    const reply = await ask('mgr-province', '/xephang');
    expect(reply.image?.filename).toBe('xep-hang-2026-11.png');
    expect(reply.image?.alt).toContain('1 xã đủ điều kiện công nhận, cao nhất Xã Thử A (88 điểm)');
    const png = pictureOf(reply);
    expectShares(barShares(png, colors.track, [colors.bar, colors.good]), [88, 56, 25, 0]);
    expect(countColour(png, colors.good)).toBeGreaterThan(1000);
  });

  it('sends no chart when no commune in scope follows a set', async () => {
    const year = await p.app.db.communeSet.findMany({ where: { year: 2026 } });
    await p.app.db.communeSet.deleteMany({ where: { year: 2026 } });
    try {
      const reply = await ask('mgr-province', '/xephang');
      expect(reply.image).toBeUndefined();
    } finally {
      await p.app.db.communeSet.createMany({ data: year });
    }
  });
});

describe('/hailong sends a chart of satisfaction', () => {
  it("draws each national level's share of the month, and the months before", async () => {
    said(p.app).take();
    const reply = await ask('mgr-province', '/hailong BG-A 2026-11');
    expectSaid(said(p.app).take(), 'rating-figures', { verySatisfied: 2, verySatisfiedPct: '40%', unsatisfied: 1, unsatisfiedPct: '20%' });
    expect(reply.image?.filename).toBe('hai-long-bg-a-2026-11-month.png');
    expect(reply.image?.alt).toBe('Biểu đồ mức độ hài lòng của Xã Thử A, tháng 11/2026: 5 lượt đánh giá, 80% hài lòng, 20% không hài lòng.');
    const png = pictureOf(reply);
    expectShares(barShares(png, colors.track, [colors.good, colors.fair, colors.bad]), [40, 40, 20]);
  });

  it('sends the figures without a picture when there is no rating to draw', async () => {
    said(p.app).take();
    const reply = await ask('mgr-province', '/hailong BG-D 2026-11');
    expectSaid(said(p.app).take(), 'rating-figures', { rated: 0 });
    expect(reply.image).toBeUndefined();
  });
});
