import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';
import { expectSaid, idsOf, said } from '../support/conversation.js';

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
    said(app).take();
    const out = await consoleSession(app, 'c4', ['giá vàng hôm nay bao nhiêu']);
    const told = idsOf(said(app).take());
    expect(told).toContain('search-no-match');
    expect(told).toContain('desk-contact');
    // The fields are offered as numbered options, the first one first.
    expect(out).toMatch(/\[1\] Hộ tịch/);
  });

  it('unknown commands get help, never a stack trace', async () => {
    said(app).take();
    const out = await consoleSession(app, 'c5', ['/khongco']);
    const told = said(app).take();
    expectSaid(told, 'unknown-command', { command: '/khongco' });
    expect(idsOf(told)).toContain('help-intro');
    expect(out).toContain('/thutuc');
    expect(out).not.toMatch(/Error|at \w+ \(/);
  });

  it('switches language with /lang and keeps it', async () => {
    said(app).take();
    await consoleSession(app, 'c6', ['/lang en', 'khai sinh cho con']);
    const told = said(app).take();
    expect(told.find((s) => s.id === 'lang-set')?.locale).toBe('en');
    expect(told.find((s) => s.id === 'card-documents')?.locale).toBe('en');
    const account = await app.db.account.findUnique({ where: { channel_externalId: { channel: 'console', externalId: 'c6' } } });
    expect(account?.locale).toBe('en');
  });

  it('refuses a message over the size limit without storing anything new', async () => {
    const before = await app.db.dialogueState.count();
    said(app).take();
    await consoleSession(app, 'c7', ['x'.repeat(5000)]);
    expect(idsOf(said(app).take())).toEqual(['error-too-long']);
    expect(await app.db.dialogueState.count()).toBe(before);
  });
});
