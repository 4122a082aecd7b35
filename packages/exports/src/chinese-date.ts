// Dates as the offices write them: 2025年9月10日, 2024年10月21日至12月20日, 9月底. Inputs are local
// Shanghai dates ('YYYY-MM-DD') and times ('HH:MM') the caller already converted (with
// @eco/calendar); nothing here reads a clock or a time zone, and no date arithmetic is done.

/** A local Shanghai calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A local Shanghai date and time, 'YYYY-MM-DD HH:MM' (what @eco/calendar's formatShanghai prints). */
export type LocalDateTime = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parts(date: LocalDate): Ymd {
  const m = LOCAL_DATE.exec(date);
  if (m === null) throw new RangeError(`Expected a 'YYYY-MM-DD' date, got '${date}'`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`No such date: '${date}'`);
  return { year, month, day };
}

/** 2025-09-10 → 2025年9月10日 (no leading zeros, as every seed writes dates). */
export function chineseDate(date: LocalDate): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

/** 2023-09-13 → 9月13日; with a different reference year the year is kept: 2024年3月1日. */
export function chineseMonthDay(date: LocalDate, referenceYear?: number): string {
  const { year, month, day } = parts(date);
  return referenceYear === undefined || referenceYear === year
    ? `${month}月${day}日`
    : `${year}年${month}月${day}日`;
}

/**
 * A span as seed 004 writes it: 2024年10月21日至12月20日; the end repeats only what changes
 * (至20日 within a month, 至2025年1月5日 across a year).
 */
export function chineseDateRange(from: LocalDate, to: LocalDate): string {
  const a = parts(from);
  const b = parts(to);
  const end =
    a.year !== b.year
      ? chineseDate(to)
      : a.month !== b.month
        ? `${b.month}月${b.day}日`
        : a.day !== b.day
          ? `${b.day}日`
          : '';
  return end ? `${chineseDate(from)}至${end}` : chineseDate(from);
}

/** 2023-09-13 14:05 → 2023年9月13日14时05分. */
export function chineseDateTime(at: LocalDateTime): string {
  const m = LOCAL_DATE_TIME.exec(at);
  if (m === null) throw new RangeError(`Expected a 'YYYY-MM-DD HH:MM' local time, got '${at}'`);
  return `${chineseDate(m[1]!)}${Number(m[2])}时${m[3]}分`;
}

export function yearOf(date: LocalDate): number {
  return parts(date).year;
}

export function monthOf(date: LocalDate): number {
  return parts(date).month;
}
