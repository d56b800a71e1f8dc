// Progress reports: an official reports on a criterion they own, once or more per month. Every
// report is kept (history per month); the latest per criterion is the commune's current state.
import type { Account } from '../generated/prisma/client.js';
import type { Db } from '../db/index.js';
import { vnMonth } from '../shared/vntime.js';
import { setOfCommune, type CriterionInfo, type ReportStatus, type SetInfo } from './model.js';
import type { EvidenceItem } from './evidence.js';

export interface OwnedCriterion {
  communeId: number;
  set: SetInfo;
  criterion: CriterionInfo;
}

export type Ownership =
  | { ok: true; owned: OwnedCriterion }
  | { ok: false; reason: 'no-set' | 'unknown-criterion' | 'not-owner' };

/** Whether the account is the responsible official of the criterion in the commune this year. */
export async function ownedCriterion(db: Db, account: Account, communeId: number, criterionId: number, now: Date): Promise<Ownership> {
  const set = await setOfCommune(db, communeId, Number(vnMonth(now).slice(0, 4)));
  if (!set) return { ok: false, reason: 'no-set' };
  const criterion = set.criteria.find((c) => c.id === criterionId);
  if (!criterion) return { ok: false, reason: 'unknown-criterion' };
  const assignment = await db.assignment.findUnique({ where: { communeId_criterionId: { communeId, criterionId } } });
  if (assignment?.accountId !== account.id) return { ok: false, reason: 'not-owner' };
  return { ok: true, owned: { communeId, set, criterion } };
}

/** The criteria the account owns this year, in set order (across communes, though usually one). */
export async function ownedCriteria(db: Db, account: Account, now: Date): Promise<OwnedCriterion[]> {
  const year = Number(vnMonth(now).slice(0, 4));
  const assignments = await db.assignment.findMany({ where: { accountId: account.id } });
  const owned: OwnedCriterion[] = [];
  for (const communeId of [...new Set(assignments.map((a) => a.communeId))]) {
    const set = await setOfCommune(db, communeId, year);
    const mine = new Set(assignments.filter((a) => a.communeId === communeId).map((a) => a.criterionId));
    for (const criterion of set?.criteria.filter((c) => mine.has(c.id)) ?? []) owned.push({ communeId, set: set!, criterion });
  }
  return owned;
}

export interface ReportDraft {
  communeId: number;
  criterionId: number;
  month: string;
  status: ReportStatus;
  selfScore: number;
  evidence: EvidenceItem[];
  note: string | null;
}

/**
 * Stores the report if the account still owns the criterion (it may have been reassigned while
 * the dialogue was open). Returns false, writing nothing, otherwise.
 */
export async function saveProgressReport(db: Db, account: Account, draft: ReportDraft): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.findUnique({
      where: { communeId_criterionId: { communeId: draft.communeId, criterionId: draft.criterionId } },
    });
    if (assignment?.accountId !== account.id) return false;
    await tx.progressReport.create({
      data: {
        communeId: draft.communeId,
        criterionId: draft.criterionId,
        month: draft.month,
        status: draft.status,
        selfScore: draft.selfScore,
        evidence: draft.evidence.length ? JSON.stringify(draft.evidence) : null,
        note: draft.note,
        accountId: account.id,
      },
    });
    return true;
  });
}

/** Parses a typed self-score: "15", "12,5" or "12.5"; null unless a number 0..max in steps of 0.01. */
export function parseScore(text: string | undefined, max: number): number | null {
  const t = text?.trim().replace(',', '.') ?? '';
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= max ? n : null;
}
