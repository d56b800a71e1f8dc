import { databasePath, databaseProvider } from '../db/index.js';
import { backupDatabase } from '../backup/backup.js';
import { UsageError, type CliCommand } from './io.js';

export const backupCommand: CliCommand = {
  usage: 'backup <file>            consistent online copy of the database (safe while the service runs)',
  async run(args, io) {
    const [target] = args;
    if (!target) throw new UsageError('backup needs a target file');
    if (databaseProvider(io.config.DATABASE_URL) === 'postgresql') {
      throw new UsageError('backup copies an SQLite file; on PostgreSQL use pg_dump (README, "Running on PostgreSQL")');
    }
    const source = databasePath(io.config.DATABASE_URL);
    io.stderr.write(`Đang sao lưu ${source} …\n`);
    const result = await backupDatabase(source, target);
    io.stdout.write(`Đã sao lưu ${source} → ${result.file} (${result.pages} trang, ${result.bytes} byte, kiểm tra toàn vẹn: ok).\n`);
    return 0;
  },
};
