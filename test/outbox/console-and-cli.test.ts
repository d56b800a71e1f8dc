import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { makeTestApp, type TestApp } from '../support/app.js';
import { consoleSession } from '../support/console.js';
import { FakeClock } from '../../src/shared/clock.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { outboxCommand } from '../../src/cli/outbox.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { FakeSender } from './fake-sender.js';

let app: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock('2026-11-02T02:00:00Z');
  app = await makeTestApp({}, { clock });
});
afterEach(async () => {
  await app.close();
});

async function consoleAccount(userId: string) {
  return app.db.account.create({ data: { channel: 'console', externalId: userId } });
}

/** Runs an outbox CLI command against the test app and returns what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const code = await outboxCommand.run(args, {
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    config: app.config,
    openApp: async () => ({ ...app, close: async () => {} }),
  });
  return { code, out };
}

describe('console pushes', () => {
  it('prints a push to a console user in that user’s chat, after the reply, once', async () => {
    const an = await consoleAccount('an');
    const binh = await consoleAccount('binh');
    await enqueue(app.db, {
      to: an,
      reply: { text: 'Hồ sơ của anh/chị đã có kết quả.', buttons: [[{ label: 'Đánh giá', payload: 'zz:1' }]] },
    });
    await enqueue(app.db, { to: binh, reply: { text: 'for binh only' } });

    const first = await consoleSession(app, 'an', ['/toi', '/toi']);
    const reply = first.indexOf('Vai trò');
    const pushed = first.indexOf('🔔 Hồ sơ của anh/chị đã có kết quả.');
    expect(reply).toBeGreaterThanOrEqual(0);
    expect(pushed).toBeGreaterThan(reply);
    expect(first.split('🔔').length - 1).toBe(1);
    expect(first).toContain('[1] Đánh giá');
    expect(first).not.toContain('for binh only');

    expect(await consoleSession(app, 'an', ['/toi'])).not.toContain('🔔');
    expect(await consoleSession(app, 'binh', ['/toi'])).toContain('🔔 for binh only');
  });
});

describe('outbox CLI', () => {
  it('lists dead letters, re-queues one or all, and counts by status', async () => {
    const acc = await app.db.account.create({ data: { channel: 'telegram', externalId: '1' } });
    for (const text of ['a', 'b', 'c']) await enqueue(app.db, { to: acc, reply: { text } });
    const sender = new FakeSender(clock, { perSecond: 1000 });
    sender.answer = (_c, reply) => (reply.text === 'a' ? 'deliver' : { ok: false, kind: 'permanent', error: 'chat not found' });
    await new OutboxDispatcher(app, { senders: [sender], sleep: async (ms) => clock.advance(ms) }).drain();

    const listed = await cli([]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/#2 · telegram · 1 lần thử · tạo lúc \d\d\/\d\d\/\d{4} \d\d:\d\d · lỗi: chat not found/);
    expect(listed.out).toContain('#3 · telegram');
    expect(listed.out).not.toContain('#1 ');

    expect((await cli(['stats'])).out).toMatch(/sent\s+1[\s\S]*dead\s+2/);
    expect((await cli(['retry', '2'])).out).toContain('Đã đưa 1 tin');
    expect((await cli(['retry', '1'])).out).toContain('Đã đưa 0 tin'); // a sent row is never re-queued
    const rows = await app.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['pending', 0],
      ['dead', 1],
    ]);
    expect((await cli(['retry', '--all'])).out).toContain('Đã đưa 1 tin');
    expect((await cli([])).out).toContain('Không có tin nào bị bỏ');
    await expect(cli(['retry'])).rejects.toThrow(/ids/);
    await expect(cli(['retry', 'x1'])).rejects.toThrow(/ids/);
  });
});
