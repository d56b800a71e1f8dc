// Reporting periods as managers type them, in Vietnamese or English, with or without
// diacritics: "2026-03", "tháng 3/2026", "quý 1/2026", "q2 2026", "6 tháng đầu năm 2026",
// "6 thang cuoi nam", "H1/2026", "first half 2026", "năm 2026". Boundaries are Vietnamese
// calendar months: [from, to) in Asia/Ho_Chi_Minh.
import { vnDate, vnInstant } from './vntime.js';
import { foldDiacritics } from './fold.js';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for a year. */
  index: number;
  from: Date;
  to: Date;
}

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export function period(kind: PeriodKind, year: number, index: number): Period {
  const firstMonth = (index - 1) * MONTHS_IN[kind] + 1;
  const endMonth = firstMonth + MONTHS_IN[kind]; // exclusive, may be 13
  const start = (y: number, m: number) => vnInstant(`${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`);
  return { kind, year, index, from: start(year, firstMonth), to: start(year, endMonth) };
}

/** An optional year at the end: "/2026", " 2026", " nam 2026", "-2026". */
const YEAR = String.raw`(?:\s*[/.\- ]?\s*(?:nam |year )?(\d{4}))?`;

const patterns: { re: RegExp; make(m: RegExpExecArray, thisYear: number): [PeriodKind, number, number] }[] = [
  { re: /^(\d{4})-(\d{1,2})$/, make: (m) => ['month', Number(m[1]), Number(m[2])] },
  { re: /^(?:thang |month )?(\d{1,2}) ?[/.\- ] ?(?:nam )?(\d{4})$/, make: (m) => ['month', Number(m[2]), Number(m[1])] },
  { re: /^(?:thang|month) (\d{1,2})$/, make: (m, y) => ['month', y, Number(m[1])] },
  { re: new RegExp(`^(?:quy|q|quarter) ?([1-4])${YEAR}$`), make: (m, y) => ['quarter', m[2] ? Number(m[2]) : y, Number(m[1])] },
  { re: new RegExp(`^(?:6 thang|sau thang|nua) (dau|cuoi)(?: nam)?${YEAR}$`), make: (m, y) => ['half', m[2] ? Number(m[2]) : y, m[1] === 'dau' ? 1 : 2] },
  { re: new RegExp(`^h([12])${YEAR}$`), make: (m, y) => ['half', m[2] ? Number(m[2]) : y, Number(m[1])] },
  { re: new RegExp(`^(first|second) half(?: of)?${YEAR}$`), make: (m, y) => ['half', m[2] ? Number(m[2]) : y, m[1] === 'first' ? 1 : 2] },
  { re: /^(?:nam |year )?(\d{4})$/, make: (m) => ['year', Number(m[1]), 1] },
];

/** The period the text names; an empty text is the current month; null when not understood. */
export function parsePeriod(text: string, now: Date): Period | null {
  const thisYear = Number(vnDate(now).slice(0, 4));
  const folded = foldDiacritics(text);
  if (!folded) return period('month', thisYear, Number(vnDate(now).slice(5, 7)));
  for (const { re, make } of patterns) {
    const m = re.exec(folded);
    if (!m) continue;
    const [kind, year, index] = make(m, thisYear);
    if (year < 2000 || year > 2100 || index < 1 || index > 12 / MONTHS_IN[kind]) return null;
    return period(kind, year, index);
  }
  return null;
}

/** The Vietnamese calendar year as [from, to). */
export function yearRange(year: number): { from: Date; to: Date } {
  return { from: vnInstant(`${year}-01-01`), to: vnInstant(`${year + 1}-01-01`) };
}
