// `import dossiers <file.csv>`: all or nothing, one error line per row and field, repeats
// recognised.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.js';
import { makeWorld, type World } from './support.js';

describe('CSV import of dossiers', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(() => w.app.close());

  async function runImport(csv: string): Promise<{ code: number; out: string; err: string }> {
    const file = path.join(w.app.dir, `dossiers-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, csv);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    // The command closes the app it opens; hand it one whose close leaves ours open.
    const code = await importCommand.run(['dossiers', file], {
      stdin: new PassThrough(),
      stdout,
      stderr,
      config: w.app.config,
      openApp: async () => ({ ...w.app, close: async () => {} }),
    });
    return { code, out, err };
  }

  const header = 'code,commune,procedure,receivedAt,citizenName,dueDate\n';

  it('rejects the whole file with one line per row and field, and writes nothing', async () => {
    const csv =
      header +
      'HS-A1,BG-TANTIEN,1.004884,02/03/2026 08:30,Lê Văn C,\n' +
      'x,BG-NOWHERE,1.004884,hôm qua,,\n' +
      'HS-A3,BG-TANTIEN,9.999999,2026-03-02T08:00:00+07:00,,30/02/2026\n' +
      'HS-A1,BG-TANTIEN,1.004884,02/03/2026,,\n' +
      'HS-A5,BG-TANTIEN,1.004884,02/03/2026,,01/03/2026\n';
    const { code, err } = await runImport(csv);
    expect(code).toBe(1);
    expect(err).toContain('không có gì được ghi');
    expect(err).toContain('line 3 (x): code: 3–40 characters');
    expect(err).toContain('line 3 (x): receivedAt: must be a time');
    expect(err).toContain('line 3 (x): commune: unknown commune code BG-NOWHERE');
    expect(err).toContain('line 4 (HS-A3): dueDate: must be a date');
    expect(err).toContain('line 4 (HS-A3): procedure: unknown procedure code 9.999999');
    expect(err).toContain('line 5 (HS-A1): code: duplicate of line 2');
    expect(await w.app.db.dossier.count({ where: { code: { in: ['HS-A1', 'x', 'HS-A3', 'HS-A5'] } } })).toBe(0);

    // Problems found only while registering (a due date in the past) also roll everything back.
    const late = await runImport(header + 'HS-B1,BG-TANTIEN,1.004884,02/03/2026 08:30,,\nHS-B2,BG-TANTIEN,1.004884,02/03/2026,,01/03/2026\n');
    expect(late.code).toBe(1);
    expect(late.err).toContain(`line 3 (HS-B2): dueDate: ${w.app.i18n.t('en', 'dossier-problem-due_in_past')}`);
    expect(await w.app.db.dossier.count({ where: { code: { in: ['HS-B1', 'HS-B2'] } } })).toBe(0);
  });

  it('registers a valid file and lists each Zalo code and link; a second run duplicates nothing', async () => {
    const csv = header + 'HS-C1,BG-TANTIEN,1.004884,02/03/2026 08:30,Lê Văn C,\nHS-C2,BG-YENTHE,1.001193,2026-03-02T08:45:00+07:00,,05/03/2026\n';
    const first = await runImport(csv);
    expect(first.err).toBe('');
    expect(first.out).toContain('Đã nhập 2 hồ sơ: 2 mới, 0 đã có từ trước.');
    expect(first.out).toMatch(/HS-C1\t[A-Z2-9]{4}-[A-Z2-9]{4}\thttps:\/\/t\.me\/\S+\?start=r_/);
    const again = await runImport(csv);
    expect(again.out).toContain('Đã nhập 2 hồ sơ: 0 mới, 2 đã có từ trước.');
    // The same links again.
    expect(again.out.split('\n').slice(1)).toEqual(first.out.split('\n').slice(1));
    expect(await w.app.db.dossier.count({ where: { code: { in: ['HS-C1', 'HS-C2'] } } })).toBe(2);
    const c2 = await w.app.db.dossier.findUniqueOrThrow({ where: { code: 'HS-C2' } });
    expect(c2.communeId).toBe(w.yenThe.id);
    expect(c2.dueAt.toISOString()).toBe('2026-03-05T10:00:00.000Z');
  });
});
