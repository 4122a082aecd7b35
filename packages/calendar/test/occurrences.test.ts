import {
  createWorkingCalendar,
  formatShanghai,
  listOccurrences,
  nextOccurrence,
  shanghaiInstant as at,
} from '../src/index';
import type { Occurrence, RecurringRule } from '../src/index';

const calendar = createWorkingCalendar();
const summary = (o: Occurrence): string =>
  `${o.scheduledDate} ${o.status}${o.dueAt === null ? '' : ` ${formatShanghai(o.dueAt)}`}`;
const list = (rule: RecurringRule, from: string, to: string): string[] =>
  listOccurrences(calendar, rule, at(from), at(to, '23:59')).map(summary);

describe('the seed-003 weekly report cadence: Wednesday 15:00 from 2023-09-13', () => {
  const weekly: RecurringRule = { kind: 'weekly', weekday: 3, time: '15:00', startDate: '2023-09-13' };

  it('starts on 2023-09-13 and skips Wednesday 10-04 inside the National Day 2023 holiday', () => {
    expect(list(weekly, '2023-09-01', '2023-10-25')).toEqual([
      '2023-09-13 on-schedule 2023-09-13 15:00',
      '2023-09-20 on-schedule 2023-09-20 15:00',
      '2023-09-27 on-schedule 2023-09-27 15:00',
      '2023-10-04 skipped',
      '2023-10-11 on-schedule 2023-10-11 15:00',
      '2023-10-18 on-schedule 2023-10-18 15:00',
      '2023-10-25 on-schedule 2023-10-25 15:00',
    ]);
  });

  it('moves 10-04 to the adjusted workday Saturday 10-07 when configured to move', () => {
    const moving: RecurringRule = { ...weekly, onNonWorkingDay: 'next-working-day' };
    expect(list(moving, '2023-09-25', '2023-10-12')).toEqual([
      '2023-09-27 on-schedule 2023-09-27 15:00',
      '2023-10-04 moved 2023-10-07 15:00',
      '2023-10-11 on-schedule 2023-10-11 15:00',
    ]);
  });

  it('gives the first report as the next occurrence after the start', () => {
    const first = nextOccurrence(calendar, weekly, at('2023-09-01'));
    expect(first?.dueAt).toEqual(at('2023-09-13', '15:00'));
  });
});

describe('weekly occurrences around Spring Festival and National Day', () => {
  const moving: RecurringRule = {
    kind: 'weekly',
    weekday: 3,
    time: '15:00',
    onNonWorkingDay: 'next-working-day',
  };

  it('2024: Wednesday 02-14 moves to the adjusted workday Sunday 02-18', () => {
    expect(list(moving, '2024-02-12', '2024-02-21')).toEqual([
      '2024-02-14 moved 2024-02-18 15:00',
      '2024-02-21 on-schedule 2024-02-21 15:00',
    ]);
  });

  it('2025: Wednesday 01-29 would move onto the next Wednesday, so it merges into it', () => {
    expect(list(moving, '2025-01-20', '2025-02-05')).toEqual([
      '2025-01-22 on-schedule 2025-01-22 15:00',
      '2025-01-29 skipped',
      '2025-02-05 on-schedule 2025-02-05 15:00',
    ]);
  });

  it('2026: Wednesday 02-18 moves to Tuesday 02-24', () => {
    expect(list(moving, '2026-02-16', '2026-02-25')).toEqual([
      '2026-02-18 moved 2026-02-24 15:00',
      '2026-02-25 on-schedule 2026-02-25 15:00',
    ]);
  });

  it('2025: both holiday Wednesdays (10-01, 10-08) would move to 10-09, so only one report remains', () => {
    expect(list(moving, '2025-09-29', '2025-10-15')).toEqual([
      '2025-10-01 skipped',
      '2025-10-08 moved 2025-10-09 15:00',
      '2025-10-15 on-schedule 2025-10-15 15:00',
    ]);
  });

  it('can run every other week from its start date', () => {
    const fortnightly: RecurringRule = {
      kind: 'weekly',
      weekday: 3,
      time: '15:00',
      intervalWeeks: 2,
      startDate: '2025-09-03',
    };
    expect(list(fortnightly, '2025-09-01', '2025-10-20')).toEqual([
      '2025-09-03 on-schedule 2025-09-03 15:00',
      '2025-09-17 on-schedule 2025-09-17 15:00',
      '2025-10-01 skipped',
      '2025-10-15 on-schedule 2025-10-15 15:00',
    ]);
  });
});

describe('monthly and quarterly occurrences', () => {
  it('lists the 20th of each month, moved to the next working day', () => {
    expect(list({ kind: 'day-of-month', day: 20 }, '2025-09-01', '2026-02-28')).toEqual([
      '2025-09-20 moved 2025-09-22 17:30',
      '2025-10-20 on-schedule 2025-10-20 17:30',
      '2025-11-20 on-schedule 2025-11-20 17:30',
      '2025-12-20 moved 2025-12-22 17:30',
      '2026-01-20 on-schedule 2026-01-20 17:30',
      '2026-02-20 moved 2026-02-24 17:30',
    ]);
  });

  it('lists the 20th of each month, brought forward to the previous working day', () => {
    const earlier: RecurringRule = { kind: 'day-of-month', day: 20, roll: 'previous-working-day' };
    expect(list(earlier, '2025-12-01', '2026-02-28')).toEqual([
      '2025-12-20 moved 2025-12-19 17:30',
      '2026-01-20 on-schedule 2026-01-20 17:30',
      '2026-02-20 moved 2026-02-14 17:30',
    ]);
  });

  it('lists only February, May, August and November for quarter months', () => {
    const quarterly: RecurringRule = { kind: 'quarter-month', day: 10 };
    expect(list(quarterly, '2025-01-01', '2025-12-31')).toEqual([
      '2025-02-10 on-schedule 2025-02-10 17:30',
      '2025-05-10 moved 2025-05-12 17:30',
      '2025-08-10 moved 2025-08-11 17:30',
      '2025-11-10 on-schedule 2025-11-10 17:30',
    ]);
  });

  it('ignores occurrences scheduled before the start date', () => {
    const rule: RecurringRule = { kind: 'day-of-month', day: 8, startDate: '2025-11-01' };
    expect(list(rule, '2025-09-01', '2025-12-31')).toEqual([
      '2025-11-08 moved 2025-11-10 17:30',
      '2025-12-08 on-schedule 2025-12-08 17:30',
    ]);
  });
});
