import { BASE_CALENDAR_DATA } from './base-calendar-data';
import type { BaseCalendarData, DayName } from './base-calendar-data';
import { stableDigest } from './calendar-version';
import { DEFAULT_OFFICE_HOURS, resolveOfficeHours } from './office-hours';
import type { OfficeHours, OfficeHoursConfig } from './office-hours';
import {
  dayFromLocalDate,
  dayFromYmd,
  isoWeekdayOfDay,
  localDateOfDay,
  parseTimeOfDay,
  ymdOfDay,
} from './shanghai-time';
import type { LocalDate, TimeOfDay } from './shanghai-time';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/**
 * One correction supplied by a service (e.g. a new State Council notice): plain JSON.
 * 'holiday' makes the date(s) non-working, 'workday' makes them working (an adjusted workday
 * when on a weekend), 'clear' drops any published fact so the plain weekday/weekend rule applies.
 * `to` (inclusive) turns the entry into a range. Later entries win.
 */
export interface CalendarOverride {
  readonly date: LocalDate;
  readonly to?: LocalDate;
  readonly type: 'holiday' | 'workday' | 'clear';
  readonly name?: string | DayName;
}

export interface WorkingCalendarOptions {
  readonly overrides?: readonly CalendarOverride[];
  readonly officeHours?: OfficeHoursConfig;
  /** When a deadline that is "a date" ends on that date; default: end of the afternoon session. */
  readonly dateDeadlineTime?: TimeOfDay;
  /** Replaces the chinese-days data (tests, or a service pinning its own base). */
  readonly base?: BaseCalendarData;
}

/** Precomputed per-day tables; positions in working time are derived from them in O(1). */
export interface CalendarIndex {
  readonly firstDay: number;
  readonly dayCount: number;
  /** Per day: DayKind code, plus OVERRIDDEN when an override decided it. */
  readonly flags: Uint8Array;
  /** cumulative[i] = working days strictly before day i; length dayCount + 1. */
  readonly cumulative: Int32Array;
  /** workingDays[k] = day offset of the k-th working day (inverse of cumulative). */
  readonly workingDays: Int32Array;
  readonly names: ReadonlyMap<number, DayName>;
  /** Resolution of one half day in working-time positions (see working-time.ts). */
  readonly halfTicks: number;
}

export interface WorkingCalendar {
  /** Deterministic: same base data + overrides + hours give the same version in any process. */
  readonly version: string;
  readonly baseSource: string;
  readonly firstDate: LocalDate;
  readonly lastDate: LocalDate;
  /** Years with published or overridden data; other years in range assume Mon–Fri working. */
  readonly announcedYears: readonly number[];
  readonly officeHours: OfficeHours;
  readonly dateDeadlineTime: TimeOfDay;
  readonly dateDeadlineMs: number;
  readonly overrides: readonly CalendarOverride[];
  readonly index: CalendarIndex;
}

export interface DayInfo {
  readonly date: LocalDate;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly working: boolean;
  readonly kind: DayKind;
  readonly name?: DayName;
  readonly source: 'base' | 'override' | 'weekday-rule';
  /** False when the year has no published data yet, so the day is only provisionally known. */
  readonly announced: boolean;
}

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'adjusted-workday'];
const KIND_MASK = 0b11;
const OVERRIDDEN = 0b100;
const HAS_ENTRY = 0b1000;
// Years beyond the last announced one are still computable (Mon–Fri), so that a deadline
// late in December has an answer; it is marked provisional until the year is published.
const PROVISIONAL_YEARS = 3;

const isWeekend = (day: number): boolean => isoWeekdayOfDay(day) >= 6;
/** Whether a day's index flags mark a working day (an ordinary or an adjusted workday). */
export function isWorkingFlags(flags: number): boolean {
  const kind = flags & KIND_MASK;
  return kind === 0 || kind === 3;
}

function kindCode(day: number, type: CalendarOverride['type']): number {
  if (type === 'holiday') return 2;
  if (type === 'workday') return isWeekend(day) ? 3 : 0;
  return isWeekend(day) ? 1 : 0;
}

function toName(name: CalendarOverride['name']): DayName | undefined {
  if (name === undefined) return undefined;
  return typeof name === 'string' ? { en: name, zh: name } : name;
}

function expandOverrides(overrides: readonly CalendarOverride[]): Map<number, CalendarOverride> {
  const byDay = new Map<number, CalendarOverride>();
  for (const override of overrides) {
    const from = dayFromLocalDate(override.date);
    const to = override.to === undefined ? from : dayFromLocalDate(override.to);
    if (to < from)
      throw new RangeError(`Override range ends before it starts: ${override.date}..${override.to}`);
    if (!['holiday', 'workday', 'clear'].includes(override.type)) {
      throw new RangeError(`Unknown override type '${String(override.type)}' for ${override.date}`);
    }
    for (let day = from; day <= to; day++) byDay.set(day, override);
  }
  return byDay;
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const base = options.base ?? BASE_CALENDAR_DATA;
  const overrides = options.overrides ?? [];
  const officeHours = resolveOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
  const dateDeadlineTime = options.dateDeadlineTime ?? officeHours.config.afternoon.end;
  const dateDeadlineMs = parseTimeOfDay(dateDeadlineTime);
  const overrideByDay = expandOverrides(overrides);

  const baseDays = base.entries.map((entry) => dayFromLocalDate(entry.date));
  const years = new Set<number>();
  for (const day of [...baseDays, ...overrideByDay.keys()]) years.add(ymdOfDay(day).year);
  const announcedYears = [...years].sort((a, b) => a - b);
  const firstYear = announcedYears[0];
  const lastYear = announcedYears[announcedYears.length - 1];
  if (firstYear === undefined || lastYear === undefined) throw new RangeError('Calendar has no data');

  const firstDay = dayFromYmd(firstYear, 1, 1);
  const dayCount = dayFromYmd(lastYear + PROVISIONAL_YEARS, 12, 31) - firstDay + 1;
  const flags = new Uint8Array(dayCount);
  const names = new Map<number, DayName>();
  for (let i = 0; i < dayCount; i++) flags[i] = isWeekend(firstDay + i) ? 1 : 0;
  base.entries.forEach((entry, k) => {
    const day = baseDays[k] ?? 0;
    flags[day - firstDay] = kindCode(day, entry.type) | HAS_ENTRY;
    names.set(day, entry.name);
  });
  for (const [day, override] of overrideByDay) {
    flags[day - firstDay] =
      kindCode(day, override.type) | OVERRIDDEN | (override.type === 'clear' ? 0 : HAS_ENTRY);
    const name = toName(override.name);
    if (override.type === 'clear' || name === undefined) names.delete(day);
    if (name !== undefined && override.type !== 'clear') names.set(day, name);
  }

  const cumulative = new Int32Array(dayCount + 1);
  for (let i = 0; i < dayCount; i++)
    cumulative[i + 1] = (cumulative[i] ?? 0) + (isWorkingFlags(flags[i] ?? 0) ? 1 : 0);
  const workingDays = new Int32Array(cumulative[dayCount] ?? 0);
  for (let i = 0; i < dayCount; i++) if (isWorkingFlags(flags[i] ?? 0)) workingDays[cumulative[i] ?? 0] = i;

  const effectiveOverrides = [...overrideByDay]
    .sort(([a], [b]) => a - b)
    .map(([day, o]) => [localDateOfDay(day), o.type, toName(o.name) ?? null]);
  const version = `${base.source}+${stableDigest({
    base: base.entries,
    overrides: effectiveOverrides,
    officeHours: officeHours.config,
    dateDeadlineTime,
  })}`;

  return Object.freeze({
    version,
    baseSource: base.source,
    firstDate: localDateOfDay(firstDay),
    lastDate: localDateOfDay(firstDay + dayCount - 1),
    announcedYears,
    officeHours,
    dateDeadlineTime,
    dateDeadlineMs,
    overrides,
    index: {
      firstDay,
      dayCount,
      flags,
      cumulative,
      workingDays,
      names,
      halfTicks: Math.min(
        officeHours.morningEnd - officeHours.morningStart,
        officeHours.afternoonEnd - officeHours.afternoonStart,
      ),
    },
  });
}

/** Offset of a local day in the index; throws outside the supported range. */
export function dayOffset(calendar: WorkingCalendar, day: number): number {
  const offset = day - calendar.index.firstDay;
  if (offset < 0 || offset >= calendar.index.dayCount) {
    throw new RangeError(
      `${localDateOfDay(day)} is outside the supported calendar range ${calendar.firstDate}..${calendar.lastDate}`,
    );
  }
  return offset;
}

export function isWorkingDayNumber(calendar: WorkingCalendar, day: number): boolean {
  return isWorkingFlags(calendar.index.flags[dayOffset(calendar, day)] ?? 0);
}

/** The first working day on or after (inclusive) or strictly after the given day. */
export function nextWorkingDayNumber(calendar: WorkingCalendar, day: number, inclusive: boolean): number {
  const { cumulative, workingDays, firstDay } = calendar.index;
  const offset = dayOffset(calendar, day);
  const ordinal = inclusive ? (cumulative[offset] ?? 0) : (cumulative[offset + 1] ?? 0);
  const found = workingDays[ordinal];
  if (found === undefined) throw new RangeError(`No working day after ${localDateOfDay(day)} in range`);
  return firstDay + found;
}

/** The last working day on or before (inclusive) or strictly before the given day. */
export function previousWorkingDayNumber(calendar: WorkingCalendar, day: number, inclusive: boolean): number {
  const { cumulative, workingDays, firstDay } = calendar.index;
  const offset = dayOffset(calendar, day);
  const ordinal = (inclusive ? (cumulative[offset + 1] ?? 0) : (cumulative[offset] ?? 0)) - 1;
  const found = workingDays[ordinal];
  if (found === undefined) throw new RangeError(`No working day before ${localDateOfDay(day)} in range`);
  return firstDay + found;
}

/** Moves a non-working day to the next or previous working day ('none' keeps it). */
export function rollDayNumber(
  calendar: WorkingCalendar,
  day: number,
  roll: 'none' | 'next-working-day' | 'previous-working-day',
): number {
  if (roll === 'none' || isWorkingDayNumber(calendar, day)) return day;
  return roll === 'next-working-day'
    ? nextWorkingDayNumber(calendar, day, false)
    : previousWorkingDayNumber(calendar, day, false);
}

export function describeDayNumber(calendar: WorkingCalendar, day: number): DayInfo {
  const flags = calendar.index.flags[dayOffset(calendar, day)] ?? 0;
  const name = calendar.index.names.get(day);
  const source = flags & OVERRIDDEN ? 'override' : flags & HAS_ENTRY ? 'base' : 'weekday-rule';
  return {
    date: localDateOfDay(day),
    weekday: isoWeekdayOfDay(day),
    working: isWorkingFlags(flags),
    kind: KINDS[flags & KIND_MASK] ?? 'workday',
    ...(name === undefined ? {} : { name }),
    source,
    announced: calendar.announcedYears.includes(ymdOfDay(day).year),
  };
}

export function describeDay(calendar: WorkingCalendar, date: LocalDate): DayInfo {
  return describeDayNumber(calendar, dayFromLocalDate(date));
}

export function isWorkingDay(calendar: WorkingCalendar, date: LocalDate): boolean {
  return isWorkingDayNumber(calendar, dayFromLocalDate(date));
}

export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate, inclusive = false): LocalDate {
  return localDateOfDay(nextWorkingDayNumber(calendar, dayFromLocalDate(date), inclusive));
}

export function previousWorkingDay(calendar: WorkingCalendar, date: LocalDate, inclusive = false): LocalDate {
  return localDateOfDay(previousWorkingDayNumber(calendar, dayFromLocalDate(date), inclusive));
}

/** Working days in the inclusive date range [from, to]. */
export function countWorkingDays(calendar: WorkingCalendar, from: LocalDate, to: LocalDate): number {
  const { cumulative } = calendar.index;
  const start = dayOffset(calendar, dayFromLocalDate(from));
  const end = dayOffset(calendar, dayFromLocalDate(to));
  return end < start ? 0 : (cumulative[end + 1] ?? 0) - (cumulative[start] ?? 0);
}
