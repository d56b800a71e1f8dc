// prisma/schema.prisma is the one schema source; Prisma holds one provider per schema, so the
// PostgreSQL copy, prisma/postgresql/schema.prisma, is derived from it here: provider and URL,
// its own generated client, and every DateTime stored as timestamptz (a real point in time,
// read the same whatever the server's or the client's time zone).
// `npm run db:migration` rewrites it; `npm run db:check` fails when it is stale.
import { readFileSync } from 'node:fs';

export const sourceSchema = 'prisma/schema.prisma';
export const postgresSchemaFile = 'prisma/postgresql/schema.prisma';
export const postgresMigrationsDir = 'prisma/postgresql/migrations';

const header = `// GENERATED from prisma/schema.prisma by \`npm run db:migration\` (scripts/postgres-schema.ts):
// edit prisma/schema.prisma, never this file.
`;

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: cannot find ${what}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a SQLite schema source. */
export function postgresSchema(source: string): string {
  let schema = replaceOnce(source, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'the sqlite provider');
  schema = replaceOnce(schema, /(datasource db \{[^}]*url\s*=\s*)"[^"]*"/, '$1"postgresql://localhost/cqtt"', 'the datasource url');
  schema = replaceOnce(schema, /output(\s*)=(\s*)"\.\.\/src\/generated\/prisma"/, 'output$1=$2"../../src/generated/prisma-pg"', 'the client output');
  // Every DateTime field (optional or not) becomes timestamptz(3), unless it names its own type.
  schema = schema.replace(/^(\s+\w+\s+DateTime\??)([^\n]*)$/gm, (line: string, field: string, rest: string) =>
    /@db\./.test(rest) ? line : `${field} @db.Timestamptz(3)${rest}`,
  );
  return header + schema;
}

export function currentPostgresSchema(): string {
  return postgresSchema(readFileSync(sourceSchema, 'utf8'));
}
