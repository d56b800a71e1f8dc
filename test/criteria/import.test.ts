// `import criteria`, `import assignments` and `criteria use` through the CLI: validated as a
// whole, one error line per row and field, nothing written unless everything is valid.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { importCommand } from '../../src/cli/import.js';
import { criteriaCommand } from '../../src/criteria/cli.js';
import type { CliCommand } from '../../src/cli/io.js';
import { makeProvince, type Province } from './fixture.js';
import { expectSaid, said } from '../support/conversation.js';

let p: Province;
let dir: string;
beforeEach(async () => {
  p = await makeProvince();
  dir = mkdtempSync(path.join(tmpdir(), 'criteria-import-'));
});
afterEach(async () => {
  await p.app.close();
});

/** Runs a CLI command against the test database, as `npm run cli -- …` would. */
async function cli(command: CliCommand, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await command.run(args, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    config: p.app.config,
    openApp: () => createApp(p.app.config, { clock: p.clock, i18n: p.app.i18n }),
  });
  return { code, out, err };
}

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

const goodSet = `
key: hai-duong-2024
decision: 123/QĐ-UBND
decidedOn: 2024-03-01
province: Hải Dương
year: 2024
maxPoints: 100
levels:
  stars: [{ stars: 2, min: 90 }, { stars: 1, min: 75 }]
criteria:
  - { code: A, title: Tuyên truyền, maxPoints: 40, evidence: [Báo cáo (PDF)] }
  - { code: B, title: Cải cách hành chính, maxPoints: 60, floorPoints: 30 }
`;

describe('import criteria', () => {
  it('rejects a bad file as a whole, one line per row and field', async () => {
    const before = await p.app.db.criteriaSet.count();
    const bad = goodSet
      .replace('maxPoints: 40', 'maxPoints: "bốn mươi"')
      .replace('code: B,', 'code: A,')
      .replace('title: Cải cách hành chính', 'title: ""');
    const result = await cli(importCommand, ['criteria', file('bad.yaml', bad)]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('không có gì được ghi');
    expect(result.err).toContain('criteria row 1 (A): maxPoints: expected a number');
    expect(result.err).toContain('criteria row 2 (A): title: must not be empty');
    expect(await p.app.db.criteriaSet.count()).toBe(before);

    const inconsistent = goodSet.replace('maxPoints: 60', 'maxPoints: 50').replace('{ stars: 1, min: 75 }', '{ stars: 3, min: 75 }');
    const second = await cli(importCommand, ['criteria', file('sum.yaml', inconsistent)]);
    expect(second.err).toContain('maxPoints: 100, but the criteria (bonus criteria aside) add up to 90');
    expect(second.err).toContain('levels.stars[1]: list the levels highest first');
    expect(await p.app.db.criteriaSet.count()).toBe(before);
  });

  it('creates a set, updates it, and keeps criteria that are in use', async () => {
    said(p.app).take();
    const created = await cli(importCommand, ['criteria', file('hd.yaml', goodSet)]);
    expect(created).toMatchObject({ code: 0, err: '' });
    expectSaid(said(p.app).take(), 'criteria-import-set-created', { key: 'hai-duong-2024', decision: '123/QĐ-UBND', count: 2 });
    const set = await p.app.db.criteriaSet.findUniqueOrThrow({ where: { key: 'hai-duong-2024' }, include: { criteria: { orderBy: { position: 'asc' } } } });
    expect(set.criteria.map((c) => [c.code, c.maxPoints, c.floorPoints, JSON.parse(c.evidence)])).toEqual([
      ['A', 40, null, ['Báo cáo (PDF)']],
      ['B', 60, 30, []],
    ]);

    const renamed = goodSet.replace('title: Tuyên truyền', 'title: Công tác tuyên truyền');
    expect((await cli(importCommand, ['criteria', file('hd2.yaml', renamed)])).code).toBe(0);
    expectSaid(said(p.app).take(), 'criteria-import-set-updated', { key: 'hai-duong-2024' });
    const a = await p.app.db.criterion.findFirstOrThrow({ where: { setId: set.id, code: 'A' } });
    expect(a.title).toBe('Công tác tuyên truyền');
    expect(a.id).toBe(set.criteria[0].id);

    await p.app.db.progressReport.create({
      data: { communeId: p.communeId['BG-A'], criterionId: a.id, month: '2026-11', status: 'done', selfScore: 30, accountId: p.official('BG-A', 1).id },
    });
    const dropped = goodSet
      .replace(/ {2}- \{ code: A.*\n/, '')
      .replace('maxPoints: 100', 'maxPoints: 60')
      .replace('[{ stars: 2, min: 90 }, { stars: 1, min: 75 }]', '[{ stars: 1, min: 50 }]');
    const refused = await cli(importCommand, ['criteria', file('hd3.yaml', dropped)]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('criteria: A is missing from the file but has assignments or reports');
    expect(await p.app.db.criterion.count({ where: { setId: set.id } })).toBe(2);
  });
});

describe('import assignments', () => {
  const header = 'commune,criterion,official\n';

  it('rejects the whole file when any row is wrong', async () => {
    await p.app.db.account.create({ data: { channel: 'telegram', externalId: '555', role: 'citizen' } });
    const csv =
      header +
      'BG-A,TC1,console:off-BG-A-2\n' + // valid
      'BG-ZZ,TC1,console:off-BG-A-2\n' +
      'BG-A,TC9,console:off-BG-A-2\n' +
      'BG-A,TC2,telegram:404\n' +
      'BG-A,TC3,telegram:555\n' +
      'BG-A,TC4,console:off-BG-B-1\n' +
      'BG-A,tc1,console:off-BG-A-3\n' +
      'BG-A,TC5,someone\n';
    const result = await cli(importCommand, ['assignments', file('a.csv', csv)]);
    expect(result.code).toBe(1);
    const lines = result.err.trim().split('\n').slice(1).map((l) => l.trim());
    expect(lines).toEqual([
      'line 9: official: expected channel:id, e.g. telegram:123456789 or zalo:84…',
    ]);
    const fixed = csv.replace('BG-A,TC5,someone\n', '');
    const second = await cli(importCommand, ['assignments', file('b.csv', fixed)]);
    const errors = second.err.trim().split('\n').slice(1).map((l) => l.trim());
    expect(errors).toEqual([
      'line 3: commune: no commune with code BG-ZZ',
      'line 4: criterion: TC9 is not in set bac-giang-710-2024 (TC1, TC2, TC3, TC4, TC5)',
      'line 5: official: no account telegram:404 (the person must write to the bot first)',
      'line 6: official: telegram:555 is citizen, not an official of BG-A',
      'line 7: official: console:off-BG-B-1 is official, not an official of BG-A',
      'line 8: criterion: BG-A TC1 already assigned on line 2',
    ]);
    const tc1 = await p.app.db.assignment.findUniqueOrThrow({
      where: { communeId_criterionId: { communeId: p.communeId['BG-A'], criterionId: p.criterionId.TC1 } },
    });
    expect(tc1.accountId).toBe(p.official('BG-A', 1).id);
  });

  it('writes every row of a valid file, managers of the commune included', async () => {
    const csv = `${header}BG-A,TC1,console:off-BG-A-2\nbg-a,tc5,console:mgr-BG-A\nBG-B,TC1,console:off-BG-B-1\n`;
    said(p.app).take();
    const result = await cli(importCommand, ['assignments', file('ok.csv', csv)]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expectSaid(said(p.app).take(), 'criteria-import-assignments', { count: 3, changed: 2, unchanged: 1 });
    const owner = async (commune: string, criterion: string) =>
      (await p.app.db.assignment.findUniqueOrThrow({
        where: { communeId_criterionId: { communeId: p.communeId[commune], criterionId: p.criterionId[criterion] } },
      })).accountId;
    expect(await owner('BG-A', 'TC1')).toBe(p.official('BG-A', 2).id);
    expect(await owner('BG-A', 'TC5')).toBe(p.commune['BG-A'].id);
    expect(await p.app.db.outboxMessage.count()).toBe(0);
  });
});

describe('criteria use / list', () => {
  it('links a province to a set for a year and lists the sets', async () => {
    said(p.app).take();
    const unknown = await cli(criteriaCommand, ['use', '--set', 'nope', '--year', '2027', '--province', 'BG']);
    expect(unknown.code).toBe(1);
    expectSaid(said(p.app).take(), 'criteria-cli-unknown-set', { key: 'nope' });
    const used = await cli(criteriaCommand, ['use', '--set', 'dong-nai-54-2025', '--year', '2027', '--province', 'BG']);
    expect(used.code).toBe(0);
    expectSaid(said(p.app).take(), 'criteria-cli-used', { key: 'dong-nai-54-2025', year: '2027', count: 4 });
    expect(await p.app.db.communeSet.count({ where: { year: 2027 } })).toBe(4);
    const list = await cli(criteriaCommand, ['list']);
    expect(list.out).toContain('bac-giang-710-2024: 710/QĐ-UBND (Bắc Giang), 5 tiêu chí, 100 điểm; áp dụng: năm 2026: 4 xã');
    expect(list.out).toContain('dong-nai-54-2025: 54/2025/QĐ-UBND (Đồng Nai), 5 tiêu chí, 100 điểm; áp dụng: năm 2027: 4 xã');
  });
});
