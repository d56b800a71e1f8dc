// Online backup of the SQLite database with SQLite's backup API: consistent even while the
// service keeps writing (WAL), without stopping it.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
}

export async function backupDatabase(sourcePath: string, target: string): Promise<BackupResult> {
  if (!existsSync(sourcePath)) throw new Error(`database file not found: ${sourcePath}`);
  const file = path.resolve(target);
  if (file === path.resolve(sourcePath)) throw new Error('the backup file must differ from the database file');
  mkdirSync(path.dirname(file), { recursive: true });
  // Write next to the target and rename at the end, so a failed backup never leaves a
  // half-written file under the requested name.
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    let pages = 0;
    // One step copies every page under one read transaction: a consistent snapshot. (Copying
    // in small steps would restart from scratch each time the service writes, and never end
    // under steady traffic.) In WAL mode this read does not block the service's writes.
    await source.backup(partial, {
      progress({ totalPages }) {
        pages = totalPages;
        return Number.MAX_SAFE_INTEGER;
      },
    });
    const check = new Database(partial, { readonly: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`backup failed its integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    renameSync(partial, file);
    return { file, pages, bytes: statSync(file).size };
  } finally {
    source.close();
    rmSync(partial, { force: true });
  }
}
