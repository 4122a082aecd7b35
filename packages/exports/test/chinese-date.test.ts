import {
  chineseDate,
  chineseDateRange,
  chineseDateTime,
  chineseMonthDay,
  chineseNumeral,
  measureDeadlineLabel,
} from '../src';

describe('dates as the offices write them', () => {
  it('writes a date without leading zeros', () => {
    expect(chineseDate('2025-09-10')).toBe('2025年9月10日');
    expect(chineseDate('2023-08-29')).toBe('2023年8月29日');
  });

  it('writes a span repeating only what changes, as seed 004 does', () => {
    expect(chineseDateRange('2024-10-21', '2024-12-20')).toBe('2024年10月21日至12月20日');
    expect(chineseDateRange('2023-09-07', '2023-09-13')).toBe('2023年9月7日至13日');
    expect(chineseDateRange('2024-12-26', '2025-01-05')).toBe('2024年12月26日至2025年1月5日');
    expect(chineseDateRange('2025-02-28', '2025-02-28')).toBe('2025年2月28日');
  });

  it('keeps the year of a month-day only when it is not the reference year', () => {
    expect(chineseMonthDay('2023-08-29')).toBe('8月29日');
    expect(chineseMonthDay('2023-08-29', 2023)).toBe('8月29日');
    expect(chineseMonthDay('2024-03-01', 2023)).toBe('2024年3月1日');
  });

  it('writes a local time in hours and minutes', () => {
    expect(chineseDateTime('2023-09-13 14:05')).toBe('2023年9月13日14时05分');
  });

  it('refuses what is not a local date', () => {
    expect(() => chineseDate('2025/09/10')).toThrow(RangeError);
    expect(() => chineseDate('2025-13-01')).toThrow(RangeError);
    expect(() => chineseDateTime('2025-09-10T06:00:00Z')).toThrow(RangeError);
  });

  it('numbers headings in Chinese', () => {
    expect([1, 2, 10, 11, 20, 38].map(chineseNumeral)).toEqual(['一', '二', '十', '十一', '二十', '三十八']);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
  });
});

describe('完成时限 as the plan writes it', () => {
  it("keeps the plan's own wording", () => {
    expect(
      measureDeadlineLabel({
        kind: 'DATE_RANGE',
        startsOn: '2023-09-07',
        dueOn: '2023-09-08',
        label: '自9月7日起至8日',
      }),
    ).toBe('自9月7日起至8日');
    expect(measureDeadlineLabel({ kind: 'NONE', label: '已完成整改' })).toBe('已完成整改');
  });

  it("writes the seed's forms when there is no wording", () => {
    expect(measureDeadlineLabel({ kind: 'DATE', dueOn: '2023-09-08' }, 2023)).toBe('9月8日前');
    expect(
      measureDeadlineLabel({ kind: 'DATE_RANGE', startsOn: '2023-09-11', dueOn: '2023-09-14' }, 2023),
    ).toBe('自9月11日起至14日');
    expect(
      measureDeadlineLabel({ kind: 'DATE_RANGE', startsOn: '2023-09-25', dueOn: '2023-10-08' }, 2023),
    ).toBe('自9月25日起至10月8日');
    expect(measureDeadlineLabel({ kind: 'MONTH_END', dueOn: '2023-09-30' }, 2023)).toBe('9月底');
    expect(measureDeadlineLabel({ kind: 'LONG_TERM' })).toBe('长期坚持');
    expect(measureDeadlineLabel({ kind: 'NONE' })).toBe('');
  });

  it("adds the year when the deadline falls outside the campaign's year", () => {
    expect(measureDeadlineLabel({ kind: 'MONTH_END', dueOn: '2024-03-31' }, 2023)).toBe('2024年3月底');
    expect(measureDeadlineLabel({ kind: 'DATE', dueOn: '2024-01-15' }, 2023)).toBe('2024年1月15日前');
    expect(
      measureDeadlineLabel({ kind: 'DATE_RANGE', startsOn: '2023-12-25', dueOn: '2024-01-05' }, 2023),
    ).toBe('自12月25日起至2024年1月5日');
  });
});
