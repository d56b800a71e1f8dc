// Counts the database operations made through `app.db` while some work runs: reads of state,
// the outbox's dedup checks (one per enqueue) and writes. Lets tests and benchmarks show that a
// batch job reads a fixed number of times however many people it serves.
import type { App } from '../../src/app.js';
import { shareHotPath, type Db } from '../../src/db/index.js';

export interface QueryCounts {
  reads: number;
  dedupChecks: number;
  writes: number;
}

export async function countQueries<T>(app: App, work: () => Promise<T>): Promise<{ result: T } & QueryCounts> {
  const counts: QueryCounts = { reads: 0, dedupChecks: 0, writes: 0 };
  const original = app.db;
  app.db = original.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (model === 'OutboxMessage' && operation === 'findUnique') counts.dedupChecks++;
          else if (/^(find|count|aggregate|groupBy)/.test(operation)) counts.reads++;
          else counts.writes++;
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  shareHotPath(original, app.db);
  try {
    return { result: await work(), ...counts };
  } finally {
    app.db = original;
  }
}
