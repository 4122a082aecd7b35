import { formatShanghai, localDateOf, shanghaiInstant } from '../src/index';
import { addMonthsClamped, dayFromLocalDate, isoWeekdayOfDay, localDateOfDay } from '../src/shanghai-time';

describe('Shanghai local time', () => {
  it('places Shanghai midnight at 16:00 UTC the previous day, whatever the process TZ', () => {
    expect(shanghaiInstant('2025-10-01', '00:00').toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(shanghaiInstant('2024-02-10', '17:30').toISOString()).toBe('2024-02-10T09:30:00.000Z');
  });

  it('reads the local date of an instant in Shanghai, not in the process TZ', () => {
    expect(localDateOf(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(localDateOf(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
  });

  it('formats instants as Shanghai wall-clock time', () => {
    expect(formatShanghai(Date.UTC(2023, 8, 13, 7, 0))).toBe('2023-09-13 15:00');
  });

  it('knows the ISO weekday of a date', () => {
    expect(isoWeekdayOfDay(dayFromLocalDate('2023-09-13'))).toBe(3);
    expect(isoWeekdayOfDay(dayFromLocalDate('2025-09-28'))).toBe(7);
    expect(isoWeekdayOfDay(dayFromLocalDate('1970-01-01'))).toBe(4);
  });

  it('clamps a month addition to the last day of a shorter month', () => {
    const plus = (date: string, months: number): string =>
      localDateOfDay(addMonthsClamped(dayFromLocalDate(date), months).day);
    expect(plus('2024-01-31', 1)).toBe('2024-02-29');
    expect(plus('2025-01-31', 1)).toBe('2025-02-28');
    expect(plus('2025-08-31', 1)).toBe('2025-09-30');
    expect(plus('2025-12-31', 2)).toBe('2026-02-28');
    expect(plus('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('rejects impossible dates and times', () => {
    expect(() => shanghaiInstant('2025-02-29')).toThrow(RangeError);
    expect(() => shanghaiInstant('2025-10-01', '25:00')).toThrow(RangeError);
    expect(() => shanghaiInstant('2025/10/01')).toThrow(RangeError);
  });
});

describe('the process time zone', () => {
  // The test script runs the suite under UTC, Asia/Shanghai and America/New_York; every expected
  // value in this package is an absolute instant, so passing in each run shows TZ independence.
  const tz = process.env.TZ;
  (tz === undefined ? it.skip : it)('is the one the test script asked for', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
  });
});
