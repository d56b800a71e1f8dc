// The life of a complaint. Open statuses still owe the citizen an outcome and count against
// the deadline; resolved and rejected are closed (a resolved one may be reopened once).
export const complaintStatuses = [
  'new',
  'acknowledged',
  'waiting_citizen',
  'answered',
  'forwarded',
  'reopened',
  'resolved',
  'rejected',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** Every status but the two closed ones. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = complaintStatuses.filter(
  (s) => s !== 'resolved' && s !== 'rejected',
);

/** Statuses in which nobody has taken the complaint up yet (acknowledging makes sense). */
export const UNACKNOWLEDGED: readonly ComplaintStatus[] = ['new', 'forwarded', 'reopened'];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** The steps that officials take, each recorded as a ComplaintEvent of the same kind. */
export const officialActions = ['acknowledge', 'question', 'answer', 'resolve', 'forward', 'reject'] as const;
export type OfficialAction = (typeof officialActions)[number];

export const actionTransitions: Record<OfficialAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  acknowledge: { from: UNACKNOWLEDGED, to: 'acknowledged' },
  question: { from: OPEN_STATUSES, to: 'waiting_citizen' },
  answer: { from: OPEN_STATUSES, to: 'answered' },
  resolve: { from: OPEN_STATUSES, to: 'resolved' },
  forward: { from: OPEN_STATUSES, to: 'forwarded' },
  reject: { from: OPEN_STATUSES, to: 'rejected' },
};

/** A resolved complaint may be reopened once, within this many days of its resolution. */
export const REOPEN_WINDOW_DAYS = 7;
export const MAX_REOPENS = 1;
/** Description length limits (a complaint is read on a phone by a busy official). */
export const MAX_DESCRIPTION_CHARS = 2000;
/** Officials are reminded this many working days before the deadline. */
export const REMIND_WORKING_DAYS_BEFORE = 2;
