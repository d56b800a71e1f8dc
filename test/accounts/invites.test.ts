import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';
import { expectSaid, idsOf, person, said } from '../support/conversation.js';
import { FakeClock } from '../../src/shared/clock.js';
import { inviteCommand } from '../../src/cli/invite.js';
import { createInvite, displayCode, normalizeCode, redeemInvite, INVITE_ALPHABET } from '../../src/accounts/invites.js';
import { communeIdsInScope } from '../../src/accounts/scope.js';
import type { Account } from '../../src/generated/prisma/client.js';
import { runCommand } from '../support/cli.js';

let app: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock('2026-11-02T02:00:00Z');
  // The demo province: Bắc Ninh (code BG, from before the 2025 merger) with Tân Tiến, Yên Thế, Bố Hạ.
  app = await makeTestApp({ DEMO_DATA: 'true', INVITE_TTL_HOURS: '48' }, { clock });
});
afterEach(async () => {
  await app.close();
});

/** `npm run cli -- invite …` against the test database; returns the printed code. */
async function cliInvite(args: string[]) {
  return runCommand(inviteCommand, args, app);
}

const codeIn = (out: string) => /\/dangky ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1];

const account = (userId: string) =>
  app.db.account.findUniqueOrThrow({ where: { channel_externalId: { channel: 'console', externalId: userId } } });

describe('invitation codes', () => {
  it('are 8 characters of an unambiguous alphabet, typed in any case or grouping', () => {
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(displayCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(normalizeCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeCode('ABCD EFGH')).toBe('ABCDEFGH');
    expect(normalizeCode('ABCD-EFG0')).toBeNull();
    expect(normalizeCode('ABC')).toBeNull();
  });

  it('an official signs up with a code from the CLI', async () => {
    said(app).take();
    const printed = await cliInvite(['--role', 'official', '--commune', 'BG-TANTIEN']);
    expect(printed.code).toBe(0);
    const cli = said(app).take();
    expectSaid(cli, 'accounts-cli-invite-role', { role: 'official', places: 'Xã Tân Tiến' });
    expectSaid(cli, 'accounts-cli-invite-expires', { expires: '04/11/2026 09:00' }); // 48 h later, Vietnam time
    const code = codeIn(printed.out);
    // Only the hash is stored.
    const invite = await app.db.invite.findFirstOrThrow();
    expect(JSON.stringify(invite)).not.toContain(code.replace('-', ''));
    expect(invite.codeHash).toMatch(/^[0-9a-f]{64}$/);

    const canbo = person(app, 'canbo');
    await canbo.say('/toi');
    expectSaid(said(app).take(), 'accounts-whoami-role', { role: app.i18n.t('vi', 'role-citizen') });
    const hooked: Account[] = [];
    app.roleChanged.add(async (a) => void hooked.push(a));
    await canbo.say(`/dangky ${code.toLowerCase()}`);
    const welcomed = said(app).take();
    expectSaid(welcomed, 'accounts-signup-welcome', { role: 'official', places: 'Xã Tân Tiến' });
    expectSaid(welcomed, 'help-intro', { role: 'official' }); // the new /help, in the new role
    await canbo.say('/toi');
    const whoami = said(app).take();
    expectSaid(whoami, 'accounts-whoami-commune', { commune: 'Xã Tân Tiến' });
    expect(idsOf(whoami)).toContain('role-official');

    const acc = await account('canbo');
    const commune = await app.db.commune.findUniqueOrThrow({ where: { code: 'BG-TANTIEN' } });
    expect([acc.role, acc.communeId]).toEqual(['official', commune.id]);
    expect(hooked.map((a) => a.role)).toEqual(['official']);
    const audit = await app.db.auditLog.findMany({ where: { action: 'invite.redeemed' } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(acc.id);
    expect((await app.db.invite.findFirstOrThrow()).usedById).toBe(acc.id);
  });

  it("the sign-up's wording names the role and the commune, on the console too", async () => {
    const printed = await cliInvite(['--role', 'official', '--commune', 'BG-TANTIEN']);
    expect(printed.out).toContain('Hết hạn: 04/11/2026 09:00');
    const out = await consoleSession(app, 'canbo', [`/dangky ${codeIn(printed.out)}`, '/toi']);
    expect(out).toContain('Đăng ký thành công! Anh/chị đã là cán bộ, công chức của Xã Tân Tiến.');
    expect(out).toContain('Vai trò: cán bộ, công chức xã');
  });

  it('a manager of two communes, or of a province, sees that scope', async () => {
    const two = codeIn((await cliInvite(['--role', 'manager', '--commune', 'BG-YENTHE', '--commune', 'BG-BOHA'])).out);
    const lanhdao = person(app, 'lanhdao');
    said(app).take();
    await lanhdao.say(`/dangky ${two}`);
    const welcomed = said(app).take();
    expectSaid(welcomed, 'accounts-signup-welcome', { role: 'manager', places: 'Xã Bố Hạ, Xã Yên Thế' });
    expectSaid(welcomed, 'help-intro', { role: 'manager' });
    const account_ = await account('lanhdao');
    expect(await communeIdsInScope(app.db, account_)).toHaveLength(2);

    const province = codeIn((await cliInvite(['--role', 'manager', '--province', 'BG'])).out);
    await lanhdao.say(`/dangky ${province}`);
    said(app).take();
    await lanhdao.say('/toi');
    expectSaid(said(app).take(), 'accounts-whoami-scope', { places: 'Bắc Ninh, Xã Bố Hạ, Xã Yên Thế' });
    expect(await communeIdsInScope(app.db, account_)).toHaveLength(3);
  });

  it('/help differs per role', async () => {
    const citizen = await consoleSession(app, 'dan', ['/help']);
    const code = codeIn((await cliInvite(['--role', 'official', '--commune', 'BG-BOHA'])).out);
    await consoleSession(app, 'cb', [`/dangky ${code}`]);
    said(app).take();
    const official = await consoleSession(app, 'cb', ['/help']);
    expectSaid(said(app).take(), 'help-intro', { role: 'official' });
    expect(official).not.toEqual(citizen);
    // The layout of the list: one command a line, with its summary.
    for (const out of [citizen, official]) expect(out).toMatch(/\/dangky — .*\n\/toi — /);
  });

  it('refuses an expired, a reused, a forged or a malformed code, and changes nothing', async () => {
    const expired = codeIn((await cliInvite(['--role', 'official', '--commune', 'BG-BOHA'])).out);
    const fresh = codeIn((await cliInvite(['--role', 'official', '--commune', 'BG-BOHA'])).out);
    await person(app, 'first').say(`/dangky ${fresh}`);
    clock.advance(48 * 3600_000);
    const other = person(app, 'other');
    said(app).take();
    for (const line of [`/dangky ${expired}`, `/dangky ${fresh}`, '/dangky ABCD-EFGH', '/dangky 12', '/dangky']) await other.say(line);
    expect(idsOf(said(app).take())).toEqual([
      'accounts-signup-expired',
      'accounts-signup-used',
      'accounts-signup-unknown',
      'accounts-signup-malformed',
      'accounts-signup-usage',
    ]);
    expect((await account('other')).role).toBe('citizen');
    expect(await app.db.invite.count({ where: { usedAt: null } })).toBe(1);
    expect(await app.db.auditLog.count({ where: { action: 'invite.redeemed' } })).toBe(1);
  });

  it('of two people racing for one code, exactly one wins', async () => {
    const { code } = await createInvite(app, { role: 'official', communeCodes: ['BG-TANTIEN'] });
    const people = await Promise.all(
      ['a', 'b', 'c'].map((id) => app.db.account.create({ data: { channel: 'telegram', externalId: id } })),
    );
    const results = await Promise.all(people.map((p) => redeemInvite(app, p, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['used', 'used']);
    expect(await app.db.account.count({ where: { role: 'official' } })).toBe(1);
  });

  it('the CLI refuses a bad request with a clear message', async () => {
    said(app).take();
    expect((await cliInvite(['--role', 'official', '--commune', 'NOPE'])).code).not.toBe(0);
    expectSaid(said(app).take(), 'accounts-invite-unknown-commune', { codes: 'NOPE' });
    await cliInvite(['--role', 'official', '--commune', 'BG-BOHA', '--commune', 'BG-YENTHE']);
    expect(idsOf(said(app).take())).toContain('accounts-invite-official-one');
    await cliInvite(['--role', 'manager']);
    expect(idsOf(said(app).take())).toContain('accounts-invite-manager-scope');
    await cliInvite(['--role', 'manager', '--province', 'XX']);
    expectSaid(said(app).take(), 'accounts-invite-unknown-province', { code: 'XX' });
    await expect(cliInvite(['--role', 'admin', '--commune', 'BG-BOHA'])).rejects.toThrow(/--role official/);
    expect(await app.db.invite.count()).toBe(0);
  });
});
