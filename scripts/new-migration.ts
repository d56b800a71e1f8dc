// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the last committed schema (git HEAD) to prisma/schema.prisma.
// Works offline: `prisma migrate diff` runs on the JS schema engine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  process.stderr.write('usage: npm run db:migration -- <name>\n');
  process.exit(2);
}
const previous = path.join(mkdtempSync(path.join(tmpdir(), 'schema-')), 'schema.prisma');
writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' }));
mkdirSync('data', { recursive: true });
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { encoding: 'utf8' },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
  process.stdout.write('No schema change since the last commit: nothing written.\n');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
process.stdout.write(`Wrote ${dir}/migration.sql — it is applied at the next start.\n`);
