// Recurring schedules (weekly reports, monthly and quarterly reports): which dates they fall on
// once holidays are taken into account, and the first one after a given instant.
import { QUARTER_MONTHS } from './deadline-rules';
import type { RecurringRule } from './deadline-rules';
import {
  addMonthsClamped,
  dayFromLocalDate,
  dayFromYmd,
  dayStartMs,
  daysInMonth,
  isoWeekdayOfDay,
  localDateOfDay,
  localDayOf,
  parseTimeOfDay,
  toEpochMs,
  ymdOfDay,
} from './shanghai-time';
import type { Instant, LocalDate } from './shanghai-time';
import {
  isWorkingDayNumber,
  nextWorkingDayNumber,
  previousWorkingDayNumber,
  rollDayNumber,
} from './working-calendar';
import type { WorkingCalendar } from './working-calendar';

export interface Occurrence {
  /** The date the schedule names (e.g. the Wednesday, the 20th). */
  readonly scheduledDate: LocalDate;
  /** The date it actually falls due; null when skipped. */
  readonly date: LocalDate | null;
  readonly dueAt: Date | null;
  /** 'skipped' also covers a moved occurrence that would land on or after the next one. */
  readonly status: 'on-schedule' | 'moved' | 'skipped';
}

export interface RawOccurrence {
  readonly scheduledDay: number;
  readonly day: number | null;
  readonly dueMs: number | null;
  readonly scheduledMs: number;
  status: Occurrence['status'];
}

// Wide enough for the longest holiday run (9 days at Spring Festival 2026) plus a week.
const SLACK_DAYS = 40;

function scheduledDays(rule: RecurringRule, fromDay: number, toDay: number): number[] {
  const startDay = rule.startDate === undefined ? -Infinity : dayFromLocalDate(rule.startDate);
  const days: number[] = [];
  if (rule.kind === 'weekly') {
    const interval = rule.intervalWeeks ?? 1;
    const first = Math.max(fromDay, startDay);
    let day = first + ((rule.weekday - isoWeekdayOfDay(first) + 7) % 7);
    for (; day <= toDay; day += 7) {
      if (interval === 1 || Math.round((day - startDay) / 7) % interval === 0) days.push(day);
    }
    return days;
  }
  const months = rule.kind === 'quarter-month' ? QUARTER_MONTHS : (rule.months ?? null);
  const dayOfMonth = rule.day ?? 'last';
  const start = ymdOfDay(fromDay);
  for (let k = 0; ; k++) {
    const monthStart = addMonthsClamped(dayFromYmd(start.year, start.month, 1), k).day;
    if (monthStart > toDay) break;
    const { year, month } = ymdOfDay(monthStart);
    if (months !== null && !months.includes(month)) continue;
    const last = daysInMonth(year, month);
    const day = dayFromYmd(year, month, dayOfMonth === 'last' ? last : Math.min(dayOfMonth, last));
    if (day >= fromDay && day <= toDay && day >= startDay) days.push(day);
  }
  return days;
}

function resolve(calendar: WorkingCalendar, rule: RecurringRule, scheduledDay: number): RawOccurrence {
  const time = rule.kind === 'weekly' ? parseTimeOfDay(rule.time) : timeOf(calendar, rule);
  const at = (day: number): number => dayStartMs(day) + time;
  const scheduledMs = at(scheduledDay);
  let day: number | null;
  if (rule.kind === 'weekly') {
    const working = isWorkingDayNumber(calendar, scheduledDay);
    day = working
      ? scheduledDay
      : rule.onNonWorkingDay === 'next-working-day'
        ? nextWorkingDayNumber(calendar, scheduledDay, false)
        : rule.onNonWorkingDay === 'previous-working-day'
          ? previousWorkingDayNumber(calendar, scheduledDay, false)
          : null;
  } else {
    day = rollDayNumber(calendar, scheduledDay, rule.roll ?? 'next-working-day');
  }
  const status = day === null ? 'skipped' : day === scheduledDay ? 'on-schedule' : 'moved';
  return { scheduledDay, day, dueMs: day === null ? null : at(day), scheduledMs, status };
}

function timeOf(calendar: WorkingCalendar, rule: Exclude<RecurringRule, { kind: 'weekly' }>): number {
  return rule.time === undefined ? calendar.dateDeadlineMs : parseTimeOfDay(rule.time);
}

function schedule(
  calendar: WorkingCalendar,
  rule: RecurringRule,
  fromDay: number,
  toDay: number,
): RawOccurrence[] {
  const lo = Math.max(fromDay, calendar.index.firstDay);
  const hi = Math.min(toDay, calendar.index.firstDay + calendar.index.dayCount - 1);
  const raw = scheduledDays(rule, lo, hi).map((day) => resolve(calendar, rule, day));
  // A moved occurrence that reaches the next one's date merges into it: one report, not two.
  let nextDay = Infinity;
  for (let i = raw.length - 1; i >= 0; i--) {
    const occurrence = raw[i];
    if (occurrence === undefined || occurrence.day === null) continue;
    const later = occurrence.status === 'moved' && occurrence.day > occurrence.scheduledDay;
    if (later && occurrence.day >= nextDay) occurrence.status = 'skipped';
    else nextDay = occurrence.day;
  }
  // Brought forward, it merges into the previous one when it reaches that one's date.
  let previousDay = -Infinity;
  for (const occurrence of raw) {
    if (occurrence.day === null || occurrence.status === 'skipped') continue;
    const earlier = occurrence.status === 'moved' && occurrence.day < occurrence.scheduledDay;
    if (earlier && occurrence.day <= previousDay) occurrence.status = 'skipped';
    else previousDay = occurrence.day;
  }
  return raw;
}

function toOccurrence(raw: RawOccurrence): Occurrence {
  const skipped = raw.status === 'skipped';
  return {
    scheduledDate: localDateOfDay(raw.scheduledDay),
    date: skipped || raw.day === null ? null : localDateOfDay(raw.day),
    dueAt: skipped || raw.dueMs === null ? null : new Date(raw.dueMs),
    status: raw.status,
  };
}

/**
 * Occurrences whose due instant (or, for skipped ones, scheduled instant) lies in [from, to],
 * in order. Skipped ones are listed so a report view can say why a week has no report.
 */
export function listOccurrences(
  calendar: WorkingCalendar,
  rule: RecurringRule,
  from: Instant,
  to: Instant,
): Occurrence[] {
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  return schedule(calendar, rule, localDayOf(fromMs) - SLACK_DAYS, localDayOf(toMs) + SLACK_DAYS)
    .filter((raw) => {
      const ms = raw.status === 'skipped' ? raw.scheduledMs : (raw.dueMs ?? raw.scheduledMs);
      return ms >= fromMs && ms <= toMs;
    })
    .map(toOccurrence);
}

/** The first occurrence due strictly after the instant, or null when none is in range. */
export function nextOccurrence(
  calendar: WorkingCalendar,
  rule: RecurringRule,
  after: Instant,
): Occurrence | null {
  const raw = nextOccurrenceRaw(calendar, rule, toEpochMs(after));
  return raw === null ? null : toOccurrence(raw);
}

export function nextOccurrenceRaw(
  calendar: WorkingCalendar,
  rule: RecurringRule,
  afterMs: number,
): RawOccurrence | null {
  const day = localDayOf(afterMs);
  // A short window answers nearly every call; the long one covers sparse schedules (one month a year).
  for (const span of [70, 800]) {
    const found = schedule(calendar, rule, day - SLACK_DAYS, day + span).find(
      (raw) => raw.status !== 'skipped' && raw.dueMs !== null && raw.dueMs > afterMs,
    );
    if (found !== undefined) return found;
  }
  return null;
}
