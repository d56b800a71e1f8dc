// Late results: the morning list for officials (one per official per day), the follower's
// notice, and /trehan's apology letter with a new date. Each test has its own world and clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dossiersDueJob } from '../../src/dossiers/due-job.js';
import { expectSaid, idsOf, person, said } from '../support/conversation.js';
import { followedDossier, makeWorld, official, register, session, type World } from './support.js';

describe('late results', () => {
  let w: World;
  let handlerId = 0;
  beforeEach(async () => {
    w = await makeWorld();
    handlerId = (await official(w.app, 'canbo-a', w.tanTien.id)).id;
    await official(w.app, 'canbo-b', w.tanTien.id);
    await official(w.app, 'canbo-khac', w.yenThe.id);
  });
  afterEach(() => w.app.close());

  it('each official hears once a day about their overdue and soon-due dossiers', async () => {
    // Received Monday 2 March; due Monday 9 (5 days), Tuesday 3 (1 day, unassigned) and Friday 6.
    const procedure = await w.app.db.procedure.findFirstOrThrow({ where: { timeLimitDays: 5 } });
    const late = await register(w, { procedureId: procedure.id, handlerId });
    const soon = await register(w, { dueDate: '2026-03-10' });
    const other = await register(w, { dueDate: '2026-03-13', handlerId });
    const closed = await register(w, { dueDate: '2026-03-10', handlerId });
    await w.app.db.dossier.update({ where: { id: closed.dossier.id }, data: { status: 'returned' } });

    // Tuesday 10 March, 07:00.
    const firedAt = new Date('2026-03-10T00:00:00Z');
    w.clock.set(firedAt);
    await dossiersDueJob.run(w.app, firedAt);
    await dossiersDueJob.run(w.app, firedAt); // a re-run after a crash adds nothing

    const rows = await w.app.db.outboxMessage.findMany({ where: { dedupKey: { startsWith: 'dossiers-due:2026-03-10:' } } });
    const byUser = new Map<string, string>();
    for (const row of rows) {
      const to = await w.app.db.account.findUniqueOrThrow({ where: { id: row.accountId! } });
      byUser.set(to.externalId, JSON.parse(row.payload).text);
    }
    expect([...byUser.keys()].sort()).toEqual(['canbo-a', 'canbo-b']);
    const told = said(w.app).take();
    expectSaid(told, 'dossier-due-overdue', { count: 1 });
    expectSaid(told, 'dossier-due-line', { code: late.code });
    expectSaid(told, 'dossier-due-soon', { until: '11/03/2026', count: 1 });
    expectSaid(told, 'dossier-due-line', { code: soon.code });
    const a = byUser.get('canbo-a')!;
    expect(a).toContain(late.code);
    expect(a).toContain(soon.code);
    expect(a).not.toContain(other.code);
    expect(a).not.toContain(closed.code);
    // The unassigned dossier goes to every official of the commune; the handler's only to them.
    expect(byUser.get('canbo-b')).toContain(soon.code);
    expect(byUser.get('canbo-b')).not.toContain(late.code);
  });

  it('the follower of an overdue dossier is told once', async () => {
    const { dossier } = await followedDossier(w, 'dan-tre', { dueDate: '2026-03-11' });
    const firedAt = new Date('2026-03-12T00:00:00Z');
    w.clock.set(firedAt);
    said(w.app).take();
    await dossiersDueJob.run(w.app, firedAt);
    await dossiersDueJob.run(w.app, new Date('2026-03-13T00:00:00Z'));
    expect(await w.app.db.outboxMessage.count({ where: { dedupKey: { startsWith: `dossier-overdue:${dossier.id}:` } } })).toBe(1);
    expectSaid(said(w.app).take(), 'dossier-push-overdue', { code: dossier.code, due: '11/03/2026' });
    // The console shows it as a push.
    expect(await session(w.app, 'dan-tre', [])).toContain(`🔔 `);
  });

  it('/trehan records the reason and a new working day, and sends the apology letter to the follower', async () => {
    w.clock.set('2026-03-12T02:00:00Z'); // Thursday 12 March, 09:00
    const { dossier } = await followedDossier(w, 'dan-xl', { dueDate: '2026-03-13' });
    const canbo = person(w.app, 'canbo-a');
    said(w.app).take();
    await canbo.say(`/trehan ${dossier.code}`);
    // Due tomorrow, so not late yet: the official is warned and confirms.
    expectSaid(said(w.app).take(), 'dossier-delay-not-late', { code: dossier.code, due: '13/03/2026' });
    await canbo.press('dly:yes');
    expectSaid(said(w.app).take(), 'dossier-delay-ask-reason', { code: dossier.code, due: '13/03/2026' });
    await canbo.say('ngắn');
    expectSaid(said(w.app).take(), 'dossier-delay-reason-length', { min: 10, max: 500 });
    await canbo.say('Chờ kết quả xác minh từ xã khác');
    await canbo.say('11/03/2026');
    expect(idsOf(said(w.app).take())).toEqual(['dossier-delay-ask-date', 'dossier-delay-date-not-future']);
    await canbo.say('13/03/2026');
    expectSaid(said(w.app).take(), 'dossier-delay-date-not-later', { due: '13/03/2026' });
    await canbo.say('14/03/2026');
    expect(idsOf(said(w.app).take())).toEqual(['dossier-problem-due_not_working_day']);
    await canbo.say('17/03/2026');
    expectSaid(said(w.app).take(), 'dossier-delay-saved', { code: dossier.code, told: 'yes' });

    const saved = await w.app.db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(saved.delayReason).toBe('Chờ kết quả xác minh từ xã khác');
    expect(saved.newDueAt?.toISOString()).toBe('2026-03-17T10:00:00.000Z');
    expect(saved.apologizedAt).not.toBeNull();

    const letter = await session(w.app, 'dan-xl', []);
    expect(letter).toContain('🔔 PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    for (const part of [
      `Mã hồ sơ: ${dossier.code}`,
      'Ngày tiếp nhận: 12/03/2026',
      'Ngày hẹn trả kết quả: 13/03/2026',
      'Lý do chậm: Chờ kết quả xác minh từ xã khác',
      'thành thật xin lỗi',
      'Ngày hẹn trả kết quả mới: 17/03/2026',
      'Nơi trả kết quả: Trụ sở UBND xã Tân Tiến',
    ]) {
      expect(letter).toContain(part);
    }

    // Returned on the new date, after the original one: late, apology or not.
    w.clock.set('2026-03-17T03:00:00Z');
    said(w.app).take();
    await canbo.say(`/tra ${dossier.code}`);
    expectSaid(said(w.app).take(), 'dossier-returned-ok', { code: dossier.code, outcome: 'late' });
  });

  it('officials cannot act on another commune’s dossiers', async () => {
    const reg = await register(w);
    const other = person(w.app, 'canbo-khac');
    said(w.app).take();
    await other.say(`/trehan ${reg.code}`);
    await other.say(`/tra ${reg.code}`);
    await other.say('/tra');
    const told = said(w.app).take();
    expect(idsOf(told)).toEqual(['dossier-not-found', 'dossier-not-found', 'dossier-usage-tra']);
    expectSaid(told, 'dossier-not-found', { code: reg.code });
    expect((await w.app.db.dossier.findUniqueOrThrow({ where: { id: reg.dossier.id } })).status).toBe('received');
  });
});
