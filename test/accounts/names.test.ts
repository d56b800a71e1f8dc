// People have names: from the invitation (`invite --name … --title …`), from /ten, or from the
// platform profile; lists, workbooks and complaint histories show them instead of account
// numbers. A bad name changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../support/app.js';
import { RecordingI18n } from '../support/i18n.js';
import { FakeClock } from '../../src/shared/clock.js';
import { inviteCommand } from '../../src/cli/invite.js';
import { createInvite } from '../../src/accounts/invites.js';
import { Refusal } from '../../src/conversation/refusal.js';
import type { Reply } from '../../src/conversation/types.js';
import { runCommand } from '../support/cli.js';

const i18n = new RecordingI18n();
let app: TestApp;

beforeAll(async () => {
  app = await makeTestApp({ DEMO_DATA: 'true', RATE_LIMIT_MESSAGES_PER_MINUTE: '10000' }, { clock: new FakeClock('2026-11-02T02:00:00Z'), i18n });
});
afterAll(() => app?.close());

async function say(userId: string, input: { text: string } | { payload: string }, displayName?: string) {
  i18n.take();
  const replies: Reply[] = await app.conversation.handle({ channel: 'console', userId, ...input, ...(displayName ? { displayName } : {}) });
  return { replies, text: replies.map((r) => r.text).join('\n'), said: i18n.take() };
}

const cliInvite = (args: string[]) => runCommand(inviteCommand, args, app);

const account = (externalId: string) => app.db.account.findFirstOrThrow({ where: { channel: 'console', externalId } });

describe('names and titles', () => {
  it('an invitation carries the name and post, which the account takes at sign-up', async () => {
    const cli = await cliInvite(['--role', 'official', '--commune', 'BG-TANTIEN', '--name', 'Vũ Thị Hằng', '--title', 'Công chức Tư pháp – Hộ tịch']);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain('Người được mời: Vũ Thị Hằng (Công chức Tư pháp – Hộ tịch)');
    const code = /\/dangky ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(cli.out)![1];
    // The platform's name is kept until the invitation names the person.
    const welcome = await say('hang', { text: `/dangky ${code}` }, 'hang_tg');
    expect(welcome.said).toContainEqual(expect.objectContaining({ id: 'accounts-signup-welcome', args: expect.objectContaining({ name: 'Vũ Thị Hằng (Công chức Tư pháp – Hộ tịch)' }) }));
    expect(await account('hang')).toMatchObject({ displayName: 'Vũ Thị Hằng', title: 'Công chức Tư pháp – Hộ tịch', role: 'official' });
  });

  it('refuses a bad name on the invitation, creating nothing', async () => {
    const before = await app.db.invite.count();
    for (const name of ['x', '<b>Sếp</b>', 'A'.repeat(81)]) {
      const cli = await cliInvite(['--role', 'official', '--commune', 'BG-TANTIEN', '--name', name]);
      expect(cli.code, name).toBe(1);
      expect(cli.err, name).toContain('tên hoặc chức danh cần từ 2 đến 80 ký tự');
      await expect(createInvite(app, { role: 'official', communeCodes: ['BG-TANTIEN'], title: name })).rejects.toBeInstanceOf(Refusal);
    }
    expect(await app.db.invite.count()).toBe(before);
  });

  it('anyone changes their own name with /ten; a bad one changes nothing', async () => {
    expect((await say('dan', { text: '/ten' }, 'dan_tg')).said).toContainEqual(expect.objectContaining({ id: 'accounts-name-usage', args: { name: 'dan_tg' } }));
    const saved = await say('dan', { text: '/ten   Phạm  Văn   Đức ' });
    expect(saved.said).toContainEqual(expect.objectContaining({ id: 'accounts-name-saved', args: { name: 'Phạm Văn Đức' } }));
    for (const bad of ['x', '<script>', 'B'.repeat(81)]) {
      expect((await say('dan', { text: `/ten ${bad}` })).said.map((s) => s.id)).toContain('accounts-name-bad');
    }
    expect((await account('dan')).displayName).toBe('Phạm Văn Đức');
    expect((await say('dan', { text: '/toi' })).text).toContain('Tên: Phạm Văn Đức');
  });

  it('a profile name or message with NUL characters is kept without them (PostgreSQL refuses NUL)', async () => {
    const { said } = await say('nul', { text: '/ten Lê\u0000 Văn Nam' }, 'Lê\u0000Nam');
    expect(said.map((s) => s.id)).not.toContain('error-generic');
    expect((await account('nul')).displayName).toBe('Lê Văn Nam');
  });

  it('lists and the workbook name the officials, with their post', async () => {
    const manager = await createInvite(app, { role: 'manager', communeCodes: ['BG-TANTIEN'], name: 'Nguyễn Văn Lãnh', title: 'Chủ tịch UBND xã' });
    await say('lanh', { text: `/dangky ${manager.code}` });
    const hang = await account('hang');
    const set = await app.db.communeSet.findFirstOrThrow({ where: { communeId: hang.communeId! } });
    const criterion = await app.db.criterion.findFirstOrThrow({ where: { setId: set.setId }, orderBy: { position: 'asc' } });
    await app.db.assignment.create({ data: { communeId: hang.communeId!, criterionId: criterion.id, accountId: hang.id } });

    // The criteria as buttons, each with its owner's name (cut to fit a button).
    const assign = await say('lanh', { text: '/phancong BG-TANTIEN' });
    const labels = assign.replies.flatMap((r) => r.buttons ?? []).flat().map((b) => b.label);
    expect(labels.some((l) => l.startsWith(`${criterion.code}: Vũ Thị Hằng (Công chức`))).toBe(true);
    expect(labels.join('\n')).not.toMatch(/tài khoản #\d/);

    const report = await say('lanh', { text: '/baocao' });
    const file = report.replies.find((r) => r.document)!.document!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells).toContain('Vũ Thị Hằng (Công chức Tư pháp – Hộ tịch)');
    expect(cells.join('\n')).not.toMatch(/tài khoản #\d/);
  });
});
