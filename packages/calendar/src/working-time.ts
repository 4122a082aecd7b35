// Working time as a single number line. Every working day contributes two halves (morning,
// afternoon) of `halfTicks` positions each; nights, lunch, weekends and holidays contribute
// nothing. A position inside a half is proportional to the elapsed part of that half, so adding
// whole halves keeps "the same relative position" in the target half (10:00 is one third into
// a 09:00–12:00 morning, so half a day later is one third into a 13:00–17:30 afternoon: 14:30).
// Positions come from the calendar index in O(1): no day-by-day loop per call.
import { isWorkingFlags } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';
import { DAY_MS, SHANGHAI_OFFSET_MS, toEpochMs } from './shanghai-time';
import type { Instant } from './shanghai-time';

function outOfRange(calendar: WorkingCalendar, ms: number): RangeError {
  return new RangeError(
    `${new Date(ms).toISOString()} is outside the supported calendar range ${calendar.firstDate}..${calendar.lastDate}`,
  );
}

/** Position of an instant in working time; instants outside office hours sit at the next half's start. */
export function workingPosition(calendar: WorkingCalendar, ms: number): number {
  const { index, officeHours: hours } = calendar;
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const offset = day - index.firstDay;
  if (offset < 0 || offset >= index.dayCount) throw outOfRange(calendar, ms);
  const ticks = index.halfTicks;
  const before = (index.cumulative[offset] ?? 0) * 2 * ticks;
  if (!isWorkingFlags(index.flags[offset] ?? 0)) return before;
  const time = local - day * DAY_MS;
  if (time <= hours.morningStart) return before;
  if (time <= hours.morningEnd) {
    return (
      before + Math.floor(((time - hours.morningStart) * ticks) / (hours.morningEnd - hours.morningStart))
    );
  }
  if (time <= hours.afternoonStart) return before + ticks;
  if (time <= hours.afternoonEnd) {
    return (
      before +
      ticks +
      Math.floor(((time - hours.afternoonStart) * ticks) / (hours.afternoonEnd - hours.afternoonStart))
    );
  }
  return before + 2 * ticks;
}

/**
 * The instant at a working-time position. A position on a half boundary is the END of the
 * earlier half (12:00 rather than 13:00, 17:30 rather than 09:00 next day): a deadline that
 * lands on a boundary is due when the office closes, not when it reopens.
 * Round-trips exactly: workingPosition(instantAtPosition(p)) === p.
 */
export function instantAtPosition(calendar: WorkingCalendar, position: number): number {
  const { index, officeHours: hours } = calendar;
  const ticks = index.halfTicks;
  let half = Math.floor(position / ticks);
  let into = position - half * ticks;
  if (into === 0) {
    half -= 1;
    into = ticks;
  }
  const dayOffset = index.workingDays[half >> 1];
  if (half < 0 || dayOffset === undefined) throw outOfRange(calendar, Number.NaN);
  const dayStart = (index.firstDay + dayOffset) * DAY_MS - SHANGHAI_OFFSET_MS;
  const morning = (half & 1) === 0;
  const start = morning ? hours.morningStart : hours.afternoonStart;
  const length = (morning ? hours.morningEnd : hours.afternoonEnd) - start;
  return dayStart + start + Math.ceil((into * length) / ticks);
}

function halfSteps(days: number): number {
  const halves = days * 2;
  if (!Number.isInteger(halves)) throw new RangeError(`Working days must be a multiple of 0.5, got ${days}`);
  return halves;
}

/** Epoch-ms form of addWorkingDays, for internal callers that avoid allocating Dates. */
export function addWorkingDaysMs(calendar: WorkingCalendar, ms: number, days: number): number {
  const halves = halfSteps(days);
  const position = workingPosition(calendar, ms);
  if (halves === 0) return rollToWorkingTimeMs(calendar, ms);
  return instantAtPosition(calendar, position + halves * calendar.index.halfTicks);
}

/**
 * Adds (or, when negative, subtracts) working days in multiples of 0.5. An instant outside
 * office hours first rolls to the start of the next working half; 0 only does that roll.
 */
export function addWorkingDays(calendar: WorkingCalendar, at: Instant, days: number): Date {
  return new Date(addWorkingDaysMs(calendar, toEpochMs(at), days));
}

/** Moves working time along by a number of positions (used for pauses and thresholds). */
export function shiftByPositions(calendar: WorkingCalendar, ms: number, positions: number): number {
  if (positions === 0) return ms;
  return instantAtPosition(calendar, workingPosition(calendar, ms) + positions);
}

/** True on a working day within a half session, both ends included (17:30 itself is working). */
export function isWorkingInstant(calendar: WorkingCalendar, at: Instant): boolean {
  const ms = toEpochMs(at);
  const { index, officeHours: hours } = calendar;
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const offset = day - index.firstDay;
  if (offset < 0 || offset >= index.dayCount) throw outOfRange(calendar, ms);
  if (!isWorkingFlags(index.flags[offset] ?? 0)) return false;
  const time = local - day * DAY_MS;
  return (
    (time >= hours.morningStart && time <= hours.morningEnd) ||
    (time >= hours.afternoonStart && time <= hours.afternoonEnd)
  );
}

export function rollToWorkingTimeMs(calendar: WorkingCalendar, ms: number): number {
  if (isWorkingInstant(calendar, ms)) return ms;
  // One position further is just inside the next half; back off to that half's start.
  const next = instantAtPosition(calendar, workingPosition(calendar, ms) + 1);
  const hours = calendar.officeHours;
  const local = next + SHANGHAI_OFFSET_MS;
  const time = local - Math.floor(local / DAY_MS) * DAY_MS;
  return next - time + (time <= hours.morningEnd ? hours.morningStart : hours.afternoonStart);
}

/** The instant itself when in office hours, else the start of the next working half. */
export function rollToWorkingTime(calendar: WorkingCalendar, at: Instant): Date {
  return new Date(rollToWorkingTimeMs(calendar, toEpochMs(at)));
}

/** Working time between two instants, in working days (negative when `to` is earlier). */
export function workingDaysBetween(calendar: WorkingCalendar, from: Instant, to: Instant): number {
  const delta = workingPosition(calendar, toEpochMs(to)) - workingPosition(calendar, toEpochMs(from));
  return delta / (2 * calendar.index.halfTicks);
}
