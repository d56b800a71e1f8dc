// The whole journey, one step per test, each on its own world: an official registers a dossier
// with /hoso, the citizen opens the receipt link and follows it, the official hands the result
// back, the rating request is pushed, the citizen rates with the buttons (pressed by payload),
// and the manager's /hailong shows it. Replies are checked by message id and arguments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.js';
import { expectSaid, idsOf, person, said } from '../support/conversation.js';
import { decodePng } from '../support/png.js';
import { followedDossier, makeWorld, manager, official, pushesTo, rate, register, returned, type World } from './support.js';

describe('dossier → follow → return → rating → figures', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
    await official(w.app, 'canbo', w.tanTien.id);
    await manager(w.app, 'lanhdao', { communeId: w.tanTien.id });
  });
  afterEach(() => w.app.close());

  /** A dossier due in five working days, followed by `dan`. */
  async function followedFiveDayDossier() {
    const procedure = await w.app.db.procedure.findFirstOrThrow({ where: { timeLimitDays: 5 } });
    const handler = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'canbo' } });
    return followedDossier(w, 'dan', { procedureId: procedure.id, handlerId: handler.id });
  }

  /** A dossier returned early, followed and rated by `dan`. */
  async function ratedDossier() {
    const { reg, dossier } = await followedFiveDayDossier();
    await returned(w, dossier.id);
    const dan = person(w.app, 'dan');
    await dan.press(`rt:${dossier.id}`, await pushesTo(w, 'dan'));
    await rate(dan, { overall: 'satisfied', timeliness: 'on_time', attitude: 'very_polite', guidance: 'very_clear', extra: 'no', comment: null });
    return { reg, dossier };
  }

  it('an official registers a dossier with /hoso and gets the code, link, Zalo code and QR', async () => {
    const canbo = person(w.app, 'canbo');
    const procedure = await w.app.db.procedure.findFirstOrThrow({ where: { name: 'Đăng ký lại khai sinh' } });
    await canbo.say('/hoso đăng ký lại khai sinh');
    await canbo.press(`hso:p:${procedure.id}`);
    expectSaid(said(w.app).take(), 'dossier-hoso-ask-name', { procedure: procedure.name });
    await canbo.say('Nguyễn Văn An');
    // 5 working days from Monday 2 March: Monday 9 March.
    expectSaid(said(w.app).take(), 'dossier-hoso-ask-due', { known: 'yes', days: 5, due: '09/03/2026' });
    await canbo.press('hso:keep');
    expectSaid(said(w.app).take(), 'dossier-hoso-confirm', { procedure: procedure.name, hasName: 'yes', name: 'Nguyễn Văn An', due: '09/03/2026' });
    const [done] = await canbo.press('hso:ok');

    const registered = expectSaid(said(w.app).take(), 'dossier-registered', { procedure: procedure.name, due: '09/03/2026' });
    const code = String(registered.args!.code);
    expect(code).toMatch(/^HS-260302-[A-Z0-9]{5}$/);
    expect(registered.args!.zaloCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const link = String(registered.args!.link);
    expect(link).toMatch(/^https:\/\/t\.me\/cqtt_test_bot\?start=r_[A-Za-z0-9_-]{32}$/);
    // The receipt's QR code comes as a picture to print.
    expect(done.image?.filename).toBe(`qr-${code}.png`);
    expect(decodePng(Buffer.from(done.image!.base64, 'base64')).width).toBeGreaterThan(0);

    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { code } });
    expect(dossier.citizenName).toBe('Nguyễn Văn An');
    expect(dossier.status).toBe('received');
    // Only hashes are stored.
    expect(JSON.stringify(dossier)).not.toContain(link.split('start=r_')[1]);
  });

  it('a confirmation pressed twice at once registers one dossier', async () => {
    const canbo = person(w.app, 'canbo');
    const procedure = await w.app.db.procedure.findFirstOrThrow({ where: { name: 'Đăng ký lại khai sinh' } });
    await canbo.say('/hoso đăng ký lại khai sinh');
    await canbo.press(`hso:p:${procedure.id}`);
    await canbo.press('hso:skip');
    await canbo.press('hso:keep');
    const [a, b] = await Promise.all([canbo.press('hso:ok'), canbo.press('hso:ok')]);
    expect(await w.app.db.dossier.count()).toBe(1);
    expect(idsOf(said(w.app).take()).filter((id) => id === 'dossier-registered')).toHaveLength(2);
    expect(b[0].text).toBe(a[0].text);
  });

  it('the citizen opens the link, sees the dossier without personal data, and follows it', async () => {
    const reg = await register(w, { citizenName: 'Nguyễn Văn An' });
    const dan = person(w.app, 'dan');
    const [card] = await dan.say(`/start ${reg.startPayload}`);
    const told = said(w.app).take();
    expectSaid(told, 'dossier-card', { code: reg.code, commune: 'Xã Tân Tiến', received: '02/03/2026' });
    expectSaid(told, 'dossier-open-follow-invite');
    expect(card.text).not.toContain('Nguyễn Văn An');
    await dan.press('dso:follow');
    expectSaid(said(w.app).take(), 'dossier-followed', { code: reg.code });
    const citizen = await w.app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: 'dan' } } });
    expect((await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } })).followerId).toBe(citizen.id);
  });

  it('marking it returned queues the rating request and one reminder 24 h later', async () => {
    const { reg, dossier: followed } = await followedFiveDayDossier();
    w.clock.advance(2 * 60 * 60 * 1000);
    const canbo = person(w.app, 'canbo');
    said(w.app).take();
    await canbo.say(`/xong ${reg.code}`);
    expectSaid(said(w.app).take(), 'dossier-done-ok', { code: reg.code, told: 'yes' });
    await canbo.say(`/tra ${reg.code}`);
    expectSaid(said(w.app).take(), 'dossier-returned-ok', { code: reg.code, outcome: 'early', told: 'yes' });
    await canbo.say(`/tra ${reg.code}`);
    expectSaid(said(w.app).take(), 'dossier-status-unchanged', { code: reg.code, status: 'returned' });

    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { id: followed.id } });
    expect(dossier.outcome).toBe('early');
    const rows = await w.app.db.outboxMessage.findMany({ where: { accountId: dossier.followerId! }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.dedupKey)).toEqual([`dossier-done:${dossier.id}`, `rating-request:${dossier.id}`, `rating-remind:${dossier.id}`]);
    const remind = rows[2];
    expect(remind.nextAttemptAt.getTime() - w.clock.now().getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it('the citizen rates with the pushed button; the reminder is withdrawn', async () => {
    const { reg, dossier: followed } = await followedDossier(w, 'dan');
    said(w.app).take();
    await returned(w, followed.id);
    expectSaid(said(w.app).take(), 'rating-request', { code: reg.code });
    const dan = person(w.app, 'dan');
    await dan.press(`rt:${followed.id}`, await pushesTo(w, 'dan'));
    expectSaid(said(w.app).take(), 'rating-intro', { code: reg.code });
    const [thanks] = await rate(dan, {
      overall: 'satisfied',
      timeliness: 'on_time',
      attitude: 'very_polite',
      guidance: 'very_clear',
      extra: 'no',
      comment: 'Cán bộ hướng dẫn rất nhiệt tình.',
    });
    expect(idsOf(said(w.app).take())).toContain('rating-thanks');
    expect(thanks.buttons).toBeUndefined();

    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { id: followed.id }, include: { rating: true } });
    expect(dossier.tokenUsedAt).not.toBeNull();
    expect(dossier.rating).toMatchObject({ questionnaire: 'mot-cua-2025', level: 'satisfied', askedExtra: false, comment: 'Cán bộ hướng dẫn rất nhiệt tình.' });
    expect(JSON.parse(dossier.rating!.answers)).toEqual({ overall: 'satisfied', timeliness: 'on_time', attitude: 'very_polite', guidance: 'very_clear', extra: 'no' });
    expect(await w.app.db.outboxMessage.count({ where: { dedupKey: `rating-remind:${dossier.id}` } })).toBe(0);
  });

  it('the link is single use', async () => {
    const { reg } = await ratedDossier();
    said(w.app).take();
    await person(w.app, 'dan').say(`/start ${reg.startPayload}`);
    expect(idsOf(said(w.app).take())).toEqual(['dossier-open-used']);
  });

  it("the manager's /hailong shows the rating", async () => {
    await ratedDossier();
    said(w.app).take();
    const lanhdao = person(w.app, 'lanhdao');
    await lanhdao.say('/hailong 2026-03');
    const month = said(w.app).take();
    expectSaid(month, 'rating-period', { kind: 'month', month: '03', year: '2026' });
    expectSaid(month, 'rating-figures', { title: 'Xã Tân Tiến', returned: 1, early: 1, rated: 1, satisfied: 1 });
    await lanhdao.say('/hailong BG-TANTIEN quý 1/2026');
    const quarter = said(w.app).take();
    expectSaid(quarter, 'rating-period', { kind: 'quarter', index: 1, year: '2026' });
    expectSaid(quarter, 'rating-figures', { title: 'Xã Tân Tiến', returned: 1, rated: 1 });
  });

  it("the figures' wording: counts with their shares of the total", async () => {
    await ratedDossier();
    const out = await consoleSession(w.app, 'lanhdao', ['/hailong 2026-03']);
    expect(out).toContain('Mức độ hài lòng — Xã Tân Tiến, tháng 03/2026');
    expect(out).toContain('trước hạn: 1 (100%)');
    expect(out).toContain('Lượt đánh giá: 1 (tỷ lệ đánh giá 100%)');
    expect(out).toContain('Tỷ lệ hài lòng (rất hài lòng + hài lòng): 100%');
  });

  it("/hailong keeps to the asker's scope and explains a period it does not understand", async () => {
    const canbo = person(w.app, 'canbo');
    said(w.app).take();
    await canbo.say('/hailong');
    expectSaid(said(w.app).take(), 'rating-figures', { title: 'Xã Tân Tiến' });
    await canbo.say('/hailong BG-YENTHE 2026-03');
    expectSaid(said(w.app).take(), 'rating-hailong-out-of-scope', { role: 'official', commune: 'Xã Yên Thế' });
    await canbo.say('/hailong tháng trước');
    expectSaid(said(w.app).take(), 'rating-hailong-usage', { input: 'tháng trước' });
    await person(w.app, 'lanhdao').say('/hailong BG-YENTHE');
    expectSaid(said(w.app).take(), 'rating-hailong-out-of-scope', { role: 'manager', commune: 'Xã Yên Thế' });
  });

  it('citizens are told politely why /hoso and /hailong are not for them', async () => {
    const dan = person(w.app, 'dan');
    said(w.app).take();
    await dan.say('/hoso');
    await dan.say('/hailong');
    expect(idsOf(said(w.app).take()).filter((id) => id === 'refused-role')).toHaveLength(2);
    expect(await w.app.db.dossier.count()).toBe(0);
  });
});
