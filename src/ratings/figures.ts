// Satisfaction figures for a set of communes and a period, shared by /hailong and the
// criteria report (XLSX). The cohort is the dossiers RETURNED in [from, to): their outcome
// (early / on time / late) and their ratings, whenever those were given. Counting ratings by
// their dossier rather than by their own date keeps "rated / returned" a true proportion.
import type { Db } from '../db/index.js';

export interface SatisfactionFigures {
  returned: number;
  early: number;
  onTime: number;
  late: number;
  rated: number;
  /** Ratings by overall level. */
  levels: { veryHappy: number; happy: number; neutral: number; unhappy: number };
  /** Rất hài lòng + hài lòng. */
  satisfied: number;
  /** Ratings that answered yes to "were you asked or hinted to pay anything extra?". */
  extraPayment: number;
  /** Percentages 0–100 with one decimal; null when there is nothing to divide by. */
  satisfiedPct: number | null;
  earlyPct: number | null;
  onTimePct: number | null;
  latePct: number | null;
  /** rated / returned. */
  ratingRatePct: number | null;
}

export function percent(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 1000) / 10 : null;
}

export async function satisfactionFigures(db: Db, communeIds: number[], from: Date, to: Date): Promise<SatisfactionFigures> {
  const cohort = { communeId: { in: communeIds }, status: 'returned', returnedAt: { gte: from, lt: to } };
  const [outcomes, levels, extraPayment] = await Promise.all([
    db.dossier.groupBy({ by: ['outcome'], where: cohort, _count: { _all: true } }),
    db.rating.groupBy({ by: ['overall'], where: { dossier: cohort }, _count: { _all: true } }),
    db.rating.count({ where: { dossier: cohort, askedExtra: true } }),
  ]);
  const outcome = (name: string) => outcomes.find((o) => o.outcome === name)?._count._all ?? 0;
  const level = (n: number) => levels.find((l) => l.overall === n)?._count._all ?? 0;
  const returned = outcomes.reduce((sum, o) => sum + o._count._all, 0);
  const rated = levels.reduce((sum, l) => sum + l._count._all, 0);
  const [early, onTime, late] = [outcome('early'), outcome('on_time'), outcome('late')];
  const byLevel = { veryHappy: level(4), happy: level(3), neutral: level(2), unhappy: level(1) };
  const satisfied = byLevel.veryHappy + byLevel.happy;
  return {
    returned,
    early,
    onTime,
    late,
    rated,
    levels: byLevel,
    satisfied,
    extraPayment,
    satisfiedPct: percent(satisfied, rated),
    earlyPct: percent(early, returned),
    onTimePct: percent(onTime, returned),
    latePct: percent(late, returned),
    ratingRatePct: percent(rated, returned),
  };
}
