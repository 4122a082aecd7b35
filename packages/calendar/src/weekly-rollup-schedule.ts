import { parseDeadlineRule } from './deadline-rules';
import type { WeeklyRule } from './deadline-rules';
import { scheduledDateInWeekOf, weeklyCutOff, weeklyCutOffsBetween } from './weekly-cut-off';
import type { WeeklyCutOff } from './weekly-cut-off';
import type { WorkingCalendar } from './working-calendar';
import { shanghaiInstant } from './shanghai-time';

/**
 * Seed 003: departments report every Wednesday before 15:00 (每周三15时前) and the office merges
 * the reports (汇总). A holiday Wednesday brings the cut-off forward to the working day before, so
 * every week still gets its roll-up before the break; the weekly reports themselves are not owed
 * that week (节假日除外). When the working day before falls on or before the previous cut-off's
 * day, the week merges into the previous one (weeklyCutOff's rule). docs/rollup.md has the rest.
 */
export const DEFAULT_WEEKLY_ROLLUP_RULE: WeeklyRule = {
  kind: 'weekly',
  weekday: 3,
  time: '15:00',
  onNonWorkingDay: 'previous-working-day',
};

export interface WeeklyRollupSchedule {
  /** The cut-off; the same in every subgraph (each takes its own part at it). */
  rule: WeeklyRule;
  /** How far back a runner looks for weeks not rolled up yet (a fresh deployment back-fills this far). */
  lookbackDays: number;
}

export const DEFAULT_WEEKLY_ROLLUP_SCHEDULE: WeeklyRollupSchedule = {
  rule: DEFAULT_WEEKLY_ROLLUP_RULE,
  lookbackDays: 28,
};

/** A schedule from configuration (JSON of a weekly rule); throws a TypeError if invalid. */
export function parseWeeklyRollupRule(json: string): WeeklyRule {
  const rule = parseDeadlineRule(JSON.parse(json));
  if (rule.kind !== 'weekly') throw new TypeError('the weekly roll-up needs a weekly rule');
  return rule;
}

/** The cut-off of the week the rule names `weekOf` (null: not a scheduled day, or merged away). */
export const rollupCutOff = (
  calendar: WorkingCalendar,
  schedule: WeeklyRollupSchedule,
  weekOf: string,
): WeeklyCutOff | null => weeklyCutOff(calendar, schedule.rule, weekOf);

/** The cut-offs that have fallen within the lookback, oldest first. */
export function rollupCutOffsDue(
  calendar: WorkingCalendar,
  schedule: WeeklyRollupSchedule,
  now: Date,
): WeeklyCutOff[] {
  const from = new Date(now.getTime() - schedule.lookbackDays * 86_400_000);
  return weeklyCutOffsBetween(calendar, schedule.rule, from, now);
}

/** The day the rule names in the week (Monday–Sunday) of any date. */
export const rollupWeekOf = (
  calendar: WorkingCalendar,
  schedule: WeeklyRollupSchedule,
  date: string,
): string | null => scheduledDateInWeekOf(calendar, schedule.rule, date);

/** The instants a week's part is computed at (Asia/Shanghai). */
export interface RollupInstants {
  weekOf: string;
  cutOffAt: Date;
  periodStartsAt: Date;
  /** Monday 00:00 of the week and the Monday after (exclusive). */
  weekStartsAt: Date;
  weekEndsAt: Date;
}

export function rollupInstants(cutOff: WeeklyCutOff): RollupInstants {
  return {
    weekOf: cutOff.scheduledDate,
    cutOffAt: cutOff.cutOffAt,
    periodStartsAt: cutOff.previousCutOffAt,
    weekStartsAt: shanghaiInstant(cutOff.weekStartsOn),
    weekEndsAt: shanghaiInstant(cutOff.weekEndsOn, '24:00'),
  };
}
