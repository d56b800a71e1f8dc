// The demo province a newcomer starts with: named as after 1/7/2025, every commune's desk complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeTestApp({ DEMO_DATA: 'true' });
});
afterAll(async () => {
  await app.close();
});

describe('demo data', () => {
  it('names the province as it is since 1/7/2025 (Bắc Giang merged into Bắc Ninh)', async () => {
    const provinces = await app.db.province.findMany();
    expect(provinces.map((p) => p.name)).toEqual(['Bắc Ninh']);
  });

  it('gives every commune a desk address, opening hours, a phone and an online link', async () => {
    const communes = await app.db.commune.findMany();
    expect(communes.length).toBeGreaterThanOrEqual(3);
    for (const c of communes) {
      expect(c.deskAddress, c.code).toMatch(/\S/);
      expect(c.deskHours, c.code).toMatch(/\d/);
      expect(c.deskPhone, c.code).toMatch(/^[\d ]{8,}$/);
      expect(c.deskOnlineUrl, c.code).toMatch(/^https:\/\//);
    }
  });
});
