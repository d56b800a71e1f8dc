// Satisfaction figures for a set of communes and a period, shared by /hailong, the monthly
// workbook and the public page, on the national 3-level scale. The cohort is the dossiers
// RETURNED in [from, to): their outcome (early / on time / late) and their ratings, whenever
// those were given. Counting ratings by their dossier rather than by their own date keeps
// "rated / returned" a true proportion. Counts come per commune from a fixed number of grouped
// queries, whatever the number of communes; totals are their sums.
import type { Db } from '../db/index.js';
import { nextMonth, vnInstant } from '../shared/vntime.js';
import { nationalLevels, type NationalLevel } from './questionnaire.js';

export interface SatisfactionCounts {
  returned: number;
  early: number;
  onTime: number;
  late: number;
  rated: number;
  /** Ratings by level of the national scale. */
  levels: Record<NationalLevel, number>;
  /** Ratings that reported being asked or hinted to pay extra. */
  extraPayment: number;
}

export interface SatisfactionFigures extends SatisfactionCounts {
  /** Rất hài lòng + hài lòng. */
  satisfied: number;
  /** Percentages 0–100 with one decimal; null when there is nothing to divide by. */
  satisfiedPct: number | null;
  /** Each level's share of the ratings. */
  levelPct: Record<NationalLevel, number | null>;
  earlyPct: number | null;
  onTimePct: number | null;
  latePct: number | null;
  /** Returned by the due date, early included: the "on-time rate" of the public page. */
  inTimePct: number | null;
  /** rated / returned. */
  ratingRatePct: number | null;
}

export function percent(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 1000) / 10 : null;
}

export function emptyCounts(): SatisfactionCounts {
  return { returned: 0, early: 0, onTime: 0, late: 0, rated: 0, levels: { very_satisfied: 0, satisfied: 0, unsatisfied: 0 }, extraPayment: 0 };
}

export function addCounts(into: SatisfactionCounts, c: SatisfactionCounts): SatisfactionCounts {
  into.returned += c.returned;
  into.early += c.early;
  into.onTime += c.onTime;
  into.late += c.late;
  into.rated += c.rated;
  into.extraPayment += c.extraPayment;
  for (const level of nationalLevels) into.levels[level] += c.levels[level];
  return into;
}

export function sumCounts(list: Iterable<SatisfactionCounts>): SatisfactionCounts {
  let total = emptyCounts();
  for (const c of list) total = addCounts(total, c);
  return total;
}

export function figuresOf(c: SatisfactionCounts): SatisfactionFigures {
  const satisfied = c.levels.very_satisfied + c.levels.satisfied;
  return {
    ...c,
    satisfied,
    satisfiedPct: percent(satisfied, c.rated),
    levelPct: {
      very_satisfied: percent(c.levels.very_satisfied, c.rated),
      satisfied: percent(c.levels.satisfied, c.rated),
      unsatisfied: percent(c.levels.unsatisfied, c.rated),
    },
    earlyPct: percent(c.early, c.returned),
    onTimePct: percent(c.onTime, c.returned),
    latePct: percent(c.late, c.returned),
    inTimePct: percent(c.early + c.onTime, c.returned),
    ratingRatePct: percent(c.rated, c.returned),
  };
}

/** Counts per commune (communes with nothing returned are absent): five grouped queries. */
export async function countsByCommune(db: Db, communeIds: number[], from: Date, to: Date): Promise<Map<number, SatisfactionCounts>> {
  const byCommune = new Map<number, SatisfactionCounts>();
  if (!communeIds.length) return byCommune;
  const cohort = { communeId: { in: communeIds }, status: 'returned', returnedAt: { gte: from, lt: to } };
  const count = { _count: { _all: true } } as const;
  const [outcomes, extra, ...levels] = await Promise.all([
    db.dossier.groupBy({ by: ['communeId', 'outcome'], where: cohort, ...count }),
    db.dossier.groupBy({ by: ['communeId'], where: { ...cohort, rating: { is: { askedExtra: true } } }, ...count }),
    ...nationalLevels.map((level) => db.dossier.groupBy({ by: ['communeId'], where: { ...cohort, rating: { is: { level } } }, ...count })),
  ]);
  const of = (id: number) => byCommune.get(id) ?? byCommune.set(id, emptyCounts()).get(id)!;
  for (const row of outcomes) {
    const c = of(row.communeId);
    const n = row._count._all;
    c.returned += n;
    if (row.outcome === 'early') c.early += n;
    else if (row.outcome === 'on_time') c.onTime += n;
    else if (row.outcome === 'late') c.late += n;
  }
  for (const row of extra) of(row.communeId).extraPayment = row._count._all;
  nationalLevels.forEach((level, i) => {
    for (const row of levels[i]) {
      const c = of(row.communeId);
      c.levels[level] = row._count._all;
      c.rated += row._count._all;
    }
  });
  return byCommune;
}

export async function satisfactionFigures(db: Db, communeIds: number[], from: Date, to: Date): Promise<SatisfactionFigures> {
  return figuresOf(sumCounts((await countsByCommune(db, communeIds, from, to)).values()));
}

/** Months YYYY-MM from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

/** Counts per month (in the order given) and per commune: the stuff of trends. */
export async function monthlyCounts(db: Db, communeIds: number[], months: string[]): Promise<Map<string, Map<number, SatisfactionCounts>>> {
  const result = new Map<string, Map<number, SatisfactionCounts>>();
  // One month at a time: on SQLite the queries queue on one connection anyway.
  for (const month of months) {
    result.set(month, await countsByCommune(db, communeIds, vnInstant(`${month}-01`), vnInstant(`${nextMonth(month)}-01`)));
  }
  return result;
}
