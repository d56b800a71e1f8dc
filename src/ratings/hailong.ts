// /hailong [commune code] [period]: satisfaction figures for managers (their scope) and
// officials (their own commune). Without a code: every commune the person may see.
import { communeIdsInScope } from '../accounts/scope.js';
import type { CommandSpec, Ctx, Reply } from '../conversation/types.js';
import { parsePeriod, type Period } from '../shared/periods.js';
import type { Translate } from '../i18n/index.js';
import { satisfactionFigures, type SatisfactionFigures } from './figures.js';
import { staff } from '../accounts/roles.js';

export function periodLabel(t: Translate, p: Period): string {
  return t('rating-period', { kind: p.kind, index: p.index, year: String(p.year), month: String(p.index).padStart(2, '0') });
}

const pct = (t: Translate, value: number | null) => (value === null ? t('rating-figure-none') : `${value}%`);

export function figuresText(t: Translate, title: string, p: Period, f: SatisfactionFigures): string {
  return t('rating-figures', {
    title,
    period: periodLabel(t, p),
    rated: f.rated,
    veryHappy: f.levels.veryHappy,
    happy: f.levels.happy,
    neutral: f.levels.neutral,
    unhappy: f.levels.unhappy,
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
    let periodText = args;
    const [first, ...rest] = args.split(/\s+/);
    const commune = first && !parsePeriod(args, now) ? await communeByCode(ctx, first) : null;
    if (commune) {
      if (!scope.includes(commune.id)) {
        return [{ text: ctx.t('rating-hailong-out-of-scope', { commune: commune.name, role: ctx.role }) }];
      }
      communeIds = [commune.id];
      title = commune.name;
      periodText = rest.join(' ');
    }
    const period = parsePeriod(periodText, now);
    if (!period) return [{ text: ctx.t('rating-hailong-usage', { input: args }) }];
    if (!title) {
      title =
        communeIds.length === 1
          ? ((await ctx.services.db.commune.findUnique({ where: { id: communeIds[0] } }))?.name ?? '')
          : ctx.t('rating-hailong-many', { count: communeIds.length });
    }
    const figures = await satisfactionFigures(ctx.services.db, communeIds, period.from, period.to);
    return [{ text: figuresText(ctx.t, title, period, figures) }];
  },
};
