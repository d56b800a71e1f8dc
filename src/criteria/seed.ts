// First-start data of the criteria module: the bundled sets (prisma/seed/criteria/*.yaml),
// each loaded only if its key is absent so an operator's edits stay; and, with DEMO_DATA, the
// demo communes following the Bắc Giang set for the current year.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Services } from '../services.js';
import { readSeed, seedDir } from '../shared/seed-files.js';
import { vnMonth } from '../shared/vntime.js';
import { parseCriteriaSet, saveCriteriaSet } from './sets.js';

const DEMO_SET_KEY = 'bac-giang-710-2024';

export async function seedCriteriaSets({ db }: Pick<Services, 'db'>): Promise<void> {
  const criteriaDir = `${seedDir}criteria/`;
  for (const file of readdirSync(criteriaDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = parseCriteriaSet(readFileSync(`${criteriaDir}${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(`Invalid seed criteria set ${file}:\n${parsed.errors.join('\n')}`);
    if (await db.criteriaSet.findUnique({ where: { key: parsed.set.key } })) continue;
    const saved = await saveCriteriaSet(db, parsed.set);
    if (!saved.ok) throw new Error(`Seed criteria set ${file}: ${saved.errors.join('; ')}`);
  }
}

/** Demo communes (Bắc Ninh, formerly Bắc Giang) follow the Bắc Giang set this year, unless they already follow one. */
export async function seedDemoCriteria({ db, config, clock }: Pick<Services, 'db' | 'config' | 'clock'>): Promise<void> {
  if (!config.DEMO_DATA) return;
  const set = await db.criteriaSet.findUnique({ where: { key: DEMO_SET_KEY } });
  const demo = readSeed('demo.yaml', z.object({ province: z.object({ code: z.string() }) }));
  const province = await db.province.findUnique({ where: { code: demo.province.code }, include: { communes: true } });
  if (!set || !province) return;
  const year = Number(vnMonth(clock.now()).slice(0, 4));
  const linked = new Set(
    (await db.communeSet.findMany({ where: { year, communeId: { in: province.communes.map((c) => c.id) } } })).map((l) => l.communeId),
  );
  const missing = province.communes.filter((c) => !linked.has(c.id));
  if (missing.length) await db.communeSet.createMany({ data: missing.map((c) => ({ communeId: c.id, year, setId: set.id })) });
}
