import { addWorkingDays, listOccurrences, shanghaiInstant } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import { platformOf } from './categories';
import type { SupervisionCategory } from './categories';
import { addMonths, yearAndMonth } from './periods';
import type { Period } from './periods';

/**
 * Seed 001 annex 6 (督办事项填报节点要求): the day of each month a category's monthly report is due.
 * Configurable per category (annex 6's own note: the nodes follow the higher authority's, and move
 * when it moves them; annex 1 says the 8th for leader instructions where annex 6 says the 6th).
 * Categories absent here have no monthly report until the office configures one.
 */
export const DEFAULT_REPORTING_DAYS: Readonly<Partial<Record<SupervisionCategory, number>>> = {
  LEADER_INSTRUCTION: 6,
  DISTRICT_KEY_TASK: 20,
  HISTORICAL_PROBLEM: 20,
  BUREAU_KEY_TASK: 20,
  PRACTICAL_PROJECT: 25,
  LIVELIHOOD_PROJECT: 28,
};

/** Items off the three platforms reach the General Office this many working days before the node. */
export const OFF_PLATFORM_LEAD_WORKING_DAYS = 1;

export interface ReportingSchedule {
  category: SupervisionCategory;
  dayOfMonth: number;
  /** True when the office set the day; false for annex 6's default. */
  configured: boolean;
}

/** The schedule in force: the office's configured day, else annex 6's, else none. */
export function effectiveSchedule(
  category: SupervisionCategory,
  configuredDay: number | null | undefined,
): ReportingSchedule | null {
  if (configuredDay !== null && configuredDay !== undefined) {
    return { category, dayOfMonth: configuredDay, configured: true };
  }
  const day = DEFAULT_REPORTING_DAYS[category];
  return day === undefined ? null : { category, dayOfMonth: day, configured: false };
}

export interface ReportDeadline {
  period: Period;
  /** The node itself: the day of the month, moved to the working day before when it is not one. */
  nodeAt: Date;
  /** When the department's report is due: the node on a platform, one working day earlier off it. */
  dueAt: Date;
  onPlatform: boolean;
}

/**
 * When a category's report for a period is due. "每月N日前填报": the node is the Nth at the end of
 * office hours (17:30), moved to the previous working day when the Nth is a weekend or holiday (a
 * "before the Nth" deadline cannot move later). Off the platforms the department's report is due
 * one working day before that.
 */
export function reportDeadline(
  calendar: WorkingCalendar,
  category: SupervisionCategory,
  dayOfMonth: number,
  period: Period,
): ReportDeadline {
  const { month } = yearAndMonth(period);
  const from = shanghaiInstant(`${addMonths(period, -1)}-01`);
  const to = shanghaiInstant(`${addMonths(period, 2)}-01`);
  const occurrence = listOccurrences(
    calendar,
    { kind: 'day-of-month', day: dayOfMonth, months: [month], roll: 'previous-working-day' },
    from,
    to,
  ).find((o) => o.scheduledDate.startsWith(period) && o.dueAt !== null);
  if (!occurrence?.dueAt) throw new RangeError(`no reporting day ${dayOfMonth} in ${period}`);
  const onPlatform = platformOf(category) !== null;
  const dueAt = onPlatform
    ? occurrence.dueAt
    : addWorkingDays(calendar, occurrence.dueAt, -OFF_PLATFORM_LEAD_WORKING_DAYS);
  return { period, nodeAt: occurrence.dueAt, dueAt, onPlatform };
}
