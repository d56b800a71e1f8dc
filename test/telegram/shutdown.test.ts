// Stopping in webhook mode: an update answered by its webhook reply is still being finished
// (its outcome recorded) after the HTTP answer; stopping the channel waits for that, so the
// database is not closed under it and the update is not left looking unhandled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramApp, type TelegramTestApp } from '../support/telegram-app.js';
import { textUpdate } from '../support/telegram-updates.js';

const SECRET = 'shutdown-secret_0123456789';
let t: TelegramTestApp;

beforeAll(async () => {
  t = await startTelegramApp(SECRET);
});
afterAll(() => t?.close());

describe('telegram webhook at shutdown', () => {
  it('waits for updates answered but not yet finished', async () => {
    const { app, fake, server, telegram, url } = t;
    // Recording the outcome takes a while (a busy database): it happens after the HTTP answer.
    const hot = app.hotPath;
    const finish = hot.finishUpdate.bind(hot);
    let finishing = 0;
    hot.finishUpdate = async (...args) => {
      finishing++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return finish(...args);
    };
    const delivered = await fake.deliver(url, textUpdate(7001, 'đăng ký kết hôn'), SECRET);
    expect(delivered.status).toBe(200);
    expect(fake.callsOf('sendMessage').filter((c) => c.via === 'webhook-reply')).toHaveLength(1);
    expect(finishing).toBe(1);

    await server.close();
    await telegram.stop();
    const stored = await app.db.inboundUpdate.findUnique({
      where: { channel_updateId: { channel: 'telegram', updateId: String(delivered.updateId) } },
    });
    expect(stored?.status).toBe('processed');
  });
});
