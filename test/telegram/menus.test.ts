// Per-chat command menus: after a role change the person's chat gets that role's commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram, FAKE_TOKEN } from '../support/fake-telegram.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { startTelegram, type TelegramChannel } from '../../bots/telegram/start.js';
import { menuFor } from '../../bots/telegram/menus.js';
import { resolveAccount } from '../../src/accounts/accounts.js';

describe('telegram command menus', () => {
  let fake: FakeTelegram;
  let app: TestApp;
  let telegram: TelegramChannel;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    app = await makeTestApp({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.url });
    telegram = await startTelegram(app, app.conversation, { botInfo: fake.botInfo });
  });

  afterAll(async () => {
    await telegram?.stop();
    await fake?.close();
    await app?.close();
  });

  const roleChanged = async (externalId: string, role: string, locale = 'vi') => {
    const account = await resolveAccount(app, 'telegram', externalId, { now: new Date(), locale });
    const updated = await app.db.account.update({ where: { id: account.id }, data: { role } });
    await app.roleChanged.emit(updated, app.log, 'role change');
  };

  it('sets the default menu to the citizen commands, in Vietnamese and English', () => {
    const [vi, en] = fake.callsOf('setMyCommands').map((c) => c.params);
    expect(vi).toEqual({ commands: menuFor(app, 'citizen', 'vi') });
    expect(en).toEqual({ commands: menuFor(app, 'citizen', 'en'), language_code: 'en' });
  });

  it('gives a new official their own menu in their chat only', async () => {
    await roleChanged('7001', 'official', 'en');
    const call = await fake.waitFor('setMyCommands', (p) => (p.scope as { chat_id?: number })?.chat_id === 7001);
    expect(call.params.scope).toEqual({ type: 'chat', chat_id: 7001 });
    const commands = call.params.commands as { command: string; description: string }[];
    expect(commands).toEqual(menuFor(app, 'official', 'en'));
    const expected = app.conversation.commandsFor('official').map((c) => c.name);
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining([...expected, 'help']));
    for (const c of commands) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
  });

  it('never lets a failing menu update break the role change', async () => {
    fake.failNext('setMyCommands', 1, { kind: 'blocked' });
    await expect(roleChanged('7002', 'manager')).resolves.toBeUndefined();
    expect((await app.db.account.findFirst({ where: { externalId: '7002' } }))?.role).toBe('manager');
  });

  it('leaves accounts of other channels alone', async () => {
    const before = fake.callsOf('setMyCommands').length;
    const account = await resolveAccount(app, 'zalo', 'z-1', { now: new Date() });
    await app.roleChanged.emit({ ...account, role: 'official' }, app.log, 'role change');
    expect(fake.callsOf('setMyCommands')).toHaveLength(before);
  });
});
