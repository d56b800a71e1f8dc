// `npm run cli -- zalo status | set-tokens …`: how the OA's tokens stand, and storing a pair
// taken from the developer console (first setup, or after a lost grant). Tokens are never printed.
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../../src/cli/io.js';
import { formatVnDateTime, vnMonth } from '../../src/shared/vntime.js';
import { ZaloBilling } from './billing.js';
import { ACCESS_LIFETIME_S, refreshDueAt, storeTokens, ZaloTokens } from './tokens.js';

export const zaloCommand: CliCommand = {
  usage:
    'zalo status | zalo set-tokens --access <t> --refresh <t> [--expires-in 90000]   Zalo OA token age, expiry, last error, messages sent this month by billing; store a token pair',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'status' && sub !== 'set-tokens') throw new UsageError('zalo needs status or set-tokens');
    const { values } = parseArgs({
      args: rest,
      options: { access: { type: 'string' }, refresh: { type: 'string' }, 'expires-in': { type: 'string' } },
    });
    const expiresInS = Number(values['expires-in'] ?? ACCESS_LIFETIME_S);
    if (sub === 'set-tokens') {
      if (!values.access?.trim() || !values.refresh?.trim()) throw new UsageError('zalo set-tokens needs --access and --refresh');
      if (!Number.isInteger(expiresInS) || expiresInS < 60 || expiresInS > 30 * 86_400) {
        throw new UsageError('--expires-in must be seconds, 60–2592000 (Zalo gives 90000)');
      }
    }
    const app = await io.openApp();
    const t = app.i18n.in('vi');
    try {
      const now = app.clock.now();
      if (sub === 'set-tokens') {
        const pair = { accessToken: values.access!.trim(), refreshToken: values.refresh!.trim(), expiresInS };
        await storeTokens(app.db, pair, now, 'zalo.token.set');
        io.stdout.write(`${t('zalo-cli-saved', { at: formatVnDateTime(new Date(now.getTime() + expiresInS * 1000)) })}\n`);
        return 0;
      }
      const row = await new ZaloTokens(app).stored();
      const usage = await new ZaloBilling(app).usage(vnMonth(now));
      const usageLine = t('zalo-cli-usage', {
        month: usage.month,
        free: usage.freeReplies,
        paid: usage.paidMessages,
        template: usage.templateMessages,
      });
      if (!row) {
        io.stdout.write(`${t('zalo-cli-none')}\n${usageLine}\n`);
        return 1;
      }
      const duration = (ms: number) => {
        const minutes = Math.max(0, Math.floor(ms / 60_000));
        return t('zalo-cli-duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
      };
      const expires = row.accessExpiresAt;
      const lines = [
        t('zalo-cli-title'),
        t('zalo-cli-issued', { at: formatVnDateTime(row.refreshedAt), age: duration(now.getTime() - row.refreshedAt.getTime()) }),
        expires > now
          ? t('zalo-cli-expires', { at: formatVnDateTime(expires), left: duration(expires.getTime() - now.getTime()) })
          : t('zalo-cli-expired', { at: formatVnDateTime(expires) }),
        t('zalo-cli-due', { at: formatVnDateTime(refreshDueAt(row)) }),
        row.lastError && row.lastErrorAt
          ? t('zalo-cli-error', { at: formatVnDateTime(row.lastErrorAt), error: row.lastError })
          : t('zalo-cli-error-none'),
        usageLine,
      ];
      if (row.lastError) lines.push('', t('zalo-cli-hint'));
      io.stdout.write(`${lines.join('\n')}\n`);
      return row.lastError || expires <= now ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};
