// The committed migrations and prisma/schema.prisma must describe the same database, on both
// providers: CI fails when the schema was changed without `npm run db:migration -- <name>`, or a
// migration was edited by hand.
//  - SQLite: built in empty files — one by applying prisma/migrations as the service does at
//    start, one from the schema alone — and their tables, columns, indexes and foreign keys
//    compared.
//  - PostgreSQL: prisma/postgresql/schema.prisma must be what prisma/schema.prisma generates;
//    then the same comparison in two throwaway schemas on TEST_POSTGRES_URL (dropped after).
//    Without TEST_POSTGRES_URL that half is skipped with a notice, and fails under CI=true.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { applyMigrations, applyPostgresMigrations } from '../src/db/migrate.js';
import { currentPostgresSchema, postgresSchemaFile } from './postgres-schema.js';

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


function compare(a: Shape, b: Shape): string[] {
  const problems: string[] = [];
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(table in a)) problems.push(`table ${table} is in the schema but no migration creates it`);
    else if (!(table in b)) problems.push(`table ${table} is created by a migration but is not in the schema`);
    else if (JSON.stringify(a[table]) !== JSON.stringify(b[table])) {
      problems.push(`table ${table} differs:\n  migrations: ${JSON.stringify(a[table])}\n  schema:     ${JSON.stringify(b[table])}`);
    }
  }
  return problems;
}

function schemaSql(schema: string, config?: string): string {
  const args = ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', schema, '--script'];
  return execFileSync('npx', config ? [...args, '--config', config] : args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: config ? process.env.TEST_POSTGRES_URL : `file:${path.join(tmpdir(), 'cqtt-engine.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function checkSqlite(): { problems: string[]; tables: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cqtt-migrations-'));
  try {
    const migrated = new Database(path.join(dir, 'migrated.db'));
    applyMigrations(migrated);
    const fromSchema = new Database(path.join(dir, 'schema.db'));
    fromSchema.exec(schemaSql('prisma/schema.prisma'));
    const [a, b] = [shapeOf(migrated), shapeOf(fromSchema)];
    migrated.close();
    fromSchema.close();
    return { problems: compare(a, b), tables: Object.keys(a).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Tables of one PostgreSQL schema with columns, indexes and constraints, the schema's name taken out. */
async function postgresShape(client: pg.Client, schema: string): Promise<Shape> {
  const strip = (text: string) => text.split(`"${schema}".`).join('').split(`${schema}.`).join('');
  const shape: Record<string, { columns: unknown[]; indexes: string[]; constraints: string[] }> = {};
  const entry = (table: string) => (shape[table] ??= { columns: [], indexes: [], constraints: [] });
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, datetime_precision
     FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
     ORDER BY table_name, column_name`,
    [schema],
  );
  for (const { table_name, column_default, ...column } of columns.rows) {
    entry(table_name).columns.push({ ...column, column_default: column_default === null ? null : strip(column_default) });
  }
  const indexes = await client.query(
    `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY indexdef`,
    [schema],
  );
  for (const { tablename, indexdef } of indexes.rows) entry(tablename).indexes.push(strip(indexdef));
  const constraints = await client.query(
    `SELECT c.relname AS table, k.conname || ' ' || pg_get_constraintdef(k.oid) AS def
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations' ORDER BY def`,
    [schema],
  );
  for (const row of constraints.rows) entry(row.table).constraints.push(strip(row.def));
  return shape;
}

async function checkPostgres(url: string): Promise<{ problems: string[]; tables: number }> {
  const tag = randomBytes(4).toString('hex');
  const [migratedSchema, fromSchema] = [`check_migrated_${tag}`, `check_schema_${tag}`];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = "${migratedSchema}"`);
    await applyPostgresMigrations(client, migratedSchema);
    await client.query(`CREATE SCHEMA "${fromSchema}"; SET search_path = "${fromSchema}"`);
    await client.query(schemaSql(postgresSchemaFile, 'prisma.postgresql.config.ts').replace(/CREATE SCHEMA IF NOT EXISTS "public";/, ''));
    const [a, b] = [await postgresShape(client, migratedSchema), await postgresShape(client, fromSchema)];
    return { problems: compare(a, b), tables: Object.keys(a).length };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${migratedSchema}" CASCADE; DROP SCHEMA IF EXISTS "${fromSchema}" CASCADE`);
    await client.end();
  }
}

const failures: string[] = [];
const sqlite = checkSqlite();
if (sqlite.problems.length) {
  failures.push(`prisma/schema.prisma and prisma/migrations disagree (run npm run db:migration -- <name>):\n${sqlite.problems.join('\n')}`);
} else process.stdout.write(`SQLite: migrations match the schema (${sqlite.tables} tables)\n`);

if (readFileSync(postgresSchemaFile, 'utf8') !== currentPostgresSchema()) {
  failures.push(`${postgresSchemaFile} is not what prisma/schema.prisma generates (run npm run db:migration -- <name>)`);
} else if (process.env.TEST_POSTGRES_URL) {
  const postgres = await checkPostgres(process.env.TEST_POSTGRES_URL);
  if (postgres.problems.length) {
    failures.push(
      `${postgresSchemaFile} and prisma/postgresql/migrations disagree (run npm run db:migration -- <name>):\n${postgres.problems.join('\n')}`,
    );
  } else process.stdout.write(`PostgreSQL: migrations match the schema (${postgres.tables} tables)\n`);
} else if (process.env.CI === 'true') {
  failures.push('TEST_POSTGRES_URL is not set: the PostgreSQL migrations cannot be checked');
} else {
  process.stdout.write('PostgreSQL: migrations NOT checked (set TEST_POSTGRES_URL=postgresql://… to check them)\n');
}
if (failures.length) {
  process.stderr.write(`${failures.join('\n')}\n`);
  process.exit(1);
}
