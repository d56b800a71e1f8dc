// Monthly reminders, nudges and managers' summaries: exactly once per person and month,
// catch-up of a missed month, re-runs that reach newcomers without repeating anyone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { criteriaNudgeJob, criteriaReminderJob, criteriaSummaryJob } from '../../src/criteria/jobs.js';
import { runDueJobs } from '../../src/jobs/scheduler.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { sendMonthlyReminders } from '../../src/criteria/reminders.js';
import { countQueries } from '../support/queries.js';
import { expectSaid, said } from '../support/conversation.js';
import type { MessageArgs, MessageId } from '../../src/i18n/index.js';
import { COMMUNES, makeProvince, outbox, report, textOf, type Province } from './fixture.js';

let p: Province;
beforeEach(async () => {
  p = await makeProvince();
});
afterEach(async () => {
  await p.app.close();
});

const firstOfNovember = vnInstant('2026-11-01', '08:00');
/** A message as the recipient reads it, to find it inside a composed push. */
const vi = (id: MessageId, args?: MessageArgs) => p.app.i18n.t('vi', id, args);

describe('monthly reminder', () => {
  it('sends one message per official listing their criteria, last month and missing evidence', async () => {
    await report(p, 'BG-A', 'TC1', '2026-10', 'in_progress', 12, [{ kind: 'link', ref: 'https://x.vn/muc-luc.pdf', doc: 0 }]);
    await report(p, 'BG-A', 'TC2', '2026-09', 'done', 20);
    said(p.app).take();
    await criteriaReminderJob.run(p.app, firstOfNovember);
    const told = said(p.app).take();

    const rows = await outbox(p, 'crit-remind:2026-11:');
    expect(rows).toHaveLength(COMMUNES.length * 3);
    const mine = rows.find((r) => r.accountId === p.official('BG-A', 1).id)!;
    expect(mine.dedupKey).toBe(`crit-remind:2026-11:${p.official('BG-A', 1).id}`);
    const text = textOf(mine);
    expectSaid(told, 'criteria-remind-title', { month: '11/2026' });
    expectSaid(told, 'criteria-remind-intro', { count: 2 });
    expectSaid(told, 'criteria-remind-deadline', { date: '25/11/2026' });
    // The list's layout: one criterion a line, its last report and missing evidence under it.
    expect(text).toMatch(/1\. TC1 · .*\n {3}Đang thực hiện · tự chấm 12\/20 điểm \(báo cáo tháng 10\/2026\)\n {3}Còn thiếu minh chứng: Tài liệu minh chứng \(PDF\)/);
    expect(text).toMatch(/2\. TC2 · .*\n {3}Đã hoàn thành · tự chấm 20\/25 điểm \(báo cáo tháng 09\/2026\)/);
    expect(text).not.toContain('TC3');
    const buttons = (JSON.parse(mine.payload) as { buttons: { payload: string }[][] }).buttons.flat();
    expect(buttons.map((b) => b.payload)).toEqual([
      `crr:${p.communeId['BG-A']}:${p.criterionId.TC1}`,
      `crr:${p.communeId['BG-A']}:${p.criterionId.TC2}`,
    ]);
    // Nobody else gets the commune's criteria of another owner.
    const third = textOf(rows.find((r) => r.accountId === p.official('BG-A', 3).id)!);
    expect(third).toContain('TC5');
    expect(third).toContain(vi('criteria-no-report'));
  });

  it('is exactly once: a second run writes nothing and changes nothing', async () => {
    await criteriaReminderJob.run(p.app, firstOfNovember);
    const first = await outbox(p, 'crit-remind:');
    await criteriaReminderJob.run(p.app, firstOfNovember);
    const second = await outbox(p, 'crit-remind:');
    expect(second.map((r) => [r.id, r.payload])).toEqual(first.map((r) => [r.id, r.payload]));
  });

  it('a re-run after adding an official reaches the newcomer only', async () => {
    await criteriaReminderJob.run(p.app, firstOfNovember);
    const newcomer = await p.app.db.account.create({
      data: { channel: 'console', externalId: 'off-new', role: 'official', communeId: p.communeId['BG-B'] },
    });
    await p.app.db.assignment.update({
      where: { communeId_criterionId: { communeId: p.communeId['BG-B'], criterionId: p.criterionId.TC5 } },
      data: { accountId: newcomer.id },
    });
    await criteriaReminderJob.run(p.app, firstOfNovember);
    const rows = await outbox(p, 'crit-remind:2026-11:');
    expect(rows).toHaveLength(COMMUNES.length * 3 + 1);
    expect(new Set(rows.map((r) => r.dedupKey)).size).toBe(rows.length);
    expect(rows.at(-1)!.accountId).toBe(newcomer.id);
    expect(textOf(rows.at(-1)!)).toContain('TC5');
  });

  it('sends one message to an owner of criteria in communes read in different chunks', async () => {
    // The province manager also owns TC5 in BG-A and BG-D; reading one commune at a time puts
    // those in different chunks.
    for (const code of ['BG-A', 'BG-D']) {
      await p.app.db.assignment.update({
        where: { communeId_criterionId: { communeId: p.communeId[code], criterionId: p.criterionId.TC5 } },
        data: { accountId: p.provinceManager.id },
      });
    }
    const result = await sendMonthlyReminders(p.app, '2026-11', 1);
    expect(result).toEqual({ enqueued: COMMUNES.length * 3 - 2 + 1, skipped: 0 });
    const rows = await outbox(p, `crit-remind:2026-11:${p.provinceManager.id}`);
    expect(rows).toHaveLength(1);
    const text = textOf(rows[0]);
    expect(text).toContain('Anh/chị phụ trách 2 tiêu chí');
    expect(text).toMatch(/Xã Thử A · 710\/QĐ-UBND\n1\. TC5[\s\S]*Xã Thử D · 710\/QĐ-UBND\n2\. TC5/);
  });

  it('catches up a missed month with that month in keys and text', async () => {
    p.clock.set(vnInstant('2026-11-03', '09:00'));
    said(p.app).take();
    await criteriaReminderJob.run(p.app, vnInstant('2026-10-01', '08:00'));
    const rows = await outbox(p, 'crit-remind:2026-10:');
    expect(rows).toHaveLength(COMMUNES.length * 3);
    const told = said(p.app).take();
    expect(told.filter((s) => s.id === 'criteria-remind-title').map((s) => s.args?.month)).toEqual(rows.map(() => '10/2026'));
    expectSaid(told, 'criteria-remind-deadline', { date: '25/10/2026' });
  });

  it('runs once per period through the scheduler, including after downtime', async () => {
    // Down on the 1st: the service starts on the 3rd and catches up November's run once.
    const now = vnInstant('2026-11-03', '10:00');
    expect(await runDueJobs(p.app, [criteriaReminderJob], now)).toEqual(['criteria-reminder']);
    expect(await runDueJobs(p.app, [criteriaReminderJob], now)).toEqual([]);
    expect(await outbox(p, 'crit-remind:2026-11:')).toHaveLength(COMMUNES.length * 3);
  });

  it('skips people who are no longer staff and communes without a set this year', async () => {
    await p.app.db.account.update({ where: { id: p.official('BG-C', 2).id }, data: { role: 'citizen' } });
    await p.app.db.communeSet.delete({ where: { communeId_year: { communeId: p.communeId['BG-D'], year: 2026 } } });
    await criteriaReminderJob.run(p.app, firstOfNovember);
    const rows = await outbox(p, 'crit-remind:2026-11:');
    expect(rows).toHaveLength(3 * 3 - 1);
    expect(rows.some((r) => r.accountId === p.official('BG-C', 2).id)).toBe(false);
    expect(rows.some((r) => r.accountId === p.official('BG-D', 1).id)).toBe(false);
  });
});

describe('composing at scale', () => {
  it('reads the same number of times for 4 communes as for 40: no query per official, read or write', async () => {
    const small = await countQueries(p.app, (app) => sendMonthlyReminders(app, '2026-11'));
    const { db } = p.app;
    const [province, set] = await Promise.all([db.province.findFirstOrThrow(), db.criteriaSet.findUniqueOrThrow({ where: { key: 'bac-giang-710-2024' }, include: { criteria: true } })]);
    for (let i = 0; i < 36; i++) {
      const commune = await db.commune.create({ data: { code: `BG-X${i}`, name: `Xã Thêm ${i}`, provinceId: province.id } });
      await db.communeSet.create({ data: { communeId: commune.id, year: 2026, setId: set.id } });
      for (const c of set.criteria) {
        const official = await db.account.create({ data: { channel: 'console', externalId: `x-${i}-${c.code}`, role: 'official', communeId: commune.id } });
        await db.assignment.create({ data: { communeId: commune.id, criterionId: c.id, accountId: official.id } });
      }
    }
    await db.outboxMessage.deleteMany({});
    const large = await countQueries(p.app, (app) => sendMonthlyReminders(app, '2026-11'));
    expect(large.result.enqueued).toBe(COMMUNES.length * 3 + 36 * 5);
    expect(large.reads).toBe(small.reads);
    // Written in bulk too: no per-official dedup check or insert.
    expect(large.dedupChecks).toBe(0);
    expect(large.writes).toBe(small.writes);
  });
});

describe('nudge before the deadline', () => {
  it('goes only to officials with criteria not reported this month, listing only those', async () => {
    await report(p, 'BG-A', 'TC1', '2026-11', 'done', 18);
    await report(p, 'BG-A', 'TC2', '2026-11', 'in_progress', 10); // official 1 of A: all reported
    await report(p, 'BG-A', 'TC3', '2026-11', 'done', 15); // official 2 of A: TC4 missing
    await report(p, 'BG-B', 'TC5', '2026-10', 'done', 15); // last month only: still due
    await criteriaNudgeJob.run(p.app, vnInstant('2026-11-20', '08:00'));
    await criteriaNudgeJob.run(p.app, vnInstant('2026-11-20', '08:00'));

    const rows = await outbox(p, 'crit-nudge:2026-11:');
    expect(rows).toHaveLength(COMMUNES.length * 3 - 1);
    expect(rows.some((r) => r.accountId === p.official('BG-A', 1).id)).toBe(false);
    const partial = textOf(rows.find((r) => r.accountId === p.official('BG-A', 2).id)!);
    expect(partial).toContain(vi('criteria-nudge-intro', { count: 1 }));
    expect(partial).toContain('TC4');
    expect(partial).not.toContain('TC3');
    expect(rows.some((r) => r.accountId === p.official('BG-B', 3).id)).toBe(true);
  });
});

describe("managers' summary after the deadline", () => {
  beforeEach(async () => {
    // BG-A: everything reported, 18+22+17+13+18 = 88 → 2★ (≥ 85), recognised (≥ 80, floors met).
    for (const [code, score] of [['TC1', 18], ['TC2', 22], ['TC3', 17], ['TC4', 13], ['TC5', 18]] as const) {
      await report(p, 'BG-A', code, '2026-11', 'done', score);
    }
    // BG-B: two reported this month, one last month: 20 + 20 + 5 = 45, TC3 below its floor.
    await report(p, 'BG-B', 'TC1', '2026-11', 'done', 20);
    await report(p, 'BG-B', 'TC2', '2026-11', 'in_progress', 20);
    await report(p, 'BG-B', 'TC3', '2026-10', 'in_progress', 5);
  });

  it("gives a one-commune manager the commune's detail and who has not reported", async () => {
    await criteriaSummaryJob.run(p.app, vnInstant('2026-11-26', '08:00'));
    const rows = await outbox(p, 'crit-summary:2026-11:');
    expect(rows).toHaveLength(COMMUNES.length + 1);

    const a = textOf(rows.find((r) => r.accountId === p.commune['BG-A'].id)!);
    expect(a).toContain(vi('criteria-summary-title', { month: '11/2026', date: '25/11/2026' }));
    expect(a).toContain('Tổng điểm tự chấm: 88/100 → 2★');
    expect(a).toContain(vi('criteria-all-reported'));
    expect(a).toContain(vi('criteria-recognition', { yes: 'yes' }));

    const b = textOf(rows.find((r) => r.accountId === p.commune['BG-B'].id)!);
    expect(b).toContain('Tổng điểm tự chấm: 45/100 → chưa đạt mức sao');
    expect(b).toContain(vi('criteria-floors-missed', { codes: 'TC3, TC4, TC5' }));
    expect(b).toContain('• Cán bộ BG-B số 2: TC3, TC4');
    expect(b).toContain('• Cán bộ BG-B số 3: TC5');
    expect(b).not.toContain('Cán bộ BG-B số 1:');
  });

  it('gives the province manager one line per commune, least reported first', async () => {
    await criteriaSummaryJob.run(p.app, vnInstant('2026-11-26', '08:00'));
    await criteriaSummaryJob.run(p.app, vnInstant('2026-11-26', '08:00'));
    const rows = await outbox(p, `crit-summary:2026-11:${p.provinceManager.id}`);
    expect(rows).toHaveLength(1);
    const lines = textOf(rows[0]).split('\n');
    expect(lines).toContain(vi('criteria-summary-complete', { done: 1, count: 4 }));
    expect(lines).toContain('Xã Thử A: 88/100 · 2★ · báo cáo 5/5 ✓');
    expect(lines).toContain('Xã Thử B: 45/100 · chưa đạt mức sao · báo cáo 2/5');
    expect(lines.indexOf('Xã Thử A: 88/100 · 2★ · báo cáo 5/5 ✓')).toBe(lines.length - 1);
  });
});
