// Where each commune stands on its criteria in a month: owner, latest report, the report of
// the month, evidence still missing, and the score. Loaded in chunks of communes with a fixed
// number of queries per chunk, so a national run (3,321 communes) stays a few dozen queries.
import type { Db } from '../db/index.js';
import { loadSets, type CriterionInfo, type ReportStatus, type SetInfo } from './model.js';
import { missingDocs, parseEvidence, type EvidenceItem } from './evidence.js';
import { scoreCommune, type Score } from './score.js';
import { addTo } from '../shared/maps.js';

export const COMMUNE_CHUNK = 500;

export interface ReportInfo {
  id: number;
  month: string;
  status: ReportStatus;
  selfScore: number;
  evidence: EvidenceItem[];
  note: string | null;
  accountId: number;
  createdAt: Date;
}

export interface CriterionState {
  criterion: CriterionInfo;
  ownerId: number | null;
  /** Latest report of the year up to the end of the month: the commune's current state. */
  latest?: ReportInfo;
  /** Latest report before the month (what the monthly reminder recalls). */
  previous?: ReportInfo;
  /** Latest report made in the month. */
  inMonth?: ReportInfo;
  /** Names of the expected documents that no report of the year has covered. */
  missingEvidence: string[];
}

export interface CommuneInfo {
  id: number;
  code: string;
  name: string;
  provinceId: number;
}

export interface CommuneState {
  commune: CommuneInfo;
  set: SetInfo;
  month: string;
  criteria: CriterionState[];
  score: Score;
}

export interface OwnerInfo {
  id: number;
  channel: string;
  externalId: string;
  role: string;
  locale: string;
  displayName: string | null;
  title: string | null;
  communeId: number | null;
}

export interface StatesResult {
  /** In the order of the commune ids asked for; communes that follow no set that year are left out. */
  states: CommuneState[];
  owners: Map<number, OwnerInfo>;
}

/**
 * States of the communes for `month` (YYYY-MM). The cycle is the calendar year: only the set the
 * commune follows in that year and the reports of that year up to the month count.
 */
export async function loadCommuneStates(
  db: Db,
  communeIds: number[],
  month: string,
  sets = new Map<number, SetInfo>(),
): Promise<StatesResult> {
  const states: CommuneState[] = [];
  const owners = new Map<number, OwnerInfo>();
  for (let i = 0; i < communeIds.length; i += COMMUNE_CHUNK) {
    const chunk = await loadChunk(db, communeIds.slice(i, i + COMMUNE_CHUNK), month, sets);
    states.push(...chunk.states);
    for (const [id, owner] of chunk.owners) owners.set(id, owner);
  }
  return { states, owners };
}

async function loadChunk(db: Db, ids: number[], month: string, sets: Map<number, SetInfo>): Promise<StatesResult> {
  const year = Number(month.slice(0, 4));
  const links = await db.communeSet.findMany({ where: { year, communeId: { in: ids } } });
  if (!links.length) return { states: [], owners: new Map() };
  const linked = links.map((l) => l.communeId);
  const missingSets = [...new Set(links.map((l) => l.setId))].filter((id) => !sets.has(id));
  for (const [id, set] of await loadSets(db, missingSets)) sets.set(id, set);

  const [communes, assignments, reports] = await Promise.all([
    db.commune.findMany({ where: { id: { in: linked } }, select: { id: true, code: true, name: true, provinceId: true } }),
    db.assignment.findMany({ where: { communeId: { in: linked } }, select: { communeId: true, criterionId: true, accountId: true } }),
    db.progressReport.findMany({
      where: { communeId: { in: linked }, month: { gte: `${year}-01`, lte: month } },
      orderBy: { id: 'asc' },
    }),
  ]);
  const ownerIds = [...new Set(assignments.map((a) => a.accountId))];
  const ownerRows = ownerIds.length
    ? await db.account.findMany({
        where: { id: { in: ownerIds } },
        select: { id: true, channel: true, externalId: true, role: true, locale: true, displayName: true, title: true, communeId: true },
      })
    : [];

  const key = (communeId: number, criterionId: number) => `${communeId}:${criterionId}`;
  const ownerOf = new Map(assignments.map((a) => [key(a.communeId, a.criterionId), a.accountId]));
  const byPair = new Map<string, ReportInfo[]>();
  for (const r of reports) {
    const info = { ...r, status: r.status as ReportStatus, evidence: parseEvidence(r.evidence) };
    addTo(byPair, key(r.communeId, r.criterionId), info);
  }
  const setOf = new Map(links.map((l) => [l.communeId, sets.get(l.setId)!]));
  const communeById = new Map(communes.map((c) => [c.id, c]));

  const states = ids.flatMap((id): CommuneState[] => {
    const set = setOf.get(id);
    const commune = communeById.get(id);
    if (!set || !commune) return [];
    const criteria = set.criteria.map((criterion): CriterionState => {
      const history = byPair.get(key(id, criterion.id)) ?? []; // oldest first
      const before = history.filter((r) => r.month < month);
      const during = history.filter((r) => r.month === month);
      return {
        criterion,
        ownerId: ownerOf.get(key(id, criterion.id)) ?? null,
        latest: history.at(-1),
        previous: before.at(-1),
        inMonth: during.at(-1),
        missingEvidence: missingDocs(
          criterion.evidence,
          history.flatMap((r) => r.evidence),
        ).map((i) => criterion.evidence[i]),
      };
    });
    const scores = new Map(criteria.flatMap((c) => (c.latest ? [[c.criterion.id, c.latest.selfScore] as const] : [])));
    return [{ commune, set, month, criteria, score: scoreCommune(set, scores) }];
  });
  return { states, owners: new Map(ownerRows.map((o) => [o.id, o])) };
}

/** Criteria of a commune whose owner has not reported in the month, grouped by owner (null: unassigned). */
export function notReported(state: CommuneState): Map<number | null, CriterionState[]> {
  const late = new Map<number | null, CriterionState[]>();
  for (const c of state.criteria.filter((x) => !x.inMonth)) addTo(late, c.ownerId, c);
  return late;
}
