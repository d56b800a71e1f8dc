import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('conversation core on the console channel', () => {
  it('answers a citizen question with the procedure card and numbered alternatives', async () => {
    const out = await consoleSession(app, 'c1', ['lam giay khai sinh cho con can gi']);
    expect(out).toContain('Đăng ký khai sinh');
    expect(out).toMatch(/Hồ sơ cần chuẩn bị:/);
    expect(out).toMatch(/Lệ phí:/);
    expect(out).toMatch(/Thời hạn giải quyết:/);
    expect(out).toMatch(/\[1\] /);
  });

  it('pressing a number opens that alternative', async () => {
    const out = await consoleSession(app, 'c2', ['/thutuc', '1']);
    const [browse, field] = out.split('\n\n');
    expect(browse).toContain('lĩnh vực');
    expect(field).toMatch(/Lĩnh vực .* có \d+ thủ tục/);
  });

  it('says where residence procedures are handled (commune police)', async () => {
    const out = await consoleSession(app, 'c3', ['đăng ký tạm trú cần giấy tờ gì']);
    expect(out).toContain('Công an xã');
  });

  it('answers nonsense politely with the fields and how to reach the desk', async () => {
    const out = await consoleSession(app, 'c4', ['giá vàng hôm nay bao nhiêu']);
    expect(out).toContain('chưa tìm thấy thủ tục');
    expect(out).toContain('Bộ phận Một cửa');
    expect(out).toMatch(/\[1\] Hộ tịch/);
  });

  it('unknown commands get help, never a stack trace', async () => {
    const out = await consoleSession(app, 'c5', ['/khongco']);
    expect(out).toContain('Tôi chưa hiểu lệnh /khongco');
    expect(out).toContain('/thutuc');
    expect(out).not.toMatch(/Error|at \w+ \(/);
  });

  it('switches language with /lang and keeps it', async () => {
    const out = await consoleSession(app, 'c6', ['/lang en', 'khai sinh cho con']);
    expect(out).toContain('Switched to English');
    expect(out).toContain('Documents to prepare');
    const account = await app.db.account.findUnique({ where: { channel_externalId: { channel: 'console', externalId: 'c6' } } });
    expect(account?.locale).toBe('en');
  });

  it('refuses a message over the size limit without storing anything new', async () => {
    const before = await app.db.dialogueState.count();
    const out = await consoleSession(app, 'c7', ['x'.repeat(5000)]);
    expect(out).toContain('Tin nhắn quá dài');
    expect(await app.db.dialogueState.count()).toBe(before);
  });
});
