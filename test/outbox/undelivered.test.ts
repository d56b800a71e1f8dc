// "The citizen is being told" must not stay a belief: when a push an official asked for (/xong,
// /tra, /trehan) does not reach the citizen — Zalo holds it (7 days without a word) or refuses
// it for good — that official is told, once, in their language; a push that arrives tells
// them nothing more. Zalo is played by the fake, the official is on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Dossier } from '../../src/generated/prisma/client.js';
import { FakeClock } from '../../src/shared/clock.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { registerDossier } from '../../src/dossiers/register.js';
import { resolveAccount } from '../../src/accounts/accounts.js';
import { FakeZalo } from '../support/fake-zalo.js';
import { startZaloSuite, type ZaloTestApp } from '../support/zalo-app.js';
import { paths } from '../../bots/zalo/client.js';

let fake: FakeZalo;
let h: ZaloTestApp;
let close: () => Promise<void>;
let official: Account;
const clock = new FakeClock('2026-11-23T02:00:00Z');

beforeAll(async () => {
  ({ fake, h, close } = await startZaloSuite(clock, { DEMO_DATA: 'true', RATE_LIMIT_MESSAGES_PER_MINUTE: '10000' }));
  const commune = await h.app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
  official = await h.app.db.account.create({ data: { channel: 'console', externalId: 'off-1', role: 'official', communeId: commune.id } });
});
afterAll(() => close());

/** A dossier of the official's commune followed by a citizen on Zalo. */
async function followed(code: string, citizen: string): Promise<Dossier> {
  const procedure = await h.app.db.procedure.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const { dossier } = await registerDossier(h.app, { code, communeId: official.communeId!, procedureId: procedure.id, handlerId: official.id });
  const follower = await resolveAccount(h.app, 'zalo', citizen, { now: clock.now() });
  return h.app.db.dossier.update({ where: { id: dossier.id }, data: { followerId: follower.id } });
}
const command = (text: string) => h.app.conversation.handle({ channel: 'console', userId: 'off-1', text });
// One send at a time, so that the failure a test scripts meets the push it is meant for.
const drain = () => new OutboxDispatcher(h.app, { senders: [h.zalo.sender], pacing: false, concurrency: 1 }).drain();
const noticesTo = async (account: Account) =>
  (await h.app.db.outboxMessage.findMany({ where: { accountId: account.id, dedupKey: { startsWith: 'undelivered:' } }, orderBy: { id: 'asc' } })).map(
    (row) => (JSON.parse(row.payload) as { text: string }).text,
  );
const notice = (what: string, code: string, why: string) => h.app.i18n.t('vi', 'outbox-undelivered', { what, code, why, channel: 'zalo' });

describe('pushes that do not reach the citizen', () => {
  it('a push Zalo holds (a week without a word) is reported to the official who asked for it', async () => {
    await followed('HS-UD-0001', 'zc-held');
    const [saidReady] = await command('/xong HS-UD-0001');
    expect(saidReady.text).toBe(h.app.i18n.t('vi', 'dossier-done-ok', { code: 'HS-UD-0001', outcome: 'none', told: 'yes' }));
    fake.failNext(paths.message, -230);
    await drain();
    expect(await h.app.db.outboxMessage.findFirstOrThrow({ where: { dedupKey: { startsWith: 'dossier-done:' } } })).toMatchObject({ status: 'held' });
    expect(await noticesTo(official)).toEqual([notice('result_ready', 'HS-UD-0001', 'held')]);
  });

  it('a push Zalo refuses for good is reported too; one that arrives is not', async () => {
    const late = await followed('HS-UD-0002', 'zc-gone');
    await h.app.db.dossier.update({ where: { id: late.id }, data: { dueAt: new Date('2026-11-20T10:00:00Z') } }); // already late
    await followed('HS-UD-0003', 'zc-here');
    await command('/trehan HS-UD-0002');
    await command('Thiếu chữ ký của lãnh đạo xã, đang bổ sung');
    await command('04/12/2026');
    await command('/xong HS-UD-0003');
    fake.failNext(paths.message, -227); // inactive user: never
    await drain();
    const notices = await noticesTo(official);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toBe(notice('late_apology', 'HS-UD-0002', 'failed'));
    expect(fake.delivered('zc-here')).toHaveLength(1);
    // Drained again: each undelivered push is reported once.
    await drain();
    expect(await noticesTo(official)).toHaveLength(2);
  });

  it('a push nobody asked for (the desk API, a job) reports to no one', async () => {
    const dossier = await followed('HS-UD-0004', 'zc-desk');
    await h.app.db.outboxMessage.create({ data: { channel: 'zalo', chatId: 'zc-desk', accountId: dossier.followerId, payload: JSON.stringify({ text: 'x' }) } });
    fake.failNext(paths.message, -227);
    const before = await h.app.db.outboxMessage.count();
    await drain();
    expect(await h.app.db.outboxMessage.count()).toBe(before);
  });
});
