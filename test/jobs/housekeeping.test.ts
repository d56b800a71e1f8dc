import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { housekeepingJob, INBOUND_RETENTION_DAYS } from '../../src/jobs/housekeeping.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('housekeeping', () => {
  it('drops handled inbound updates older than the retention, and keeps recent or unfinished ones', async () => {
    const now = new Date('2026-11-21T00:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const old = daysAgo(INBOUND_RETENTION_DAYS + 1);
    await app.db.inboundUpdate.createMany({
      data: [
        { channel: 'telegram', updateId: 'old-done', status: 'processed', receivedAt: old },
        { channel: 'zalo', updateId: 'old-failed', status: 'failed', receivedAt: old },
        { channel: 'zalo', updateId: 'old-unfinished', status: 'received', receivedAt: old },
        { channel: 'telegram', updateId: 'recent', status: 'processed', receivedAt: daysAgo(2) },
      ],
    });
    await housekeepingJob.run(app, now);
    const left = (await app.db.inboundUpdate.findMany({ orderBy: { updateId: 'asc' } })).map((r) => r.updateId);
    expect(left).toEqual(['old-unfinished', 'recent']);
  });
});
