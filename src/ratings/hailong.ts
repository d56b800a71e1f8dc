// /hailong [commune code] [period]: satisfaction figures on the national 3-level scale for
// managers (their scope) and officials (their own commune), with a chart: each level's share
// and the monthly trend. Without a code: every commune the person may see.
import { communeIdsInScope } from '../accounts/scope.js';
import { staff } from '../accounts/roles.js';
import type { Db } from '../db/index.js';
import type { CommandSpec, Ctx, Reply } from '../conversation/types.js';
import { parsePeriod, type Period } from '../shared/periods.js';
import { previousMonth, vnMonth } from '../shared/vntime.js';
import type { Translate } from '../i18n/index.js';
import { chartImage, fileSlug } from '../charts/render.js';
import { figuresOf, monthlyCounts, monthsBetween, sumCounts, type SatisfactionFigures } from './figures.js';
import { hasRatings, satisfactionAlt, satisfactionChart, type MonthFigures } from './charts.js';

/** A trend needs a few points: a month or a quarter is drawn with the months before it. */
export const TREND_MIN_MONTHS = 6;

export function periodLabel(t: Translate, p: Period): string {
  return t('rating-period', { kind: p.kind, index: p.index, year: String(p.year), month: String(p.index).padStart(2, '0') });
}

const pct = (t: Translate, value: number | null) => (value === null ? t('rating-figure-none') : `${value}%`);

export function figuresText(t: Translate, title: string, p: Period, f: SatisfactionFigures): string {
  return t('rating-figures', {
    title,
    period: periodLabel(t, p),
    rated: f.rated,
    verySatisfied: f.levels.very_satisfied,
    verySatisfiedPct: pct(t, f.levelPct.very_satisfied),
    satisfied: f.levels.satisfied,
    satisfiedLevelPct: pct(t, f.levelPct.satisfied),
    unsatisfied: f.levels.unsatisfied,
    unsatisfiedPct: pct(t, f.levelPct.unsatisfied),
    satisfiedPct: pct(t, f.satisfiedPct),
    returned: f.returned,
    early: f.early,
    earlyPct: pct(t, f.earlyPct),
    onTime: f.onTime,
    onTimePct: pct(t, f.onTimePct),
    late: f.late,
    latePct: pct(t, f.latePct),
    extra: f.extraPayment,
    ratingRatePct: pct(t, f.ratingRatePct),
  });
}

/** The period's months, preceded by earlier ones up to TREND_MIN_MONTHS. */
export function trendMonths(p: Period): string[] {
  const months = monthsBetween(vnMonth(p.from), vnMonth(new Date(p.to.getTime() - 1)));
  while (months.length < TREND_MIN_MONTHS) months.unshift(previousMonth(months[0]));
  return months;
}

/** The period's figures and its trend, from one count per month. */
export async function periodFigures(db: Db, communeIds: number[], p: Period): Promise<{ figures: SatisfactionFigures; trend: MonthFigures[] }> {
  const months = trendMonths(p);
  const counts = await monthlyCounts(db, communeIds, months);
  const trend = months.map((month) => ({ month, figures: figuresOf(sumCounts(counts.get(month)!.values())) }));
  const inPeriod = months.filter((m) => m >= vnMonth(p.from));
  return { figures: figuresOf(sumCounts(inPeriod.flatMap((m) => [...counts.get(m)!.values()]))), trend };
}

async function communeByCode(ctx: Ctx, code: string) {
  return ctx.services.db.commune.findFirst({ where: { code: { in: [code, code.toUpperCase()] } } });
}

export const hailongCommand: CommandSpec = {
  name: 'hailong',
  roles: staff,
  summary: 'rating-cmd-hailong',
  async run(ctx, args): Promise<Reply[]> {
    const scope = await communeIdsInScope(ctx.services.db, ctx.account);
    if (!scope.length) return [{ text: ctx.t('rating-hailong-no-scope') }];
    const now = ctx.services.clock.now();

    let communeIds = scope;
    let title: string | null = null;
    let code = 'all';
    let periodText = args;
    const [first, ...rest] = args.split(/\s+/);
    const commune = first && !parsePeriod(args, now) ? await communeByCode(ctx, first) : null;
    if (commune) {
      if (!scope.includes(commune.id)) {
        return [{ text: ctx.t('rating-hailong-out-of-scope', { commune: commune.name, role: ctx.role }) }];
      }
      communeIds = [commune.id];
      title = commune.name;
      code = commune.code;
      periodText = rest.join(' ');
    }
    const period = parsePeriod(periodText, now);
    if (!period) return [{ text: ctx.t('rating-hailong-usage', { input: args }) }];
    if (!title) {
      const only = communeIds.length === 1 ? await ctx.services.db.commune.findUnique({ where: { id: communeIds[0] } }) : null;
      title = only ? only.name : ctx.t('rating-hailong-many', { count: communeIds.length });
      if (only) code = only.code;
    }
    const { figures, trend } = await periodFigures(ctx.services.db, communeIds, period);
    const text = figuresText(ctx.t, title, period, figures);
    if (!hasRatings(figures, trend)) return [{ text }];
    const label = periodLabel(ctx.t, period);
    const image = await chartImage(
      satisfactionChart(ctx.t, title, label, figures, trend),
      `${fileSlug('hai-long', code, vnMonth(period.from), period.kind)}.png`,
      satisfactionAlt(ctx.t, title, label, figures),
    );
    return [{ text, image }];
  },
};
