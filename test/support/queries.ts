// Counts the database operations made through `db` while some work runs: reads of state, the
// outbox's dedup checks (one per enqueue) and writes. Lets tests and benchmarks show that a
// batch job reads a fixed number of times however many people it serves. The work is given a
// copy of the services whose `db` counts; the services themselves are left as they are.
import type { Services } from '../../src/services.js';
import type { Db } from '../../src/db/index.js';

export interface QueryCounts {
  reads: number;
  dedupChecks: number;
  writes: number;
}

export async function countQueries<S extends Pick<Services, 'db'>, T>(services: S, work: (counted: S) => Promise<T>): Promise<{ result: T } & QueryCounts> {
  const counts: QueryCounts = { reads: 0, dedupChecks: 0, writes: 0 };
  const db = services.db.$extends({
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
  return { result: await work({ ...services, db }), ...counts };
}
