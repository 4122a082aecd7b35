import { formatShanghai, shanghaiInstant } from '@eco/calendar';
import { meetingSlots } from '../src/domain/progress-meetings';
import { buildQuarterlyReport, quarterWindow } from '../src/domain/quarterly-report';
import { supervisionCalendar as calendar } from '../src/domain/working-calendar';

describe('quarterly reports (情况通报: February, May, August, November)', () => {
  it('cover the three months before the quarter month, due on its last working day', () => {
    const window = quarterWindow(calendar, 2025, 2);
    expect(window).toMatchObject({ coversFrom: '2024-11', coversTo: '2025-01' });
    expect(formatShanghai(window.dueAt)).toBe('2025-02-28 17:30');
    expect(formatShanghai(quarterWindow(calendar, 2024, 8).dueAt)).toBe('2024-08-30 17:30');
  });

  it('are made only in quarter months', () => {
    expect(() => quarterWindow(calendar, 2024, 3)).toThrow(RangeError);
  });

  it('sum up items, lights, reports, escalations and the direct line from the facts', () => {
    const window = quarterWindow(calendar, 2024, 5);
    const at = (date: string) => shanghaiInstant(date, '10:00');
    const report = buildQuarterlyReport(window, {
      now: at('2024-05-10'),
      items: [
        {
          id: 'a',
          title: 'A',
          category: 'DISTRICT_KEY_TASK',
          departmentId: null,
          createdAt: at('2024-01-05'),
          closedAt: null,
          lights: [{ period: '2024-04', light: 'RED' }],
        },
        {
          id: 'b',
          title: 'B',
          category: 'DISTRICT_KEY_TASK',
          departmentId: null,
          createdAt: at('2024-03-01'),
          closedAt: at('2024-04-10'),
          lights: [],
        },
        {
          id: 'c',
          title: 'C',
          category: 'BUREAU_KEY_TASK',
          departmentId: null,
          createdAt: at('2024-02-01'),
          closedAt: null,
          lights: [{ period: '2024-05', light: 'YELLOW' }],
        },
        {
          id: 'd',
          title: 'D',
          category: 'BUREAU_KEY_TASK',
          departmentId: null,
          createdAt: at('2024-05-02'),
          closedAt: null,
          lights: [],
        },
      ],
      obligations: [
        { itemId: 'a', dueAt: at('2024-02-20'), submittedAt: at('2024-02-19'), overLimit: false },
        { itemId: 'a', dueAt: at('2024-03-20'), submittedAt: at('2024-03-22'), overLimit: true },
        { itemId: 'a', dueAt: at('2024-04-19'), submittedAt: null, overLimit: false },
        { itemId: 'a', dueAt: at('2024-05-20'), submittedAt: null, overLimit: false },
      ],
      escalations: [
        { itemId: 'a', level: 2, triggeredAt: at('2024-04-22') },
        { itemId: 'a', level: 1, triggeredAt: at('2024-01-22') },
      ],
      directLine: [
        { raisedAt: at('2024-03-04'), status: 'ANSWERED', breached: [] },
        { raisedAt: at('2024-04-04'), status: 'CLAIMED', breached: ['ANSWER'] },
      ],
    });
    expect(report.categories.find((c) => c.category === 'DISTRICT_KEY_TASK')).toEqual({
      category: 'DISTRICT_KEY_TASK',
      registered: 2,
      newInQuarter: 1,
      closedInQuarter: 1,
      openAtEnd: 1,
    });
    // c's May light is after the quarter; d is registered after it.
    expect(report.lights).toEqual({ green: 0, yellow: 0, red: 1, unlit: 1 });
    expect(report.reports).toEqual({ owed: 3, onTime: 1, late: 1, missing: 1, due: 0, overLimit: 1 });
    expect(report.escalations).toEqual([
      { level: 1, count: 0 },
      { level: 2, count: 1 },
      { level: 3, count: 0 },
    ]);
    expect(report.directLine).toEqual({ raised: 2, answered: 1, declined: 0, open: 1, breached: 1 });
    expect(report.attention).toEqual([{ itemId: 'a', title: 'A', light: 'RED', escalationLevel: 2 }]);
  });
});

describe('bi-monthly progress meetings (双月例会)', () => {
  it('have a slot in each even month, holding the meetings recorded in it', () => {
    const slots = meetingSlots(2024, [{ heldOn: '2024-04-12' }, { heldOn: '2024-05-02' }]);
    expect(slots.map((s) => [s.month, s.meetings.length])).toEqual([
      [2, 0],
      [4, 1],
      [6, 0],
      [8, 0],
      [10, 0],
      [12, 0],
    ]);
  });
});
