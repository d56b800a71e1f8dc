// Working-day arithmetic for legal time limits: Monday–Friday, minus the public holidays in
// the Holiday table (configurable data, not code). All in Asia/Ho_Chi_Minh.
import type { Db } from '../db/index.js';
import { addDays, vnDate, vnHour, vnInstant, vnWeekday } from '../shared/vntime.js';

/** Dossiers received after this hour count from the next working day ("same day" rule). */
export const SAME_DAY_CUTOFF_HOUR = 15;
/** Results are due by the end of the office day. */
export const END_OF_DAY = '17:00';

export class WorkingCalendar {
  constructor(private readonly holidays: ReadonlySet<string>) {}

  static async load(db: Db): Promise<WorkingCalendar> {
    const rows = await db.holiday.findMany({ select: { date: true } });
    return new WorkingCalendar(new Set(rows.map((r) => r.date)));
  }

  isWorkingDay(date: string): boolean {
    const day = vnWeekday(date);
    return day !== 0 && day !== 6 && !this.holidays.has(date);
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The date `days` working days after `date` (0 = the same day if it is a working day, else the next). */
  addWorkingDays(date: string, days: number): string {
    let d = this.nextWorkingDay(date);
    for (let i = 0; i < days; i++) d = this.nextWorkingDay(addDays(d, 1));
    return d;
  }

  /**
   * When a result received at `receivedAt` is due, given a time limit in working days
   * (0 = same day; after 15:00 or on a day off, the next working day). Due at 17:00.
   */
  dueAt(receivedAt: Date, workingDays: number): Date {
    let start = vnDate(receivedAt);
    if (!this.isWorkingDay(start) || vnHour(receivedAt) >= SAME_DAY_CUTOFF_HOUR) {
      start = this.nextWorkingDay(addDays(start, 1));
    }
    return vnInstant(this.addWorkingDays(start, workingDays), END_OF_DAY);
  }

  /** Working days from `from` to `to` (dates), counting `to` but not `from`; 0 if to ≤ from. */
  workingDaysBetween(from: Date, to: Date): number {
    let d = vnDate(from);
    const end = vnDate(to);
    let n = 0;
    while (d < end) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) n++;
    }
    return n;
  }
}
