// On PostgreSQL, instances starting together migrate once: the advisory lock queues them, the
// later ones find nothing left to do. Needs TEST_POSTGRES_URL (skipped without it).
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/index.js';
import { postgresMigrationsDir } from '../../src/db/migrate.js';
import { postgresTestDatabase, type TestDatabase } from '../support/database.js';

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

describe.skipIf(!process.env.TEST_POSTGRES_URL)('PostgreSQL migrations at start', () => {
  it('four instances starting at once apply each migration exactly once and all come up', async () => {
    const database = postgresTestDatabase();
    databases.push(database);
    const opened = await Promise.all([1, 2, 3, 4].map(() => openDatabase(database.url)));
    try {
      const applied = await opened[0]!.db.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
      );
      const committed = readdirSync(postgresMigrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      expect(applied.map((r) => r.migration_name)).toEqual(committed);
      for (const o of opened) expect(await o.db.province.count()).toBe(0);
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  });

  it('keeps each service in the schema its URL names', async () => {
    const [a, b] = [postgresTestDatabase(), postgresTestDatabase()];
    databases.push(a, b);
    const [x, y] = [await openDatabase(a.url), await openDatabase(b.url)];
    try {
      await x.db.province.create({ data: { code: 'X', name: 'X' } });
      await x.hotPath.createAccount('telegram', '1', 'vi', null, new Date());
      expect(await y.db.province.count()).toBe(0);
      expect(await y.hotPath.findAccount('telegram', '1')).toBeNull();
      expect(await x.hotPath.findAccount('telegram', '1')).toMatchObject({ channel: 'telegram', externalId: '1', role: 'citizen' });
    } finally {
      await x.close();
      await y.close();
    }
  });
});
