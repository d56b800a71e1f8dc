// Files on the console: whatever a reply carries (the /baocao workbook, a chart, a receipt's QR
// code) is written under EXPORT_DIR and its path printed, so everything can be tried without a
// messenger. A second file of the same name never overwrites the first.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExportFolder } from '../../bots/console/exports.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { consoleSession } from '../support/console.js';
import { decodePng } from '../support/png.js';
import { makeProvince, report, type Province } from '../criteria/fixture.js';

describe('the export folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'cqtt-exports-')), 'data', 'exports');
  });
  afterAll(() => rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

  it('creates the folder, and numbers a second file of the same name instead of overwriting', () => {
    const folder = new ExportFolder(dir);
    const first = folder.save('bao-cao.xlsx', Buffer.from('one'));
    const second = folder.save('bao-cao.xlsx', Buffer.from('two'));
    expect(first).toBe(path.join(dir, 'bao-cao.xlsx'));
    expect(second).toBe(path.join(dir, 'bao-cao-2.xlsx'));
    expect(readFileSync(first, 'utf8')).toBe('one');
    expect(readFileSync(second, 'utf8')).toBe('two');
  });

  it('keeps a hostile name inside the folder', () => {
    const folder = new ExportFolder(dir);
    const saved = folder.save('../../../etc/passwd', Buffer.from('x'));
    expect(path.dirname(saved)).toBe(dir);
    expect(folder.save('..', Buffer.from('y')).startsWith(`${dir}${path.sep}`)).toBe(true);
    expect(folder.save('tệp báo cáo?.png', Buffer.from('z'))).toBe(path.join(dir, 'tep-bao-cao-.png'));
  });
});

describe('files in the console chat', () => {
  let p: Province;
  beforeEach(async () => {
    p = await makeProvince(vnInstant('2026-11-20', '09:00'));
    for (const [code, score] of [['TC1', 18], ['TC2', 22]] as const) await report(p, 'BG-A', code, '2026-11', 'done', score);
  });
  afterEach(() => p.app.close());

  const savedPaths = (out: string) => [...out.matchAll(/\[(?:tệp|ảnh) đã lưu: (\S+)/g)].map((m) => m[1]);

  it('writes the workbook and the charts under EXPORT_DIR and prints their paths', async () => {
    const out = await consoleSession(p.app, 'mgr-province', ['/baocao 2026-11', '/tiendo BG-A', '/xephang']);
    const dir = p.app.config.EXPORT_DIR;
    expect(out).toMatch(new RegExp(`\\[tệp đã lưu: ${dir}/bao-cao-cqtt-2026-11\\.xlsx \\([\\d.]+ byte\\)\\]`));
    expect(out).toContain(`[ảnh đã lưu: ${dir}/tien-do-bg-a-2026-11.png — Biểu đồ tiến độ tiêu chí của Xã Thử A, tháng 11/2026`);
    expect(out).toContain(`[ảnh đã lưu: ${dir}/xep-hang-2026-11.png — Biểu đồ xếp hạng 4 xã`);
    const [xlsx, chart, ranking] = savedPaths(out);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK'); // a zip: the .xlsx container
    for (const png of [chart, ranking]) expect(decodePng(readFileSync(png)).width).toBeGreaterThan(700);
  });

  it('the same chart asked again is a second file', async () => {
    const out = await consoleSession(p.app, 'mgr-province', ['/tiendo BG-A', '/tiendo BG-A']);
    expect(savedPaths(out)).toEqual([
      path.join(p.app.config.EXPORT_DIR, 'tien-do-bg-a-2026-11.png'),
      path.join(p.app.config.EXPORT_DIR, 'tien-do-bg-a-2026-11-2.png'),
    ]);
    expect(readdirSync(p.app.config.EXPORT_DIR).filter((f) => f.startsWith('tien-do-bg-a'))).toHaveLength(2);
    expect(existsSync(path.join(p.app.config.EXPORT_DIR, 'tien-do-bg-a-2026-11.png'))).toBe(true);
  });
});
