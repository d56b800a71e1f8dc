// The monthly report a manager asks for with /baocao: criteria progress (per commune and per
// commune × criterion), satisfaction on the national 3-level scale, how each question of the
// rating questionnaire was answered, and complaint figures of the communes in their scope.
import type { Services } from '../services.js';
import type { ReplyDocument } from '../conversation/types.js';
import { nextMonth, vnInstant } from '../shared/vntime.js';
import { countsByCommune, emptyCounts, figuresOf, sumCounts, type SatisfactionFigures } from '../ratings/figures.js';
import { answerCounts, type AnswerCount } from '../ratings/answers.js';
import type { Locale, MessageId, Translate } from '../i18n/index.js';
import { complaintFigures, type CommuneComplaintFigures } from '../complaints/figures.js';
import { loadCommuneStates, type CommuneState, type CriterionState, type OwnerInfo } from '../criteria/state.js';
import { monthLabel, ownerName } from '../criteria/format.js';
import { addSheet, newWorkbook, toBase64, type Column } from './workbook.js';

interface CommuneRef {
  id: number;
  code: string;
  name: string;
}

export async function monthlyReport(
  services: Pick<Services, 'db'>,
  t: Translate,
  locale: Locale,
  communeIds: number[],
  month: string,
): Promise<ReplyDocument> {
  const { db } = services;
  const from = vnInstant(`${month}-01`);
  const to = vnInstant(`${nextMonth(month)}-01`);
  const communes = await db.commune.findMany({ where: { id: { in: communeIds } }, select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } });
  const ids = communes.map((c) => c.id);
  const [{ states, owners }, satisfaction, answers, complaints] = await Promise.all([
    loadCommuneStates(db, ids, month),
    satisfactionByCommune(services, communes, from, to),
    answerCounts(db, ids, from, to, locale),
    complaintFigures(db, ids, from, to),
  ]);

  const wb = newWorkbook(t('criteria-xlsx-title', { month: monthLabel(month) }));
  addSheet(wb, t('criteria-xlsx-sheet-summary'), summaryColumns(t), states);
  const pairs = states.flatMap((state) => state.criteria.map((c) => ({ state, c })));
  addSheet(wb, t('criteria-xlsx-sheet-progress'), progressColumns(t, owners), pairs);
  addSheet(wb, t('criteria-xlsx-sheet-satisfaction'), satisfactionColumns(t), satisfaction);
  addSheet(wb, t('criteria-xlsx-sheet-answers'), answerColumns(t), answers);
  addSheet(wb, t('criteria-xlsx-sheet-complaints'), complaintColumns(t), complaints);
  return {
    filename: `bao-cao-cqtt-${month}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: await toBase64(wb),
  };
}

const yesNo = (t: Translate, v: boolean) => t(v ? 'criteria-xlsx-yes' : 'criteria-xlsx-no');

function summaryColumns(t: Translate): Column<CommuneState>[] {
  return [
    { header: t('criteria-xlsx-commune-code'), width: 14, value: (s) => s.commune.code },
    { header: t('criteria-xlsx-commune'), width: 26, value: (s) => s.commune.name },
    { header: t('criteria-xlsx-set'), width: 22, value: (s) => s.set.decision },
    { header: t('criteria-xlsx-total'), width: 12, value: (s) => s.score.total, numFmt: '0.##' },
    { header: t('criteria-xlsx-max'), width: 10, value: (s) => s.score.max },
    { header: t('criteria-xlsx-stars'), width: 10, value: (s) => s.score.stars },
    { header: t('criteria-xlsx-floors'), width: 16, value: (s) => yesNo(t, s.score.floorsMet) },
    { header: t('criteria-xlsx-recognized'), width: 16, value: (s) => yesNo(t, s.score.recognized) },
    {
      header: t('criteria-xlsx-reported'),
      width: 16,
      value: (s) => `${s.criteria.filter((c) => c.inMonth).length}/${s.criteria.length}`,
    },
  ];
}

function progressColumns(t: Translate, owners: Map<number, OwnerInfo>): Column<{ state: CommuneState; c: CriterionState }>[] {
  return [
    { header: t('criteria-xlsx-commune-code'), width: 14, value: ({ state }) => state.commune.code },
    { header: t('criteria-xlsx-commune'), width: 22, value: ({ state }) => state.commune.name },
    { header: t('criteria-xlsx-code'), width: 8, value: ({ c }) => c.criterion.code },
    { header: t('criteria-xlsx-criterion'), width: 48, value: ({ c }) => c.criterion.title },
    { header: t('criteria-xlsx-max'), width: 9, value: ({ c }) => c.criterion.maxPoints },
    { header: t('criteria-xlsx-owner'), width: 22, value: ({ c }) => ownerName(t, owners, c.ownerId) },
    { header: t('criteria-xlsx-status'), width: 16, value: ({ c }) => (c.latest ? t(`criteria-status-${c.latest.status}`) : t('criteria-no-report')) },
    { header: t('criteria-xlsx-score'), width: 10, value: ({ c }) => c.latest?.selfScore ?? null, numFmt: '0.##' },
    { header: t('criteria-xlsx-last-month'), width: 12, value: ({ c }) => (c.latest ? monthLabel(c.latest.month) : null) },
    { header: t('criteria-xlsx-this-month'), width: 12, value: ({ c }) => yesNo(t, Boolean(c.inMonth)) },
    { header: t('criteria-xlsx-missing'), width: 36, value: ({ c }) => c.missingEvidence.join('; ') },
    {
      header: t('criteria-xlsx-evidence'),
      width: 40,
      value: ({ c }) => (c.latest?.evidence ?? []).map((e) => (e.kind === 'link' ? e.ref : (e.name ?? `${e.kind}:${e.ref}`))).join('\n'),
    },
    { header: t('criteria-xlsx-note'), width: 40, value: ({ c }) => c.latest?.note ?? '' },
  ];
}

type SatisfactionRow = { commune: CommuneRef | null; f: SatisfactionFigures };

/** One row per commune and a total row (the total sums the dossiers, it does not average rates). */
async function satisfactionByCommune(services: Pick<Services, 'db'>, communes: CommuneRef[], from: Date, to: Date): Promise<SatisfactionRow[]> {
  const counts = await countsByCommune(services.db, communes.map((c) => c.id), from, to);
  const rows: SatisfactionRow[] = communes.map((commune) => ({ commune, f: figuresOf(counts.get(commune.id) ?? emptyCounts()) }));
  if (communes.length > 1) rows.push({ commune: null, f: figuresOf(sumCounts(counts.values())) });
  return rows;
}

/** On the national scale: Rất hài lòng / Hài lòng / Không hài lòng (old 4-level ratings mapped, see README). */
function satisfactionColumns(t: Translate): Column<SatisfactionRow>[] {
  const n = (header: MessageId, value: (f: SatisfactionFigures) => number | null, numFmt?: string): Column<SatisfactionRow> => ({
    header: t(header),
    width: 12,
    value: (r) => value(r.f),
    ...(numFmt ? { numFmt } : {}),
  });
  return [
    { header: t('criteria-xlsx-commune-code'), width: 14, value: (r) => r.commune?.code ?? '' },
    { header: t('criteria-xlsx-commune'), width: 24, value: (r) => r.commune?.name ?? t('criteria-xlsx-all') },
    n('criteria-xlsx-returned', (f) => f.returned),
    n('criteria-xlsx-early', (f) => f.early),
    n('criteria-xlsx-on-time', (f) => f.onTime),
    n('criteria-xlsx-late', (f) => f.late),
    n('criteria-xlsx-in-time-pct', (f) => f.inTimePct, '0.0'),
    n('criteria-xlsx-rated', (f) => f.rated),
    n('rating-level-very_satisfied', (f) => f.levels.very_satisfied),
    n('rating-level-satisfied', (f) => f.levels.satisfied),
    n('rating-level-unsatisfied', (f) => f.levels.unsatisfied),
    n('criteria-xlsx-satisfied-pct', (f) => f.satisfiedPct, '0.0'),
    n('criteria-xlsx-unsatisfied-pct', (f) => f.levelPct.unsatisfied, '0.0'),
    n('criteria-xlsx-extra-payment', (f) => f.extraPayment),
  ];
}

function answerColumns(t: Translate): Column<AnswerCount>[] {
  return [
    { header: t('criteria-xlsx-questionnaire'), width: 36, value: (r) => r.questionnaire },
    { header: t('criteria-xlsx-question'), width: 26, value: (r) => r.question },
    { header: t('criteria-xlsx-answer'), width: 36, value: (r) => r.answer },
    { header: t('criteria-xlsx-answer-count'), width: 12, value: (r) => r.count },
    { header: t('criteria-xlsx-answer-pct'), width: 12, value: (r) => r.percent, numFmt: '0.0' },
  ];
}

function complaintColumns(t: Translate): Column<CommuneComplaintFigures>[] {
  const n = (header: MessageId, value: (f: CommuneComplaintFigures) => number | null, numFmt?: string): Column<CommuneComplaintFigures> => ({
    header: t(header),
    width: 14,
    value,
    ...(numFmt ? { numFmt } : {}),
  });
  return [
    { header: t('criteria-xlsx-commune-code'), width: 14, value: (f) => f.communeCode },
    { header: t('criteria-xlsx-commune'), width: 24, value: (f) => f.communeName },
    n('criteria-xlsx-received', (f) => f.received),
    n('criteria-xlsx-resolved', (f) => f.resolved),
    n('criteria-xlsx-resolved-on-time', (f) => f.resolvedOnTime),
    n('criteria-xlsx-resolved-on-time-pct', (f) => f.onTimePercent, '0.0'),
    n('criteria-xlsx-average-days', (f) => f.averageWorkingDays, '0.0'),
  ];
}
