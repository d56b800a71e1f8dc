// The console channel: a chat in the terminal. Interactive when stdin is a TTY; scriptable
// otherwise (one message per line, replies printed), which is how tests and demos drive it.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Services } from '../../src/services.js';
import type { Conversation } from '../../src/conversation/core.js';
import { ConsoleRenderer } from './render.js';
import { ExportFolder } from './exports.js';
import { consoleSender } from './sender.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';

export interface ConsoleChatOptions {
  userId: string;
  input: Readable;
  output: Writable;
  interactive: boolean;
}

export async function runConsoleChat(
  services: Pick<Services, 'db' | 'hotPath' | 'clock' | 'log' | 'config' | 'i18n'>,
  conversation: Pick<Conversation, 'handle'>,
  options: ConsoleChatOptions,
): Promise<void> {
  const { input, output, interactive, userId } = options;
  const t = services.i18n.in('vi');
  const renderer = new ConsoleRenderer(new ExportFolder(services.config.EXPORT_DIR), {
    file: (path, bytes) => t('console-file-saved', { path, bytes }),
    image: (path, alt) => t('console-image-saved', { path, alt }),
  });
  const rl = createInterface({ input, terminal: interactive });
  const write = (s: string) => output.write(`${s}\n`);
  const prompt = () => interactive && output.write('> ');
  // Pushes to this user (rating requests, complaint updates…) are printed in this chat: as
  // they come when interactive; after each reply when scripted, so a script sees them in order.
  const pushes = new OutboxDispatcher(services, {
    senders: [consoleSender((replies) => write(renderer.render(replies, 'push')))],
    chatId: userId,
  });
  if (interactive) pushes.start();

  if (interactive) {
    write(services.i18n.t('vi', 'console-banner', { user: userId }));
    write(renderer.render(await conversation.handle({ channel: 'console', userId, text: '/start' })));
    prompt();
  }
  for await (const line of rl) {
    const typed = line.trim();
    if (!typed) {
      prompt();
      continue;
    }
    if (interactive && (typed === '/exit' || typed === '/thoat')) break;
    const payload = renderer.pressed(typed);
    const replies = await conversation.handle(
      payload ? { channel: 'console', userId, payload } : { channel: 'console', userId, text: typed },
    );
    write(renderer.render(replies));
    if (!interactive) {
      await pushes.drain();
      write('');
    }
    prompt();
  }
  rl.close();
  await pushes.stop();
}
