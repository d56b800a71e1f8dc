// Referrals in the database: written by code in one transaction, read back as validated records.
import type { Db } from '../db/index.js';
import type { Referral } from '../generated/prisma/client.js';
import type { ReferralInput } from './referrals.js';

export interface ReferralRecord extends ReferralInput {
  id: number;
}

/** Inserts or updates referrals by code, all in one transaction. */
export async function upsertReferrals(db: Db, referrals: ReferralInput[]): Promise<{ created: number; updated: number }> {
  const existing = new Set((await db.referral.findMany({ select: { code: true } })).map((r) => r.code));
  await db.$transaction(
    referrals.map((r) => {
      const data = {
        name: r.name,
        nameEn: r.nameEn,
        agency: r.agency,
        where: r.where,
        bring: JSON.stringify(r.bring),
        online: r.online,
        onlineUrl: r.onlineUrl ?? null,
        note: r.note ?? null,
        source: r.source ?? null,
        verify: r.verify ?? false,
        aliases: JSON.stringify(r.aliases),
        aliasesEn: JSON.stringify(r.aliasesEn),
      };
      return db.referral.upsert({ where: { code: r.code }, create: { code: r.code, ...data }, update: data });
    }),
  );
  const created = referrals.filter((r) => !existing.has(r.code)).length;
  return { created, updated: referrals.length - created };
}

/** Every referral, in file order of first import. */
export async function loadReferralRecords(db: Db): Promise<ReferralRecord[]> {
  const rows = await db.referral.findMany({ orderBy: { id: 'asc' } });
  return rows.map(toRecord);
}

function toRecord(row: Referral): ReferralRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    agency: row.agency,
    where: row.where,
    bring: JSON.parse(row.bring) as string[],
    online: row.online,
    onlineUrl: row.onlineUrl ?? undefined,
    note: row.note ?? undefined,
    source: row.source ?? undefined,
    verify: row.verify,
    aliases: JSON.parse(row.aliases) as string[],
    aliasesEn: JSON.parse(row.aliasesEn) as string[],
  };
}
