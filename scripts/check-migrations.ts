// The committed migrations and prisma/schema.prisma must describe the same database: CI fails
// when the schema was changed without `npm run db:migration -- <name>`, or a migration was
// edited by hand. Both are built in empty SQLite files — one by applying the migrations as the
// service does at start, one from the schema alone — and their tables, columns, indexes and
// foreign keys are compared.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../src/db/migrate.js';

type Shape = Record<string, unknown>;

/** Tables with their columns, indexes and foreign keys, in a stable order. */
function shapeOf(db: Database.Database): Shape {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const shape: Shape = {};
  for (const table of tables) {
    const quoted = `"${table}"`;
    const indexes = (db.prepare(`PRAGMA index_list(${quoted})`).all() as { name: string; unique: number; origin: string }[])
      .map((i) => ({
        unique: i.unique,
        origin: i.origin,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    shape[table] = {
      // By name: a column added by ALTER TABLE comes last, wherever the model declares it.
      columns: (db.prepare(`PRAGMA table_info(${quoted})`).all() as { cid: number; name: string }[])
        .map(({ cid: _cid, ...column }) => column)
        .sort((x, y) => x.name.localeCompare(y.name)),
      indexes,
      foreignKeys: (db.prepare(`PRAGMA foreign_key_list(${quoted})`).all() as Record<string, unknown>[]).map(({ id: _id, seq: _seq, ...fk }) => fk),
    };
  }
  return shape;
}

const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-migrations-'));
try {
  const migrated = new Database(path.join(dir, 'migrated.db'));
  applyMigrations(migrated);
  const fromSchema = new Database(path.join(dir, 'schema.db'));
  const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'engine.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fromSchema.exec(sql);
  const [a, b] = [shapeOf(migrated), shapeOf(fromSchema)];
  migrated.close();
  fromSchema.close();
  const problems: string[] = [];
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(table in a)) problems.push(`table ${table} is in the schema but no migration creates it`);
    else if (!(table in b)) problems.push(`table ${table} is created by a migration but is not in the schema`);
    else if (JSON.stringify(a[table]) !== JSON.stringify(b[table])) {
      problems.push(`table ${table} differs:\n  migrations: ${JSON.stringify(a[table])}\n  schema:     ${JSON.stringify(b[table])}`);
    }
  }
  if (problems.length) {
    process.stderr.write(`prisma/schema.prisma and prisma/migrations disagree (run npm run db:migration -- <name>):\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`migrations match the schema (${Object.keys(a).length} tables)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
