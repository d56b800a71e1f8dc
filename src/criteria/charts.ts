// The pictures that go with /tiendo and /xephang. Each chart is built from the same states the
// text is, and each figure written on it comes from a message (criteria.ftl), so numbers are
// formatted the person's way.
import type { ChartSpec } from '../charts/render.js';
import { colors, labelledBars, title, type BarRow } from '../charts/specs.js';
import type { Translate } from '../i18n/index.js';
import { monthLabel } from './format.js';
import type { CommuneState } from './state.js';
import { round2, targetPercent } from './score.js';

/**
 * Communes drawn per criteria set and sets drawn per chart: a picture a phone can still show,
 * rendered within 150 ms (the PNG's cost grows with its height; the text lists up to 40).
 */
export const CHART_COMMUNES = 15;
export const CHART_SETS = 3;

/** A criterion's short name: its group when it has one ("Cải cách hành chính"), else its title. */
function shortName(c: CommuneState['criteria'][number]['criterion']): string {
  return c.group ?? c.title;
}

export function starsText(t: Translate, stars: number): string {
  return t('chart-stars', { stars });
}

/** The floor shared by every scored criterion, as a percentage of its maximum; null when they differ or there is none. */
function commonFloorPercent(state: CommuneState): number | null {
  const floors = state.set.criteria.filter((c) => !c.bonus).map((c) => (c.floorPoints === null ? null : round2((c.floorPoints / c.maxPoints) * 100)));
  return floors.length && floors.every((f) => f !== null && f === floors[0]) ? floors[0] : null;
}

/** /tiendo: each criterion's self-score against its maximum, then the total against the star levels. */
export function progressChart(t: Translate, state: CommuneState): ChartSpec {
  const { score, set } = state;
  const floor = commonFloorPercent(state);
  const criteria: BarRow[] = state.criteria.map(({ criterion, latest }) => {
    const belowFloor = score.belowFloor.includes(criterion.code);
    return {
      key: criterion.code,
      label: `${criterion.code} · ${shortName(criterion)}`,
      note: latest ? t('chart-score', { score: latest.selfScore, max: criterion.maxPoints }) : t('chart-not-reported'),
      value: latest ? Math.min(100, (latest.selfScore / criterion.maxPoints) * 100) : 0,
      color: belowFloor ? colors.bad : colors.bar,
    };
  });
  const levels: BarRow[] = set.levels.stars.map((level) => ({
    key: String(level.stars),
    label: t('chart-level-row', { stars: level.stars }),
    note: t('chart-level-min', { min: level.min }),
    value: level.min,
    color: score.total >= level.min ? colors.good : colors.muted,
  }));
  return {
    title: title(t('chart-progress-title', { commune: state.commune.name }), t('chart-progress-subtitle', { month: monthLabel(state.month), decision: set.decision })),
    vconcat: [
      labelledBars({
        rows: criteria,
        max: 100,
        track: true,
        title: t('chart-progress-criteria'),
        rules: floor === null ? [] : [{ value: floor, label: t('chart-floor-line', { percent: floor }) }],
      }),
      labelledBars({
        rows: levels,
        max: set.maxPoints,
        step: 34,
        title: t('chart-progress-levels', { total: score.total, max: score.max, stars: starsText(t, score.stars) }),
        rules: [{ value: Math.min(score.total, set.maxPoints), label: t('chart-total-line', { total: score.total }) }],
      }),
    ],
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as ChartSpec;
}

export function progressAlt(t: Translate, state: CommuneState): string {
  return t('chart-progress-alt', {
    commune: state.commune.name,
    month: monthLabel(state.month),
    total: state.score.total,
    max: state.score.max,
    stars: starsText(t, state.score.stars),
  });
}

/** Sets in order of their number of communes, most first; each set's communes ranked. */
export function rankedBySet(states: CommuneState[]): CommuneState[][] {
  const bySet = new Map<number, CommuneState[]>();
  for (const s of states) {
    const group = bySet.get(s.set.id);
    if (group) group.push(s);
    else bySet.set(s.set.id, [s]);
  }
  return [...bySet.values()]
    .sort((a, b) => b.length - a.length)
    .map((group) => [...group].sort((a, b) => b.score.total - a.score.total || a.commune.name.localeCompare(b.commune.name, 'vi')));
}

/** The points a commune needs to be recognised: the rule's minimum, else the lowest star level. */
export function recognitionPoints(state: CommuneState): number {
  const levels = state.set.levels;
  return levels.recognition?.minPoints ?? Math.min(...levels.stars.map((l) => l.min));
}

/** /xephang: communes ranked by total, recognised ones in green, the recognition threshold as a line. */
export function rankingChart(t: Translate, states: CommuneState[], month: string): ChartSpec {
  const year = Number(month.slice(0, 4));
  const panels = rankedBySet(states)
    .slice(0, CHART_SETS)
    .map((ranked) => {
      const set = ranked[0].set;
      const reached = ranked.filter((s) => s.score.recognized).length;
      const target = targetPercent(set, year);
      const shown = ranked.slice(0, CHART_COMMUNES);
      const threshold = recognitionPoints(ranked[0]);
      return labelledBars({
        rows: shown.map((s, i) => ({
          key: String(s.commune.id),
          label: t('chart-rank-row', { rank: i + 1, commune: s.commune.name }),
          note: t('chart-rank-note', { total: s.score.total, stars: starsText(t, s.score.stars) }),
          value: s.score.total,
          color: s.score.recognized ? colors.good : colors.bar,
        })),
        max: set.maxPoints,
        track: true,
        step: 34,
        title: t('chart-rank-set', { decision: set.decision, province: set.province }),
        subtitle: t('chart-rank-subtitle', {
          reached,
          count: ranked.length,
          target: target ?? 0,
          hasTarget: target === null ? 'no' : 'yes',
          shown: shown.length,
          cut: shown.length < ranked.length ? 'yes' : 'no',
        }),
        rules: [{ value: threshold, label: t('chart-recognition-line', { points: threshold }) }],
      });
    });
  return {
    title: title(t('chart-rank-title', { month: monthLabel(month) }), t('chart-rank-legend')),
    vconcat: panels,
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as ChartSpec;
}

export function rankingAlt(t: Translate, states: CommuneState[], month: string): string {
  const best = rankedBySet(states)[0]?.[0];
  return t('chart-rank-alt', {
    month: monthLabel(month),
    count: states.length,
    recognized: states.filter((s) => s.score.recognized).length,
    best: best?.commune.name ?? '',
    total: best?.score.total ?? 0,
  });
}
