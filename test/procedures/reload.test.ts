// The catalogue is the one service that changes after start, through reloadIfChanged: an import
// run from the CLI, or a new commune (whose count decides the card's "which commune?" offer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('catalogue reload', () => {
  it('changes nothing while the tables are unchanged', async () => {
    const count = app.procedures.communeCount;
    expect(await app.procedures.reloadIfChanged()).toBe(false);
    expect(app.procedures.communeCount).toBe(count);
    expect(count).toBe(await app.db.commune.count());
  });

  it('picks up a new commune and a changed procedure at the next check', async () => {
    const before = app.procedures.communeCount;
    const province = await app.db.province.create({ data: { code: 'TT', name: 'Tỉnh Thử' } });
    await app.db.commune.create({ data: { code: 'TT-01', name: 'Xã Thử Tải Lại', provinceId: province.id } });
    const procedure = await app.db.procedure.findFirstOrThrow();
    await app.db.procedure.update({ where: { id: procedure.id }, data: { name: `${procedure.name} (sửa)`, updatedAt: new Date(Date.now() + 1000) } });

    expect(await app.procedures.reloadIfChanged()).toBe(true);
    expect(app.procedures.communeCount).toBe(before + 1);
    expect(app.procedures.byCode(procedure.code)?.name).toBe(`${procedure.name} (sửa)`);
    expect(await app.procedures.reloadIfChanged()).toBe(false);
  });
});
