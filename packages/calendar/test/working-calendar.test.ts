import {
  addWorkingDays,
  countWorkingDays,
  createWorkingCalendar,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  shanghaiInstant,
} from '../src/index';

const calendar = createWorkingCalendar();

describe('the base PRC calendar from chinese-days', () => {
  it('covers 2020 through 2026 with published data', () => {
    for (let year = 2020; year <= 2026; year++) expect(calendar.announcedYears).toContain(year);
    expect(calendar.baseSource).toBe('chinese-days@1.5.7');
  });

  it('knows National Day 2025: 09-28 and 10-11 are working, 10-01 to 10-08 are not', () => {
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true);
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(calendar, `2025-10-0${d}`)).toBe(false);
    expect(isWorkingDay(calendar, '2025-10-09')).toBe(true);
    expect(describeDay(calendar, '2025-09-28')).toMatchObject({
      kind: 'adjusted-workday',
      weekday: 7,
      source: 'base',
    });
    expect(describeDay(calendar, '2025-10-06').name).toEqual({ en: 'Mid-autumn Festival', zh: '中秋' });
  });

  it('knows Spring Festival 2024, 2025 and 2026 with their adjusted workdays', () => {
    expect(countWorkingDays(calendar, '2024-02-10', '2024-02-17')).toBe(0);
    expect(isWorkingDay(calendar, '2024-02-04')).toBe(true);
    expect(isWorkingDay(calendar, '2024-02-18')).toBe(true);
    expect(countWorkingDays(calendar, '2025-01-28', '2025-02-04')).toBe(0);
    expect(isWorkingDay(calendar, '2025-01-26')).toBe(true);
    expect(isWorkingDay(calendar, '2025-02-08')).toBe(true);
    expect(countWorkingDays(calendar, '2026-02-15', '2026-02-23')).toBe(0);
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
    expect(isWorkingDay(calendar, '2026-02-28')).toBe(true);
  });

  it('counts working days over a range, adjusted workdays included', () => {
    // 09-22..09-30: Mon–Fri 22–26, Sun 28 (adjusted), Mon 29, Tue 30.
    expect(countWorkingDays(calendar, '2025-09-22', '2025-09-30')).toBe(8);
    expect(countWorkingDays(calendar, '2025-09-22', '2025-10-12')).toBe(11);
  });

  it('finds the next and previous working days across a holiday', () => {
    expect(nextWorkingDay(calendar, '2025-09-30')).toBe('2025-10-09');
    expect(previousWorkingDay(calendar, '2025-10-09')).toBe('2025-09-30');
    expect(nextWorkingDay(calendar, '2026-02-14', true)).toBe('2026-02-14');
    expect(nextWorkingDay(calendar, '2026-02-14')).toBe('2026-02-24');
  });

  it('assumes Monday to Friday in years without published data and says so', () => {
    expect(describeDay(calendar, '2027-01-01')).toMatchObject({
      working: true,
      announced: false,
      source: 'weekday-rule',
    });
    expect(describeDay(calendar, '2027-01-02')).toMatchObject({
      working: false,
      kind: 'weekend',
      announced: false,
    });
  });

  it('refuses dates outside the supported range instead of guessing', () => {
    expect(() => isWorkingDay(calendar, '1999-12-31')).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, shanghaiInstant('2035-01-01'), 1)).toThrow(RangeError);
  });
});

describe('calendar overrides', () => {
  it('adding a holiday moves a working-day deadline', () => {
    const anchor = shanghaiInstant('2025-09-22', '10:00');
    expect(addWorkingDays(calendar, anchor, 2)).toEqual(shanghaiInstant('2025-09-24', '10:00'));
    const corrected = createWorkingCalendar({
      overrides: [{ date: '2025-09-23', type: 'holiday', name: 'Local closure' }],
    });
    expect(addWorkingDays(corrected, anchor, 2)).toEqual(shanghaiInstant('2025-09-25', '10:00'));
    expect(describeDay(corrected, '2025-09-23')).toMatchObject({ kind: 'holiday', source: 'override' });
  });

  it('adding an adjusted workday on a weekend makes it count', () => {
    const anchor = shanghaiInstant('2025-09-26', '16:00');
    expect(addWorkingDays(calendar, anchor, 0.5)).toEqual(shanghaiInstant('2025-09-28', '11:00'));
    const corrected = createWorkingCalendar({ overrides: [{ date: '2025-09-27', type: 'workday' }] });
    expect(addWorkingDays(corrected, anchor, 0.5)).toEqual(shanghaiInstant('2025-09-27', '11:00'));
    expect(describeDay(corrected, '2025-09-27').kind).toBe('adjusted-workday');
  });

  it('clearing a published fact restores the plain weekday rule', () => {
    const corrected = createWorkingCalendar({
      overrides: [
        { date: '2025-10-11', type: 'clear' },
        { date: '2025-10-08', type: 'clear' },
      ],
    });
    expect(describeDay(corrected, '2025-10-11')).toMatchObject({ kind: 'weekend', working: false });
    expect(describeDay(corrected, '2025-10-08')).toMatchObject({ kind: 'workday', working: true });
    expect(describeDay(corrected, '2025-10-08').name).toBeUndefined();
  });

  it('adds a whole new year from a State Council notice, with ranges', () => {
    const with2027 = createWorkingCalendar({
      overrides: [
        {
          date: '2027-02-06',
          to: '2027-02-13',
          type: 'holiday',
          name: { en: 'Spring Festival', zh: '春节' },
        },
        { date: '2027-02-14', type: 'workday', name: { en: 'Spring Festival', zh: '春节' } },
      ],
    });
    expect(with2027.announcedYears).toContain(2027);
    expect(countWorkingDays(with2027, '2027-02-06', '2027-02-13')).toBe(0);
    expect(describeDay(with2027, '2027-02-14')).toMatchObject({ kind: 'adjusted-workday', announced: true });
  });

  it('lets later entries win over earlier ones for the same date', () => {
    const corrected = createWorkingCalendar({
      overrides: [
        { date: '2025-09-23', type: 'holiday' },
        { date: '2025-09-23', type: 'clear' },
      ],
    });
    expect(isWorkingDay(corrected, '2025-09-23')).toBe(true);
  });

  it('does not change the calendar it was derived from', () => {
    createWorkingCalendar({ overrides: [{ date: '2025-09-23', type: 'holiday' }] });
    expect(isWorkingDay(calendar, '2025-09-23')).toBe(true);
  });

  it('rejects malformed overrides', () => {
    expect(() => createWorkingCalendar({ overrides: [{ date: '2025-02-30', type: 'holiday' }] })).toThrow(
      RangeError,
    );
    expect(() =>
      createWorkingCalendar({ overrides: [{ date: '2025-10-02', to: '2025-10-01', type: 'holiday' }] }),
    ).toThrow(RangeError);
  });
});

describe('calendar versions', () => {
  it('are the same for the same data in any process and name the base data', () => {
    const again = createWorkingCalendar();
    expect(again.version).toBe(calendar.version);
    expect(calendar.version).toMatch(/^chinese-days@1\.5\.7\+[0-9a-f]{16}$/);
  });

  it('change when an override is added', () => {
    const corrected = createWorkingCalendar({ overrides: [{ date: '2025-09-23', type: 'holiday' }] });
    expect(corrected.version).not.toBe(calendar.version);
  });

  it('depend on the effective overrides, not on the order they were listed in', () => {
    const a = { date: '2025-09-23', type: 'holiday' } as const;
    const b = { date: '2025-12-31', type: 'holiday' } as const;
    expect(createWorkingCalendar({ overrides: [a, b] }).version).toBe(
      createWorkingCalendar({ overrides: [b, a] }).version,
    );
  });

  it('change when office hours or the date-deadline time change', () => {
    const hours = { morning: { start: '08:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } };
    expect(createWorkingCalendar({ officeHours: hours }).version).not.toBe(calendar.version);
    expect(createWorkingCalendar({ dateDeadlineTime: '24:00' }).version).not.toBe(calendar.version);
  });
});
