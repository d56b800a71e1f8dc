// Deadlines in working days across weekends and public holidays, the reminder two working
// days before, and the escalation of overdue complaints to the commune's managers — each
// exactly once, however often the daily job runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/generated/prisma/client.js';
import { complaintDeadlineJob, runComplaintDeadlines } from '../../src/complaints/deadline-job.js';
import { jobs } from '../../src/jobs/registry.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { fileByConsole, makeWorld, staffOf, pushesTo, session, type Staff, type World } from './support.js';

/** 07:00 in Vietnam on that day, when DAILY_JOBS_CRON fires by default. */
const at7 = (date: string) => vnInstant(date, '07:00');

let w: World;
let staff: Staff;

beforeAll(async () => {
  // A short category makes the holiday weekend of 25/4–27/4/2026 fall inside the deadline.
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-categories-'));
  const file = path.join(dir, 'categories.yaml');
  writeFileSync(
    file,
    [
      '- { key: quick, label: { vi: "Việc gấp", en: "Urgent" }, answerDays: 3, forwardDays: 2 }',
      '- { key: normal, label: { vi: "Việc thường", en: "Usual" } }',
    ].join('\n'),
  );
  // Tuesday 10 February 2026, 09:00: the Tết holidays (14–22/2) come next.
  w = await makeWorld({ COMPLAINT_CATEGORIES_FILE: file, COMPLAINTS_PER_DAY: '20' }, '2026-02-10T02:00:00Z');
  staff = await staffOf(w);
});

afterAll(async () => {
  await w?.app.close();
});

const texts = async (who: Account) => (await pushesTo(w.app, who.id)).map((p) => p.text);
const events = (kind: string) => w.app.db.complaintEvent.findMany({ where: { kind }, orderBy: { id: 'asc' } });

describe('complaint deadlines', () => {
  it('counts the default 15 working days over Tết', async () => {
    const { code } = await fileByConsole(w.app, 'dan', { commune: 'Tân Tiến', text: 'Chờ lâu.', anonymous: true, category: 2 });
    const complaint = await w.app.db.complaint.findUniqueOrThrow({ where: { code } });
    // 11, 12, 13/2, then Tết until 22/2; 23/2 … 10/3 makes fifteen (and 24/2 five, for forwarding).
    expect(complaint.dueAt.toISOString()).toBe(vnInstant('2026-03-10', '17:00').toISOString());
    expect(complaint.forwardDueAt?.toISOString()).toBe(vnInstant('2026-02-24', '17:00').toISOString());
    // Settled in time: never reminded nor escalated.
    await session(w.app, 'off-tt', [`/xuly ${code}`, '4', 'Đã bố trí thêm một cán bộ tiếp dân.']);
    expect(await runComplaintDeadlines(w.app, at7('2026-03-11'))).toEqual({ reminded: 0, escalated: 0 });
  });

  let c1: string;
  let c2: string;

  it('reminds two working days before, over the holiday weekend, only once', async () => {
    const { app, clock } = w;
    clock.set('2026-04-22T02:00:00Z'); // Wednesday 22/4, 09:00
    c1 = (await fileByConsole(app, 'dan', { commune: 'Tân Tiến', text: 'Việc gấp một.', anonymous: false, category: 1 })).code;
    c2 = (await fileByConsole(app, 'dan', { commune: 'Tân Tiến', text: 'Việc gấp hai.', anonymous: false, category: 1 })).code;
    await session(app, 'off-tt', [`/xuly ${c2}`, '1']); // off-tt takes c2 up
    const one = await app.db.complaint.findUniqueOrThrow({ where: { code: c1 } });
    // 23, 24/4, then Saturday, Sunday and the Hùng Kings holidays 26–27/4: due Tuesday 28/4.
    expect(one.dueAt.toISOString()).toBe(vnInstant('2026-04-28', '17:00').toISOString());
    expect(one.forwardDueAt?.toISOString()).toBe(vnInstant('2026-04-24', '17:00').toISOString());

    expect(await runComplaintDeadlines(app, at7('2026-04-22'))).toEqual({ reminded: 0, escalated: 0 });
    // Thursday 23/4: two working days (24/4 and 28/4) before the deadline.
    expect(await runComplaintDeadlines(app, at7('2026-04-23'))).toEqual({ reminded: 2, escalated: 0 });
    const offTT = (await texts(staff.offTT)).filter((t) => t.startsWith('⏰'));
    const offTT2 = (await texts(staff.offTT2)).filter((t) => t.startsWith('⏰'));
    expect(offTT).toEqual([
      `⏰ Phản ánh ${c1} (Xã Tân Tiến) sắp đến hạn giải quyết: 28/04/2026. Gõ /xuly ${c1} để xử lý.`,
      `⏰ Phản ánh ${c2} (Xã Tân Tiến) sắp đến hạn giải quyết: 28/04/2026. Gõ /xuly ${c2} để xử lý.`,
    ]);
    expect(offTT2).toEqual([offTT[0]]); // c2 has an assignee: only they are reminded
    for (const m of [staff.mgrTT, staff.mgrProv]) expect((await texts(m)).some((t) => t.startsWith('⏰'))).toBe(false);

    const outbox = await app.db.outboxMessage.count();
    for (const day of ['2026-04-23', '2026-04-24', '2026-04-25', '2026-04-26', '2026-04-27', '2026-04-28']) {
      expect(await runComplaintDeadlines(app, at7(day))).toEqual({ reminded: 0, escalated: 0 });
    }
    expect(await app.db.outboxMessage.count()).toBe(outbox);
    expect(await events('reminded')).toHaveLength(2);
  });

  it('escalates overdue complaints to the commune’s managers the next working morning, once', async () => {
    const { app } = w;
    // Due Tuesday 28/4 at 17:00: overdue at Wednesday 29/4, 07:00.
    expect(await runComplaintDeadlines(app, at7('2026-04-29'))).toEqual({ reminded: 0, escalated: 2 });
    expect((await texts(staff.mgrTT)).filter((t) => t.startsWith('🚨'))).toEqual([
      `🚨 Phản ánh ${c1} của Xã Tân Tiến đã quá hạn giải quyết (28/04/2026) mà chưa có kết quả. Gõ /xuly ${c1} để xem.`,
      `🚨 Phản ánh ${c2} của Xã Tân Tiến đã quá hạn giải quyết (28/04/2026) mà chưa có kết quả. Gõ /xuly ${c2} để xem.`,
    ]);
    // The commune has its own manager, so the province's is not disturbed.
    expect((await texts(staff.mgrProv)).some((t) => t.startsWith('🚨'))).toBe(false);
    expect((await texts(staff.mgrYT)).some((t) => t.startsWith('🚨'))).toBe(false);
    expect((await texts(staff.offTT)).some((t) => t.startsWith('🚨'))).toBe(false);

    // Again the same day, on the holidays 30/4–1/5, the next Monday, and two runs at once: nothing more.
    const outbox = await app.db.outboxMessage.count();
    const again = await Promise.all([
      runComplaintDeadlines(app, at7('2026-04-29')),
      runComplaintDeadlines(app, at7('2026-05-04')),
      complaintDeadlineJob.run(app, at7('2026-05-04')),
    ]);
    expect(again.slice(0, 2)).toEqual([{ reminded: 0, escalated: 0 }, { reminded: 0, escalated: 0 }]);
    for (const day of ['2026-04-30', '2026-05-01', '2026-05-05']) await runComplaintDeadlines(app, at7(day));
    expect(await app.db.outboxMessage.count()).toBe(outbox);
    expect(await events('escalated')).toHaveLength(2);
    w.clock.set('2026-05-04T02:00:00Z');
    const list = await session(app, 'off-tt', ['/phananh_ds']);
    expect(list).toContain(`${c1} · Việc gấp · Mới tiếp nhận, chờ cán bộ xem · hạn 28/04/2026 ⚠️ quá hạn`);
  });

  it('starts over for the commune a complaint is forwarded to', async () => {
    const { app } = w; // Monday 4/5, 09:00
    await session(app, 'off-tt', [`/xuly ${c1}`, '5', 'BG-YENTHE']);
    const moved = await app.db.complaint.findUniqueOrThrow({ where: { code: c1 } });
    expect(moved).toMatchObject({ communeId: w.yenThe.id, remindedAt: null, escalatedAt: null });
    expect(moved.dueAt.toISOString()).toBe(vnInstant('2026-05-07', '17:00').toISOString());

    expect(await runComplaintDeadlines(app, at7('2026-05-05'))).toEqual({ reminded: 1, escalated: 0 });
    expect((await texts(staff.offYT)).filter((t) => t.startsWith('⏰'))).toHaveLength(1);
    expect(await runComplaintDeadlines(app, at7('2026-05-08'))).toEqual({ reminded: 0, escalated: 1 });
    expect(await runComplaintDeadlines(app, at7('2026-05-11'))).toEqual({ reminded: 0, escalated: 0 });
    expect((await texts(staff.mgrYT)).filter((t) => t.startsWith('🚨'))).toHaveLength(1);
    // The managers of Tân Tiến heard of it once, for their own deadline, and never again.
    expect((await texts(staff.mgrTT)).filter((t) => t.includes(c1) && t.startsWith('🚨'))).toHaveLength(1);
  });

  it('is registered as a daily job on DAILY_JOBS_CRON', () => {
    expect(jobs).toContain(complaintDeadlineJob);
    expect(complaintDeadlineJob.cron(w.app.config)).toBe('0 7 * * *');
  });
});
