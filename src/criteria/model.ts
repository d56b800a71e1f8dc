// The criteria read model: sets and criteria as the rest of the module uses them, with the
// JSON columns parsed and the effective per-criterion floors worked out once.
import { z } from 'zod';
import type { Db, Tx } from '../db/index.js';
import { levelsSchema, type Levels } from './sets.js';
import { safeJson } from '../shared/json.js';

export const reportStatuses = ['not_started', 'in_progress', 'done'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export interface CriterionInfo {
  id: number;
  setId: number;
  code: string;
  group: string | null;
  title: string;
  maxPoints: number;
  /** Documents expected as evidence, in the order they are asked for. */
  evidence: string[];
  /** Effective floor: the criterion's own, else the set's percentage of its maximum. */
  floorPoints: number | null;
  bonus: boolean;
}

export interface SetInfo {
  id: number;
  key: string;
  decision: string;
  province: string;
  year: number;
  maxPoints: number;
  floorPercent: number | null;
  levels: Levels;
  criteria: CriterionInfo[];
}

const stringList = z.array(z.string()).catch([]);

/** Sets with their criteria in order, by id. Levels that fail to parse are a data error: throw. */
export async function loadSets(db: Db | Tx, setIds: number[]): Promise<Map<number, SetInfo>> {
  if (!setIds.length) return new Map();
  const rows = await db.criteriaSet.findMany({
    where: { id: { in: [...new Set(setIds)] } },
    include: { criteria: { orderBy: { position: 'asc' } } },
  });
  return new Map(rows.map((row) => [row.id, toSetInfo(row)]));
}

export async function findSetByKey(db: Db | Tx, key: string): Promise<SetInfo | null> {
  const row = await db.criteriaSet.findUnique({ where: { key }, include: { criteria: { orderBy: { position: 'asc' } } } });
  return row ? toSetInfo(row) : null;
}

type SetRow = NonNullable<Awaited<ReturnType<Db['criteriaSet']['findUnique']>>> & {
  criteria: NonNullable<Awaited<ReturnType<Db['criterion']['findUnique']>>>[];
};

function toSetInfo(row: SetRow): SetInfo {
  const levels = levelsSchema.safeParse(JSON.parse(row.levels));
  if (!levels.success) throw new Error(`criteria set ${row.key}: stored levels do not parse`);
  return {
    id: row.id,
    key: row.key,
    decision: row.decision,
    province: row.province,
    year: row.year,
    maxPoints: row.maxPoints,
    floorPercent: row.floorPercent,
    levels: levels.data,
    criteria: row.criteria.map((c) => ({
      id: c.id,
      setId: c.setId,
      code: c.code,
      group: c.group,
      title: c.title,
      maxPoints: c.maxPoints,
      evidence: stringList.parse(safeJson(c.evidence)),
      floorPoints: c.bonus ? null : (c.floorPoints ?? (row.floorPercent != null ? (c.maxPoints * row.floorPercent) / 100 : null)),
      bonus: c.bonus,
    })),
  };
}

/** The set a commune follows in a year, or null. */
export async function setOfCommune(db: Db | Tx, communeId: number, year: number): Promise<SetInfo | null> {
  const link = await db.communeSet.findUnique({ where: { communeId_year: { communeId, year } } });
  if (!link) return null;
  return (await loadSets(db, [link.setId])).get(link.setId) ?? null;
}
