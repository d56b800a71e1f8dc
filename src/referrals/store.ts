// Referrals in the database: written by code in one transaction, read back as validated records.
import type { Db } from '../db/index.js';
import type { Referral } from '../generated/prisma/client.js';
import type { ReferralInput } from './referrals.js';

export interface ReferralRecord extends ReferralInput {
  id: number;
}

function referralColumns(r: ReferralInput) {
  return {
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
}

/** Inserts or updates referrals by code, all in one transaction (new codes in one multi-row insert). */
export async function upsertReferrals(db: Db, referrals: ReferralInput[]): Promise<{ created: number; updated: number }> {
  const existing = new Set((await db.referral.findMany({ select: { code: true } })).map((r) => r.code));
  const fresh = referrals.filter((r) => !existing.has(r.code));
  const known = referrals.filter((r) => existing.has(r.code));
  await db.$transaction([
    db.referral.createMany({ data: fresh.map((r) => ({ code: r.code, ...referralColumns(r) })) }),
    ...known.map((r) => db.referral.update({ where: { code: r.code }, data: referralColumns(r) })),
  ]);
  return { created: fresh.length, updated: known.length };
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
