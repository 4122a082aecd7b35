// Weekly cut-offs (e.g. the Wednesday-15:00 roll-up): which week a cut-off closes, when it falls
// due once holidays are taken into account, and the period since the cut-off before it.
import { listOccurrences } from './occurrences';
import type { WeeklyRule } from './deadline-rules';
import {
  DAY_MS,
  dayFromLocalDate,
  dayStartMs,
  isoWeekdayOfDay,
  localDateOfDay,
  parseTimeOfDay,
  toEpochMs,
} from './shanghai-time';
import type { Instant, LocalDate } from './shanghai-time';
import type { WorkingCalendar } from './working-calendar';

export interface WeeklyCutOff {
  /** The date the rule schedules: it names the week (e.g. the Wednesday). */
  readonly scheduledDate: LocalDate;
  /** When the cut-off falls: the scheduled date, or the day the holiday rule moved it to. */
  readonly cutOffAt: Date;
  readonly moved: boolean;
  /**
   * The cut-off before it (skipped weeks left out): the cut-off covers (previousCutOffAt, cutOffAt].
   * Before a rule's first occurrence, one week before the scheduled instant.
   */
  readonly previousCutOffAt: Date;
  /** Monday and Sunday of the scheduled date's week (items "due this week"). */
  readonly weekStartsOn: LocalDate;
  readonly weekEndsOn: LocalDate;
}

// Far enough back for the previous cut-off across the longest holiday run plus a skipped week.
const LOOKBACK_MS = 40 * DAY_MS;

/** Monday and Sunday of the ISO week containing the date. */
export function isoWeekOf(date: LocalDate): { startsOn: LocalDate; endsOn: LocalDate } {
  const day = dayFromLocalDate(date);
  const monday = day - (isoWeekdayOfDay(day) - 1);
  return { startsOn: localDateOfDay(monday), endsOn: localDateOfDay(monday + 6) };
}

/**
 * The cut-off the rule schedules on `scheduledDate`; null when the rule schedules nothing that day,
 * or skips it (a holiday under 'skip', or a move that merged it into a neighbouring week's).
 */
export function weeklyCutOff(
  calendar: WorkingCalendar,
  rule: WeeklyRule,
  scheduledDate: LocalDate,
): WeeklyCutOff | null {
  const scheduledMs = dayStartMs(dayFromLocalDate(scheduledDate)) + parseTimeOfDay(rule.time);
  const occurrences = listOccurrences(calendar, rule, scheduledMs - LOOKBACK_MS, scheduledMs + LOOKBACK_MS);
  const index = occurrences.findIndex((o) => o.scheduledDate === scheduledDate);
  const occurrence = occurrences[index];
  if (occurrence === undefined || occurrence.dueAt === null) return null;
  const previous = occurrences
    .slice(0, index)
    .filter((o) => o.dueAt !== null)
    .at(-1);
  const week = isoWeekOf(scheduledDate);
  return {
    scheduledDate,
    cutOffAt: occurrence.dueAt,
    moved: occurrence.status === 'moved',
    previousCutOffAt: previous?.dueAt ?? new Date(scheduledMs - 7 * DAY_MS),
    weekStartsOn: week.startsOn,
    weekEndsOn: week.endsOn,
  };
}

/** Every cut-off falling due in [from, to], in order. */
export function weeklyCutOffsBetween(
  calendar: WorkingCalendar,
  rule: WeeklyRule,
  from: Instant,
  to: Instant,
): WeeklyCutOff[] {
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  return listOccurrences(calendar, rule, fromMs - LOOKBACK_MS, toMs + LOOKBACK_MS)
    .filter((o) => o.dueAt !== null && o.dueAt.getTime() >= fromMs && o.dueAt.getTime() <= toMs)
    .map((o) => weeklyCutOff(calendar, rule, o.scheduledDate))
    .filter((c): c is WeeklyCutOff => c !== null);
}

/**
 * The date the rule schedules in the ISO week containing `date` (Monday–Sunday), whether or not it
 * was skipped; null when it schedules nothing that week (another week of a fortnightly rule).
 */
export function scheduledDateInWeekOf(
  calendar: WorkingCalendar,
  rule: WeeklyRule,
  date: LocalDate,
): LocalDate | null {
  const week = isoWeekOf(date);
  // A wide window: a moved occurrence is listed by its due instant, which may lie outside the week.
  const found = listOccurrences(
    calendar,
    rule,
    dayStartMs(dayFromLocalDate(week.startsOn)) - LOOKBACK_MS,
    dayStartMs(dayFromLocalDate(week.endsOn) + 1) + LOOKBACK_MS,
  ).find((o) => o.scheduledDate >= week.startsOn && o.scheduledDate <= week.endsOn);
  return found?.scheduledDate ?? null;
}
