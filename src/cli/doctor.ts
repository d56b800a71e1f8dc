// `doctor`: checks an operator should run after setting up communes and staff. Today: communes
// whose leadership alerts would reach nobody, and alerts kept until a manager signs up.
import type { CliCommand } from './io.js';
import { gapLines, leadershipGaps } from '../alerts/doctor.js';

export const doctorCommand: CliCommand = {
  usage: 'doctor                   warn about communes with no manager (alerts kept, nobody told)',
  async run(_args, io) {
    const app = await io.openApp();
    try {
      const t = app.i18n.in('vi');
      const lines = gapLines(t, await leadershipGaps(app.db));
      io.stdout.write(`${(lines.length ? lines : [t('alerts-doctor-ok')]).join('\n')}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
