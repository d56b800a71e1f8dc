// Moves an SQLite deployment to PostgreSQL: every row of every table, in one transaction on
// the target (a failure leaves it empty), in an order that satisfies the foreign keys, then the
// id sequences moved past the copied ids and the row counts compared table by table. The
// target is migrated first and must hold no rows; the source is brought to the latest
// migration as the service would at start.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { applyMigrations, applyPostgresMigrations } from './migrate.js';
import { fromSqlDate } from './hot-path.js';
import { databasePath } from './index.js';
import { postgresPool, postgresTarget, redactUrl } from './postgres.js';

const BATCH_ROWS = 500;

export class MigrateDataError extends Error {}

export interface TableCount {
  table: string;
  rows: number;
}

type Progress = (message: string) => void;

/** Tables with foreign keys after the tables they point to. */
function tablesInOrder(sqlite: Database.Database): string[] {
  const tables = (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  const parents = new Map(
    tables.map((t) => [
      t,
      (sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string }[]).map((fk) => fk.table).filter((p) => p !== t),
    ]),
  );
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/** The target's column types, per table. */
async function targetColumns(client: pg.ClientBase, schema: string): Promise<Map<string, Map<string, string>>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1`,
    [schema],
  );
  const tables = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
    tables.get(r.table_name)!.set(r.column_name, r.data_type);
  }
  return tables;
}

/** An SQLite value as the PostgreSQL column wants it. */
function convert(value: unknown, type: string): unknown {
  if (value === null) return null;
  if (type === 'boolean') return value === 1 || value === true || value === '1' || value === 'true';
  if (type.startsWith('timestamp')) return typeof value === 'number' ? new Date(value) : fromSqlDate(String(value));
  return value;
}

export async function migrateData(fromUrl: string, toUrl: string, progress: Progress = () => {}): Promise<TableCount[]> {
  if (!fromUrl.startsWith('file:')) throw new MigrateDataError(`--from must be an SQLite URL such as file:./data/cqtt.db (got "${redactUrl(fromUrl)}")`);
  if (!/^postgres(ql)?:\/\//.test(toUrl)) {
    throw new MigrateDataError(`--to must be a PostgreSQL URL such as postgresql://cqtt@127.0.0.1:5432/cqtt (got "${redactUrl(toUrl)}")`);
  }
  let target: ReturnType<typeof postgresTarget>;
  try {
    target = postgresTarget(toUrl);
  } catch (error) {
    throw new MigrateDataError(`--to: ${(error as Error).message.replace(/^DATABASE_URL: /, '')}`);
  }
  const file = databasePath(fromUrl);
  if (!existsSync(file)) throw new MigrateDataError(`--from: no database file at ${file}`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true, timeout: 5000 });
    sqlite.pragma('schema_version'); // fails here on a file that is not an SQLite database
  } catch (error) {
    throw new MigrateDataError(`--from: ${file} is not an SQLite database (${(error as Error).message})`);
  }
  const pool = postgresPool(target, 1);
  try {
    const applied = applyMigrations(sqlite);
    if (applied.length) progress(`source: applied ${applied.length} pending migration(s): ${applied.join(', ')}`);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new MigrateDataError(`--to: cannot connect to ${redactUrl(toUrl)} (${(error as Error).message})`);
    }
    try {
      await applyPostgresMigrations(client, target.schema);
      const columns = await targetColumns(client, target.schema);
      const tables = tablesInOrder(sqlite);
      for (const table of tables) {
        if (!columns.has(table)) throw new MigrateDataError(`target has no table ${table}: is it the same version of the service?`);
        const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM "${table}") AS used`);
        if (rows[0].used) throw new MigrateDataError(`target is not empty (table ${table} has rows): migrate-data only fills an empty database`);
      }
      const counts: TableCount[] = [];
      await client.query('BEGIN');
      try {
        for (const table of tables) counts.push({ table, rows: await copyTable(sqlite, client, table, columns.get(table)!, progress) });
        await resetSequences(client, tables.filter((t) => columns.get(t)!.has('id')));
        for (const { table, rows } of counts) {
          const copied = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
          if (copied !== rows) throw new MigrateDataError(`table ${table}: ${rows} rows in the source, ${copied} in the target`);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      return counts;
    } finally {
      client.release();
    }
  } finally {
    sqlite.close();
    await pool.end();
  }
}

async function copyTable(
  sqlite: Database.Database,
  client: pg.ClientBase,
  table: string,
  types: Map<string, string>,
  progress: Progress,
): Promise<number> {
  const names = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
  const missing = names.filter((n) => !types.has(n));
  if (missing.length) throw new MigrateDataError(`target table ${table} lacks column(s) ${missing.join(', ')}`);
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const columnList = names.map((n) => `"${n}"`).join(', ');
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (!batch.length) return;
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(', ')})`);
    await client.query(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(', ')}`, values);
    copied += batch.length;
    batch = [];
    progress(`${table}: ${copied}/${total}`);
  };
  for (const row of sqlite.prepare(`SELECT ${columnList} FROM "${table}" ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
    batch.push(row.map((value, i) => convert(value, types.get(names[i]!)!)));
    if (batch.length === BATCH_ROWS) await flush();
  }
  await flush();
  if (total === 0) progress(`${table}: 0/0`);
  return copied;
}

/** Serial ids continue after the copied ones (`tables`: those with an id column). */
async function resetSequences(client: pg.ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) {
    const { rows } = await client.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, [`"${table}"`]);
    if (!rows[0]?.seq) continue; // a text id
    await client.query(`SELECT setval($1, COALESCE((SELECT max("id") FROM "${table}"), 0) + 1, false)`, [rows[0].seq]);
  }
}
