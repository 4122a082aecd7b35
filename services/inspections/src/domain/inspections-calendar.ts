import { computeDueAt, createWorkingCalendar, localDateOf, shanghaiInstant } from '@eco/calendar';
import type { LocalDate, WorkingCalendar } from '@eco/calendar';

/** The built-in PRC calendar (Asia/Shanghai); every date rule of this subgraph goes through it. */
export const inspectionsCalendar: WorkingCalendar = createWorkingCalendar();

/**
 * The date a plain calendar count of days or weeks after `date` lands on (no roll onto a working
 * day): "a week before the visit" and "about a week on site" are calendar weeks, not working days.
 */
export function datePlus(
  calendar: WorkingCalendar,
  date: LocalDate,
  unit: 'day' | 'week',
  amount: number,
): LocalDate {
  const due = computeDueAt(
    calendar,
    { kind: 'calendar-period', unit, amount, roll: 'none' },
    shanghaiInstant(date, '12:00'),
  );
  return localDateOf(due!);
}

/** Today in Asia/Shanghai. */
export const shanghaiToday = (now: Date): LocalDate => localDateOf(now);
