// Calendar helpers in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), independent of the
// process TZ. Dates are stored in UTC; "days" and "months" are the Vietnamese calendar's.
export const VN_TZ = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** YYYY-MM-DD of the instant in Vietnam. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM of the instant in Vietnam. */
export function vnMonth(at: Date): string {
  return vnDate(at).slice(0, 7);
}

/** The instant of a Vietnamese wall-clock time. */
export function vnInstant(date: string, time = '00:00'): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - OFFSET_MS);
}

/** Hour of day (0–23) in Vietnam. */
export function vnHour(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCHours();
}

/** Day of week in Vietnam, 0 = Sunday. */
export function vnWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after YYYY-MM. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatVnDate(at: Date): string {
  const [y, m, d] = vnDate(at).split('-');
  return `${d}/${m}/${y}`;
}

/** dd/mm/yyyy hh:mm in Vietnam, for times people act on (an invitation's expiry). */
export function formatVnDateTime(at: Date): string {
  return `${formatVnDate(at)} ${new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16)}`;
}

/** Parses dd/mm/yyyy, d/m/yyyy or YYYY-MM-DD into YYYY-MM-DD; null when not a real date. */
export function parseVnDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === date ? date : null;
}
