import { parseArgs } from 'node:util';
import { runConsoleChat } from '../../bots/console/chat.js';
import { UsageError, type CliCommand } from './io.js';

export const chatCommand: CliCommand = {
  usage: 'chat --user <id>        chat on the console channel as <id> (reads stdin, one message per line)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { user: { type: 'string' } } });
    if (!values.user) throw new UsageError('chat needs --user <id>');
    const app = await io.openApp();
    try {
      const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
      await runConsoleChat(app, app.conversation, { userId: values.user, input: io.stdin, output: io.stdout, interactive });
    } finally {
      await app.close();
    }
    return 0;
  },
};
