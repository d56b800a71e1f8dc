// A second process for the "two dispatchers on one database" test: drains the outbox of the
// database named on the command line through a fake sender and prints each delivery as a line.
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { FakeSender } from './fake-sender.js';

const app = await createApp(testConfig({ DATABASE_URL: process.argv[2]! }), { seed: false });
const sender = new FakeSender(systemClock, { perSecond: 1e6 });
sender.answer = (chatId, reply) => {
  process.stdout.write(`${JSON.stringify({ chatId, text: reply.text })}\n`);
  return new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 2));
};
process.stdout.write('ready\n');
// Start together with the parent, which answers "go".
await new Promise((resolve) => process.stdin.once('data', resolve));
await new OutboxDispatcher(app, { senders: [sender], pacing: false, concurrency: 4 }).drain();
await app.close();
