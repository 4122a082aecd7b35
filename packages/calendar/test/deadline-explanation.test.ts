import { createWorkingCalendar, explainDeadline, shanghaiInstant as at } from '../src/index';

const calendar = createWorkingCalendar();

describe('explaining a working-day deadline across National Day 2025', () => {
  const explanation = explainDeadline(
    calendar,
    { kind: 'working-days', days: 15 },
    at('2025-09-26', '10:00'),
  );

  it('lists the weekends and holidays skipped and the adjusted workdays counted', () => {
    expect(explanation.dueAt).toEqual(at('2025-10-23', '10:00'));
    expect(explanation.skippedDays.filter((d) => d.kind === 'weekend').map((d) => d.date)).toEqual([
      '2025-09-27',
      '2025-10-12',
      '2025-10-18',
      '2025-10-19',
    ]);
    expect(explanation.skippedDays.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(explanation.adjustedWorkdays).toEqual([
      {
        date: '2025-09-28',
        weekday: 7,
        kind: 'adjusted-workday',
        name: { en: 'National Day', zh: '国庆节' },
      },
      {
        date: '2025-10-11',
        weekday: 6,
        kind: 'adjusted-workday',
        name: { en: 'National Day', zh: '国庆节' },
      },
    ]);
    expect(explanation.provisional).toBe(false);
    expect(explanation.calendarVersion).toBe(calendar.version);
  });

  it('says so in Chinese and English', () => {
    expect(explanation.text.zh).toBe(
      '自2025-09-26 10:00起，15个工作日：截止2025-10-23 10:00（北京时间）；跳过周末4天；' +
        '跳过节假日国庆节、中秋（2025-10-01至2025-10-08）；计入调休上班日2025-09-28、2025-10-11。',
    );
    expect(explanation.text.en).toBe(
      'From 2025-09-26 10:00, 15 working days: due 2025-10-23 10:00 (Asia/Shanghai); skipped 4 weekend days; ' +
        'skipped holidays National Day/Mid-autumn Festival 2025-10-01–2025-10-08; ' +
        'counted adjusted working days 2025-09-28, 2025-10-11.',
    );
  });
});

describe('explaining other rules', () => {
  it('shows where an instant outside office hours started counting', () => {
    const explanation = explainDeadline(
      calendar,
      { kind: 'working-days', days: 0.5 },
      at('2024-02-09', '18:00'),
    );
    expect(explanation.steps[0]).toEqual({
      type: 'roll-to-working-time',
      from: at('2024-02-09', '18:00'),
      to: at('2024-02-18', '09:00'),
    });
    expect(explanation.dueAt).toEqual(at('2024-02-18', '12:00'));
    expect(explanation.skippedDays.map((d) => d.date)).toEqual([
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
    ]);
  });

  it('shows month-end clamping', () => {
    const explanation = explainDeadline(
      calendar,
      { kind: 'calendar-period', unit: 'month', amount: 1 },
      at('2024-01-31', '10:00'),
    );
    expect(explanation.steps).toEqual([
      {
        type: 'add-calendar-period',
        unit: 'month',
        amount: 1,
        fromDate: '2024-01-31',
        toDate: '2024-02-29',
        clampedToMonthEnd: true,
      },
      { type: 'end-of-day', date: '2024-02-29', time: '17:30' },
    ]);
    expect(explanation.text.en).toContain('2024-02-29 is the month end');
  });

  it('shows a date moved off a holiday', () => {
    const explanation = explainDeadline(calendar, { kind: 'day-of-month', day: 20 }, at('2026-02-01'));
    expect(explanation.steps).toEqual([
      {
        type: 'occurrence',
        scheduledDate: '2026-02-20',
        date: '2026-02-24',
        status: 'moved',
        skippedScheduledDates: [],
      },
    ]);
    expect(explanation.skippedDays.map((d) => `${d.date} ${d.name?.zh}`)).toEqual([
      '2026-02-20 春节',
      '2026-02-21 春节',
      '2026-02-22 春节',
      '2026-02-23 春节',
    ]);
    expect(explanation.text.zh).toContain('2026-02-20为非工作日，顺延至2026-02-24');
  });

  it('shows which weekly occurrences were skipped', () => {
    const explanation = explainDeadline(
      calendar,
      { kind: 'weekly', weekday: 3, time: '15:00' },
      at('2023-09-28', '10:00'),
    );
    expect(explanation.dueAt).toEqual(at('2023-10-11', '15:00'));
    expect(explanation.steps).toEqual([
      {
        type: 'occurrence',
        scheduledDate: '2023-10-11',
        date: '2023-10-11',
        status: 'on-schedule',
        skippedScheduledDates: ['2023-10-04'],
      },
    ]);
    expect(explanation.text.en).toContain('no occurrence on 2023-10-04');
  });

  it('walks back for a deadline before another deadline', () => {
    const explanation = explainDeadline(
      calendar,
      { kind: 'working-days-before', days: 1, of: { kind: 'calendar-period', unit: 'week', amount: 2 } },
      at('2025-09-19', '10:00'),
    );
    expect(explanation.dueAt).toEqual(at('2025-09-30', '17:30'));
    expect(explanation.steps.map((s) => s.type)).toEqual([
      'add-calendar-period',
      'roll-date',
      'end-of-day',
      'count-working-days',
    ]);
    expect(explanation.steps.at(-1)).toMatchObject({
      direction: 'backward',
      from: at('2025-10-09', '17:30'),
      to: at('2025-09-30', '17:30'),
    });
  });

  it('flags deadlines in a year whose holidays are not yet published', () => {
    const explanation = explainDeadline(
      calendar,
      { kind: 'working-days', days: 15 },
      at('2026-12-21', '10:00'),
    );
    expect(explanation.provisional).toBe(true);
    expect(explanation.text.zh).toContain('暂定');
  });

  it('says there is no deadline for a long-term rule', () => {
    const explanation = explainDeadline(calendar, { kind: 'long-term' }, at('2025-09-19'));
    expect(explanation.dueAt).toBeNull();
    expect(explanation.text).toEqual({
      en: 'long-term (no deadline): no deadline.',
      zh: '长期（无期限）：无期限。',
    });
  });
});
