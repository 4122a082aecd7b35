import { localDateOf } from '@eco/calendar';

/** A monthly reporting period, 'YYYY-MM' (the month the report falls due in). */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isPeriod = (value: string): boolean => PERIOD.test(value);

export function yearAndMonth(period: Period): { year: number; month: number } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`not a period: ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export const periodOfYearMonth = (year: number, month: number): Period =>
  `${year}-${String(month).padStart(2, '0')}`;

/** The Shanghai month an instant falls in. */
export const periodOf = (at: Date): Period => localDateOf(at).slice(0, 7);

export function addMonths(period: Period, months: number): Period {
  const { year, month } = yearAndMonth(period);
  const index = year * 12 + (month - 1) + months;
  return periodOfYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Every period from `from` to `to`, inclusive, in order. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const periods: Period[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) periods.push(p);
  return periods;
}
