import {
  createWorkingCalendar,
  describeRule,
  formatShanghai,
  isoWeekOf,
  listOccurrences,
  parseDeadlineRule,
  scheduledDateInWeekOf,
  shanghaiInstant as at,
  weeklyCutOff,
  weeklyCutOffsBetween,
} from '../src/index';
import type { Occurrence, WeeklyRule } from '../src/index';

const calendar = createWorkingCalendar();
const forward: WeeklyRule = {
  kind: 'weekly',
  weekday: 3,
  time: '15:00',
  onNonWorkingDay: 'previous-working-day',
};
const summary = (o: Occurrence): string =>
  `${o.scheduledDate} ${o.status}${o.dueAt === null ? '' : ` ${formatShanghai(o.dueAt)}`}`;
const list = (from: string, to: string): string[] =>
  listOccurrences(calendar, forward, at(from), at(to, '23:59')).map(summary);

describe('a weekly rule brought forward to the previous working day on holidays', () => {
  it('2023: Wednesday 10-04 (National Day) comes forward to Thursday 09-28', () => {
    expect(list('2023-09-25', '2023-10-12')).toEqual([
      '2023-09-27 on-schedule 2023-09-27 15:00',
      '2023-10-04 moved 2023-09-28 15:00',
      '2023-10-11 on-schedule 2023-10-11 15:00',
    ]);
  });

  it('2025: Wednesday 01-29 (Spring Festival) comes forward to Monday 01-27', () => {
    expect(list('2025-01-20', '2025-02-06')).toEqual([
      '2025-01-22 on-schedule 2025-01-22 15:00',
      '2025-01-29 moved 2025-01-27 15:00',
      '2025-02-05 on-schedule 2025-02-05 15:00',
    ]);
  });

  it('2025: 10-01 and 10-08 would both come forward to 09-30, so 10-08 merges into 10-01', () => {
    expect(list('2025-09-22', '2025-10-16')).toEqual([
      '2025-09-24 on-schedule 2025-09-24 15:00',
      '2025-10-01 moved 2025-09-30 15:00',
      '2025-10-08 skipped',
      '2025-10-15 on-schedule 2025-10-15 15:00',
    ]);
  });

  it('is valid JSON rule data and describes itself', () => {
    expect(parseDeadlineRule(JSON.parse(JSON.stringify(forward)))).toEqual(forward);
    expect(() => parseDeadlineRule({ ...forward, onNonWorkingDay: 'sideways' })).toThrow(/onNonWorkingDay/);
    expect(describeRule(forward).zh).toBe('每周三 15:00，遇节假日提前至前一工作日');
  });
});

describe('weekly cut-offs', () => {
  it('covers the period since the previous cut-off and names the week it closes', () => {
    expect(weeklyCutOff(calendar, forward, '2023-09-20')).toEqual({
      scheduledDate: '2023-09-20',
      cutOffAt: at('2023-09-20', '15:00'),
      moved: false,
      previousCutOffAt: at('2023-09-13', '15:00'),
      weekStartsOn: '2023-09-18',
      weekEndsOn: '2023-09-24',
    });
  });

  it('moves a holiday cut-off forward; the week after runs from the moved one', () => {
    expect(weeklyCutOff(calendar, forward, '2023-10-04')).toMatchObject({
      cutOffAt: at('2023-09-28', '15:00'),
      moved: true,
      previousCutOffAt: at('2023-09-27', '15:00'),
    });
    expect(weeklyCutOff(calendar, forward, '2023-10-11')?.previousCutOffAt).toEqual(
      at('2023-09-28', '15:00'),
    );
  });

  it('has none for a merged week, whose period the next cut-off covers', () => {
    expect(weeklyCutOff(calendar, forward, '2025-10-08')).toBeNull();
    expect(weeklyCutOff(calendar, forward, '2025-10-15')?.previousCutOffAt).toEqual(
      at('2025-09-30', '15:00'),
    );
  });

  it('has none on a day the rule does not schedule', () => {
    expect(weeklyCutOff(calendar, forward, '2023-09-21')).toBeNull();
  });

  it('lists the cut-offs due in a window, a moved one by the instant it falls', () => {
    expect(
      weeklyCutOffsBetween(calendar, forward, at('2023-09-27', '15:00'), at('2023-10-11', '14:59')).map(
        (c) => c.scheduledDate,
      ),
    ).toEqual(['2023-09-27', '2023-10-04']);
  });

  it('finds the scheduled date of any day of a week, even a moved one', () => {
    expect(scheduledDateInWeekOf(calendar, forward, '2023-10-08')).toBe('2023-10-04');
    expect(scheduledDateInWeekOf(calendar, forward, '2023-10-02')).toBe('2023-10-04');
    expect(isoWeekOf('2023-10-04')).toEqual({ startsOn: '2023-10-02', endsOn: '2023-10-08' });
  });
});
