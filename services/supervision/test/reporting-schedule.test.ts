import { formatShanghai, shanghaiInstant } from '@eco/calendar';
import { claimDueAt, feedbackDueAt } from '../src/domain/leader-instruction-clocks';
import { obligationStatus, owedPeriods } from '../src/domain/report-obligations';
import { DEFAULT_REPORTING_DAYS, effectiveSchedule, reportDeadline } from '../src/domain/reporting-schedule';
import { supervisionCalendar as calendar } from '../src/domain/working-calendar';

const shown = (at: Date) => formatShanghai(at);

describe('reporting schedules (督办事项填报节点要求, seed 001 annex 6)', () => {
  it('default to annex 6: leader instructions the 6th, key tasks and historical problems the 20th, practical projects the 25th, livelihood briefs the 28th', () => {
    expect(DEFAULT_REPORTING_DAYS).toEqual({
      LEADER_INSTRUCTION: 6,
      DISTRICT_KEY_TASK: 20,
      HISTORICAL_PROBLEM: 20,
      BUREAU_KEY_TASK: 20,
      PRACTICAL_PROJECT: 25,
      LIVELIHOOD_PROJECT: 28,
    });
  });

  it('take the office configured day over the default (annex 1 says the 8th for leader instructions)', () => {
    expect(effectiveSchedule('LEADER_INSTRUCTION', 8)).toEqual({
      category: 'LEADER_INSTRUCTION',
      dayOfMonth: 8,
      configured: true,
    });
    expect(effectiveSchedule('LEADER_INSTRUCTION', null)).toEqual({
      category: 'LEADER_INSTRUCTION',
      dayOfMonth: 6,
      configured: false,
    });
    expect(effectiveSchedule('MEDIA_OVERSIGHT', null)).toBeNull();
  });

  it.each([
    ['DISTRICT_KEY_TASK', 20, '2024-06', '2024-06-20 17:30', '2024-06-20 17:30'],
    ['DISTRICT_KEY_TASK', 20, '2024-04', '2024-04-19 17:30', '2024-04-19 17:30'],
    ['LEADER_INSTRUCTION', 6, '2024-10', '2024-09-30 17:30', '2024-09-30 17:30'],
    ['BUREAU_KEY_TASK', 20, '2024-06', '2024-06-20 17:30', '2024-06-19 17:30'],
    ['PRACTICAL_PROJECT', 25, '2024-05', '2024-05-24 17:30', '2024-05-23 17:30'],
    ['LIVELIHOOD_PROJECT', 28, '2024-09', '2024-09-27 17:30', '2024-09-26 17:30'],
    ['BUREAU_KEY_TASK', 20, '2024-05', '2024-05-20 17:30', '2024-05-17 17:30'],
  ] as const)('%s on the %ind of %s: node %s, due %s', (category, day, period, node, due) => {
    const deadline = reportDeadline(calendar, category, day, period);
    expect([shown(deadline.nodeAt), shown(deadline.dueAt)]).toEqual([node, due]);
    expect(deadline.onPlatform).toBe(
      !['BUREAU_KEY_TASK', 'PRACTICAL_PROJECT', 'LIVELIHOOD_PROJECT'].includes(category),
    );
  });
});

describe('report obligations', () => {
  const dueAtOf = (period: string) => reportDeadline(calendar, 'DISTRICT_KEY_TASK', 20, period).dueAt;

  it('start with the first deadline after the item was registered and stop when it closes', () => {
    const item = {
      createdAt: shanghaiInstant('2024-03-25', '09:00'),
      closedAt: shanghaiInstant('2024-06-21', '09:00'),
    };
    expect(owedPeriods(item, '2024-01', '2024-12', dueAtOf).map((o) => o.period)).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
  });

  it('are on time, late, missing or still due', () => {
    const due = shanghaiInstant('2024-06-20', '17:30');
    expect(obligationStatus(due, shanghaiInstant('2024-06-20', '17:30'), due)).toBe('ON_TIME');
    expect(obligationStatus(due, shanghaiInstant('2024-06-21', '09:00'), due)).toBe('LATE');
    expect(obligationStatus(due, null, shanghaiInstant('2024-06-20', '17:31'))).toBe('MISSING');
    expect(obligationStatus(due, null, shanghaiInstant('2024-06-20', '17:00'))).toBe('DUE');
  });
});

describe('leader-instruction clocks (领导批示件, seed 001 annex 1)', () => {
  it('claims within one working day: a Friday afternoon 督办单 is due Monday afternoon', () => {
    expect(shown(claimDueAt(shanghaiInstant('2024-06-14', '15:00')))).toBe('2024-06-17 15:00');
  });

  it('enters approved feedback one working day before the instruction’s date', () => {
    expect(shown(feedbackDueAt('2024-06-19'))).toBe('2024-06-18 17:30');
    // A Monday date: the Friday before.
    expect(shown(feedbackDueAt('2024-06-17'))).toBe('2024-06-14 17:30');
    // A date in the National Day holiday: the last working day before it, then one more back.
    expect(shown(feedbackDueAt('2024-10-03'))).toBe('2024-09-29 17:30');
  });
});
