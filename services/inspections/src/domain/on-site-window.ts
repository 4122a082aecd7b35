import type { LocalDate, WorkingCalendar } from '@eco/calendar';
import { datePlus } from './inspections-calendar';

/**
 * Seed 000 §四: each unit is inspected on site for about a week (原则上每个单位的进驻时间为一周),
 * within the round's period (8–10月); only the group's decision extends it.
 */
export const ON_SITE_WINDOW_MAX_DAYS = 7;

export type WindowProblem =
  | { kind: 'ENDS_BEFORE_START' }
  | { kind: 'OUTSIDE_ROUND'; periodStart: LocalDate; periodEnd: LocalDate }
  | { kind: 'TOO_LONG'; latestEnd: LocalDate };

/** The last day a window starting on `from` may end without an extension (7 days, both ends counted). */
export function latestPlannedEnd(calendar: WorkingCalendar, from: LocalDate): LocalDate {
  return datePlus(calendar, from, 'day', ON_SITE_WINDOW_MAX_DAYS - 1);
}

export function isInsidePeriod(date: LocalDate, period: { start: LocalDate; end: LocalDate }): boolean {
  return period.start <= date && date <= period.end;
}

/** What is wrong with a planned window (none when it is fine). Extensions skip the length check. */
export function windowProblems(
  calendar: WorkingCalendar,
  window: { from: LocalDate; until: LocalDate },
  period: { start: LocalDate; end: LocalDate },
  options: { extension: boolean },
): WindowProblem[] {
  if (window.until < window.from) return [{ kind: 'ENDS_BEFORE_START' }];
  const problems: WindowProblem[] = [];
  if (!isInsidePeriod(window.from, period) || !isInsidePeriod(window.until, period)) {
    problems.push({ kind: 'OUTSIDE_ROUND', periodStart: period.start, periodEnd: period.end });
  }
  const latestEnd = latestPlannedEnd(calendar, window.from);
  if (!options.extension && window.until > latestEnd) problems.push({ kind: 'TOO_LONG', latestEnd });
  return problems;
}

/**
 * Seed 000 §五(一): the public notice goes up on the unit's notice board a week before the visit and
 * stays up during it (巡察前一周及巡察期间). The visit may start once it has been up a full week.
 */
export function noticeUpAWeekOn(calendar: WorkingCalendar, postedOn: LocalDate): LocalDate {
  return datePlus(calendar, postedOn, 'week', 1);
}

export interface PublicNoticeView {
  postedOn: LocalDate;
  removedOn: LocalDate | null;
  upAWeekOn: LocalDate;
  /** Null while the visit's start is unknown. */
  postedAWeekBefore: boolean | null;
  /** Null while the notice is still up before the visit has ended. */
  upThroughVisit: boolean | null;
}

/** How the posted notice measures up to the visit: the actual dates once known, the plan until then. */
export function publicNoticeView(
  calendar: WorkingCalendar,
  notice: { postedOn: LocalDate; removedOn: LocalDate | null },
  visit: { start: LocalDate | null; end: LocalDate | null; ended: boolean },
): PublicNoticeView {
  const upAWeekOn = noticeUpAWeekOn(calendar, notice.postedOn);
  let upThroughVisit: boolean | null = null;
  if (notice.removedOn !== null && visit.end !== null) upThroughVisit = notice.removedOn >= visit.end;
  else if (notice.removedOn === null && visit.ended) upThroughVisit = true;
  return {
    postedOn: notice.postedOn,
    removedOn: notice.removedOn,
    upAWeekOn,
    postedAWeekBefore: visit.start === null ? null : upAWeekOn <= visit.start,
    upThroughVisit,
  };
}
