// Complaint deadlines in working days from the filing (or forwarding, reopening) date, due by
// the end of that office day.
import { END_OF_DAY, type WorkingCalendar } from '../calendar/working-days.js';
import { vnDate, vnInstant } from '../shared/vntime.js';
import type { ComplaintCategories } from './categories.js';

export interface ComplaintDeadlines {
  dueAt: Date;
  forwardDueAt: Date;
}

export function workingDayDeadline(calendar: WorkingCalendar, from: Date, days: number): Date {
  return vnInstant(calendar.addWorkingDays(vnDate(from), days), END_OF_DAY);
}

export function complaintDeadlines(
  calendar: WorkingCalendar,
  categories: ComplaintCategories,
  category: string,
  from: Date,
): ComplaintDeadlines {
  return {
    dueAt: workingDayDeadline(calendar, from, categories.answerDays(category)),
    forwardDueAt: workingDayDeadline(calendar, from, categories.forwardDays(category)),
  };
}
