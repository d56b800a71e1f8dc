// `npm run db:migration -- <name>`: writes the migration for each provider.
//  - SQLite: prisma/migrations/<timestamp>_<name>/migration.sql, the SQL that takes the last
//    committed schema (git HEAD) to prisma/schema.prisma.
//  - PostgreSQL: regenerates prisma/postgresql/schema.prisma from prisma/schema.prisma and
//    writes prisma/postgresql/migrations/<timestamp>_<name>/migration.sql, the SQL from the
//    PostgreSQL schema as it stood (the file on disk, which the committed PostgreSQL migrations
//    produce) to the new one.
// Each side is written only when it has a change, so after merging a branch that brought a
// SQLite migration only, the same command writes the matching PostgreSQL migration.
// Works offline: `prisma migrate diff` runs on the JS schema engine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { currentPostgresSchema, postgresMigrationsDir, postgresSchemaFile, sourceSchema } from './postgres-schema.js';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  process.stderr.write('usage: npm run db:migration -- <name>\n');
  process.exit(2);
}
const scratch = mkdtempSync(path.join(tmpdir(), 'schema-'));
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

function diff(from: string, to: string, config?: string): string {
  const args = ['prisma', 'migrate', 'diff', '--from-schema-datamodel', from, '--to-schema-datamodel', to, '--script'];
  return execFileSync('npx', config ? [...args, '--config', config] : args, { encoding: 'utf8' });
}

/** A diff that only says "empty migration" has nothing to apply. */
const isEmpty = (sql: string) => !/\S/.test(sql.replace(/^--.*$/gm, ''));

function write(dir: string, sql: string): void {
  const target = path.join(dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, 'migration.sql'), sql);
  process.stdout.write(`Wrote ${target}/migration.sql — it is applied at the next start.\n`);
}

// SQLite: against the schema in git HEAD.
const previous = path.join(scratch, 'schema.prisma');
writeFileSync(previous, execFileSync('git', ['show', `HEAD:${sourceSchema}`], { encoding: 'utf8' }));
mkdirSync('data', { recursive: true });
const sqlite = diff(previous, sourceSchema);
if (isEmpty(sqlite)) process.stdout.write('SQLite: no schema change since the last commit.\n');
else write(path.join('prisma', 'migrations'), sqlite);

// PostgreSQL: against the generated schema on disk (what the PostgreSQL migrations reach).
const next = currentPostgresSchema();
const before = existsSync(postgresSchemaFile) ? readFileSync(postgresSchemaFile, 'utf8') : null;
const nextFile = path.join(scratch, 'postgresql.prisma');
writeFileSync(nextFile, next);
const postgres = before === null ? null : diff(postgresSchemaFile, nextFile, 'prisma.postgresql.config.ts');
if (postgres === null) throw new Error(`${postgresSchemaFile} is missing: restore it from git`);
if (isEmpty(postgres)) process.stdout.write('PostgreSQL: no schema change.\n');
else write(postgresMigrationsDir, postgres);
if (before !== next) {
  writeFileSync(postgresSchemaFile, next);
  process.stdout.write(`Rewrote ${postgresSchemaFile}; run npm run db:generate.\n`);
}
