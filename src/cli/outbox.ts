// `outbox [stats | retry <id…>|--all]`: dead letters of the outbox, re-queueing them, counts.
import { UsageError, type CliCommand } from './io.js';
import { listDead, outboxStats, retryDead } from '../outbox/admin.js';
import { formatVnDateTime } from '../shared/vntime.js';

export const outboxCommand: CliCommand = {
  usage: 'outbox [stats | retry <id…> | retry --all]   list dead letters, counts by status, or re-queue dead letters',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== undefined && sub !== 'stats' && sub !== 'retry') throw new UsageError(`unknown outbox command: ${sub}`);
    let which: number[] | 'all' = 'all';
    if (sub === 'retry' && !(rest.length === 1 && rest[0] === '--all')) {
      which = rest.map(Number);
      if (!rest.length || which.some((id) => !Number.isInteger(id) || id <= 0)) {
        throw new UsageError('outbox retry needs dead-letter ids (numbers) or --all');
      }
    }
    const app = await io.openApp();
    const t = app.i18n.in('vi');
    try {
      if (sub === 'stats') {
        const counts = await outboxStats(app.db);
        const lines = Object.entries(counts).map(([status, count]) => `  ${status.padEnd(8)} ${count}`);
        io.stdout.write(`${t('outbox-cli-stats')}\n${lines.join('\n')}\n`);
      } else if (sub === 'retry') {
        const count = await retryDead(app.db, which, app.clock.now());
        io.stdout.write(`${t('outbox-cli-retried', { count })}\n`);
      } else {
        const dead = await listDead(app.db);
        if (!dead.length) io.stdout.write(`${t('outbox-cli-dead-none')}\n`);
        else {
          const rows = dead.map((d) =>
            t('outbox-cli-dead-row', {
              id: d.id,
              channel: d.channel,
              attempts: d.attempts,
              created: formatVnDateTime(d.createdAt),
              error: d.lastError ?? '—',
            }),
          );
          io.stdout.write(`${t('outbox-cli-dead-title', { count: dead.length })}\n${rows.map((r) => `  ${r}`).join('\n')}\n${t('outbox-cli-dead-hint')}\n`);
        }
      }
    } finally {
      await app.close();
    }
    return 0;
  },
};
