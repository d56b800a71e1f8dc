// Daily housekeeping: the records that only exist to recognise a re-delivered update are
// dropped once no platform would re-deliver it (Telegram and Zalo retry for hours, not weeks),
// so InboundUpdate does not grow forever. Unfinished rows are kept: they are still work.
import type { JobSpec } from './types.js';

/** Longer than any replay window the Zalo webhook may accept (config MAX_REPLAY_WINDOW_MINUTES). */
export const INBOUND_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const housekeepingJob: JobSpec = {
  name: 'housekeeping',
  cron: (config) => config.DAILY_JOBS_CRON,
  async run(services, firedAt) {
    const before = new Date(firedAt.getTime() - INBOUND_RETENTION_DAYS * DAY_MS);
    const { count } = await services.db.inboundUpdate.deleteMany({
      where: { status: { in: ['processed', 'failed'] }, receivedAt: { lt: before } },
    });
    services.log.info({ job: 'housekeeping', inboundUpdatesDeleted: count }, 'old inbound updates removed');
  },
};
