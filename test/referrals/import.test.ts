// `import referrals` (and the verify flags of `import procedures`) through the CLI, against a real
// database: all or nothing, one error line per row and field, flags named for the operator.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { importCommand } from '../../src/cli/import.js';
import { loadSeedReferrals } from '../../src/referrals/referrals.js';
import { loadReferralRecords } from '../../src/referrals/store.js';
import { makeTestApp, type TestApp } from '../support/app.js';
import { validReferral } from './fixture.js';

let app: TestApp;
let dir: string;
beforeEach(async () => {
  app = await makeTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'referrals-import-'));
});
afterEach(async () => {
  await app.close();
});

async function importFile(kind: string, name: string, text: string): Promise<{ code: number; out: string; err: string }> {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await importCommand.run([kind, at], {
    stdin: new PassThrough(),
    stdout,
    stderr,
    config: app.config,
    openApp: () => createApp(app.config, { seed: false }),
  });
  return { code, out, err };
}

describe('import referrals', () => {
  it('seeds the bundled referrals at first start', async () => {
    const records = await loadReferralRecords(app.db);
    expect(records.map((r) => r.code)).toEqual(loadSeedReferrals().map((r) => r.code));
  });

  it('loads a good file: new rows created, existing codes updated, verify flags named', async () => {
    const seeded = (await loadReferralRecords(app.db)).length;
    const items = [
      { ...validReferral, code: 'REF-CCCD', where: 'Công an tỉnh (đã sửa)' },
      { ...validReferral, code: 'REF-NEW-1', source: undefined, verify: true, bring: ['Giấy tờ tùy thân'] },
    ];
    const result = await importFile('referrals', 'r.json', JSON.stringify({ version: 1, items }));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Đã nhập 2 mục chuyển nơi khác: 1 mới, 1 cập nhật.');
    expect(result.out).toContain('Cần kiểm chứng (verify: true), 1: REF-NEW-1');
    const records = await loadReferralRecords(app.db);
    expect(records).toHaveLength(seeded + 1);
    expect(records.find((r) => r.code === 'REF-CCCD')?.where).toBe('Công an tỉnh (đã sửa)');
    expect(records.find((r) => r.code === 'REF-NEW-1')).toMatchObject({ verify: true, bring: ['Giấy tờ tùy thân'], aliasesEn: [] });
  });

  it('writes nothing from a file with one bad row, and names every bad field', async () => {
    const before = await loadReferralRecords(app.db);
    const items = [
      { ...validReferral, code: 'REF-GOOD', where: 'changed' },
      { ...validReferral, code: 'REF-BAD', agency: '', onlineUrl: 'ftp://x' },
    ];
    const yaml = `version: 1\nitems: ${JSON.stringify(items)}\n`;
    const result = await importFile('referrals', 'r.yaml', yaml);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('không có gì được ghi');
    expect(result.err).toContain('  row 2 (REF-BAD): agency: must not be empty');
    expect(result.err).toContain('  row 2 (REF-BAD): onlineUrl: expected an http(s) URL');
    expect(await loadReferralRecords(app.db)).toEqual(before);
  });

  it('refuses a file of another format version', async () => {
    const result = await importFile('referrals', 'r.yaml', `version: 2\nitems: [${JSON.stringify(validReferral)}]\n`);
    expect(result.code).toBe(1);
    expect(result.err).toContain('top level: version: expected 1');
  });
});

describe('import procedures', () => {
  it('names the procedures still to be checked', async () => {
    const row = {
      code: 'T-1',
      name: 'Thủ tục thử',
      nameEn: 'Test procedure',
      field: 'Hộ tịch',
      documents: ['Tờ khai'],
      fee: 'Miễn phí',
      feeByProvince: false,
      timeLimit: 'Trong ngày',
      timeLimitDays: 0,
      place: 'desk',
      online: 'Có',
      verify: true,
      source: 'https://dichvucong.gov.vn',
      aliasesEn: ['test'],
    };
    const result = await importFile('procedures', 'p.json', JSON.stringify([row, { ...row, code: 'T-2', verify: false }]));
    expect(result.code).toBe(0);
    expect(result.out).toContain('Cần kiểm chứng (verify: true), 1: T-1');
    const stored = await app.db.procedure.findUnique({ where: { code: 'T-1' } });
    expect(stored).toMatchObject({ nameEn: 'Test procedure', source: 'https://dichvucong.gov.vn', aliasesEn: '["test"]' });
  });
});
