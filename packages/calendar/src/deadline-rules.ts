// Deadline rules are plain JSON data so that they can be stored with a case, sent between
// services and shown to users; the computation lives in deadline-calculator.ts.
import { dayFromLocalDate, parseTimeOfDay } from './shanghai-time';
import type { LocalDate, TimeOfDay } from './shanghai-time';

/** What happens when a date lands on a non-working day. */
export type RollDirection = 'none' | 'next-working-day' | 'previous-working-day';

/** N working days (multiples of 0.5) after the anchor instant, in office-hours working time. */
export interface WorkingDaysRule {
  readonly kind: 'working-days';
  readonly days: number;
  /** Due at the date-deadline time of the day the count ends on, instead of the exact instant. */
  readonly endOfDay?: boolean;
}

/** N calendar days/weeks/months after the anchor's local date; months clamp to month end. */
export interface CalendarPeriodRule {
  readonly kind: 'calendar-period';
  readonly unit: 'day' | 'week' | 'month';
  readonly amount: number;
  /** Default 'next-working-day' (a period ending on a holiday ends the next working day). */
  readonly roll?: RollDirection;
  /** Default: the calendar's date-deadline time (end of office hours, 17:30). */
  readonly time?: TimeOfDay;
}

/** N working days before another deadline (same anchor). */
export interface WorkingDaysBeforeRule {
  readonly kind: 'working-days-before';
  readonly days: number;
  readonly of: DeadlineRule;
}

/** The given day of each month (or of the listed months); 'last' is the month's last day. */
export interface DayOfMonthRule {
  readonly kind: 'day-of-month';
  /** 1–31 (clamped to the month's length) or 'last'. */
  readonly day: number | 'last';
  /** Months 1–12 to use; default all. */
  readonly months?: readonly number[];
  /** Default 'next-working-day'. */
  readonly roll?: RollDirection;
  readonly time?: TimeOfDay;
  /** First scheduled date that counts, for recurring listings. */
  readonly startDate?: LocalDate;
}

/** A day in each quarter month: February, May, August and November. */
export interface QuarterMonthRule {
  readonly kind: 'quarter-month';
  /** Default 'last'. */
  readonly day?: number | 'last';
  readonly roll?: RollDirection;
  readonly time?: TimeOfDay;
  readonly startDate?: LocalDate;
}

/** A weekday at a time of day, every week (or every intervalWeeks weeks from startDate). */
export interface WeeklyRule {
  readonly kind: 'weekly';
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly time: TimeOfDay;
  /**
   * Default 'skip': no occurrence that week. 'next-working-day' moves it later, 'previous-working-day'
   * brings it forward (a cut-off that must not slip past a holiday); a move that reaches another
   * occurrence's date merges into that one.
   */
  readonly onNonWorkingDay?: 'skip' | 'next-working-day' | 'previous-working-day';
  readonly startDate?: LocalDate;
  /** Default 1; larger values need startDate. */
  readonly intervalWeeks?: number;
}

/** Long-term (长期): no deadline. */
export interface LongTermRule {
  readonly kind: 'long-term';
}

export type DeadlineRule =
  | WorkingDaysRule
  | CalendarPeriodRule
  | WorkingDaysBeforeRule
  | DayOfMonthRule
  | QuarterMonthRule
  | WeeklyRule
  | LongTermRule;

export type RecurringRule = DayOfMonthRule | QuarterMonthRule | WeeklyRule;

export const QUARTER_MONTHS: readonly number[] = [2, 5, 8, 11];

export function isRecurringRule(rule: DeadlineRule): rule is RecurringRule {
  return rule.kind === 'day-of-month' || rule.kind === 'quarter-month' || rule.kind === 'weekly';
}

type Json = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new TypeError(`Invalid deadline rule at ${path}: ${message}`);
}

function check(ok: boolean, path: string, message: string): void {
  if (!ok) fail(path, message);
}

const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isHalves = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v * 2) && v >= 0;
const ROLLS = ['none', 'next-working-day', 'previous-working-day'];

function checkOptional(rule: Json, path: string): void {
  if (rule.roll !== undefined) check(ROLLS.includes(rule.roll as string), `${path}.roll`, 'unknown roll');
  if (rule.time !== undefined) {
    check(typeof rule.time === 'string', `${path}.time`, "expected 'HH:MM'");
    parseTimeOfDay(rule.time as string);
  }
  if (rule.startDate !== undefined) {
    check(typeof rule.startDate === 'string', `${path}.startDate`, "expected 'YYYY-MM-DD'");
    dayFromLocalDate(rule.startDate as string);
  }
}

const isDay = (v: unknown): boolean => v === 'last' || isInt(v, 1, 31);

/** Validates untrusted JSON (e.g. from a database or a request) as a DeadlineRule. */
export function parseDeadlineRule(value: unknown, path = 'rule'): DeadlineRule {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, 'expected an object');
  const rule = value as Json;
  checkOptional(rule, path);
  switch (rule.kind) {
    case 'working-days':
      check(isHalves(rule.days), `${path}.days`, 'expected a non-negative multiple of 0.5');
      check(rule.endOfDay === undefined || typeof rule.endOfDay === 'boolean', `${path}.endOfDay`, 'boolean');
      break;
    case 'calendar-period':
      check(['day', 'week', 'month'].includes(rule.unit as string), `${path}.unit`, 'day, week or month');
      check(isInt(rule.amount, 0, 1200), `${path}.amount`, 'expected a non-negative integer');
      break;
    case 'working-days-before':
      check(isHalves(rule.days), `${path}.days`, 'expected a non-negative multiple of 0.5');
      parseDeadlineRule(rule.of, `${path}.of`);
      break;
    case 'day-of-month':
      check(isDay(rule.day), `${path}.day`, "expected 1-31 or 'last'");
      if (rule.months !== undefined) {
        const months = rule.months;
        check(Array.isArray(months) && months.length > 0, `${path}.months`, 'expected months');
        check(
          (months as unknown[]).every((m) => isInt(m, 1, 12)),
          `${path}.months`,
          'expected 1-12',
        );
      }
      break;
    case 'quarter-month':
      check(rule.day === undefined || isDay(rule.day), `${path}.day`, "expected 1-31 or 'last'");
      break;
    case 'weekly':
      check(isInt(rule.weekday, 1, 7), `${path}.weekday`, 'expected 1 (Monday) to 7 (Sunday)');
      check(typeof rule.time === 'string', `${path}.time`, "expected 'HH:MM'");
      check(
        rule.onNonWorkingDay === undefined ||
          ['skip', 'next-working-day', 'previous-working-day'].includes(rule.onNonWorkingDay as string),
        `${path}.onNonWorkingDay`,
        "expected 'skip', 'next-working-day' or 'previous-working-day'",
      );
      check(
        rule.intervalWeeks === undefined || isInt(rule.intervalWeeks, 1, 52),
        `${path}.intervalWeeks`,
        '1-52',
      );
      check(
        (rule.intervalWeeks ?? 1) === 1 || rule.startDate !== undefined,
        `${path}.startDate`,
        'required when intervalWeeks > 1',
      );
      break;
    case 'long-term':
      break;
    default:
      fail(`${path}.kind`, `unknown kind '${String(rule.kind)}'`);
  }
  return rule as unknown as DeadlineRule;
}
