// A small province for the criteria tests: four communes following the Bắc Giang set in 2026,
// three officials per commune owning the five criteria (TC1+TC2, TC3+TC4, TC5), a manager per
// commune, a province manager and a citizen, all on the console channel.
import type { Account } from '../../src/generated/prisma/client.js';
import type { TestApp } from '../support/app.js';
import { makeTestApp } from '../support/app.js';
import { FakeClock } from '../../src/shared/clock.js';
import { vnInstant } from '../../src/shared/vntime.js';
import { useSet } from '../../src/criteria/cli.js';

export const SET_KEY = 'bac-giang-710-2024';
export const COMMUNES = ['BG-A', 'BG-B', 'BG-C', 'BG-D'];
/** Which official (1-based) owns each criterion in every commune. */
export const OWNER_OF: Record<string, number> = { TC1: 1, TC2: 1, TC3: 2, TC4: 2, TC5: 3 };

export interface Province {
  app: TestApp;
  clock: FakeClock;
  communeId: Record<string, number>;
  criterionId: Record<string, number>;
  /** `official('BG-A', 1)` → the console account `off-BG-A-1`. */
  official(commune: string, n: number): Account;
  commune: Record<string, Account>;
  provinceManager: Account;
  citizen: Account;
}

export async function makeProvince(start = vnInstant('2026-11-01', '08:00')): Promise<Province> {
  const clock = new FakeClock(start);
  const app = await makeTestApp({}, { clock });
  const { db } = app;
  const province = await db.province.create({ data: { code: 'BG', name: 'Bắc Ninh' } });
  const communeId: Record<string, number> = {};
  for (const [i, code] of COMMUNES.entries()) {
    communeId[code] = (await db.commune.create({ data: { code, name: `Xã Thử ${'ABCD'[i]}`, provinceId: province.id } })).id;
  }
  const used = await useSet(app, SET_KEY, 2026, COMMUNES);
  if (!used.ok) throw new Error(used.message);
  const set = await db.criteriaSet.findUniqueOrThrow({ where: { key: SET_KEY }, include: { criteria: true } });
  const criterionId = Object.fromEntries(set.criteria.map((c) => [c.code, c.id]));

  const officials = new Map<string, Account>();
  const managerOf: Record<string, Account> = {};
  for (const code of COMMUNES) {
    for (const n of [1, 2, 3]) {
      const account = await db.account.create({
        data: { channel: 'console', externalId: `off-${code}-${n}`, role: 'official', communeId: communeId[code], displayName: `Cán bộ ${code} số ${n}` },
      });
      officials.set(`${code}:${n}`, account);
    }
    for (const [criterion, n] of Object.entries(OWNER_OF)) {
      await db.assignment.create({
        data: { communeId: communeId[code], criterionId: criterionId[criterion], accountId: officials.get(`${code}:${n}`)!.id },
      });
    }
    managerOf[code] = await db.account.create({
      data: { channel: 'console', externalId: `mgr-${code}`, role: 'manager', displayName: `Chủ tịch ${code}`, scopes: { create: { communeId: communeId[code] } } },
    });
  }
  const provinceManager = await db.account.create({
    data: { channel: 'console', externalId: 'mgr-province', role: 'manager', displayName: 'Sở Nội vụ', scopes: { create: { provinceId: province.id } } },
  });
  const citizen = await db.account.create({ data: { channel: 'console', externalId: 'citizen' } });
  return {
    app,
    clock,
    communeId,
    criterionId,
    official: (commune, n) => officials.get(`${commune}:${n}`)!,
    commune: managerOf,
    provinceManager,
    citizen,
  };
}

/** Writes a progress report directly (what the dialogue stores). */
export async function report(
  p: Province,
  commune: string,
  criterion: string,
  month: string,
  status: 'not_started' | 'in_progress' | 'done',
  selfScore: number,
  evidence: { kind: 'link'; ref: string; doc?: number }[] = [],
): Promise<void> {
  await p.app.db.progressReport.create({
    data: {
      communeId: p.communeId[commune],
      criterionId: p.criterionId[criterion],
      month,
      status,
      selfScore,
      evidence: evidence.length ? JSON.stringify(evidence) : null,
      accountId: p.official(commune, OWNER_OF[criterion]).id,
    },
  });
}

export async function outbox(p: Province, prefix: string) {
  return p.app.db.outboxMessage.findMany({ where: { dedupKey: { startsWith: prefix } }, orderBy: { id: 'asc' } });
}

export function textOf(row: { payload: string }): string {
  return (JSON.parse(row.payload) as { text: string }).text;
}
