// Drives the console channel exactly as `npm run cli -- chat` does, through streams.
import { PassThrough } from 'node:stream';
import type { App } from '../../src/app.js';
import { runConsoleChat } from '../../bots/console/chat.js';

/** Sends the lines as one scripted session and returns everything the channel printed. */
export async function consoleSession(app: App, userId: string, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runConsoleChat(app, app.conversation, { userId, input, output, interactive: false });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}
