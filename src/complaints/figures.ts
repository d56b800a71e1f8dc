// Published complaint figures and results. Shared by /congkhai, the public web page and the
// criteria report. Nothing here ever reads the reporter or the complaint's own text.
import type { Db } from '../db/index.js';
import { WorkingCalendar } from '../calendar/working-days.js';

export interface CommuneComplaintFigures {
  communeId: number;
  communeCode: string;
  communeName: string;
  /** Filed (or forwarded in and filed) in the period, counted where the complaint now is. */
  received: number;
  /** Resolved in the period (resolvedAt within it). */
  resolved: number;
  /** Of those, resolved by their deadline. */
  resolvedOnTime: number;
  /** resolvedOnTime / resolved × 100, one decimal; null when nothing was resolved. */
  onTimePercent: number | null;
  /** Mean working days from filing to resolution, one decimal; null when nothing was resolved. */
  averageWorkingDays: number | null;
}

export interface PublishedResolution {
  code: string;
  communeId: number;
  category: string;
  filedAt: Date;
  resolvedAt: Date;
  workingDays: number;
  resolution: string;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function resolvedIn(communeIds: number[], from: Date, to: Date) {
  return { communeId: { in: communeIds }, status: 'resolved', resolvedAt: { gte: from, lt: to } };
}

/** Figures per commune for complaints in [from, to), in the order of `communeIds`' names. */
export async function complaintFigures(db: Db, communeIds: number[], from: Date, to: Date): Promise<CommuneComplaintFigures[]> {
  if (!communeIds.length) return [];
  const [communes, received, resolved, calendar] = await Promise.all([
    db.commune.findMany({ where: { id: { in: communeIds } }, orderBy: { name: 'asc' } }),
    db.complaint.groupBy({
      by: ['communeId'],
      where: { communeId: { in: communeIds }, createdAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    db.complaint.findMany({
      where: resolvedIn(communeIds, from, to),
      select: { communeId: true, createdAt: true, resolvedAt: true, dueAt: true },
    }),
    WorkingCalendar.load(db),
  ]);
  const receivedBy = new Map(received.map((r) => [r.communeId, r._count._all]));
  const resolvedBy = new Map<number, typeof resolved>();
  for (const r of resolved) {
    const list = resolvedBy.get(r.communeId);
    if (list) list.push(r);
    else resolvedBy.set(r.communeId, [r]);
  }
  return communes.map((commune) => {
    const mine = resolvedBy.get(commune.id) ?? [];
    const onTime = mine.filter((r) => r.resolvedAt! <= r.dueAt).length;
    const days = mine.map((r) => calendar.workingDaysBetween(r.createdAt, r.resolvedAt!));
    return {
      communeId: commune.id,
      communeCode: commune.code,
      communeName: commune.name,
      received: receivedBy.get(commune.id) ?? 0,
      resolved: mine.length,
      resolvedOnTime: onTime,
      onTimePercent: mine.length ? oneDecimal((onTime / mine.length) * 100) : null,
      averageWorkingDays: days.length ? oneDecimal(days.reduce((a, b) => a + b, 0) / days.length) : null,
    };
  });
}

/** The latest resolved complaints of the communes in [from, to), newest first, a page at a time: what may be published, nothing more. */
export async function publishedResolutions(
  db: Db,
  communeIds: number[],
  from: Date,
  to: Date,
  limit: number,
  offset = 0,
): Promise<PublishedResolution[]> {
  const [rows, calendar] = await Promise.all([
    db.complaint.findMany({
      where: resolvedIn(communeIds, from, to),
      select: { code: true, communeId: true, category: true, createdAt: true, resolvedAt: true, resolution: true },
      // The code breaks ties, so that pages never repeat or skip an item.
      orderBy: [{ resolvedAt: 'desc' }, { code: 'asc' }],
      take: limit,
      skip: offset,
    }),
    WorkingCalendar.load(db),
  ]);
  return rows.map((r) => ({
    code: r.code,
    communeId: r.communeId,
    category: r.category,
    filedAt: r.createdAt,
    resolvedAt: r.resolvedAt!,
    workingDays: calendar.workingDaysBetween(r.createdAt, r.resolvedAt!),
    resolution: r.resolution ?? '',
  }));
}
