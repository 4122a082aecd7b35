import type { DeadlineRule } from './deadline-rules';
import { nextOccurrenceRaw } from './occurrences';
import { addMonthsClamped, dayStartMs, localDayOf, parseTimeOfDay, toEpochMs } from './shanghai-time';
import type { Instant } from './shanghai-time';
import { rollDayNumber } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingDaysMs } from './working-time';

/** The local date a calendar period ends on, before any roll: months clamp to month end. */
export function periodEndDay(unit: 'day' | 'week' | 'month', amount: number, fromDay: number): number {
  if (unit === 'month') return addMonthsClamped(fromDay, amount).day;
  return fromDay + amount * (unit === 'week' ? 7 : 1);
}

/** Epoch-ms form of computeDueAt. */
export function computeDueAtMs(
  calendar: WorkingCalendar,
  rule: DeadlineRule,
  anchorMs: number,
): number | null {
  switch (rule.kind) {
    case 'working-days': {
      const due = addWorkingDaysMs(calendar, anchorMs, rule.days);
      if (rule.endOfDay !== true) return due;
      return Math.max(due, dayStartMs(localDayOf(due)) + calendar.dateDeadlineMs);
    }
    case 'calendar-period': {
      const end = periodEndDay(rule.unit, rule.amount, localDayOf(anchorMs));
      const day = rollDayNumber(calendar, end, rule.roll ?? 'next-working-day');
      return (
        dayStartMs(day) + (rule.time === undefined ? calendar.dateDeadlineMs : parseTimeOfDay(rule.time))
      );
    }
    case 'working-days-before': {
      const of = computeDueAtMs(calendar, rule.of, anchorMs);
      return of === null ? null : addWorkingDaysMs(calendar, of, -rule.days);
    }
    case 'day-of-month':
    case 'quarter-month':
    case 'weekly':
      return nextOccurrenceRaw(calendar, rule, anchorMs)?.dueMs ?? null;
    case 'long-term':
      return null;
  }
}

/**
 * When a rule falls due for an anchor instant, in Asia/Shanghai; null for long-term rules.
 * Recurring rules give their first occurrence strictly after the anchor.
 */
export function computeDueAt(calendar: WorkingCalendar, rule: DeadlineRule, anchor: Instant): Date | null {
  const due = computeDueAtMs(calendar, rule, toEpochMs(anchor));
  return due === null ? null : new Date(due);
}
