import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/backup/backup.js';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config/index.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { onPostgres } from '../support/database.js';
import { runCommand } from '../support/cli.js';
import { backupCommand } from '../../src/cli/backup.js';
import { UsageError } from '../../src/cli/io.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// An online copy of the SQLite file; on PostgreSQL the command points to pg_dump instead.
describe.skipIf(onPostgres)('online backup', () => {
  it('copies a consistent database while the service keeps writing, and the copy restores', async () => {
    app = await makeTestApp();
    const { db } = app;
    await db.auditLog.create({ data: { action: 'before-backup' } });

    // Keep writing during the backup, as a running service would.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.auditLog.create({ data: { action: 'during-backup' } });
        written++;
        // Requests arrive as I/O events; yield like a server between them.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const target = path.join(app.dir, 'backups', 'copy.db');
    const result = await backupDatabase(app.dbPath, target);
    writing = false;
    await writer;

    expect(result.file).toBe(target);
    expect(written).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = copy.prepare('SELECT count(*) AS n FROM AuditLog').get() as { n: number };
    const procedures = copy.prepare('SELECT count(*) AS n FROM Procedure').get() as { n: number };
    copy.close();
    expect(rows.n).toBeGreaterThanOrEqual(1);
    expect(procedures.n).toBe(await db.procedure.count());
    expect(existsSync(`${target}.partial`)).toBe(false);

    // Restore as documented: put the file where DATABASE_URL points and start.
    const restoredPath = path.join(app.dir, 'restored.db');
    copyFileSync(target, restoredPath);
    const restored = await createApp(testConfig({ DATABASE_URL: `file:${restoredPath}` }));
    try {
      expect(await restored.db.auditLog.count({ where: { action: 'before-backup' } })).toBe(1);
      expect(restored.procedures.size).toBe(app.procedures.size);
    } finally {
      await restored.close();
    }
  });

  it('refuses to overwrite the live database and reports a missing source', async () => {
    app = await makeTestApp();
    await expect(backupDatabase(app.dbPath, app.dbPath)).rejects.toThrow(/must differ/);
    await expect(backupDatabase(path.join(app.dir, 'nope.db'), path.join(app.dir, 'x.db'))).rejects.toThrow(/not found/);
  });
});

describe.runIf(onPostgres)('backup on PostgreSQL', () => {
  it('is refused with the way to do it (pg_dump), writing nothing', async () => {
    app = await makeTestApp();
    const target = path.join(app.dir, 'copy.db');
    const refused = runCommand(backupCommand, [target], app);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(/pg_dump/);
    expect(existsSync(target)).toBe(false);
  });
});
