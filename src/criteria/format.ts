// Short, phone-friendly text for criteria states, shared by the commands and the scheduled
// messages. Every word comes from locales/*/criteria.ftl through the `t` it is given.
import type { Translate } from '../i18n/index.js';
import { formatVnDate, vnInstant } from '../shared/vntime.js';
import type { CriterionInfo } from './model.js';
import type { CommuneState, CriterionState, OwnerInfo, ReportInfo } from './state.js';
import { nameOf, type Named } from '../accounts/names.js';
import { notReported } from './state.js';

/** "11/2026" for 2026-11. */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** The reporting deadline of a month as dd/mm/yyyy. */
export function deadlineLabel(month: string, day: number): string {
  return formatVnDate(vnInstant(`${month}-${String(day).padStart(2, '0')}`));
}

export function criterionHeading(t: Translate, c: Pick<CriterionInfo, 'code' | 'title' | 'maxPoints' | 'bonus'>): string {
  return t('criteria-heading', { code: c.code, title: c.title, max: c.maxPoints, bonus: c.bonus ? 'yes' : 'no' });
}

/** How a person is named to others: their name and post, else their account number. */
export function personName(t: Translate, person: Named): string {
  return nameOf(t, person);
}

export function ownerName(t: Translate, owners: ReadonlyMap<number, Named>, id: number | null): string {
  if (id === null) return t('criteria-owner-none');
  return personName(t, owners.get(id) ?? { id, displayName: null });
}

export function starsLabel(t: Translate, stars: number): string {
  return t('criteria-stars', { stars });
}

export function reportLine(t: Translate, report: ReportInfo, max: number): string {
  return t('criteria-report-line', {
    status: t(`criteria-status-${report.status}`),
    score: report.selfScore,
    max,
    month: monthLabel(report.month),
  });
}

function criterionBlock(t: Translate, c: CriterionState, owners: ReadonlyMap<number, OwnerInfo>): string {
  const state = c.latest ? reportLine(t, c.latest, c.criterion.maxPoints) : t('criteria-no-report');
  const month = t(c.inMonth ? 'criteria-month-reported' : 'criteria-month-missing');
  return `${criterionHeading(t, c.criterion)}\n  ${state}\n  ${ownerName(t, owners, c.ownerId)} · ${month}`;
}

/** What /tiendo shows for one commune, and what a one-commune manager gets after the deadline. */
export function progressText(t: Translate, state: CommuneState, owners: ReadonlyMap<number, OwnerInfo>): string {
  const { score, set } = state;
  const lines = [
    t('criteria-progress-title', { commune: state.commune.name, month: monthLabel(state.month) }),
    t('criteria-set-line', { decision: set.decision, province: set.province }),
    '',
    ...state.criteria.map((c) => criterionBlock(t, c, owners)),
    '',
    t('criteria-progress-total', { score: score.total, max: score.max, stars: starsLabel(t, score.stars) }),
  ];
  if (set.criteria.some((c) => c.floorPoints != null)) {
    lines.push(
      score.floorsMet ? t('criteria-floors-met') : t('criteria-floors-missed', { codes: score.belowFloor.join(', ') }),
    );
  }
  lines.push(t('criteria-recognition', { yes: score.recognized ? 'yes' : 'no' }));
  lines.push('', ...lateLines(t, state, owners));
  return lines.join('\n');
}

/** Who has not reported in the month, one line per person, unassigned criteria last. */
export function lateLines(t: Translate, state: CommuneState, owners: ReadonlyMap<number, OwnerInfo>): string[] {
  const late = notReported(state);
  if (!late.size) return [t('criteria-all-reported')];
  const entries = [...late].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b));
  return [
    t('criteria-late-title', { month: monthLabel(state.month) }),
    ...entries.map(([owner, items]) =>
      t('criteria-late-line', { owner: ownerName(t, owners, owner), codes: items.map((c) => c.criterion.code).join(', ') }),
    ),
  ];
}

/** One line per commune, for rankings and multi-commune summaries. */
export function communeLine(t: Translate, state: CommuneState, rank?: number): string {
  const reported = state.criteria.filter((c) => c.inMonth).length;
  return t('criteria-commune-line', {
    rank: rank ?? 0,
    commune: state.commune.name,
    score: state.score.total,
    max: state.score.max,
    stars: starsLabel(t, state.score.stars),
    reported,
    count: state.criteria.length,
    recognized: state.score.recognized ? 'yes' : 'no',
  });
}
