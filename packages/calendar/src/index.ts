// @eco/calendar: the PRC working-day calendar in Asia/Shanghai and every deadline rule over it.
// Pure: no I/O, no clock reads, no process.env; callers pass calendar overrides and instants in.
export { shanghaiInstant, localDateOf, formatShanghai } from './shanghai-time';
export type { Instant, LocalDate, TimeOfDay } from './shanghai-time';

export { DEFAULT_OFFICE_HOURS } from './office-hours';
export type { OfficeHours, OfficeHoursConfig } from './office-hours';

export { BASE_CALENDAR_DATA } from './base-calendar-data';
export type { BaseCalendarData, CalendarEntry, DayName } from './base-calendar-data';

export {
  createWorkingCalendar,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  countWorkingDays,
} from './working-calendar';
export type {
  CalendarOverride,
  DayInfo,
  DayKind,
  WorkingCalendar,
  WorkingCalendarOptions,
} from './working-calendar';

export { addWorkingDays, isWorkingInstant, rollToWorkingTime, workingDaysBetween } from './working-time';

export { parseDeadlineRule, isRecurringRule, QUARTER_MONTHS } from './deadline-rules';
export type {
  DeadlineRule,
  RecurringRule,
  RollDirection,
  WorkingDaysRule,
  CalendarPeriodRule,
  WorkingDaysBeforeRule,
  DayOfMonthRule,
  QuarterMonthRule,
  WeeklyRule,
  LongTermRule,
} from './deadline-rules';

export { computeDueAt } from './deadline-calculator';
export { listOccurrences, nextOccurrence } from './occurrences';
export type { Occurrence } from './occurrences';

export { isoWeekOf, scheduledDateInWeekOf, weeklyCutOff, weeklyCutOffsBetween } from './weekly-cut-off';
export type { WeeklyCutOff } from './weekly-cut-off';

export { explainDeadline } from './deadline-explanation';
export type { DayNote, DeadlineExplanation, ExplanationStep } from './deadline-explanation';
export { describeRule } from './rule-descriptions';
export type { BilingualText } from './rule-descriptions';

export { startClock, reduceClock, clockStatus, ClockTransitionError } from './sla-clock';
export type {
  ClockAdjustment,
  ClockEvent,
  ClockStatus,
  ClockTransition,
  EpochMs,
  SlaClock,
  StartClockInput,
} from './sla-clock';
export { recomputeClocks } from './clock-recompute';
export type { DueDateChange, RecomputeResult } from './clock-recompute';
export {
  DEFAULT_WEEKLY_ROLLUP_RULE,
  DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  parseWeeklyRollupRule,
  rollupCutOff,
  rollupCutOffsDue,
  rollupInstants,
  rollupWeekOf,
} from './weekly-rollup-schedule';
export type { RollupInstants, WeeklyRollupSchedule } from './weekly-rollup-schedule';
