// The rules around a rating: who may open and rate a dossier, single use, expiry, one rating
// per dossier under concurrency, the reminder, and the alerts to managers. Every person and
// dossier is a test's own; a test that moves the clock has a world of its own.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSaid, idsOf, person, said } from '../support/conversation.js';
import { followedDossier, makeWorld, manager, official, pushesTo, rate, register, returned, session, type World } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
const HAPPY = { overall: 'satisfied', timeliness: 'on_time', attitude: 'polite', guidance: 'clear', extra: 'no' } as const;

describe('opening a dossier with the receipt secret', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(() => w.app.close());

  it('a forged or malformed token is refused and changes nothing', async () => {
    const forged = `r_${randomBytes(24).toString('base64url')}`;
    const dan = person(w.app, 'dan-forge');
    said(w.app).take();
    for (const payload of [forged, 'r_short', 'r_../../etc']) await dan.say(`/start ${payload}`);
    expect(idsOf(said(w.app).take())).toEqual(['dossier-open-unknown', 'dossier-open-unknown', 'dossier-open-unknown']);
    expect(await w.app.db.dialogueState.count({ where: { userId: 'dan-forge' } })).toBe(0);
  });

  it('the Zalo code works typed in any case, with or without the dash; a wrong one is refused', async () => {
    const reg = await register(w);
    const bare = reg.zaloCode.replace('-', '').toLowerCase();
    const dan = person(w.app, 'dan-zalo');
    said(w.app).take();
    await dan.say(bare);
    expectSaid(said(w.app).take(), 'dossier-card', { code: reg.code });
    await dan.press('dso:follow');
    expectSaid(said(w.app).take(), 'dossier-followed', { code: reg.code });
    const other = person(w.app, 'dan-zalo2');
    await other.say('ABCD-2345');
    expect(idsOf(said(w.app).take())).toEqual(['dossier-open-unknown']);
    // An ordinary question is not mistaken for a code.
    await other.say('khai sinh');
    expect(idsOf(said(w.app).take())).not.toContain('dossier-open-unknown');
  });

  it('an expired token is refused', async () => {
    const own = await makeWorld();
    try {
      const reg = await register(own);
      own.clock.set(new Date(reg.dossier.tokenExpiresAt.getTime() + 1000));
      said(own.app).take();
      await person(own.app, 'dan-late').say(`/start ${reg.startPayload}`);
      expect(idsOf(said(own.app).take())).toEqual(['dossier-open-expired']);
      const dossier = await own.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
      expect(dossier.followerId).toBeNull();
    } finally {
      await own.app.close();
    }
  });

  it('a dossier not yet returned can be followed, not rated', async () => {
    const { dossier } = await followedDossier(w, 'dan-early');
    const dan = person(w.app, 'dan-early');
    const opened = await dan.say(`/start ${(await register(w)).startPayload}`);
    expect(opened.flatMap((r) => r.buttons?.flat() ?? []).map((b) => b.payload)).toEqual(['dso:follow']);
    said(w.app).take();
    await dan.send({ payload: `rt:${dossier.id}` });
    expect(idsOf(said(w.app).take())).toEqual(['rating-not-yet']);
  });

  it("the pushed rating button works only for the dossier's follower", async () => {
    const { dossier } = await followedDossier(w, 'dan-owner');
    await returned(w, dossier.id);
    said(w.app).take();
    await person(w.app, 'someone-else').send({ payload: `rt:${dossier.id}` });
    expect(idsOf(said(w.app).take())).toEqual(['rating-not-follower']);
    expect(await w.app.db.dialogueState.count({ where: { userId: 'someone-else' } })).toBe(0);
  });
});

describe('storing a rating', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    await official(w.app, 'canbo', w.tanTien.id);
  });
  afterAll(() => w.app.close());

  /** Opens the receipt link as `userId` and starts rating (the dossier is returned). */
  async function opened(userId: string, startPayload: string) {
    const dan = person(w.app, userId);
    await dan.say(`/start ${startPayload}`);
    await dan.press('dso:rate');
    return dan;
  }

  it('two submissions at the same moment store exactly one rating; the other is told politely', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    // Two people holding the same receipt reach the last question at the same time.
    const a = await opened('dan-a', reg.startPayload);
    const b = await opened('dan-b', reg.startPayload);
    await rate(a, HAPPY);
    await rate(b, HAPPY);
    said(w.app).take();
    await Promise.all([a.press('rf:skip'), b.press('rf:skip')]);
    const outcomes = idsOf(said(w.app).take()).filter((id) => id === 'rating-thanks' || id === 'rating-already');
    expect(outcomes.sort()).toEqual(['rating-already', 'rating-thanks']);
    expect(await w.app.db.rating.count({ where: { dossierId: reg.dossier.id } })).toBe(1);
  });

  it('a used token is refused when opened again', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    await rate(await opened('dan-c', reg.startPayload), { ...HAPPY, comment: null });
    const before = await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
    const again = person(w.app, 'dan-d');
    said(w.app).take();
    await again.say(`/start ${reg.startPayload}`);
    await again.say(reg.zaloCode);
    expect(idsOf(said(w.app).take())).toEqual(['dossier-open-used', 'dossier-open-used']);
    expect(await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } })).toEqual(before);
  });

  it('a token that expires during the dialogue stores nothing', async () => {
    const own = await makeWorld();
    try {
      const reg = await register(own);
      await returned(own, reg.dossier.id);
      const dan = person(own.app, 'dan-e');
      await dan.say(`/start ${reg.startPayload}`);
      await dan.press('dso:rate');
      await rate(dan, HAPPY);
      own.clock.set(new Date(reg.dossier.tokenExpiresAt.getTime() + 1));
      // The citizen is still mid-dialogue at that moment (a dialogue untouched for a day is forgotten).
      await own.app.db.dialogueState.updateMany({ where: { userId: 'dan-e' }, data: { updatedAt: own.clock.now() } });
      said(own.app).take();
      await dan.press('rf:skip');
      const told = idsOf(said(own.app).take());
      expect(told).toContain('dossier-open-expired');
      expect(told).not.toContain('rating-thanks');
      expect(await own.app.db.rating.count({ where: { dossierId: reg.dossier.id } })).toBe(0);
    } finally {
      await own.app.close();
    }
  });

  it('typed text or a stale button during a question asks the same question again', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    const dan = await opened('dan-f', reg.startPayload);
    said(w.app).take();
    const [again] = await dan.say('tốt lắm');
    expect(idsOf(said(w.app).take())).toEqual(['rating-use-buttons']);
    expect(again.buttons?.flat()[0].payload).toMatch(/^rf:overall:/);
    const [stale] = await dan.send({ payload: 'rf:extra:yes' });
    expect(stale.buttons?.flat().every((b) => b.payload.startsWith('rf:overall:'))).toBe(true);
  });
});

describe('reminders and alerts', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    await manager(w.app, 'lanhdao-xa', { communeId: w.tanTien.id });
    await manager(w.app, 'lanhdao-tinh', { provinceId: w.tanTien.provinceId });
    await manager(w.app, 'lanhdao-khac', { communeId: w.yenThe.id });
  });
  afterAll(() => w.app.close());

  it('an unrated dossier gets exactly one reminder, 24 hours after the request', async () => {
    const own = await makeWorld();
    try {
      const { dossier } = await followedDossier(own, 'dan-r');
      said(own.app).take();
      await returned(own, dossier.id);
      const queued = said(own.app).take();
      expectSaid(queued, 'rating-request', { code: dossier.code });
      expectSaid(queued, 'rating-reminder', { code: dossier.code });
      // The console delivers what is due: the request now, the reminder a day later, once.
      const first = await session(own.app, 'dan-r', []);
      expect(first.match(/🔔/g)).toHaveLength(1);
      own.clock.advance(DAY - 60_000);
      expect(await session(own.app, 'dan-r', [])).not.toContain('🔔');
      own.clock.advance(60_000);
      expect((await session(own.app, 'dan-r', [])).match(/🔔/g)).toHaveLength(1);
      own.clock.advance(3 * DAY);
      expect(await session(own.app, 'dan-r', [])).not.toContain('🔔');
      // The reminder's button still opens the questionnaire.
      const [remind] = (await pushesTo(own, 'dan-r')).slice(-1);
      said(own.app).take();
      await person(own.app, 'dan-r').press(`rt:${dossier.id}`, [remind]);
      expectSaid(said(own.app).take(), 'rating-intro', { code: dossier.code });
    } finally {
      await own.app.close();
    }
  });

  it('"Không hài lòng" with a report of extra payment alerts the managers in scope and offers a complaint', async () => {
    const { dossier } = await followedDossier(w, 'dan-x');
    await returned(w, dossier.id);
    const dan = person(w.app, 'dan-x');
    await dan.press(`rt:${dossier.id}`, await pushesTo(w, 'dan-x'));
    await rate(dan, { overall: 'unsatisfied', timeliness: 'late_unnotified', attitude: 'disrespectful', guidance: 'unclear', extra: 'yes' });
    said(w.app).take();
    const [thanks] = await dan.say('Cán bộ gợi ý đưa thêm 200 nghìn.');
    const told = said(w.app).take();
    expectSaid(told, 'rating-thanks-concern', { extra: 'yes' });
    // The complaint button carries the payload agreed with the complaints module.
    expect(thanks.buttons?.flat().map((b) => b.payload)).toEqual([`cp:d:${dossier.code}`]);

    const alerts = await w.app.db.outboxMessage.findMany({ where: { dedupKey: { startsWith: `rating-alert:${dossier.id}:` } } });
    const to = await w.app.db.account.findMany({ where: { id: { in: alerts.map((a) => a.accountId!) } } });
    // The commune's own manager; the province's hears only when the commune has none.
    expect(to.map((a) => a.externalId)).toEqual(['lanhdao-xa']);
    // The answers the questionnaire marks `alert: true`, by their short names (from its data).
    expectSaid(told, 'rating-alert', {
      code: dossier.code,
      reasons: 'Mức độ hài lòng: Không hài lòng; Bị gợi ý chi thêm tiền: Có',
      comment: 'Cán bộ gợi ý đưa thêm 200 nghìn.',
      hasComment: 'yes',
    });
    const rating = await w.app.db.rating.findUniqueOrThrow({ where: { dossierId: dossier.id } });
    expect(rating).toMatchObject({ level: 'unsatisfied', askedExtra: true });
    expect(JSON.parse(rating.answers)).toEqual({
      overall: 'unsatisfied',
      timeliness: 'late_unnotified',
      attitude: 'disrespectful',
      guidance: 'unclear',
      extra: 'yes',
    });
  });

  it('a happy rating alerts nobody', async () => {
    const { dossier } = await followedDossier(w, 'dan-h');
    await returned(w, dossier.id);
    const dan = person(w.app, 'dan-h');
    await dan.press(`rt:${dossier.id}`, await pushesTo(w, 'dan-h'));
    await rate(dan, { overall: 'very_satisfied', timeliness: 'early', attitude: 'very_polite', guidance: 'very_clear', extra: 'no', comment: null });
    expect(await w.app.db.rating.count({ where: { dossierId: dossier.id } })).toBe(1);
    expect(await w.app.db.outboxMessage.count({ where: { dedupKey: { startsWith: `rating-alert:${dossier.id}:` } } })).toBe(0);
  });
});
