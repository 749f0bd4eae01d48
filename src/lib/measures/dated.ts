// Dated items (a measure's deadlines and dated events): the period a written date stands for,
// checked at the precision the source gives and expanded to days for ordering and calendars.
import type { DatePrecision, DatedItem } from '$lib/types';

/** How a period's first and last units are written at each precision. */
const UNIT_FORMS: Record<DatePrecision, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  season: /^(\d{4})-(\d{2})$/,
  'half-year': /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/
};

const UNIT_WRITTEN: Record<DatePrecision, string> = {
  day: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  season: 'YYYY-MM (first or last month of a season)',
  'half-year': 'YYYY-MM (first or last month of a half-year)',
  year: 'YYYY'
};

// Meteorological seasons (winter December–February, spring March–May, …) and calendar
// half-years: a period written at one of these precisions starts and ends on their bounds.
const FIRST_MONTHS: Partial<Record<DatePrecision, readonly number[]>> = {
  season: [3, 6, 9, 12],
  'half-year': [1, 7]
};
const LAST_MONTHS: Partial<Record<DatePrecision, readonly number[]>> = {
  season: [2, 5, 8, 11],
  'half-year': [6, 12]
};

/** A problem with one field of a dated item's period. */
export interface PeriodProblem {
  field: 'start' | 'end';
  message: string;
}

interface Unit {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads a unit written at `precision`, or null when it is malformed or names no real date. */
function readUnit(value: string, precision: DatePrecision): Unit | null {
  const match = UNIT_FORMS[precision].exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * What is wrong with a period written at `precision` from `start` to `end`, or null: each bound
 * must be written at that precision and name a real date, a season or half-year must start and
 * end on its bounds, and the period must not end before it starts.
 */
export function periodProblem(precision: DatePrecision, start: string, end: string): PeriodProblem | null {
  const bounds = [
    { field: 'start' as const, value: start, months: FIRST_MONTHS[precision] },
    { field: 'end' as const, value: end, months: LAST_MONTHS[precision] }
  ];
  const units: Unit[] = [];
  for (const { field, value, months } of bounds) {
    const unit = readUnit(value, precision);
    if (!unit)
      return {
        field,
        message: `must be a real date written ${UNIT_WRITTEN[precision]} for precision "${precision}"`
      };
    if (months && !months.includes(unit.month))
      return {
        field,
        message: `a ${precision} ${field === 'start' ? 'starts' : 'ends'} in month ${months.join(', ')}, not ${unit.month}`
      };
    units.push(unit);
  }
  const [first, last] = units as [Unit, Unit];
  if (dayKey(first) > dayKey(last)) return { field: 'end', message: `must not be before start "${start}"` };
  return null;
}

function dayKey({ year, month, day }: Unit): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First and last day (ISO `YYYY-MM-DD`, inclusive) of the period a valid dated item stands for. */
export function periodDays(item: Pick<DatedItem, 'precision' | 'start' | 'end'>): {
  first: string;
  last: string;
} {
  const first = readUnit(item.start, item.precision);
  const last = readUnit(item.end, item.precision);
  if (!first || !last) throw new Error(`invalid period ${item.start}–${item.end} (${item.precision})`);
  const lastMonth = item.precision === 'year' ? 12 : last.month;
  const lastDay = item.precision === 'day' ? last.day : daysInMonth(last.year, lastMonth);
  return { first: dayKey(first), last: dayKey({ year: last.year, month: lastMonth, day: lastDay }) };
}

/** Calendar order: by first day, then the shorter period first, then by what. */
export function compareDatedItems(a: DatedItem, b: DatedItem): number {
  const pa = periodDays(a);
  const pb = periodDays(b);
  return (
    pa.first.localeCompare(pb.first) || pa.last.localeCompare(pb.last) || a.what.localeCompare(b.what, 'fr')
  );
}
