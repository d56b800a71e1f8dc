// /xephang: the communes in scope ranked by self-score, per criteria set, with how many reach
// recognition against the province's target and how the stars are spread.
import type { Translate } from '../i18n/index.js';
import type { CommuneState } from './state.js';
import { communeLine, monthLabel, starsLabel } from './format.js';
import { targetPercent } from './score.js';
import { addTo } from '../shared/maps.js';

/** Ranked lines shown per set; /baocao has every commune. */
const RANK_LINES = 40;

export function rankingText(t: Translate, states: CommuneState[], month: string, withoutSet: number): string {
  const year = Number(month.slice(0, 4));
  const bySet = new Map<number, CommuneState[]>();
  for (const s of states) addTo(bySet, s.set.id, s);

  const lines = [t('criteria-rank-title', { count: states.length, month: monthLabel(month) })];
  for (const group of bySet.values()) {
    const set = group[0].set;
    const ranked = [...group].sort((a, b) => b.score.total - a.score.total || a.commune.name.localeCompare(b.commune.name, 'vi'));
    const reached = group.filter((s) => s.score.recognized).length;
    const target = targetPercent(set, year);
    lines.push(
      '',
      t('criteria-set-line', { decision: set.decision, province: set.province }),
      t('criteria-rank-recognition', {
        reached,
        count: group.length,
        percent: Math.round((reached / group.length) * 1000) / 10,
        target: target ?? 0,
        hasTarget: target === null ? 'no' : 'yes',
      }),
      t('criteria-rank-stars', { list: starSpread(t, group) }),
      '',
      ...ranked.slice(0, RANK_LINES).map((s, i) => communeLine(t, s, i + 1)),
    );
    if (ranked.length > RANK_LINES) lines.push(t('criteria-more-communes', { count: ranked.length - RANK_LINES }));
  }
  if (withoutSet) lines.push('', t('criteria-rank-without-set', { count: withoutSet, year: String(year) }));
  return lines.join('\n');
}

function starSpread(t: Translate, group: CommuneState[]): string {
  const levels = [...group[0].set.levels.stars.map((l) => l.stars), 0];
  return levels.map((stars) => `${starsLabel(t, stars)}: ${group.filter((s) => s.score.stars === stars).length}`).join(' · ');
}
