// The rules around a rating: who may open and rate a dossier, single use, expiry, one rating
// per dossier under concurrency, the reminder, and the alerts to managers.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbound } from '../../src/conversation/types.js';
import { consoleSession } from '../support/console.js';
import { followedDossier, makeWorld, manager, official, ratingLines, register, returned, session, type World } from './support.js';

const DAY = 24 * 60 * 60 * 1000;

describe('opening a dossier with the receipt secret', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(() => w.app.close());

  it('a forged or malformed token is refused and changes nothing', async () => {
    const forged = `r_${randomBytes(24).toString('base64url')}`;
    const out = await consoleSession(w.app, 'dan-forge', [`/start ${forged}`, '/start r_short', '/start r_../../etc']);
    expect(out.match(/Mã hoặc đường liên kết này không đúng/g)).toHaveLength(3);
    expect(await w.app.db.dialogueState.count({ where: { userId: 'dan-forge' } })).toBe(0);
  });

  it('the Zalo code works typed in any case, with or without the dash; a wrong one is refused', async () => {
    const reg = await register(w);
    const bare = reg.zaloCode.replace('-', '').toLowerCase();
    const out = await consoleSession(w.app, 'dan-zalo', [bare, '1']);
    expect(out).toContain(`Hồ sơ ${reg.code}`);
    expect(out).toContain(`Đã theo dõi hồ sơ ${reg.code}`);
    const wrong = await consoleSession(w.app, 'dan-zalo2', ['ABCD-2345']);
    expect(wrong).toContain('Mã hoặc đường liên kết này không đúng');
    // An ordinary question is not mistaken for a code.
    const question = await consoleSession(w.app, 'dan-zalo2', ['khai sinh']);
    expect(question).not.toContain('Mã hoặc đường liên kết');
  });

  it('an expired token is refused', async () => {
    const reg = await register(w);
    w.clock.set(new Date(reg.dossier.tokenExpiresAt.getTime() + 1000));
    try {
      const out = await consoleSession(w.app, 'dan-late', [`/start ${reg.startPayload}`]);
      expect(out).toContain('Mã đánh giá của hồ sơ này đã hết hạn');
      const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
      expect(dossier.followerId).toBeNull();
    } finally {
      w.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('a dossier not yet returned can be followed, not rated', async () => {
    const { dossier } = await followedDossier(w, 'dan-early');
    const out = await consoleSession(w.app, 'dan-early', [`/start ${(await register(w)).startPayload}`]);
    expect(out).toContain('Theo dõi hồ sơ');
    expect(out).not.toContain('Đánh giá ngay');
    const replies = await w.app.conversation.handle({ channel: 'console', userId: 'dan-early', payload: `rt:${dossier.id}` });
    expect(replies[0].text).toContain('Hồ sơ chưa trả kết quả nên chưa đánh giá được');
  });

  it("the pushed rating button works only for the dossier's follower", async () => {
    const { dossier } = await followedDossier(w, 'dan-owner');
    await returned(w, dossier.id);
    const replies = await w.app.conversation.handle({ channel: 'console', userId: 'someone-else', payload: `rt:${dossier.id}` });
    expect(replies[0].text).toContain('Nút này không dành cho tài khoản của anh/chị');
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

  it('two submissions at the same moment store exactly one rating; the other is told politely', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    // Two people holding the same receipt reach the last question at the same time.
    for (const user of ['dan-a', 'dan-b']) {
      await consoleSession(w.app, user, [`/start ${reg.startPayload}`, '1', ...ratingLines({ overall: 1, timeliness: 2, attitude: 2, guidance: 2, extra: 2 }).slice(0, 5)]);
    }
    const skip = (userId: string): Inbound => ({ channel: 'console', userId, payload: 'rf:skip' });
    const [a, b] = await Promise.all([w.app.conversation.handle(skip('dan-a')), w.app.conversation.handle(skip('dan-b'))]);
    const texts = [a[0].text, b[0].text];
    expect(texts.filter((t) => t.startsWith('Cảm ơn anh/chị đã đánh giá'))).toHaveLength(1);
    expect(texts.filter((t) => t === 'Hồ sơ này đã được đánh giá rồi. Cảm ơn anh/chị!')).toHaveLength(1);
    expect(await w.app.db.rating.count({ where: { dossierId: reg.dossier.id } })).toBe(1);
  });

  it('a used token is refused when opened again', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    await consoleSession(w.app, 'dan-c', [`/start ${reg.startPayload}`, '1', ...ratingLines({ overall: 3, timeliness: 1, attitude: 1, guidance: 1, extra: 2 })]);
    const before = await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
    const out = await consoleSession(w.app, 'dan-d', [`/start ${reg.startPayload}`, reg.zaloCode]);
    expect(out.match(/Hồ sơ này đã được đánh giá\. Cảm ơn anh\/chị đã góp ý!/g)).toHaveLength(2);
    expect(await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } })).toEqual(before);
  });

  it('a token that expires during the dialogue stores nothing', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    await consoleSession(w.app, 'dan-e', [`/start ${reg.startPayload}`, '1', '1', '1', '1', '1', '2']);
    const dossier = await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } });
    w.clock.set(new Date(dossier.tokenExpiresAt.getTime() + 1));
    // The citizen is still mid-dialogue at that moment (a dialogue untouched for a day is forgotten).
    await w.app.db.dialogueState.updateMany({ where: { userId: 'dan-e' }, data: { updatedAt: w.clock.now() } });
    try {
      const replies = await w.app.conversation.handle({ channel: 'console', userId: 'dan-e', payload: 'rf:skip' });
      expect(replies[0].text).toContain('đã hết hạn');
      expect(await w.app.db.rating.count({ where: { dossierId: dossier.id } })).toBe(0);
    } finally {
      w.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('typed text or a stale button during a question asks the same question again', async () => {
    const reg = await register(w);
    await returned(w, reg.dossier.id);
    const out = await consoleSession(w.app, 'dan-f', [`/start ${reg.startPayload}`, '1', 'tốt lắm']);
    expect(out).toContain('Anh/chị vui lòng chọn một trong các nút bên dưới');
    const stale = await w.app.conversation.handle({ channel: 'console', userId: 'dan-f', payload: 'rf:extra:yes' });
    expect(stale[0].text).toContain('Nhìn chung, anh/chị có hài lòng');
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
    const { dossier } = await followedDossier(w, 'dan-r');
    await returned(w, dossier.id);
    const first = await session(w.app, 'dan-r', []);
    expect(first).toContain('Mời anh/chị dành một phút đánh giá');
    expect(first).not.toContain('Nhắc nhẹ');
    w.clock.advance(DAY - 60_000);
    expect(await session(w.app, 'dan-r', [])).not.toContain('Nhắc nhẹ');
    w.clock.advance(60_000);
    const second = await session(w.app, 'dan-r', []);
    expect(second.match(/Nhắc nhẹ/g)).toHaveLength(1);
    w.clock.advance(3 * DAY);
    expect(await session(w.app, 'dan-r', [])).not.toContain('🔔');
    // The reminder's button still opens the questionnaire.
    const replies = await w.app.conversation.handle({ channel: 'console', userId: 'dan-r', payload: `rt:${dossier.id}` });
    expect(replies[0].text).toContain('Nhìn chung');
  });

  it('"Không hài lòng" with a report of extra payment alerts the managers in scope and offers a complaint', async () => {
    const { dossier } = await followedDossier(w, 'dan-x');
    await returned(w, dossier.id);
    await session(w.app, 'dan-x', ['1', ...ratingLines({ overall: 3, timeliness: 4, attitude: 4, guidance: 4, extra: 1 }).slice(0, 5)]);
    const [thanks] = await w.app.conversation.handle({ channel: 'console', userId: 'dan-x', text: 'Cán bộ gợi ý đưa thêm 200 nghìn.' });
    expect(thanks.text).toContain('Việc gợi ý chi thêm tiền là sai quy định');
    // The complaint button carries the payload agreed with the complaints module.
    expect(thanks.buttons).toEqual([[{ label: 'Gửi phản ánh về hồ sơ này', payload: `cp:d:${dossier.code}` }]]);

    const alerts = await w.app.db.outboxMessage.findMany({ where: { dedupKey: { startsWith: `rating-alert:${dossier.id}:` } } });
    const to = await w.app.db.account.findMany({ where: { id: { in: alerts.map((a) => a.accountId!) } } });
    // The commune's own manager; the province's hears only when the commune has none.
    expect(to.map((a) => a.externalId)).toEqual(['lanhdao-xa']);
    const text = JSON.parse(alerts[0].payload).text as string;
    // The answers the questionnaire marks `alert: true`, by their short names.
    expect(text).toContain('Mức độ hài lòng: Không hài lòng; Bị gợi ý chi thêm tiền: Có');
    expect(text).toContain('Cán bộ gợi ý đưa thêm 200 nghìn.');
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
    await session(w.app, 'dan-h', ['1', ...ratingLines({ overall: 1, timeliness: 1, attitude: 1, guidance: 1, extra: 2 })]);
    expect(await w.app.db.rating.count({ where: { dossierId: dossier.id } })).toBe(1);
    expect(await w.app.db.outboxMessage.count({ where: { dedupKey: { startsWith: `rating-alert:${dossier.id}:` } } })).toBe(0);
  });
});
