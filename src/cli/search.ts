import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { CliCommand } from './io.js';

export const searchCommand: CliCommand = {
  usage:
    'search "<question>" [--json] [--limit N]   rank procedures (with their verify flag) for a question; with no question, one question per stdin line',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '5' } },
    });
    const limit = Math.max(1, Math.min(50, Number(values.limit) || 5));
    const app = await io.openApp();
    try {
      const answer = (question: string) =>
        app.procedures
          .search(question, limit)
          // verify: operators see which answers still need checking; citizens' cards do not say it per row.
          .map((h) => ({ code: h.record.code, name: h.record.name, score: h.score, verify: h.record.verify ?? false, kind: h.kind }));
      const print = (hits: ReturnType<typeof answer>) =>
        io.stdout.write(
          values.json || !positionals.length
            ? `${JSON.stringify(hits)}\n`
            : hits.map((h, i) => `${i + 1}. ${h.name} (${h.code}${h.kind === 'referral' ? ', referral' : ''}) — ${h.score}${h.verify ? ' [verify]' : ''}`).join('\n') + '\n',
        );
      if (positionals.length) {
        print(answer(positionals.join(' ')));
      } else {
        // Batch mode: one JSON array per input line, in order.
        for await (const line of createInterface({ input: io.stdin })) print(answer(line));
      }
    } finally {
      await app.close();
    }
    return 0;
  },
};
