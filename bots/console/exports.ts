// Files and pictures on the console: a messenger would show them, a terminal cannot, so every
// file a reply carries (a workbook, a chart, a receipt's QR code) is written under EXPORT_DIR
// (./data/exports by default) and its path printed, ready to open. An existing file is never
// overwritten: a second chart of the same name gets "-2", then "-3".
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export class ExportFolder {
  constructor(private readonly dir: string) {}

  /** Writes the bytes and returns the path of the new file, as the folder was given. */
  save(filename: string, bytes: Buffer): string {
    mkdirSync(this.dir, { recursive: true });
    // The name comes from the reply; only its last part, in safe characters, names the file.
    const safe =
      path
        .basename(filename)
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^\.+/, '') || 'tep';
    const ext = path.extname(safe);
    const stem = safe.slice(0, safe.length - ext.length);
    for (let n = 1; ; n++) {
      const file = path.join(this.dir, n === 1 ? safe : `${stem}-${n}${ext}`);
      let fd: number;
      try {
        fd = openSync(file, 'wx'); // fails if it exists: two chats never write over each other
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      return file;
    }
  }
}
