// Scoring a commune against its set: the total (bonus points added, capped at the scale), the
// star level it reaches, the per-criterion floors, and whether that makes it recognised.
import type { SetInfo } from './model.js';

export interface Score {
  total: number;
  max: number;
  /** 0 when no level is reached. */
  stars: number;
  /** Codes of criteria below their floor. */
  belowFloor: string[];
  floorsMet: boolean;
  recognized: boolean;
}

/** `scores` maps criterion id to the self-score; missing criteria count as 0. */
export function scoreCommune(set: SetInfo, scores: ReadonlyMap<number, number>): Score {
  const raw = set.criteria.reduce((sum, c) => sum + (scores.get(c.id) ?? 0), 0);
  const total = round2(Math.min(set.maxPoints, raw));
  const belowFloor = set.criteria
    .filter((c) => c.floorPoints != null && (scores.get(c.id) ?? 0) < c.floorPoints)
    .map((c) => c.code);
  const stars = set.levels.stars.find((level) => total >= level.min)?.stars ?? 0;
  const floorsMet = belowFloor.length === 0;
  const rule = set.levels.recognition;
  const recognized =
    floorsMet &&
    stars > 0 &&
    (rule?.minPoints === undefined || total >= rule.minPoints) &&
    (rule?.minStars === undefined || stars >= rule.minStars);
  return { total, max: set.maxPoints, stars, belowFloor, floorsMet, recognized };
}

/** The recognition target (percent of communes) for a year: the latest one set at or before it. */
export function targetPercent(set: SetInfo, year: number): number | null {
  const targets = (set.levels.recognition?.targets ?? []).filter((t) => t.year <= year).sort((a, b) => b.year - a.year);
  return targets[0]?.percent ?? null;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
