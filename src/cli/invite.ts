// `invite --role official|manager --commune <code> […] [--province <code>] [--name "…"] [--title "…"]`:
// prints a one-time code that a person sends as `/dangky <code>` to take that role (and the name
// and post given here).
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from './io.js';
import { createInvite, displayCode } from '../accounts/invites.js';
import { Refusal } from '../conversation/refusal.js';
import { formatVnDateTime } from '../shared/vntime.js';

export const inviteCommand: CliCommand = {
  usage: 'invite --role official|manager --commune <code> [--commune <code2> …] [--province <code>] [--name "…"] [--title "…"]   one-time sign-up code',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        role: { type: 'string' },
        commune: { type: 'string', multiple: true },
        province: { type: 'string' },
        name: { type: 'string' },
        title: { type: 'string' },
      },
    });
    if (values.role !== 'official' && values.role !== 'manager') throw new UsageError('invite needs --role official or --role manager');
    const app = await io.openApp();
    const t = app.i18n.in('vi');
    try {
      const invite = await createInvite(app, {
        role: values.role,
        communeCodes: values.commune ?? [],
        provinceCode: values.province,
        name: values.name,
        title: values.title,
      });
      const code = displayCode(invite.code);
      io.stdout.write(
        [
          t('accounts-cli-invite-code', { code }),
          t('accounts-cli-invite-role', { role: invite.role, places: invite.places.join(', ') }),
          ...(invite.person ? [t('accounts-cli-invite-person', { name: invite.person })] : []),
          t('accounts-cli-invite-expires', { expires: formatVnDateTime(invite.expiresAt) }),
          t('accounts-cli-invite-send', { code }),
        ].join('\n') + '\n',
      );
      return 0;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      io.stderr.write(`${t('accounts-cli-invite-error', { problem: t(error.messageId, error.args) })}\n`);
      return 1;
    } finally {
      await app.close();
    }
  },
};
