// What the public page publishes, gathered in one pass: satisfaction on the national scale and
// the on-time rate of dossiers for the month, the quarter and the year up to a reference month
// (per commune and in total), the twelve-month trend, and the complaint figures of the year.
// Everything comes from counts: nothing here reads a person, a rating comment or a complaint text.
import type { Db } from '../db/index.js';
import { complaintFigures, type CommuneComplaintFigures } from '../complaints/figures.js';
import { figuresOf, monthlyCounts, monthsBetween, sumCounts, type SatisfactionCounts, type SatisfactionFigures } from '../ratings/figures.js';
import type { MonthFigures } from '../ratings/charts.js';
import { previousMonth, vnInstant } from '../shared/vntime.js';

export const TREND_MONTHS = 12;

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface PublicPeriod {
  kind: PeriodKind;
  /** YYYY-MM of the months it covers, up to the reference month. */
  months: string[];
  total: SatisfactionFigures;
  byCommune: Map<number, SatisfactionFigures>;
}

export interface PublicFigures {
  /** The month the page is "as of": the current month, or December of a past year. */
  month: string;
  periods: PublicPeriod[];
  trend: MonthFigures[];
  complaints: CommuneComplaintFigures[];
}

/** The twelve months ending with `month`. */
export function trailingMonths(month: string, count = TREND_MONTHS): string[] {
  let first = month;
  for (let i = 1; i < count; i++) first = previousMonth(first);
  return monthsBetween(first, month);
}

function periodMonths(kind: PeriodKind, month: string): string[] {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  const first = kind === 'month' ? m : kind === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : 1;
  return monthsBetween(`${year}-${String(first).padStart(2, '0')}`, month);
}

export async function publicFigures(db: Db, communeIds: number[], month: string): Promise<PublicFigures> {
  const months = trailingMonths(month);
  const year = Number(month.slice(0, 4));
  const [counts, complaints] = await Promise.all([
    monthlyCounts(db, communeIds, months),
    complaintFigures(db, communeIds, vnInstant(`${year}-01-01`), vnInstant(`${year + 1}-01-01`)),
  ]);
  const periods = (['month', 'quarter', 'year'] as const).map((kind): PublicPeriod => {
    const covered = periodMonths(kind, month);
    const byCommune = new Map<number, SatisfactionFigures>();
    for (const id of communeIds) {
      byCommune.set(id, figuresOf(sumCounts(covered.flatMap((m) => countOf(counts, m, id)))));
    }
    return { kind, months: covered, total: figuresOf(sumCounts(covered.flatMap((m) => [...counts.get(m)!.values()]))), byCommune };
  });
  const trend = months.map((m) => ({ month: m, figures: figuresOf(sumCounts(counts.get(m)!.values())) }));
  return { month, periods, trend, complaints };
}

function countOf(counts: Map<string, Map<number, SatisfactionCounts>>, month: string, communeId: number): SatisfactionCounts[] {
  const c = counts.get(month)?.get(communeId);
  return c ? [c] : [];
}
