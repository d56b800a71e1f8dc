// The pictures of satisfaction: the share of each level of the national scale, and the monthly
// trend of "satisfied" (rất hài lòng + hài lòng). /hailong sends them as one PNG; the public
// page inlines the trend as SVG.
import type { ChartSpec } from '../charts/render.js';
import { colors, labelledBars, percentLines, title as chartTitle, type LinePoint } from '../charts/specs.js';
import type { Translate } from '../i18n/index.js';
import type { SatisfactionFigures } from './figures.js';
import { nationalLevels, type NationalLevel } from './questionnaire.js';

export const levelColors: Record<NationalLevel, string> = {
  very_satisfied: colors.good,
  satisfied: colors.fair,
  unsatisfied: colors.bad,
};

export interface MonthFigures {
  /** YYYY-MM */
  month: string;
  figures: SatisfactionFigures;
}

/** "T3", or "T3/26" when the months span two years. */
export function monthTick(t: Translate, month: string, months: string[]): string {
  const spansYears = months[0].slice(0, 4) !== months.at(-1)!.slice(0, 4);
  return t('chart-month', { month: Number(month.slice(5, 7)), year: month.slice(2, 4), withYear: spansYears ? 'yes' : 'no' });
}

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Whether there is anything to draw: a rating in the period or in any month of the trend. */
export function hasRatings(figures: SatisfactionFigures, trend: MonthFigures[]): boolean {
  return figures.rated > 0 || trend.some((m) => m.figures.rated > 0);
}

/** /hailong: each level's share of the period's ratings, then "satisfied" month by month. */
export function satisfactionChart(t: Translate, title: string, period: string, figures: SatisfactionFigures, trend: MonthFigures[]): ChartSpec {
  const months = trend.map((m) => m.month);
  const points: LinePoint[] = trend.map((m) => ({ x: monthTick(t, m.month, months), y: m.figures.satisfiedPct, series: t('chart-satisfied') }));
  return {
    title: chartTitle(t('chart-satisfaction-title', { title }), t('chart-satisfaction-subtitle', { period: capitalized(period), rated: figures.rated })),
    vconcat: [
      labelledBars({
        rows: nationalLevels.map((level) => ({
          key: level,
          label: t(`rating-level-${level}`),
          note: t('chart-level-share', { count: figures.levels[level], pct: figures.levelPct[level] ?? 0 }),
          value: figures.levelPct[level] ?? 0,
          color: levelColors[level],
        })),
        max: 100,
        track: true,
        title: t('chart-satisfaction-levels'),
      }),
      percentLines({ title: t('chart-satisfaction-trend'), points, series: [{ name: t('chart-satisfied'), color: colors.good }] }),
    ],
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' } },
  } as ChartSpec;
}

export function satisfactionAlt(t: Translate, title: string, period: string, figures: SatisfactionFigures): string {
  return t('chart-satisfaction-alt', {
    title,
    period,
    rated: figures.rated,
    satisfiedPct: figures.satisfiedPct ?? 0,
    unsatisfiedPct: figures.levelPct.unsatisfied ?? 0,
  });
}

/**
 * The public page's trend: satisfied and returned on time, month by month, as inline SVG. Drawn
 * narrow with large type, because a 360 px phone shows it at about 300 px.
 */
export function publicTrendChart(t: Translate, trend: MonthFigures[]): ChartSpec {
  const months = trend.map((m) => m.month);
  const satisfied = t('chart-satisfied');
  const inTime = t('chart-in-time');
  const points: LinePoint[] = trend.flatMap((m) => [
    { x: monthTick(t, m.month, months), y: m.figures.satisfiedPct, series: satisfied },
    { x: monthTick(t, m.month, months), y: m.figures.inTimePct, series: inTime },
  ]);
  const spec = percentLines({
    points,
    width: 250,
    height: 150,
    series: [
      { name: satisfied, color: colors.good },
      { name: inTime, color: colors.bar },
    ],
  });
  return { ...spec, config: { axis: { labelFontSize: 14 }, legend: { labelFontSize: 15, labelLimit: 300 } } } as ChartSpec;
}
