// First-start data: the procedure catalogue, the referrals (what other agencies handle), the
// holiday calendar and, with DEMO_DATA, a demo province. Every seeder is idempotent: it fills
// what is missing and never overwrites edits.
import { z } from 'zod';
import type { Services } from '../services.js';
import { readSeed } from '../shared/seed-files.js';
import { loadSeedCatalogue } from '../procedures/catalogue.js';
import { upsertProcedures } from '../procedures/catalogue-service.js';
import { loadSeedReferrals } from '../referrals/referrals.js';
import { upsertReferrals } from '../referrals/store.js';
import { seedCriteriaSets, seedDemoCriteria } from '../criteria/seed.js';
import { seedQuestionnaires } from '../ratings/seed.js';

export type SeedServices = Pick<Services, 'db' | 'config' | 'clock'>;
type Seeder = (services: SeedServices) => Promise<void>;

const seedProcedures: Seeder = async ({ db }) => {
  if ((await db.procedure.count()) > 0) return;
  await upsertProcedures(db, loadSeedCatalogue());
};

const seedReferrals: Seeder = async ({ db }) => {
  if ((await db.referral.count()) > 0) return;
  await upsertReferrals(db, loadSeedReferrals());
};

const holidaySchema = z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() }));

const seedHolidays: Seeder = async ({ db }) => {
  if ((await db.holiday.count()) > 0) return;
  await db.holiday.createMany({ data: readSeed('holidays.yaml', holidaySchema) });
};

const demoSchema = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  communes: z.array(
    z.strictObject({
      code: z.string(),
      name: z.string(),
      deskAddress: z.string().optional(),
      deskPhone: z.string().optional(),
      deskHours: z.string().optional(),
      deskOnlineUrl: z.url().optional(),
    }),
  ),
});

const seedDemoProvince: Seeder = async ({ db, config }) => {
  if (!config.DEMO_DATA || (await db.commune.count()) > 0) return;
  const demo = readSeed('demo.yaml', demoSchema);
  await db.$transaction(async (tx) => {
    const province = await tx.province.create({ data: demo.province });
    for (const c of demo.communes) await tx.commune.create({ data: { ...c, provinceId: province.id } });
  });
};

/** In order: later seeders may rely on earlier ones (demo data on communes). */
const seeders: Seeder[] = [seedProcedures, seedReferrals, seedHolidays, seedDemoProvince, seedCriteriaSets, seedDemoCriteria, seedQuestionnaires];

export async function seedDatabase(services: SeedServices): Promise<void> {
  for (const seed of seeders) await seed(services);
}
