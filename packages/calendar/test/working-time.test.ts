import {
  addWorkingDays,
  createWorkingCalendar,
  isWorkingInstant,
  rollToWorkingTime,
  shanghaiInstant as at,
  workingDaysBetween,
} from '../src/index';

const calendar = createWorkingCalendar();
const add = (date: string, time: string, days: number): Date =>
  addWorkingDays(calendar, at(date, time), days);

describe('half working days (default hours 09:00–12:00 and 13:00–17:30)', () => {
  it('half a day from 16:00 Friday is 11:00 Monday: two thirds into the afternoon maps to two thirds into the morning', () => {
    expect(add('2025-09-19', '16:00', 0.5)).toEqual(at('2025-09-22', '11:00'));
  });

  it('half a day from 10:00 Monday is 14:30 the same day: one third into the morning maps to one third into the afternoon', () => {
    expect(add('2025-09-22', '10:00', 0.5)).toEqual(at('2025-09-22', '14:30'));
  });

  it('half a day from the start of a half ends when that half ends', () => {
    expect(add('2025-09-22', '09:00', 0.5)).toEqual(at('2025-09-22', '12:00'));
    expect(add('2025-09-22', '13:00', 0.5)).toEqual(at('2025-09-22', '17:30'));
  });

  it('rolls an instant outside office hours to the start of the next working half first', () => {
    expect(add('2025-09-22', '12:30', 0.5)).toEqual(at('2025-09-22', '17:30'));
    expect(add('2025-09-22', '20:00', 0.5)).toEqual(at('2025-09-23', '12:00'));
    expect(add('2025-09-22', '07:00', 0.5)).toEqual(at('2025-09-22', '12:00'));
    expect(add('2025-09-20', '11:00', 0.5)).toEqual(at('2025-09-22', '12:00'));
  });

  it('treats the close of business as the end of the day, so half a day later is the next noon', () => {
    expect(add('2025-09-22', '17:30', 0.5)).toEqual(at('2025-09-23', '12:00'));
  });

  it('keeps the time of day for whole working days', () => {
    expect(add('2025-09-22', '10:00', 1)).toEqual(at('2025-09-23', '10:00'));
    expect(add('2025-09-22', '15:45', 3)).toEqual(at('2025-09-25', '15:45'));
  });

  it('ends a whole-day count from a weekend at close of business on the last day', () => {
    expect(add('2025-09-20', '10:00', 1)).toEqual(at('2025-09-22', '17:30'));
  });

  it('subtracts working days when negative', () => {
    expect(add('2025-10-09', '10:00', -1)).toEqual(at('2025-09-30', '10:00'));
    expect(add('2025-09-22', '14:30', -0.5)).toEqual(at('2025-09-22', '10:00'));
  });

  it('rejects amounts that are not multiples of half a day', () => {
    expect(() => add('2025-09-22', '10:00', 0.3)).toThrow(RangeError);
  });
});

describe('working days across National Day 2025 (10-01 to 10-08 off, 09-28 and 10-11 worked)', () => {
  it('counts Sunday 09-28 as a working day', () => {
    expect(add('2025-09-26', '16:00', 0.5)).toEqual(at('2025-09-28', '11:00'));
    expect(add('2025-09-27', '11:00', 0.5)).toEqual(at('2025-09-28', '12:00'));
  });

  it('jumps the holiday for half, 1, 2 and 2.5 working days from 30 September', () => {
    expect(add('2025-09-30', '16:00', 0.5)).toEqual(at('2025-10-09', '11:00'));
    expect(add('2025-09-30', '16:00', 1)).toEqual(at('2025-10-09', '16:00'));
    expect(add('2025-09-30', '10:00', 2)).toEqual(at('2025-10-10', '10:00'));
    expect(add('2025-09-30', '10:00', 2.5)).toEqual(at('2025-10-10', '14:30'));
  });

  it('counts Saturday 10-11 as a working day', () => {
    expect(add('2025-10-10', '16:00', 0.5)).toEqual(at('2025-10-11', '11:00'));
  });

  it('gives 15 working days from Friday 09-26 10:00 as Thursday 10-23 10:00', () => {
    expect(add('2025-09-26', '10:00', 15)).toEqual(at('2025-10-23', '10:00'));
  });

  it('starts counting from 10-09 09:00 for an instant inside the holiday', () => {
    expect(add('2025-10-04', '10:00', 1)).toEqual(at('2025-10-09', '17:30'));
    expect(rollToWorkingTime(calendar, at('2025-09-30', '20:00'))).toEqual(at('2025-10-09', '09:00'));
  });
});

describe('working days across Spring Festival', () => {
  it('2024: 02-10 to 02-17 off, Sundays 02-04 and 02-18 worked', () => {
    expect(add('2024-02-08', '16:00', 0.5)).toEqual(at('2024-02-09', '11:00'));
    expect(add('2024-02-09', '16:00', 0.5)).toEqual(at('2024-02-18', '11:00'));
    expect(add('2024-02-04', '10:00', 1)).toEqual(at('2024-02-05', '10:00'));
    expect(add('2024-02-09', '14:00', 2)).toEqual(at('2024-02-19', '14:00'));
    expect(add('2024-02-09', '10:00', 2.5)).toEqual(at('2024-02-19', '14:30'));
    expect(add('2024-02-05', '09:30', 15)).toEqual(at('2024-03-01', '09:30'));
  });

  it('2025: 01-28 to 02-04 off, Sunday 01-26 and Saturday 02-08 worked', () => {
    expect(add('2025-01-24', '16:00', 0.5)).toEqual(at('2025-01-26', '11:00'));
    expect(add('2025-01-27', '16:00', 0.5)).toEqual(at('2025-02-05', '11:00'));
    expect(add('2025-01-27', '10:00', 1)).toEqual(at('2025-02-05', '10:00'));
    expect(add('2025-01-27', '10:00', 2)).toEqual(at('2025-02-06', '10:00'));
    expect(add('2025-01-27', '10:00', 2.5)).toEqual(at('2025-02-06', '14:30'));
    expect(add('2025-01-20', '10:00', 15)).toEqual(at('2025-02-14', '10:00'));
  });

  it('2026: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(add('2026-02-13', '16:00', 0.5)).toEqual(at('2026-02-14', '11:00'));
    expect(add('2026-02-14', '16:00', 0.5)).toEqual(at('2026-02-24', '11:00'));
    expect(add('2026-02-14', '14:00', 1)).toEqual(at('2026-02-24', '14:00'));
    expect(add('2026-02-14', '10:00', 2.5)).toEqual(at('2026-02-25', '14:30'));
    expect(add('2026-02-09', '10:00', 15)).toEqual(at('2026-03-06', '10:00'));
  });
});

describe('working instants', () => {
  it('include both ends of each half and exclude lunch, evenings, weekends and holidays', () => {
    expect(isWorkingInstant(calendar, at('2025-09-22', '09:00'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-09-22', '17:30'))).toBe(true);
    expect(isWorkingInstant(calendar, at('2025-09-22', '12:30'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-09-22', '18:00'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-09-27', '10:00'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-10-02', '10:00'))).toBe(false);
    expect(isWorkingInstant(calendar, at('2025-09-28', '10:00'))).toBe(true);
  });

  it('measure working time between instants in working days', () => {
    expect(workingDaysBetween(calendar, at('2025-09-30', '10:00'), at('2025-10-10', '10:00'))).toBe(2);
    expect(workingDaysBetween(calendar, at('2025-09-19', '16:00'), at('2025-09-22', '11:00'))).toBe(0.5);
    expect(workingDaysBetween(calendar, at('2025-10-10', '10:00'), at('2025-09-30', '10:00'))).toBe(-2);
  });
});

describe('configurable office hours', () => {
  const custom = createWorkingCalendar({
    officeHours: { morning: { start: '08:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } },
  });

  it('use the configured halves for half-day arithmetic', () => {
    // 15:00 is 3/7 into a 3.5 h afternoon; 3/7 into the 08:30–12:00 morning is 10:00.
    expect(addWorkingDays(custom, at('2025-09-19', '15:00'), 0.5)).toEqual(at('2025-09-22', '10:00'));
    expect(addWorkingDays(custom, at('2025-09-20', '10:00'), 0.5)).toEqual(at('2025-09-22', '12:00'));
    expect(rollToWorkingTime(custom, at('2025-09-22', '08:00'))).toEqual(at('2025-09-22', '08:30'));
  });

  it('end date deadlines at the end of the configured afternoon by default', () => {
    expect(custom.dateDeadlineTime).toBe('17:00');
  });

  it('reject overlapping halves', () => {
    expect(() =>
      createWorkingCalendar({
        officeHours: {
          morning: { start: '09:00', end: '14:00' },
          afternoon: { start: '13:00', end: '17:30' },
        },
      }),
    ).toThrow(RangeError);
  });
});
