import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addWorkingDays, createWorkingCalendar, isWorkingInstant, shanghaiInstant } from '../src/index';

// These properties run under TZ=UTC, Asia/Shanghai and America/New_York (see the test script),
// so passing them in every run is what shows the results do not depend on the process TZ.
const calendar = createWorkingCalendar();
const FROM = shanghaiInstant('2020-01-01').getTime();
const TO = shanghaiInstant('2026-10-31').getTime();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const anyInstant = fc.integer({ min: FROM, max: TO });
const minuteInstant = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE);
const halfDays = (max: number) => fc.integer({ min: 1, max: max * 2 }).map((h) => h / 2);
const wholeDays = (max: number) => fc.integer({ min: 1, max });

// An independent reference: walk half sessions one at a time over the raw chinese-days JSON,
// with its own weekday rule, instead of the precomputed index.
const OFFSET = 8 * HOUR;
const SESSIONS = [
  [9 * HOUR, 12 * HOUR],
  [13 * HOUR, 17.5 * HOUR],
] as const;
const holidays = chineseDays.holidays as Record<string, string>;
const workdays = chineseDays.workdays as Record<string, string>;
function referenceWorking(day: number): boolean {
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  if (date in workdays) return true;
  if (date in holidays) return false;
  const weekday = new Date(day * DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
function referenceAdd(ms: number, days: number): number {
  let day = Math.floor((ms + OFFSET) / DAY);
  const time = ms + OFFSET - day * DAY;
  // Find the current half and the fraction of it already elapsed.
  let half: number;
  let fraction: number;
  if (!referenceWorking(day) || time >= SESSIONS[1][1]) {
    do day++;
    while (!referenceWorking(day));
    [half, fraction] = [0, 0];
  } else if (time < SESSIONS[0][0]) [half, fraction] = [0, 0];
  else if (time <= SESSIONS[0][1]) [half, fraction] = [0, (time - SESSIONS[0][0]) / (3 * HOUR)];
  else if (time < SESSIONS[1][0]) [half, fraction] = [1, 0];
  else [half, fraction] = [1, (time - SESSIONS[1][0]) / (4.5 * HOUR)];
  // A fraction of 0 means "at the end of the previous half": step there first.
  let remaining = days * 2;
  if (fraction === 0) {
    remaining -= 1;
    fraction = 1;
  }
  while (remaining > 0) {
    half++;
    if (half === 2) {
      half = 0;
      do day++;
      while (!referenceWorking(day));
    }
    remaining--;
  }
  const [start, end] = SESSIONS[half as 0 | 1];
  return day * DAY - OFFSET + start + Math.round(fraction * (end - start));
}

describe('working-day arithmetic properties', () => {
  it('always lands on a working instant, strictly after the start', () => {
    fc.assert(
      fc.property(anyInstant, halfDays(20), (ms, days) => {
        const due = addWorkingDays(calendar, ms, days);
        return isWorkingInstant(calendar, due) && due.getTime() > ms;
      }),
      { numRuns: 500 },
    );
  });

  it('adding a then b half days equals adding a + b', () => {
    fc.assert(
      fc.property(anyInstant, halfDays(15), halfDays(15), (ms, a, b) => {
        const stepwise = addWorkingDays(calendar, addWorkingDays(calendar, ms, a), b);
        return stepwise.getTime() === addWorkingDays(calendar, ms, a + b).getTime();
      }),
      { numRuns: 500 },
    );
  });

  it('adding a then b whole days equals adding a + b', () => {
    fc.assert(
      fc.property(anyInstant, wholeDays(30), wholeDays(30), (ms, a, b) => {
        const stepwise = addWorkingDays(calendar, addWorkingDays(calendar, ms, a), b);
        return stepwise.getTime() === addWorkingDays(calendar, ms, a + b).getTime();
      }),
      { numRuns: 500 },
    );
  });

  it('never puts a later start after a later result (monotone)', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, halfDays(20), (x, y, days) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        return (
          addWorkingDays(calendar, early, days).getTime() <= addWorkingDays(calendar, late, days).getTime()
        );
      }),
      { numRuns: 300 },
    );
  });

  it('going forward then back the same amount returns to a working instant inside a half', () => {
    fc.assert(
      fc.property(minuteInstant, halfDays(20), (ms, days) => {
        fc.pre(isWorkingInstant(calendar, ms));
        const time = (ms + OFFSET) % DAY;
        fc.pre(time !== SESSIONS[0][0] && time !== SESSIONS[1][0]);
        return addWorkingDays(calendar, addWorkingDays(calendar, ms, days), -days).getTime() === ms;
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a naive half-by-half walk over the published data', () => {
    fc.assert(
      fc.property(minuteInstant, halfDays(20), (ms, days) => {
        return addWorkingDays(calendar, ms, days).getTime() === referenceAdd(ms, days);
      }),
      { numRuns: 1000 },
    );
  });
});
