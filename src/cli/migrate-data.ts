// `migrate-data --from file:… --to postgresql://…`: moves an SQLite deployment to PostgreSQL.
import { migrateData, MigrateDataError } from '../db/migrate-data.js';
import { redactUrl } from '../db/postgres.js';
import { UsageError, type CliCommand } from './io.js';

function option(args: string[], name: string): string {
  const i = args.indexOf(name);
  const value = i >= 0 ? args[i + 1] : undefined;
  if (!value || value.startsWith('--')) throw new UsageError(`migrate-data needs ${name} <url>`);
  return value;
}

export const migrateDataCommand: CliCommand = {
  usage: 'migrate-data --from file:<sqlite file> --to postgresql://<url>   copy every row to an empty PostgreSQL database, counts verified',
  async run(args, io) {
    const unknown = args.filter((a, i) => a.startsWith('--') && a !== '--from' && a !== '--to' && !['--from', '--to'].includes(args[i - 1]!));
    if (unknown.length) throw new UsageError(`migrate-data: unknown option ${unknown.join(', ')}`);
    const from = option(args, '--from');
    const to = option(args, '--to');
    io.stderr.write(`Copying ${from} → ${redactUrl(to)}\n`);
    try {
      const counts = await migrateData(from, to, (line) => io.stderr.write(`  ${line}\n`));
      const rows = counts.reduce((sum, c) => sum + c.rows, 0);
      io.stdout.write(`${counts.map((c) => `${c.table.padEnd(24)} ${c.rows}`).join('\n')}\n`);
      io.stdout.write(`Copied ${rows} rows in ${counts.length} tables; every table's count matches the source.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof MigrateDataError)) throw error;
      io.stderr.write(`migrate-data: ${error.message}. No rows were written to the target.\n`);
      return 1;
    }
  },
};
