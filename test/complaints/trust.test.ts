// The rules that make a complaint worth filing, through the conversation core: a complaint about
// staff conduct or linked to a dossier reaches the commune's leadership and never the official
// concerned, who is refused on every route; an anonymous reporter is named in no text staff can
// reach; a rejection is never silent and can be reviewed by the leadership once; and with no
// manager anywhere the citizen is never told that the leadership was, while the first manager
// to sign up gets what was kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Dossier } from '../../src/generated/prisma/client.js';
import type { Reply } from '../../src/conversation/types.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { changeDossierStatus } from '../../src/dossiers/status.js';
import { createInvite, displayCode } from '../../src/accounts/invites.js';
import { runComplaintDeadlines } from '../../src/complaints/deadline-job.js';
import { gapLines, leadershipGaps } from '../../src/alerts/doctor.js';
import { leadershipOf } from '../../src/alerts/leadership.js';
import { doctorCommand } from '../../src/cli/doctor.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { RecordingI18n } from '../support/i18n.js';
import { consoleSession } from '../support/console.js';
import { runCommand } from '../support/cli.js';
import type { TestApp } from '../support/app.js';
import { citizen, CODE_RE, makeWorld, pushesTo, staffOf, type Staff, type World } from './support.js';

const MAI = 'Trần Thị Mai';

/** One message through the core; the replies' texts and the ids said while answering. */
async function say(app: TestApp, i18n: RecordingI18n, userId: string, input: { text: string } | { payload: string }) {
  i18n.take();
  const replies: Reply[] = await app.conversation.handle({ channel: 'console', userId, ...input });
  return { replies, text: replies.map((r) => r.text).join('\n'), said: i18n.take() };
}

/** Files through the core by pressing the flow's buttons: commune, category, words, no photo, dossier or not, anonymity. */
async function file(
  w: World,
  i18n: RecordingI18n,
  userId: string,
  opts: { category: string; text: string; dossier?: string; anonymous: boolean },
): Promise<{ code: string; said: ReturnType<RecordingI18n['take']> }> {
  const steps: ({ text: string } | { payload: string })[] = [
    { text: '/phananh' },
    { payload: `cpi:c:${w.tanTien.id}` },
    { payload: `cpi:k:${opts.category}` },
    { text: opts.text },
    { payload: 'cpi:skip' },
    opts.dossier ? { text: opts.dossier } : { payload: 'cpi:skip' },
    { payload: `cpi:anon:${opts.anonymous ? 1 : 0}` },
  ];
  let last = { text: '', said: [] as ReturnType<RecordingI18n['take']> };
  for (const step of steps) last = await say(w.app, i18n, userId, step);
  const code = CODE_RE.exec(last.text)?.[0];
  if (!code) throw new Error(`not filed:\n${last.text}`);
  return { code, said: last.said };
}

const ids = (said: ReturnType<RecordingI18n['take']>) => said.map((s) => s.id);

describe('a complaint about the official who handled the dossier', () => {
  const i18n = new RecordingI18n();
  let w: World;
  let staff: Staff;
  let admin: Account;
  let mai: Account;
  let dossier: Dossier;
  let code: string;

  beforeAll(async () => {
    w = await makeWorld({}, undefined, undefined, i18n);
    staff = await staffOf(w);
    admin = await w.app.db.account.create({ data: { channel: 'console', externalId: 'admin', role: 'admin', displayName: 'Quản trị' } });
    mai = await citizen(w.app, 'dan-mai', MAI);
    const procedure = await w.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
    // Registered by off-tt, whose record names the citizen; off-tt then declared it ready.
    ({ dossier } = await registerDossier(w.app, { code: 'HS-TT-0001', communeId: w.tanTien.id, procedureId: procedure.id, handlerId: staff.offTT.id, citizenName: MAI }));
    await say(w.app, i18n, 'off-tt', { text: `/xong ${dossier.code}` });
    ({ code } = await file(w, i18n, 'dan-mai', { category: 'extra_pay', text: 'Cán bộ một cửa gợi ý tôi đưa thêm 200 nghìn để làm nhanh.', dossier: dossier.code, anonymous: true }));
  });
  afterAll(() => w?.app.close());

  it('reaches the commune’s managers only, and the citizen is told so truthfully', async () => {
    const complaint = await w.app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint).toMatchObject({ leadership: true, anonymous: true, dossierCode: 'HS-TT-0001', reporterId: mai.id });
    const toManager = await pushesTo(w.app, staff.mgrTT.id);
    expect(toManager).toHaveLength(1);
    expect(toManager[0].buttons?.[0][0].payload).toBe(`cp:v:${code}`);
    // Not the official concerned, not their colleagues, not the province when the commune has a manager.
    for (const who of [staff.offTT, staff.offTT2, staff.mgrProv, staff.offYT, staff.mgrYT]) {
      expect((await pushesTo(w.app, who.id)).filter((p) => p.text.includes(code)), who.externalId).toEqual([]);
    }
  });

  it('goes to the province’s managers when the commune has none of its own', async () => {
    const told = await leadershipOf(w.app.db, w.boHa.id);
    expect(told.map((a) => a.externalId)).toEqual(['mgr-bg']);
    expect((await leadershipOf(w.app.db, w.tanTien.id)).map((a) => a.externalId)).toEqual(['mgr-tt']);
    // Nobody ever hears of what may be about them, even as the only manager.
    expect(await leadershipOf(w.app.db, w.boHa.id, [staff.mgrProv.id])).toEqual([]);
  });

  it('tells the filer where it went: to the leadership, not to the official concerned', async () => {
    const again = await file(w, i18n, 'dan-mai', { category: 'attitude', text: 'Cán bộ quát tháo người dân.', anonymous: false });
    expect(again.said).toContainEqual(expect.objectContaining({ id: 'complaints-filed-route', args: { level: 'leadership', outcome: 'told' } }));
    // A delay complaint with no dossier stays with the commune's officials: no routing line.
    const plain = await file(w, i18n, 'dan-mai', { category: 'delay', text: 'Chờ lâu ở bộ phận một cửa.', anonymous: false });
    expect(ids(plain.said)).not.toContain('complaints-filed-route');
    expect((await pushesTo(w.app, staff.offTT2.id)).some((p) => p.text.includes(plain.code))).toBe(true);
  });

  it('refuses the official concerned and their colleagues on every route, changing nothing', async () => {
    const snapshot = async () => ({
      complaint: await w.app.db.complaint.findUniqueOrThrow({ where: { code } }),
      events: await w.app.db.complaintEvent.count(),
      outbox: await w.app.db.outboxMessage.count(),
    });
    const before = await snapshot();
    const routes: ({ text: string } | { payload: string })[] = [
      { text: `/xuly ${code}` },
      { text: `/tracuu ${code}` },
      { text: `${code} đến đâu rồi` },
      // Buttons replayed from the manager's own notice and card.
      { payload: `cp:v:${code}` },
      { payload: `cp:a:${code}` },
      { payload: `cp:x:${code}` },
      { payload: `cp:r:${code}` },
      { payload: `cp:f:${code}` },
      { payload: `cp:t:${code}` },
    ];
    for (const who of ['off-tt', 'off-tt2']) {
      for (const input of routes) {
        const { text, said } = await say(w.app, i18n, who, input);
        const label = `${who} ${JSON.stringify(input)}`;
        expect(ids(said), label).toEqual(expect.arrayContaining([expect.stringMatching(/^complaints-(leadership-only|not-found)$/)]));
        expect(text, label).not.toContain('200 nghìn');
        expect(text, label).not.toContain('HS-TT-0001');
      }
      const list = await say(w.app, i18n, who, { text: '/phananh_ds' });
      expect(list.text).not.toContain(code);
    }
    // A manager who registered the dossier would be refused the same way: it is the act, not the role.
    await w.app.db.auditLog.create({ data: { actorId: staff.mgrProv.id, action: 'dossier.delay', subject: 'HS-TT-0001' } });
    expect(ids((await say(w.app, i18n, 'mgr-bg', { text: `/xuly ${code}` })).said)).toContain('complaints-leadership-only');
    expect((await say(w.app, i18n, 'mgr-bg', { text: '/phananh_ds' })).text).not.toContain(code);
    await w.app.db.auditLog.deleteMany({ where: { actorId: staff.mgrProv.id } });
    expect(await snapshot()).toEqual(before);
  });

  it('names the anonymous reporter in no text staff can reach; only managers see the dossier, with a warning', async () => {
    const staffTexts: string[] = [];
    for (const who of [staff.offTT, staff.offTT2, staff.offYT, staff.mgrTT, staff.mgrProv, staff.mgrYT, admin]) {
      staffTexts.push(...(await pushesTo(w.app, who.id)).map((p) => JSON.stringify(p)));
      for (const input of [{ text: `/xuly ${code}` }, { text: `/tracuu ${code}` }, { payload: `cp:v:${code}` }, { text: '/phananh_ds' }]) {
        staffTexts.push((await say(w.app, i18n, who.externalId, input)).text);
      }
    }
    const manager = await say(w.app, i18n, 'mgr-tt', { text: `/xuly ${code}` });
    expect(manager.said).toContainEqual(expect.objectContaining({ id: 'complaints-card-dossier-anonymous', args: { code: 'HS-TT-0001' } }));
    expect(manager.said).toContainEqual(expect.objectContaining({ id: 'complaints-card-leadership' }));
    expect(manager.text).toContain(i18n.t('vi', 'complaints-reporter-anonymous'));
    const all = staffTexts.join('\n');
    expect(all).toContain(code);
    for (const secret of [MAI, 'Trần Thị', 'dan-mai', `tài khoản số ${mai.id}`, `#${mai.id}`]) expect(all, secret).not.toContain(secret);
    // The dossier's code reaches managers only.
    for (const who of ['off-tt', 'off-tt2', 'off-yt']) {
      for (const p of await pushesTo(w.app, (await w.app.db.account.findFirstOrThrow({ where: { externalId: who } })).id)) expect(JSON.stringify(p)).not.toContain('HS-TT-0001');
    }
  });
});

describe('no silent closing', () => {
  const i18n = new RecordingI18n();
  let w: World;
  let staff: Staff;
  let code: string;

  beforeAll(async () => {
    w = await makeWorld({}, undefined, undefined, i18n);
    staff = await staffOf(w);
    await citizen(w.app, 'dan-b', 'Lê Văn Bình');
    ({ code } = await file(w, i18n, 'dan-b', { category: 'delay', text: 'Hẹn trả kết quả ba lần không được.', anonymous: false }));
  });
  afterAll(() => w?.app.close());

  it('needs a reason; an empty one changes nothing', async () => {
    await say(w.app, i18n, 'off-tt', { payload: `cp:x:${code}` });
    const empty = await say(w.app, i18n, 'off-tt', { text: '   ' });
    expect(ids(empty.said)).toContain('complaints-note-empty');
    expect((await w.app.db.complaint.findUniqueOrThrow({ where: { code } })).status).toBe('new');
  });

  it('tells the managers at once and the citizen the reason, with a one-tap review', async () => {
    const done = await say(w.app, i18n, 'off-tt', { text: 'Không thuộc thẩm quyền, đã hướng dẫn công dân.' });
    expect(done.said).toContainEqual(expect.objectContaining({ id: 'complaints-done', args: expect.objectContaining({ action: 'reject' }) }));
    expect(done.said).toContainEqual(
      expect.objectContaining({ id: 'complaints-alert-rejected', args: expect.objectContaining({ code, by: 'Cán bộ off-tt', reason: 'Không thuộc thẩm quyền, đã hướng dẫn công dân.' }) }),
    );
    const alert = (await pushesTo(w.app, staff.mgrTT.id)).at(-1)!;
    expect(alert.text).toContain('Không thuộc thẩm quyền');
    expect(alert.buttons?.[0][0].payload).toBe(`cp:v:${code}`);
    // Commune managers first: the province's manager is not disturbed.
    expect((await pushesTo(w.app, staff.mgrProv.id)).filter((p) => p.text.startsWith('⛔'))).toEqual([]);
    const dan = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'dan-b' } });
    const told = (await pushesTo(w.app, dan.id)).at(-1)!;
    expect(told.text).toContain('Không thuộc thẩm quyền, đã hướng dẫn công dân.');
    expect(told.buttons).toEqual([[{ label: i18n.t('vi', 'complaints-button-review'), payload: `cp:o:${code}` }]]);
  });

  it('stays in the managers’ /phananh_ds, out of the officials’', async () => {
    expect((await say(w.app, i18n, 'mgr-tt', { text: '/phananh_ds' })).text).toContain(code);
    expect((await say(w.app, i18n, 'mgr-bg', { text: '/phananh_ds' })).text).toContain(code);
    expect((await say(w.app, i18n, 'off-tt', { text: '/phananh_ds' })).text).not.toContain(code);
    // Its history names who did what; the reporter sees the same names.
    expect((await say(w.app, i18n, 'mgr-tt', { text: `/xuly ${code}` })).text).toContain('— Không xử lý (Cán bộ off-tt): Không thuộc thẩm quyền');
    expect((await say(w.app, i18n, 'dan-b', { text: `/tracuu ${code}` })).text).toContain('(Cán bộ off-tt)');
  });

  it('reopens at the leadership once when the citizen asks; the officials lose it', async () => {
    // Someone else cannot press the citizen's button.
    expect(ids((await say(w.app, i18n, 'off-tt', { payload: `cp:o:${code}` })).said)).toContain('complaints-not-found');
    expect(ids((await say(w.app, i18n, 'dan-b', { payload: `cp:o:${code}` })).said)).toContain('complaints-ask-review');
    const sent = await say(w.app, i18n, 'dan-b', { text: 'Việc này đúng là của xã, tôi đã nộp hồ sơ tại xã.' });
    expect(sent.said).toContainEqual(expect.objectContaining({ id: 'complaints-review-sent', args: expect.objectContaining({ outcome: 'told' }) }));
    const complaint = await w.app.db.complaint.findUniqueOrThrow({ where: { code } });
    expect(complaint).toMatchObject({ status: 'reopened', leadership: true, reopenCount: 1, assigneeId: null });
    expect((await pushesTo(w.app, staff.mgrTT.id)).at(-1)?.text).toContain(`phản ánh ${code}`);
    expect(ids((await say(w.app, i18n, 'off-tt', { text: `/xuly ${code}` })).said)).toContain('complaints-leadership-only');

    // The leadership rejects it again: final, no second review.
    await say(w.app, i18n, 'mgr-tt', { payload: `cp:x:${code}` });
    await say(w.app, i18n, 'mgr-tt', { text: 'Đã xác minh: hồ sơ nộp tại tỉnh, không phải tại xã.' });
    const dan = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'dan-b' } });
    expect((await pushesTo(w.app, dan.id)).at(-1)?.buttons).toBeUndefined();
    expect(ids((await say(w.app, i18n, 'dan-b', { payload: `cp:o:${code}` })).said)).toContain('complaints-reopen-used');
  });
});

describe('with no manager anywhere', () => {
  const i18n = new RecordingI18n();
  let w: World;
  let dossier: Dossier;
  let code: string;

  beforeAll(async () => {
    w = await makeWorld({}, undefined, undefined, i18n);
    await citizen(w.app, 'dan-c', 'Phạm Văn Cường');
    const procedure = await w.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const reg = await registerDossier(w.app, { code: 'HS-TT-0002', communeId: w.tanTien.id, procedureId: procedure.id });
    dossier = reg.dossier;
    await consoleSession(w.app, 'dan-c', [`/start ${reg.startPayload}`, '1']); // follow it
    await changeDossierStatus(w.app, dossier.id, 'returned');
  });
  afterAll(() => w?.app.close());

  it('never tells the citizen that the leadership was told; keeps the alert', async () => {
    const request = (await pushesTo(w.app, (await w.app.db.account.findFirstOrThrow({ where: { externalId: 'dan-c' } })).id)).at(-1)!;
    let step = await say(w.app, i18n, 'dan-c', { payload: request.buttons![0][0].payload });
    // Not satisfied, late without notice, disrespectful, unclear, "yes" to extra payment; then a comment.
    for (const pick of [3, 4, 4, 4, 1]) {
      const options = step.replies.at(-1)!.buttons!.flat();
      step = await say(w.app, i18n, 'dan-c', { payload: options[pick - 1].payload });
    }
    const thanks = await say(w.app, i18n, 'dan-c', { text: 'Bị gợi ý đưa thêm tiền.' });
    expect(ids(thanks.said)).toContain('rating-thanks-concern-held');
    expect(ids(thanks.said)).not.toContain('rating-thanks-concern');
    expect(await w.app.db.outboxMessage.count({ where: { dedupKey: { startsWith: 'rating-alert:' } } })).toBe(0);
    expect(await w.app.db.heldAlert.count({ where: { key: `rating-alert:${dossier.id}` } })).toBe(1);

    const filed = await file(w, i18n, 'dan-c', { category: 'attitude', text: 'Cán bộ thờ ơ, không hướng dẫn.', anonymous: true });
    code = filed.code;
    expect(filed.said).toContainEqual(expect.objectContaining({ id: 'complaints-filed-route', args: { level: 'leadership', outcome: 'held' } }));
  });

  it('records an overdue complaint as kept, not as reported', async () => {
    w.clock.set(vnInstant('2026-11-24', '07:00').toISOString());
    expect(await runComplaintDeadlines(w.app, w.clock.now())).toMatchObject({ escalated: 1 });
    const complaint = await w.app.db.complaint.findUniqueOrThrow({ where: { code } });
    const kinds = (await w.app.db.complaintEvent.findMany({ where: { complaintId: complaint.id } })).map((e) => e.kind);
    expect(kinds).toContain('escalation_held');
    expect(kinds).not.toContain('escalated');
  });

  it('warns the operator, then hands everything kept to the first manager who signs up', async () => {
    const lines = gapLines(i18n.in('vi'), await leadershipGaps(w.app.db));
    expect(ids(i18n.take())).toEqual(expect.arrayContaining(['alerts-doctor-no-manager', 'alerts-doctor-held']));
    expect(lines.join('\n')).toContain('BG-TANTIEN');
    // `npm run cli -- doctor` prints the same.
    const doctor = await runCommand(doctorCommand, [], w.app);
    expect(doctor.code).toBe(0);
    expect(doctor.out).toBe(`${lines.join('\n')}\n`);

    const invite = await createInvite(w.app, { role: 'manager', communeCodes: ['BG-TANTIEN'], name: 'Nguyễn Văn Lãnh', title: 'Chủ tịch UBND xã' });
    const signUp = await say(w.app, i18n, 'lanh', { text: `/dangky ${displayCode(invite.code)}` });
    expect(signUp.said).toContainEqual(expect.objectContaining({ id: 'accounts-signup-held', args: { count: 3 } }));
    const lanh = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'lanh' } });
    expect(lanh).toMatchObject({ displayName: 'Nguyễn Văn Lãnh', title: 'Chủ tịch UBND xã', role: 'manager' });
    const given = await pushesTo(w.app, lanh.id);
    expect(given).toHaveLength(3);
    expect(given[0].text).toContain('HS-TT-0002');
    expect(given.some((p) => p.text.includes(code) && p.buttons?.[0][0].payload === `cp:v:${code}`)).toBe(true);
    expect(await w.app.db.heldAlert.count({ where: { deliveredToId: lanh.id } })).toBe(3);

    // A second manager finds nothing left to hand over; the doctor is satisfied.
    const second = await createInvite(w.app, { role: 'manager', provinceCode: 'BG' });
    expect(ids((await say(w.app, i18n, 'tinh', { text: `/dangky ${displayCode(second.code)}` })).said)).not.toContain('accounts-signup-held');
    expect(gapLines(i18n.in('vi'), await leadershipGaps(w.app.db))).toEqual([]);
  });
});

describe('an alert about a dossier never reaches whoever handled it', () => {
  const i18n = new RecordingI18n();
  let w: World;
  let procedureId: number;
  let handler: Account;

  /** A dossier registered by `by`, followed by the citizen, returned, and rated "asked to pay extra". */
  async function ratedExtraPay(dossierCode: string, citizenId: string, by: Account) {
    await citizen(w.app, citizenId, 'Đỗ Văn Hùng');
    const reg = await registerDossier(w.app, { code: dossierCode, communeId: w.tanTien.id, procedureId, handlerId: by.id });
    await consoleSession(w.app, citizenId, [`/start ${reg.startPayload}`, '1']);
    await changeDossierStatus(w.app, reg.dossier.id, 'returned');
    const person = await w.app.db.account.findFirstOrThrow({ where: { externalId: citizenId } });
    let step = await say(w.app, i18n, citizenId, { payload: (await pushesTo(w.app, person.id)).at(-1)!.buttons![0][0].payload });
    // Not satisfied, late without notice, disrespectful, unclear, "yes" to extra payment.
    for (const pick of [3, 4, 4, 4, 1]) step = await say(w.app, i18n, citizenId, { payload: step.replies.at(-1)!.buttons!.flat()[pick - 1].payload });
    return say(w.app, i18n, citizenId, { text: 'Cán bộ gợi ý đưa thêm tiền.' });
  }
  const mentions = async (account: Account, text: string) => (await pushesTo(w.app, account.id)).filter((p) => p.text.includes(text));

  beforeAll(async () => {
    w = await makeWorld({}, undefined, undefined, i18n);
    procedureId = (await w.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
    handler = await w.app.db.account.create({ data: { channel: 'console', externalId: 'off-hd', role: 'official', communeId: w.tanTien.id, displayName: 'Cán bộ Hà' } });
  });
  afterAll(() => w?.app.close());

  it('a kept alert is not handed to the official it is about when they become a manager; the next manager gets it', async () => {
    const thanks = await ratedExtraPay('HS-TT-0901', 'dan-h1', handler);
    expect(ids(thanks.said)).toContain('rating-thanks-concern-held');

    const promoted = await createInvite(w.app, { role: 'manager', communeCodes: ['BG-TANTIEN'] });
    expect(ids((await say(w.app, i18n, 'off-hd', { text: `/dangky ${displayCode(promoted.code)}` })).said)).not.toContain('accounts-signup-held');
    expect((await w.app.db.account.findFirstOrThrow({ where: { externalId: 'off-hd' } })).role).toBe('manager');
    expect(await mentions(handler, 'HS-TT-0901')).toEqual([]);
    expect(await w.app.db.heldAlert.count({ where: { deliveredAt: null } })).toBe(1);

    const other = await createInvite(w.app, { role: 'manager', communeCodes: ['BG-TANTIEN'] });
    const signUp = await say(w.app, i18n, 'mgr-lan', { text: `/dangky ${displayCode(other.code)}` });
    expect(signUp.said).toContainEqual(expect.objectContaining({ id: 'accounts-signup-held', args: { count: 1 } }));
    const lan = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'mgr-lan' } });
    expect(await mentions(lan, 'HS-TT-0901')).toHaveLength(1);
    expect(await w.app.db.heldAlert.count({ where: { deliveredAt: null } })).toBe(0);
  });

  it('a rating alert goes to the other managers, never to the manager who registered the dossier', async () => {
    // off-hd is a manager of Tân Tiến now, and registers a dossier at the desk.
    const manager = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'off-hd' } });
    const thanks = await ratedExtraPay('HS-TT-0902', 'dan-h2', manager);
    expect(ids(thanks.said)).toContain('rating-thanks-concern');
    const lan = await w.app.db.account.findFirstOrThrow({ where: { externalId: 'mgr-lan' } });
    expect(await mentions(lan, 'HS-TT-0902')).toHaveLength(1);
    expect(await mentions(manager, 'HS-TT-0902')).toEqual([]);
  });
});
