import { computeDueAt, createWorkingCalendar, parseDeadlineRule, shanghaiInstant as at } from '../src/index';
import type { DeadlineRule } from '../src/index';

const calendar = createWorkingCalendar();
const due = (rule: DeadlineRule, date: string, time = '10:00'): Date | null =>
  computeDueAt(calendar, rule, at(date, time));

describe('the seed rules are all expressible as JSON', () => {
  const seeds: DeadlineRule[] = [
    { kind: 'calendar-period', unit: 'week', amount: 2 },
    { kind: 'working-days', days: 15 },
    { kind: 'calendar-period', unit: 'month', amount: 2 },
    { kind: 'working-days', days: 1 },
    { kind: 'working-days', days: 0.5 },
    { kind: 'working-days', days: 2 },
    { kind: 'working-days', days: 2.5 },
    ...[6, 8, 20, 25, 28].map((day): DeadlineRule => ({ kind: 'day-of-month', day })),
    { kind: 'weekly', weekday: 3, time: '15:00', startDate: '2023-09-13' },
    { kind: 'quarter-month', day: 20 },
    { kind: 'working-days-before', days: 1, of: { kind: 'calendar-period', unit: 'week', amount: 2 } },
    { kind: 'long-term' },
  ];

  it.each(seeds.map((rule) => [rule.kind, rule] as const))(
    '%s survives a JSON round trip and validation',
    (_, rule) => {
      expect(parseDeadlineRule(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
    },
  );

  it('rejects malformed rules with the path of the problem', () => {
    expect(() => parseDeadlineRule({ kind: 'working-days', days: 0.3 })).toThrow(/rule\.days/);
    expect(() => parseDeadlineRule({ kind: 'weekly', weekday: 8, time: '15:00' })).toThrow(/rule\.weekday/);
    expect(() => parseDeadlineRule({ kind: 'working-days-before', days: 1, of: { kind: 'soon' } })).toThrow(
      /rule\.of\.kind/,
    );
    expect(() => parseDeadlineRule({ kind: 'day-of-month', day: 20, roll: 'sideways' })).toThrow(
      /rule\.roll/,
    );
    expect(() => parseDeadlineRule({ kind: 'weekly', weekday: 3, time: '15:00', intervalWeeks: 2 })).toThrow(
      /startDate/,
    );
  });
});

describe('working-days rules', () => {
  it('give the exact instant N working days later', () => {
    expect(due({ kind: 'working-days', days: 15 }, '2025-09-26')).toEqual(at('2025-10-23', '10:00'));
    expect(due({ kind: 'working-days', days: 0.5 }, '2025-09-30', '16:00')).toEqual(
      at('2025-10-09', '11:00'),
    );
  });

  it('can instead end at close of business of the day the count ends on', () => {
    const rule: DeadlineRule = { kind: 'working-days', days: 15, endOfDay: true };
    expect(due(rule, '2025-09-26')).toEqual(at('2025-10-23', '17:30'));
  });
});

describe('calendar weeks and months', () => {
  it('end at 17:30 on the date, moved to the next working day by default (National Day 2025)', () => {
    expect(due({ kind: 'calendar-period', unit: 'week', amount: 2 }, '2025-09-19')).toEqual(
      at('2025-10-09', '17:30'),
    );
    expect(due({ kind: 'calendar-period', unit: 'month', amount: 2 }, '2025-08-01')).toEqual(
      at('2025-10-09', '17:30'),
    );
  });

  it('can move to the previous working day or not move at all', () => {
    const weeks = (roll: 'none' | 'previous-working-day'): DeadlineRule => ({
      kind: 'calendar-period',
      unit: 'week',
      amount: 2,
      roll,
    });
    expect(due(weeks('previous-working-day'), '2025-09-19')).toEqual(at('2025-09-30', '17:30'));
    expect(due(weeks('none'), '2025-09-19')).toEqual(at('2025-10-03', '17:30'));
  });

  it('land on an adjusted workday when that is the next working day (Spring Festival 2024 and 2026)', () => {
    expect(due({ kind: 'calendar-period', unit: 'week', amount: 2 }, '2024-02-01')).toEqual(
      at('2024-02-18', '17:30'),
    );
    expect(due({ kind: 'calendar-period', unit: 'month', amount: 2 }, '2023-12-10')).toEqual(
      at('2024-02-18', '17:30'),
    );
    expect(due({ kind: 'calendar-period', unit: 'week', amount: 2 }, '2026-02-04')).toEqual(
      at('2026-02-24', '17:30'),
    );
    const back: DeadlineRule = {
      kind: 'calendar-period',
      unit: 'week',
      amount: 2,
      roll: 'previous-working-day',
    };
    expect(due(back, '2026-02-04')).toEqual(at('2026-02-14', '17:30'));
  });

  it('clamp to month end: Jan 31 + 1 month is Feb 29 in 2024 and Feb 28 in 2025', () => {
    const month: DeadlineRule = { kind: 'calendar-period', unit: 'month', amount: 1 };
    expect(due(month, '2024-01-31')).toEqual(at('2024-02-29', '17:30'));
    expect(due(month, '2025-01-31')).toEqual(at('2025-02-28', '17:30'));
    // 2025-08-31 + 1 month = 09-30 (Tuesday, a working day).
    expect(due(month, '2025-08-31')).toEqual(at('2025-09-30', '17:30'));
  });

  it('roll across Spring Festival 2025 in both directions', () => {
    // 2024-12-01 + 2 months = 2025-02-01, inside the 01-28..02-04 holiday.
    expect(due({ kind: 'calendar-period', unit: 'month', amount: 2 }, '2024-12-01')).toEqual(
      at('2025-02-05', '17:30'),
    );
    const back: DeadlineRule = {
      kind: 'calendar-period',
      unit: 'month',
      amount: 2,
      roll: 'previous-working-day',
    };
    expect(due(back, '2024-12-01')).toEqual(at('2025-01-27', '17:30'));
  });

  it('honour a rule time and a calendar-wide date-deadline time', () => {
    expect(due({ kind: 'calendar-period', unit: 'week', amount: 1, time: '12:00' }, '2025-09-22')).toEqual(
      at('2025-09-29', '12:00'),
    );
    const midnight = createWorkingCalendar({ dateDeadlineTime: '24:00' });
    expect(
      computeDueAt(midnight, { kind: 'calendar-period', unit: 'week', amount: 1 }, at('2025-09-22')),
    ).toEqual(at('2025-09-30', '00:00'));
  });
});

describe('working days before another deadline', () => {
  it('one working day before a two-week deadline skips back over the holiday', () => {
    const rule: DeadlineRule = {
      kind: 'working-days-before',
      days: 1,
      of: { kind: 'calendar-period', unit: 'week', amount: 2 },
    };
    expect(due(rule, '2025-09-19')).toEqual(at('2025-09-30', '17:30'));
    // Two weeks from 2026-02-04 ends 02-24 (after Spring Festival); one working day earlier is Saturday 02-14.
    expect(due(rule, '2026-02-04')).toEqual(at('2026-02-14', '17:30'));
  });

  it('has no deadline when the other one has none', () => {
    expect(due({ kind: 'working-days-before', days: 1, of: { kind: 'long-term' } }, '2025-09-19')).toBeNull();
  });
});

describe('the Nth day of the month', () => {
  const nth = (day: number, roll?: 'next-working-day' | 'previous-working-day'): DeadlineRule =>
    roll === undefined ? { kind: 'day-of-month', day } : { kind: 'day-of-month', day, roll };

  it('moves a holiday later by default and earlier when configured (National Day 2025)', () => {
    expect(due(nth(8), '2025-09-20')).toEqual(at('2025-10-09', '17:30'));
    expect(due(nth(8, 'previous-working-day'), '2025-09-20')).toEqual(at('2025-09-30', '17:30'));
    expect(due(nth(6), '2025-09-10')).toEqual(at('2025-10-09', '17:30'));
    expect(due(nth(6, 'previous-working-day'), '2025-09-10')).toEqual(at('2025-09-30', '17:30'));
  });

  it('keeps an adjusted workday as it is: Sunday 2025-09-28 is worked', () => {
    expect(due(nth(28), '2025-09-01')).toEqual(at('2025-09-28', '17:30'));
    expect(due(nth(28, 'previous-working-day'), '2025-09-01')).toEqual(at('2025-09-28', '17:30'));
  });

  it('rolls across Spring Festival 2025 and 2026 onto the right side', () => {
    expect(due(nth(28), '2025-01-10')).toEqual(at('2025-02-05', '17:30'));
    expect(due(nth(28, 'previous-working-day'), '2025-01-10')).toEqual(at('2025-01-27', '17:30'));
    // Saturday 2025-01-25 is a plain weekend; Sunday 01-26 is the adjusted workday.
    expect(due(nth(25), '2025-01-10')).toEqual(at('2025-01-26', '17:30'));
    expect(due(nth(25, 'previous-working-day'), '2025-01-10')).toEqual(at('2025-01-24', '17:30'));
    expect(due(nth(20), '2026-02-01')).toEqual(at('2026-02-24', '17:30'));
    expect(due(nth(20, 'previous-working-day'), '2026-02-01')).toEqual(at('2026-02-14', '17:30'));
  });

  it('falls on the same day when asked before its time, and next month once passed', () => {
    expect(due(nth(20), '2025-10-20', '09:00')).toEqual(at('2025-10-20', '17:30'));
    expect(due(nth(20), '2025-10-20', '18:00')).toEqual(at('2025-11-20', '17:30'));
  });

  it('clamps to the last day of short months', () => {
    expect(due({ kind: 'day-of-month', day: 31, roll: 'none' }, '2025-02-01')).toEqual(
      at('2025-02-28', '17:30'),
    );
    expect(due({ kind: 'day-of-month', day: 'last', roll: 'none' }, '2024-02-01')).toEqual(
      at('2024-02-29', '17:30'),
    );
  });
});

describe('quarter months (February, May, August, November)', () => {
  it('skip to the next quarter month', () => {
    expect(due({ kind: 'quarter-month', day: 20 }, '2025-06-10')).toEqual(at('2025-08-20', '17:30'));
    expect(due({ kind: 'quarter-month', day: 20 }, '2025-11-21')).toEqual(at('2026-02-24', '17:30'));
  });

  it('default to the last day of the month, rolled by the roll rule', () => {
    // 2025-05-31 is the Dragon Boat holiday (05-31..06-02).
    expect(due({ kind: 'quarter-month' }, '2025-03-15')).toEqual(at('2025-06-03', '17:30'));
    expect(due({ kind: 'quarter-month', roll: 'previous-working-day' }, '2025-03-15')).toEqual(
      at('2025-05-30', '17:30'),
    );
  });
});

describe('every Wednesday at 15:00', () => {
  const skip: DeadlineRule = { kind: 'weekly', weekday: 3, time: '15:00' };
  const move: DeadlineRule = {
    kind: 'weekly',
    weekday: 3,
    time: '15:00',
    onNonWorkingDay: 'next-working-day',
  };

  it('skips the National Day 2023 Wednesday by default and moves it to Saturday 10-07 when configured', () => {
    expect(due(skip, '2023-09-28')).toEqual(at('2023-10-11', '15:00'));
    expect(due(move, '2023-09-28')).toEqual(at('2023-10-07', '15:00'));
  });

  it('is due the next week once this week is past', () => {
    expect(due(skip, '2023-09-13', '15:00')).toEqual(at('2023-09-20', '15:00'));
    expect(due(skip, '2023-09-13', '14:59')).toEqual(at('2023-09-13', '15:00'));
  });
});

describe('long-term rules', () => {
  it('have no deadline', () => {
    expect(due({ kind: 'long-term' }, '2025-09-19')).toBeNull();
  });
});
