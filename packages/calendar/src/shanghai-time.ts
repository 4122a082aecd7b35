// Asia/Shanghai has used a fixed +08:00 offset with no daylight saving since 1991, so local
// time is plain arithmetic on epoch milliseconds: no Intl, no dependence on the process TZ, and
// fast enough for the deadline hot path. Only UTC getters of Date are used below.

/** An instant: a JS Date or epoch milliseconds. */
export type Instant = Date | number;
/** A local Shanghai calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A local Shanghai wall-clock time, 'HH:MM' (00:00 to 24:00). */
export type TimeOfDay = string;

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

export function toEpochMs(at: Instant): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(at)}`);
  return ms;
}

/** Local day number: days since 1970-01-01 in Shanghai. */
export function localDayOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant of local midnight starting the given local day. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Milliseconds since local midnight. */
export function msIntoDay(ms: number): number {
  return ms + SHANGHAI_OFFSET_MS - localDayOf(ms) * DAY_MS;
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdOfDay(day: number): Ymd {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2025-02-30. */
export function dayFromLocalDate(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (m === null) throw new RangeError(`Expected a 'YYYY-MM-DD' date, got '${date}'`);
  const [year, month, dom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || dom < 1 || dom > daysInMonth(year, month)) {
    throw new RangeError(`No such date: '${date}'`);
  }
  return dayFromYmd(year, month, dom);
}

export function localDateOfDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function localDateOf(at: Instant): LocalDate {
  return localDateOfDay(localDayOf(toEpochMs(at)));
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Parses 'HH:MM' into milliseconds after local midnight; '24:00' is the end of the day. */
export function parseTimeOfDay(time: TimeOfDay): number {
  const m = TIME_OF_DAY.exec(time);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (m === null || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Expected an 'HH:MM' time, got '${time}'`);
  }
  return (hours * 60 + minutes) * 60_000;
}

/** The instant of a local date at a local time of day. */
export function shanghaiInstant(date: LocalDate, time: TimeOfDay = '00:00'): Date {
  return new Date(dayStartMs(dayFromLocalDate(date)) + parseTimeOfDay(time));
}

/** 'YYYY-MM-DD HH:MM' in Shanghai, for human-readable text. */
export function formatShanghai(at: Instant): string {
  const iso = new Date(toEpochMs(at) + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsClamped(day: number, months: number): { day: number; clamped: boolean } {
  const { year, month, day: dom } = ymdOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const last = daysInMonth(targetYear, targetMonth);
  return { day: dayFromYmd(targetYear, targetMonth, Math.min(dom, last)), clamped: dom > last };
}
