// The CLI's command table and dispatcher (entry point: cli/index.ts).
import { loadConfig, loadDotEnv, ConfigError } from '../config/index.js';
import { createApp } from '../app.js';
import { UsageError, type CliCommand, type CliIo } from './io.js';
import { chatCommand } from './chat.js';
import { inviteCommand } from './invite.js';
import { outboxCommand } from './outbox.js';
import { searchCommand } from './search.js';
import { importCommand } from './import.js';
import { criteriaCommand } from '../criteria/cli.js';
import { backupCommand } from './backup.js';
import { doctorCommand } from './doctor.js';
import { migrateDataCommand } from './migrate-data.js';
import { zaloCommand } from '../../bots/zalo/cli.js';

const commands: Record<string, CliCommand> = {
  chat: chatCommand,
  invite: inviteCommand,
  outbox: outboxCommand,
  search: searchCommand,
  import: importCommand,
  criteria: criteriaCommand,
  backup: backupCommand,
  doctor: doctorCommand,
  'migrate-data': migrateDataCommand,
  zalo: zaloCommand,
};

function usage(): string {
  return `Usage: npm run cli -- <command>\n\n${Object.values(commands)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;
}

export async function runCli(argv: string[], io: Omit<CliIo, 'openApp' | 'config'>): Promise<number> {
  const [name, ...args] = argv;
  const command = commands[name ?? ''];
  if (!command || name === 'help') {
    (command || name === 'help' ? io.stdout : io.stderr).write(usage());
    return name === 'help' || !name ? 0 : 2;
  }
  try {
    loadDotEnv();
    const env = loadConfig();
    // Operator tools print their own results; routine service logs would only clutter them.
    const config = process.env.LOG_LEVEL ? env : { ...env, LOG_LEVEL: 'warn' as const };
    return await command.run(args, { ...io, config, openApp: () => createApp(config) });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
}
